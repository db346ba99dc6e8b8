import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type LooseJson, type TestRuntime } from '../api/api-test-harness.ts';
import { openTasksOf, waitForRunStatus } from '../approvals/approval-test-kit.ts';

// The seeded "AP invoice intake" end to end from its webhook: field checks -> duplicate check ->
// approval matrix (three amount tiers) -> approvals -> ERP post.
let t: TestRuntime;
const tokens: Record<string, string> = {};
let seq = 0;
const invoice = (over: Record<string, unknown> = {}) => ({
  invoiceNumber: `AP-${Date.now() % 100_000}-${++seq}`,
  vendor: `Vendor ${seq}`,
  amount: 420_00,
  currency: 'EUR',
  invoiceDate: '2026-11-20',
  submittedBy: 'demo-operator',
  ...over,
});
const submit = async (body: Record<string, unknown>): Promise<string> => {
  const started = await t.call('POST', '/hooks/ap-invoice-intake', { json: body });
  expect(started.status).toBe(202);
  return started.body.runId as string;
};
const decide = (who: string, taskId: string, decision: 'approve' | 'reject', comment?: string) =>
  t.call('POST', `/api/tasks/${taskId}/decision`, { token: tokens[who], json: { decision, ...(comment ? { comment } : {}) } });
const steps = (run: LooseJson): Record<string, string> => Object.fromEntries((run.steps as { nodeId: string; status: string }[]).map((s) => [s.nodeId, s.status]));

beforeAll(async () => {
  t = await startTestRuntime();
  for (const [key, email] of Object.entries({ admin: 'admin@demo.test', approver: 'approver@demo.test', approver2: 'approver2@demo.test', controller: 'controller@demo.test', cfo: 'cfo@demo.test' })) {
    tokens[key] = await t.login(email);
  }
}, 60_000);
afterAll(async () => t?.close());

describe('the seeded AP invoice intake', () => {
  it('tier 1 (below 10,000.00): one approver, then one post to the ERP carrying the approvers', async () => {
    const runId = await submit(invoice());
    const [task] = await openTasksOf(t, tokens['approver'] as string, runId);
    expect(task).toMatchObject({ nodeId: 'approve', level: 1, levelCount: 1, amount: { amount: 42_000, currency: 'EUR' }, title: expect.stringContaining('from Vendor') });
    const detail = (await t.call('GET', `/api/tasks/${task.id}`, { token: tokens['approver'] })).body;
    // The evidence: the invoice, the field checks, the duplicate check and the matrix's matched rules.
    expect(detail.evidence.policyResults.map((p: { nodeId: string; port: string }) => [p.nodeId, p.port])).toEqual([
      ['check-fields', 'valid'],
      ['duplicate-check', 'clear'],
      ['approval-matrix', 'matched'],
    ]);
    expect(detail.evidence.policyResults[2].output.decision).toMatchObject({ hitPolicy: 'COLLECT', matchedRules: ['below_10k'], tableHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await decide('approver', task.id, 'approve')).status).toBe(200);
    const run = await t.waitForRun(tokens['admin'] as string, runId);
    expect(run).toMatchObject({ status: 'succeeded', output: { status: 201, body: { documentNumber: expect.stringMatching(/^DEMO-/) } } });
    expect(steps(run)).toMatchObject({ 'post-to-erp': 'succeeded', 'review-suspect': 'skipped', 'stop-duplicate': 'skipped' });
    expect(t.erpKeys).toHaveLength(1);
  });

  it('tier 2 (10,000.00 to 50,000.00) goes to a controller; tier 3 needs two levels, controller then CFO', async () => {
    const middle = await submit(invoice({ amount: 2_500_000 }));
    const [controllerTask] = await openTasksOf(t, tokens['controller'] as string, middle);
    expect(controllerTask).toMatchObject({ levelCount: 1 });
    expect((await t.call('GET', `/api/tasks?runId=${middle}`, { token: tokens['approver'] })).body.items).toEqual([]);
    await decide('controller', controllerTask.id, 'approve');
    expect((await t.waitForRun(tokens['admin'] as string, middle)).status).toBe('succeeded');

    const top = await submit(invoice({ amount: 7_500_000 }));
    const [first] = await openTasksOf(t, tokens['controller'] as string, top);
    expect(first).toMatchObject({ level: 1, levelCount: 2 });
    await decide('controller', first.id, 'approve', 'Within budget');
    expect((await waitForRunStatus(t, tokens['admin'] as string, top, ['waiting'])).status).toBe('waiting');
    const [second] = await openTasksOf(t, tokens['cfo'] as string, top);
    expect(second).toMatchObject({ level: 2, assigneeId: 'demo-cfo' });
    await decide('cfo', second.id, 'approve');
    const run = await t.waitForRun(tokens['admin'] as string, top);
    expect(run).toMatchObject({ status: 'succeeded', output: { status: 201 } });
    expect(steps(run)['post-to-erp']).toBe('succeeded');
    expect(t.erpKeys).toHaveLength(3);
  });

  it('an approver cannot approve an invoice they submitted', async () => {
    const runId = await submit(invoice({ submittedBy: 'demo-approver' }));
    const others = await openTasksOf(t, tokens['approver2'] as string, runId);
    const refused = await decide('approver', others[0].id, 'approve');
    expect(refused.status).toBe(403);
    expect((await t.call('GET', `/api/tasks?runId=${runId}`, { token: tokens['approver'] })).body.items).toEqual([]);
    await decide('approver2', others[0].id, 'reject', 'Wrong vendor');
    const run = await t.waitForRun(tokens['admin'] as string, runId);
    expect(run).toMatchObject({ status: 'succeeded', output: { status: 'rejected' } });
    expect(steps(run)['post-to-erp']).toBe('skipped');
  });

  it('stops a duplicate before any approval, and sends a near duplicate to a reviewer first', async () => {
    const original = invoice({ vendor: 'Globex', invoiceNumber: 'GX-2026-0042', amount: 99_00 });
    const firstRun = await submit(original);
    const [task] = await openTasksOf(t, tokens['approver'] as string, firstRun);
    await decide('approver', task.id, 'approve');
    await t.waitForRun(tokens['admin'] as string, firstRun);
    const posts = t.erpKeys.length;

    const again = await t.waitForRun(tokens['admin'] as string, await submit({ ...original, invoiceNumber: 'gx 2026 0042' }));
    expect(again).toMatchObject({ status: 'succeeded', output: { status: 'duplicate', duplicateCheck: { verdict: 'duplicate', findings: [{ runId: firstRun }] } } });
    expect(steps(again)).toMatchObject({ 'duplicate-check': 'succeeded', approve: 'skipped', 'post-to-erp': 'skipped' });
    expect((await t.call('GET', '/api/tasks?scope=all&runId=' + again.id, { token: tokens['admin'] })).body.items).toEqual([]);

    // One digit transposed, same amount: suspect -> a reviewer, then the normal approval.
    const near = await submit({ ...original, invoiceNumber: 'GX-2026-0024' });
    const [review] = await openTasksOf(t, tokens['approver2'] as string, near);
    expect(review).toMatchObject({ nodeId: 'review-suspect', title: expect.stringContaining('Possible duplicate') });
    const evidence = (await t.call('GET', `/api/tasks/${review.id}`, { token: tokens['approver2'] })).body.evidence;
    expect(evidence.policyResults.find((p: { nodeId: string }) => p.nodeId === 'duplicate-check').output.duplicateCheck).toMatchObject({ verdict: 'suspect', rule: 'number-distance-1' });
    expect(evidence.policyResults.find((p: { nodeId: string }) => p.nodeId === 'duplicate-check').output.duplicateCheck.findings).toContainEqual(expect.objectContaining({ runId: firstRun, verdict: 'suspect' }));
    await decide('approver2', review.id, 'approve', 'Different delivery, checked with the vendor');
    const [approval] = await openTasksOf(t, tokens['approver'] as string, near);
    expect(approval.nodeId).toBe('approve');
    // The reviewer already acted in this run: they get no task in the approval chain.
    expect((await t.call('GET', `/api/tasks?runId=${near}`, { token: tokens['approver2'] })).body.items).toEqual([]);
    await decide('approver', approval.id, 'approve');
    expect((await t.waitForRun(tokens['admin'] as string, near)).status).toBe('succeeded');
    expect(t.erpKeys).toHaveLength(posts + 1);
  });

  it('rejects an invalid invoice with the violations, before any check or approval', async () => {
    const run = await t.waitForRun(tokens['admin'] as string, await submit({ invoiceNumber: '', amount: -5 }));
    expect(run).toMatchObject({ status: 'succeeded', output: { status: 'rejected' } });
    expect(steps(run)).toMatchObject({ 'check-fields': 'succeeded', 'reject-invalid': 'succeeded', 'duplicate-check': 'skipped', approve: 'skipped' });
  });
});
