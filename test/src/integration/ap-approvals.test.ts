import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskDto } from '@countersign/shared';
import { startSmtpSink, type SmtpSink } from '@countersign/runtime/testing';
import { ApiClient } from '../support/api-client.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.ts';
import { startRuntime, type RuntimeProcess } from '../support/runtime-process.ts';

// The seeded AP workflow with approvals on each database, across two runtime processes sharing it:
// a decision taken through one process resumes the run wherever the engine claims it.
describe.each(databaseKinds())('AP approvals across processes (%s)', (kind) => {
  let db: TestDatabase;
  const runtimes: RuntimeProcess[] = [];
  const users: Record<string, ApiClient> = {};
  let mail: SmtpSink;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    mail = await startSmtpSink();
    const env = { ...db.env, SMTP_URL: mail.url, PUBLIC_URL: 'https://ap.example.test' };
    runtimes.push(await startRuntime(env));
    // PGlite is one process's embedded database: the second process only joins on PostgreSQL.
    if (kind === 'postgres') runtimes.push(await startRuntime(env));
    const last = runtimes.at(-1) as RuntimeProcess;
    for (const [key, email] of Object.entries({ admin: 'admin@demo.test', approver: 'approver@demo.test', controller: 'controller@demo.test', cfo: 'cfo@demo.test' })) {
      users[key] = await ApiClient.login((key === 'cfo' ? last : (runtimes[0] as RuntimeProcess)).baseUrl, email);
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all(runtimes.map((r) => r.stop()));
    await mail?.close();
    await db?.drop();
  });

  const openTask = async (client: ApiClient, runId: string): Promise<TaskDto> => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const { body } = await client.call<{ items: TaskDto[] }>('GET', `/api/tasks?runId=${runId}`);
      const [task] = body.items;
      if (task) return task;
      if (Date.now() > deadline) throw new Error(`no open task of run ${runId}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('routes a top-tier invoice through two levels, decides a double click once, and posts to the ERP once', async () => {
    const base = (runtimes[0] as RuntimeProcess).baseUrl;
    const invoice = { invoiceNumber: `TOP-${kind}`, vendor: 'Initech', amount: 12_000_000, currency: 'EUR', invoiceDate: '2026-11-02', submittedBy: 'demo-approver' };
    const started = await fetch(`${base}/hooks/ap-invoice-intake`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(invoice) });
    expect(started.status).toBe(202);
    const { runId } = (await started.json()) as { runId: string };

    const controller = users['controller'] as ApiClient;
    const first = await openTask(controller, runId);
    expect(first).toMatchObject({ level: 1, levelCount: 2, amount: { amount: 12_000_000, currency: 'EUR' } });
    const clicks = await Promise.all([1, 2, 3].map(() => controller.call<TaskDto>('POST', `/api/tasks/${first.id}/decision`, { decision: 'approve' })));
    expect(clicks.map((c) => c.status)).toEqual([200, 200, 200]);

    // The CFO signs in on the other process (PostgreSQL) and decides there.
    const cfo = users['cfo'] as ApiClient;
    const second = await openTask(cfo, runId);
    expect(second).toMatchObject({ level: 2, assigneeId: 'demo-cfo' });
    // Each assignee is told by email, once, with a link to the task in the inbox.
    const email = await mail.waitFor((m) => m.to.includes('cfo@demo.test') && m.text.includes(second.id), 20_000);
    expect(email.subject).toContain('Approval needed');
    expect(email.text).toContain(`https://ap.example.test/inbox/${second.id}`);
    expect(email.text).toContain('120000.00 EUR');
    expect((await cfo.call('POST', `/api/tasks/${second.id}/decision`, { decision: 'approve', comment: 'Budgeted' })).status).toBe(200);

    const run = await (users['admin'] as ApiClient).waitForRun(runId);
    expect(run.status).toBe('succeeded');
    expect(run.output).toMatchObject({ status: 201, body: { documentNumber: expect.stringMatching(/^DEMO-/) } });
    const decisions = (run.steps.find((s) => s.nodeId === 'approve')?.output as { approval: { decisions: { by: string; level: number }[] } }).approval.decisions;
    expect(decisions.map((d) => [d.level, d.by])).toEqual([
      [1, 'demo-controller'],
      [2, 'demo-cfo'],
    ]);
    // The submitter never had a task.
    expect((await (users['approver'] as ApiClient).call<{ items: TaskDto[] }>('GET', `/api/tasks?status=all&runId=${runId}`)).body.items).toEqual([]);
  }, 60_000);

  it('keeps one intact audit chain for the tenant while two processes append to it', async () => {
    const auditor = await ApiClient.login((runtimes.at(-1) as RuntimeProcess).baseUrl, 'auditor@demo.test');
    const { body } = await auditor.call<{ ok: boolean; checked: number }>('GET', '/api/audit/verify');
    expect(body.ok).toBe(true);
    expect(body.checked).toBeGreaterThan(20);
  }, 60_000);

  it('stops a resubmitted invoice as a duplicate without asking anyone', async () => {
    const base = (runtimes.at(-1) as RuntimeProcess).baseUrl;
    const invoice = { invoiceNumber: `TOP-${kind}`, vendor: 'Initech', amount: 12_000_000, currency: 'EUR', invoiceDate: '2026-11-02', submittedBy: 'demo-operator' };
    const started = await fetch(`${base}/hooks/ap-invoice-intake`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(invoice) });
    const { runId } = (await started.json()) as { runId: string };
    const run = await (users['admin'] as ApiClient).waitForRun(runId);
    expect(run.output).toMatchObject({ status: 'duplicate', duplicateCheck: { verdict: 'duplicate', rule: 'exact' } });
    expect((await (users['admin'] as ApiClient).call<{ items: TaskDto[] }>('GET', `/api/tasks?scope=all&status=all&runId=${runId}`)).body.items).toEqual([]);
  }, 60_000);
});
