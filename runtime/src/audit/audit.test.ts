import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventSchema, EvidencePackSchema, verifyEvidencePack } from '@countersign/shared';
import { startTestRuntime, type TestRuntime } from '../api/api-test-harness.ts';

// finance-controls.md, "Audit trail": append-only, per tenant, hash-chained; verification reports the
// first bad event for an edited field, a deleted event or a reordering.
let t: TestRuntime;
let auditor: string;
let runId: string;

beforeAll(async () => {
  t = await startTestRuntime();
  auditor = await t.login('auditor@demo.test');
  // An approved invoice run of the seeded workflow: webhook -> checks -> approval -> ERP post.
  const started = await t.call('POST', '/hooks/ap-invoice-intake', { json: { invoiceNumber: 'AUD-1', vendor: 'Umbrella', amount: 12_345, currency: 'EUR', invoiceDate: '2026-11-02', submittedBy: 'demo-operator' } });
  runId = started.body.runId;
  const approver = await t.login('approver@demo.test');
  for (let i = 0; ; i++) {
    const [task] = (await t.call('GET', `/api/tasks?runId=${runId}`, { token: approver })).body.items;
    if (task) {
      await t.call('POST', `/api/tasks/${task.id}/decision`, { token: approver, json: { decision: 'approve', comment: 'Matches the PO' } });
      break;
    }
    if (i > 400) throw new Error('no task');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await t.waitForRun(auditor, runId);
}, 60_000);
afterAll(async () => t?.close());

const verify = async () => (await t.call('GET', '/api/audit/verify', { token: auditor })).body;
const row = (seq: number) => t.database.knex('audit_events').where({ tenant_id: 'demo', seq }).first();

describe('the audit trail', () => {
  it('records logins, the seeded lifecycle, the run, every step outcome and the approval, and verifies', async () => {
    const { body } = await t.call('GET', `/api/audit?runId=${runId}&limit=500`, { token: auditor });
    const actions = [...body.items].reverse().map((e: { action: string }) => e.action);
    expect(actions[0]).toBe('run.started');
    expect(actions).toEqual(expect.arrayContaining(['step.succeeded', 'step.waiting', 'approval.level_opened', 'approval.decided', 'approval.approved', 'run.succeeded']));
    const decided = body.items.find((e: { action: string }) => e.action === 'approval.decided');
    expect(AuditEventSchema.parse(decided)).toMatchObject({ actor: { type: 'user', id: 'demo-approver', onBehalfOf: null }, reason: 'Matches the PO', runId, correlationId: expect.any(String) });
    // Engine decisions correlate by run; API calls by request (X-Request-Id is echoed and recorded).
    expect(body.items.find((e: { action: string }) => e.action === 'step.succeeded').correlationId).toBe(runId);
    const login = await fetch(`${t.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'req-audit-1' }, body: JSON.stringify({ email: 'reviewer@demo.test', password: 'demo-password-1' }) });
    expect(login.headers.get('x-request-id')).toBe('req-audit-1');
    expect((await t.call('GET', '/api/audit?action=auth.login&limit=1', { token: auditor })).body.items[0]).toMatchObject({ actor: { id: 'demo-reviewer' }, correlationId: 'req-audit-1' });
    const all = (await t.call('GET', '/api/audit?limit=500', { token: auditor })).body.items.map((e: { action: string }) => e.action);
    expect(all).toEqual(expect.arrayContaining(['tenant.seeded', 'version.published', 'auth.login']));
    expect(await verify()).toMatchObject({ ok: true });
    // Filters and paging: newest first, then further back.
    const page = (await t.call('GET', '/api/audit?limit=3', { token: auditor })).body;
    const next = (await t.call('GET', `/api/audit?limit=3&beforeSeq=${page.nextBeforeSeq}`, { token: auditor })).body;
    expect(next.items[0].seq).toBe(page.items[2].seq - 1);
    expect((await t.call('GET', '/api/audit', { token: await t.login('approver@demo.test') })).status).toBe(403);
  });

  it('leaves no event when the change fails (same transaction) and offers no way to edit or delete events', async () => {
    const designer = await t.login('designer@demo.test');
    const before = (await verify()).checked;
    expect((await t.call('PUT', '/api/workflows/ap-invoice-intake/draft', { token: designer, json: { graph: { schemaVersion: 1, nodes: 'x' } } })).status).toBe(422);
    expect((await verify()).checked).toBe(before);
    const spec = (await t.call('GET', '/api/openapi.json')).body;
    const auditPaths = Object.entries(spec.paths).filter(([path]) => path.startsWith('/api/audit'));
    expect(auditPaths.flatMap(([, methods]) => Object.keys(methods as object))).toEqual(['get', 'get']);
  });

  it('detects an edited field, a deleted event and two swapped events, each at the right sequence number', async () => {
    const { checked } = await verify();
    const target = 5;
    const original = await row(target);

    await t.database.knex('audit_events').where({ tenant_id: 'demo', seq: target }).update({ reason: 'quietly changed' });
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: target });
    await t.database.knex('audit_events').where({ tenant_id: 'demo', seq: target }).update({ reason: original.reason });
    expect(await verify()).toMatchObject({ ok: true, checked });

    await t.database.knex('audit_events').where({ tenant_id: 'demo', seq: target }).delete();
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: target });
    await t.database.knex('audit_events').insert(original);
    expect(await verify()).toMatchObject({ ok: true });

    // Swap the contents of two events (their positions in the chain are exchanged).
    const a = await row(7);
    const b = await row(8);
    const content = (r: Record<string, unknown>) => ({ ...r, seq: undefined, tenant_id: undefined, id: `${String(r['id'])}-swap` });
    await t.database.knex('audit_events').where({ tenant_id: 'demo', seq: 7 }).update(content(b));
    await t.database.knex('audit_events').where({ tenant_id: 'demo', seq: 8 }).update(content(a));
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: 7 });
    await t.database.knex('audit_events').where({ tenant_id: 'demo', seq: 7 }).update({ ...a, seq: undefined, tenant_id: undefined });
    await t.database.knex('audit_events').where({ tenant_id: 'demo', seq: 8 }).update({ ...b, seq: undefined, tenant_id: undefined });
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('gives an evidence pack of the approved invoice run that verifies offline, and fails when tampered with', async () => {
    const res = await t.call('GET', `/api/runs/${runId}/evidence`, { token: auditor });
    expect(res.status).toBe(200);
    const pack = EvidencePackSchema.parse(res.body);
    expect(pack.version).toMatchObject({ version: 1, reviewedBy: 'demo-reviewer', publishedBy: 'demo-admin', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(pack.decisions).toContainEqual(expect.objectContaining({ decision: 'approve', decidedBy: 'demo-approver', comment: 'Matches the PO' }));
    expect(pack.policyEvaluations.map((p) => p.nodeId)).toEqual(['check-fields', 'duplicate-check', 'approval-matrix']);
    expect(pack.steps.find((s) => s.nodeId === 'post-to-erp')).toMatchObject({ status: 'succeeded', port: 'out' });
    expect(await verifyEvidencePack(pack)).toMatchObject({ ok: true });

    // Offline, with the documented command: no database, no network.
    const dir = mkdtempSync(join(tmpdir(), 'evidence-'));
    const file = join(dir, 'evidence.json');
    writeFileSync(file, JSON.stringify(res.body));
    const cli = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/evidence/verify-evidence-cli.ts', file], { cwd: `${import.meta.dirname}/../..` });
    expect(cli.stdout).toContain('The evidence pack verifies.');

    const forged = structuredClone(res.body);
    const decided = forged.audit.segment.find((e: { action?: string }) => e.action === 'approval.decided');
    decided.actor.id = 'demo-cfo';
    expect((await verifyEvidencePack(forged)).checks.find((c) => c.name === 'audit events')).toMatchObject({ ok: false });
    const otherGraph = structuredClone(res.body);
    otherGraph.version.graph.nodes[0].config = { method: 'PUT' };
    expect((await verifyEvidencePack(otherGraph)).checks.find((c) => c.name === 'version graph')).toMatchObject({ ok: false });

    const html = await fetch(`${t.baseUrl}/api/runs/${runId}/evidence?format=html`, { headers: { authorization: `Bearer ${auditor}` } });
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await html.text()).toContain('Approval decisions');
  });
});
