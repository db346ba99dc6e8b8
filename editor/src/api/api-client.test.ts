import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error.ts';
import { createApiClient } from './api-client.ts';

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('api client', () => {
  it('sends the bearer token and parses responses with the shared DTO schemas', async () => {
    const fetch = vi.fn(async () => json(201, { version: 3, hash: 'abc' }));
    const api = createApiClient({ baseUrl: 'https://runtime.example/', token: 'T', fetch });
    await expect(api.createVersion('wf 1')).resolves.toEqual({ version: 3, hash: 'abc' });
    expect(fetch).toHaveBeenCalledWith('https://runtime.example/api/workflows/wf%201/versions', expect.objectContaining({ method: 'POST', headers: expect.objectContaining({ authorization: 'Bearer T' }) }));
  });

  it('surfaces error responses as code, message and issues', async () => {
    const issues = [{ code: 'invalid_config', path: ['nodes', 0, 'config', 'url'], message: 'Required', nodeId: 'http-1' }];
    const api = createApiClient({ baseUrl: '', token: 'T', fetch: async () => json(422, { error: { code: 'VALIDATION_FAILED', message: 'The graph has 1 problem', issues } }) });
    const error = await api.updateDraft('wf', { schemaVersion: 1, nodes: [], edges: [] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'VALIDATION_FAILED', message: 'The graph has 1 problem', issues });
  });

  it('calls onUnauthorized on 401, and reports unreachable runtimes and unexpected answers', async () => {
    const onUnauthorized = vi.fn();
    const expired = createApiClient({ baseUrl: '', token: 'old', onUnauthorized, fetch: async () => json(401, { error: { code: 'UNAUTHENTICATED', message: 'Token expired' } }) });
    await expect(expired.me()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(onUnauthorized).toHaveBeenCalledOnce();
    const down = createApiClient({ baseUrl: '', token: 'T', fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(down.listWorkflows()).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
    const odd = createApiClient({ baseUrl: '', token: 'T', fetch: async () => json(200, { items: 'nope' }) });
    await expect(odd.listWorkflows()).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('pages through run events', async () => {
    const event = (seq: number) => ({ runId: 'r', seq, type: 'step.started', nodeId: 'a', at: '2030-01-01T00:00:00Z' });
    const pages = [[event(1), event(2)], [event(3)], []];
    const fetch = vi.fn(async () => json(200, { items: pages.shift() }));
    const api = createApiClient({ baseUrl: '', token: 'T', fetch });
    expect((await api.allRunEvents('r')).map((item) => item.seq)).toEqual([1, 2, 3]);
    expect(fetch.mock.calls.map((call) => String((call as unknown[])[0]))).toEqual(['/api/runs/r/events?afterSeq=0', '/api/runs/r/events?afterSeq=2', '/api/runs/r/events?afterSeq=3']);
  });

  it('lists, reads and decides approval tasks', async () => {
    const task = {
      id: 't1', runId: 'r1', workflowId: 'w1', workflowName: 'AP', nodeId: 'approve', nodeLabel: 'Approve', title: 'Invoice INV-1',
      amount: { amount: 123450, currency: 'EUR' }, level: 1, levelCount: 2, quorum: 1, assigneeId: 'u1', assigneeName: 'Ann', route: 'assignee',
      status: 'open', createdAt: '2030-01-01T00:00:00Z', dueAt: null, closedAt: null, decision: null, decidedBy: null, onBehalfOf: null, comment: null, delegatedFrom: null,
    };
    const fetch = vi.fn(async (url: string | URL | Request, _init?: RequestInit) => json(200, String(url).includes('decision') ? { ...task, status: 'rejected', decision: 'reject' } : { items: [task] }));
    const api = createApiClient({ baseUrl: '', token: 'T', fetch });
    await expect(api.listTasks({ status: 'all', scope: 'mine' })).resolves.toEqual([task]);
    await expect(api.decideTask('t 1', { decision: 'reject', comment: 'Wrong vendor' })).resolves.toMatchObject({ status: 'rejected' });
    expect(fetch.mock.calls.map((call) => String((call as unknown[])[0]))).toEqual(['/api/tasks?status=all&scope=mine', '/api/tasks/t%201/decision']);
    expect(fetch.mock.calls[1]?.[1]).toMatchObject({ method: 'POST', body: JSON.stringify({ decision: 'reject', comment: 'Wrong vendor' }) });
  });

  it('keeps the reason of a refused decision', async () => {
    const api = createApiClient({ baseUrl: '', token: 'T', fetch: async () => json(403, { error: { code: 'SOD_VIOLATION', message: 'You submitted this invoice' } }) });
    await expect(api.decideTask('t1', { decision: 'approve' })).rejects.toMatchObject({ status: 403, code: 'SOD_VIOLATION', message: 'You submitted this invoice' });
  });

  it('calls the change-control routes and keeps the findings of a refused submission', async () => {
    const version = {
      workflowId: 'w1', version: 2, hash: 'h', graph: { schemaVersion: 1, nodes: [], edges: [], settings: {} }, status: 'approved', createdAt: 'x', createdBy: 'd',
      submittedBy: 'd', submittedAt: 'x', reviewedBy: 'r', reviewedAt: 'x', reviewComment: null, publishedBy: null, publishedAt: null, live: false, lint: [],
    };
    const fetch = vi.fn(async (url: string | URL | Request, _init?: RequestInit) => {
      const path = String(url);
      if (path.endsWith('/submit')) return json(422, { error: { code: 'VALIDATION_FAILED', message: 'blocked', details: { findings: [{ code: 'ai_drives_posting', severity: 'error', message: 'AI' }] } } });
      if (path.includes('/audit/verify')) return json(200, { ok: false, checked: 7, firstBadSeq: 4, reason: 'edited' });
      if (path.includes('/api/audit')) return json(200, { items: [], nextBeforeSeq: null });
      if (path.includes('format=html')) return new Response('<!doctype html><p>pack</p>', { status: 200, headers: { 'content-type': 'text/html' } });
      return json(200, version);
    });
    const api = createApiClient({ baseUrl: '', token: 'T', fetch });
    await expect(api.approveVersion('w 1', 2, 'ok')).resolves.toMatchObject({ status: 'approved' });
    await expect(api.rejectVersion('w1', 2, 'no')).resolves.toMatchObject({ version: 2 });
    const refused = await api.submitVersion('w1', 2).catch((caught: unknown) => caught);
    expect(refused).toMatchObject({ status: 422, details: { findings: [{ code: 'ai_drives_posting' }] } });
    await expect(api.listAudit({ actor: 'demo-reviewer', runId: '', beforeSeq: 40 })).resolves.toEqual({ items: [], nextBeforeSeq: null });
    await expect(api.verifyAudit()).resolves.toEqual({ ok: false, checked: 7, firstBadSeq: 4, reason: 'edited' });
    await expect(api.getEvidenceHtml('r1')).resolves.toContain('pack');
    expect(fetch.mock.calls.map((call) => String((call as unknown[])[0]))).toEqual([
      '/api/workflows/w%201/versions/2/approve',
      '/api/workflows/w1/versions/2/reject',
      '/api/workflows/w1/versions/2/submit',
      '/api/audit?actor=demo-reviewer&beforeSeq=40',
      '/api/audit/verify',
      '/api/runs/r1/evidence?format=html',
    ]);
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ method: 'POST', body: JSON.stringify({ comment: 'ok' }) });
    expect(fetch.mock.calls[5]?.[1]).toMatchObject({ headers: expect.objectContaining({ accept: 'text/html', authorization: 'Bearer T' }) });
  });
});
