import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskDetailSchema, TaskSchema } from '@countersign/shared';
import { startTestRuntime, type TestRuntime } from '../api/api-test-harness.ts';
import { deployApproval, openTasksOf, recordingNotifier, waitForRunStatus } from './approval-test-kit.ts';

// Finance controls, "Approvals and delegation of authority" and "Segregation of duties": each test
// names the rule it shows. The seeded tenant has four approvers (demo-approver and demo-approver-2
// with 10,000.00 authority, demo-controller 50,000.00, demo-cfo 1,000,000.00), an admin, and the
// designer who authors (and starts) these workflows.
let t: TestRuntime;
const notifier = recordingNotifier();
const tokens: Record<string, string> = {};
const invoice = (over: Record<string, unknown> = {}) => ({ invoiceNumber: `INV-${Math.random().toString(36).slice(2, 8)}`, amount: 250_000, currency: 'EUR', submittedBy: 'demo-operator', ...over });
const decide = (who: string, taskId: string, decision: 'approve' | 'reject', comment?: string) =>
  t.call('POST', `/api/tasks/${taskId}/decision`, { token: tokens[who], json: { decision, ...(comment ? { comment } : {}) } });
const taskOf = (tasks: { assigneeId: string; id: string }[], userId: string): string => {
  const task = tasks.find((x) => x.assigneeId === userId);
  if (!task) throw new Error(`no task for ${userId} in ${JSON.stringify(tasks.map((x) => x.assigneeId))}`);
  return task.id;
};
/** The run's open tasks as an admin sees them, once `count` are open. */
const openOfRun = async (runId: string, count: number) => {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const items = (await t.call('GET', `/api/tasks?scope=all&runId=${runId}`, { token: tokens['admin'] })).body.items;
    if (items.length >= count) return items;
    if (Date.now() > deadline) throw new Error(`run ${runId} has ${items.length} open task(s), expected ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};
const refusals = async (runId: string) => (await t.database.knex('approval_refusals').where({ run_id: runId }).orderBy('at')).map((r: { user_id: string; reason: string }) => [r.user_id, r.reason]);

beforeAll(async () => {
  t = await startTestRuntime({ notifier, approvalClockMs: 50 });
  for (const [key, email] of Object.entries({
    designer: 'designer@demo.test',
    admin: 'admin@demo.test',
    approver: 'approver@demo.test',
    approver2: 'approver2@demo.test',
    controller: 'controller@demo.test',
    cfo: 'cfo@demo.test',
    auditor: 'auditor@demo.test',
    operator: 'operator@demo.test',
  })) {
    tokens[key] = await t.login(email);
  }
}, 60_000);
afterAll(async () => t?.close());

describe('levels and quorum', () => {
  it('runs sequential levels with an N of M quorum: when N approve the other tasks are cancelled, then the next level opens', async () => {
    const start = await deployApproval(t, tokens['designer'] as string, {
      levels: [
        { name: 'Approvers', assignees: ['role:approver'], quorum: 2 },
        { name: 'CFO', assignees: ['user:demo-cfo'] },
      ],
    });
    const runId = await start(invoice());
    const all = await openOfRun(runId, 4);
    // Every holder of the role, each once; never the designer who authored the version and started the run.
    expect(all.map((x: { assigneeId: string }) => x.assigneeId).sort()).toEqual(['demo-approver', 'demo-approver-2', 'demo-cfo', 'demo-controller']);
    expect(all.every((x: unknown) => TaskSchema.safeParse(x).success)).toBe(true);
    expect(all[0]).toMatchObject({ title: expect.stringMatching(/^Invoice INV-/), amount: { amount: 250_000, currency: 'EUR' }, level: 1, levelCount: 2, quorum: 2, route: 'assignee', status: 'open' });

    expect((await decide('approver', taskOf(all, 'demo-approver'), 'approve')).status).toBe(200);
    expect((await waitForRunStatus(t, tokens['designer'] as string, runId, ['waiting'])).status).toBe('waiting');
    expect((await decide('controller', taskOf(all, 'demo-controller'), 'approve', 'Checked the PO')).status).toBe(200);

    // Quorum met: the other two tasks of level 1 are cancelled; the CFO's level-2 task is open.
    const cancelled = await t.call('GET', `/api/tasks/${taskOf(all, 'demo-approver-2')}`, { token: tokens['approver2'] });
    expect(cancelled.body.status).toBe('cancelled');
    const [cfoTask] = await openTasksOf(t, tokens['cfo'] as string, runId);
    expect(cfoTask).toMatchObject({ level: 2, assigneeId: 'demo-cfo', status: 'open' });
    const detail = TaskDetailSchema.parse((await t.call('GET', `/api/tasks/${cfoTask.id}`, { token: tokens['cfo'] })).body);
    expect(detail.evidence.decisions.map((d) => [d.decidedBy, d.decision, d.comment])).toEqual([
      ['demo-approver', 'approve', null],
      ['demo-controller', 'approve', 'Checked the PO'],
    ]);
    expect(detail.evidence.input).toMatchObject({ amount: 250_000, currency: 'EUR' });

    expect((await decide('cfo', cfoTask.id, 'approve')).status).toBe(200);
    const run = await t.waitForRun(tokens['designer'] as string, runId);
    expect(run.status).toBe('succeeded');
    expect(run['output']).toMatchObject({ result: 'approved', approval: { outcome: 'approved', decisions: [{ by: 'demo-approver' }, { by: 'demo-controller' }, { by: 'demo-cfo', level: 2 }] } });
    expect(notifier.sent.filter((n) => n.task.runId === runId && n.kind === 'task.created').map((n) => n.recipient.userId).sort()).toEqual([
      'demo-approver',
      'demo-approver-2',
      'demo-cfo',
      'demo-cfo',
      'demo-controller',
    ]);
  });

  it('a rejection vetoes the level (the run leaves by "rejected"); a rejection needs a reason', async () => {
    const start = await deployApproval(t, tokens['designer'] as string, { levels: [{ assignees: ['role:approver'], quorum: 2 }] });
    const runId = await start(invoice());
    const [task] = await openTasksOf(t, tokens['approver'] as string, runId);
    const noReason = await decide('approver', task.id, 'reject');
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues[0]).toMatchObject({ path: ['body', 'comment'], message: 'Give the reason for the rejection' });
    expect((await decide('approver', task.id, 'reject', 'Wrong cost center')).status).toBe(200);
    const run = await t.waitForRun(tokens['designer'] as string, runId);
    expect(run['output']).toMatchObject({ result: 'rejected', approval: { outcome: 'rejected', decisions: [{ by: 'demo-approver', decision: 'reject', comment: 'Wrong cost center' }] } });
    const others = (await t.call('GET', `/api/tasks?scope=all&status=all&runId=${runId}`, { token: tokens['admin'] })).body.items;
    expect(others.filter((x: { status: string }) => x.status === 'open')).toEqual([]);
  });

  it('without the veto, a level rejects only when its quorum can no longer be met', async () => {
    const start = await deployApproval(t, tokens['designer'] as string, { vetoOnReject: false, levels: [{ assignees: ['user:demo-approver', 'user:demo-approver-2', 'user:demo-controller'], quorum: 2 }] });
    const runId = await start(invoice());
    const all = await openOfRun(runId, 3);
    expect((await decide('approver', taskOf(all, 'demo-approver'), 'reject', 'Not sure')).status).toBe(200);
    expect((await waitForRunStatus(t, tokens['designer'] as string, runId, ['waiting'])).status).toBe('waiting');
    expect((await decide('approver2', taskOf(all, 'demo-approver-2'), 'approve')).status).toBe(200);
    expect((await decide('controller', taskOf(all, 'demo-controller'), 'approve')).status).toBe(200);
    expect((await t.waitForRun(tokens['designer'] as string, runId))['output']).toMatchObject({ result: 'approved' });
  });
});

describe('segregation of duties at run time', () => {
  it('the requester never gets a task, cannot decide one through the API, and cannot approve as a delegate; each refusal is a 403 with the reason, recorded', async () => {
    // demo-approver submitted the invoice: the role's other holders get tasks, not them.
    const start = await deployApproval(t, tokens['designer'] as string, { levels: [{ assignees: ['role:approver'] }] });
    const runId = await start(invoice({ submittedBy: 'demo-approver' }));
    const all = await openOfRun(runId, 3);
    expect(all.map((x: { assigneeId: string }) => x.assigneeId).sort()).toEqual(['demo-approver-2', 'demo-cfo', 'demo-controller']);
    expect((await t.call('GET', `/api/tasks?runId=${runId}`, { token: tokens['approver'] })).body.items).toEqual([]);

    const notMine = await decide('approver', taskOf(all, 'demo-approver-2'), 'approve');
    expect(notMine.status).toBe(403);
    expect(notMine.body.error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'not_assignee' } });

    // Even holding a delegation from an assignee, the requester is refused.
    const delegation = await t.call('POST', '/api/delegations', { token: tokens['approver2'], json: { delegateId: 'demo-approver', endsAt: new Date(Date.now() + 86_400_000).toISOString(), reason: 'Holiday' } });
    expect(delegation.status).toBe(201);
    const asDelegate = await decide('approver', taskOf(all, 'demo-approver-2'), 'approve');
    expect(asDelegate.status).toBe(403);
    expect(asDelegate.body.error).toMatchObject({ code: 'SOD_VIOLATION', message: expect.stringContaining('requester'), details: { reason: 'requester' } });
    await t.call('POST', `/api/delegations/${delegation.body.id}/revoke`, { token: tokens['approver2'] });
    expect(await refusals(runId)).toEqual([
      ['demo-approver', 'not_assignee'],
      ['demo-approver', 'requester'],
    ]);
    await t.call('POST', `/api/runs/${runId}/cancel`, { token: tokens['designer'] });
  });

  it('the author of the running version is never eligible: the task goes to the alternate, then to an admin', async () => {
    const start = await deployApproval(t, tokens['designer'] as string, { levels: [{ assignees: ['user:demo-designer'] }], alternate: ['user:demo-approver-2'] });
    const runId = await start(invoice());
    const [task] = await openOfRun(runId, 1);
    expect(task).toMatchObject({ assigneeId: 'demo-approver-2', route: 'alternate' });
    await t.call('POST', `/api/runs/${runId}/cancel`, { token: tokens['designer'] });

    const noAlternate = await deployApproval(t, tokens['designer'] as string, { levels: [{ assignees: ['user:demo-designer'] }] });
    const second = await noAlternate(invoice());
    const [adminTask] = await openOfRun(second, 1);
    expect(adminTask).toMatchObject({ assigneeId: 'demo-admin', route: 'admin' });
    expect((await decide('admin', adminTask.id, 'approve')).status).toBe(200);
    expect((await t.waitForRun(tokens['designer'] as string, second))['output']).toMatchObject({ result: 'approved' });
  });

  it('when nobody eligible remains (assignee is the author, the admin is the requester), the run fails into an exception and never approves', async () => {
    const start = await deployApproval(t, tokens['designer'] as string, { levels: [{ assignees: ['user:demo-designer'] }] });
    const runId = await start(invoice({ submittedBy: 'demo-admin' }));
    const run = await t.waitForRun(tokens['designer'] as string, runId);
    expect(run.status).toBe('failed');
    expect(run['error']).toMatchObject({ code: 'SOD_VIOLATION', message: expect.stringContaining('Nobody eligible') });
    expect((await t.call('GET', `/api/tasks?scope=all&status=all&runId=${runId}`, { token: tokens['admin'] })).body.items).toEqual([]);
  });

  it('nobody approves twice in one chain, not even through a group or as a delegate', async () => {
    const start = await deployApproval(t, tokens['designer'] as string, {
      levels: [{ assignees: ['user:demo-approver'] }, { assignees: ['role:approver'] }],
    });
    const runId = await start(invoice());
    const [first] = await openOfRun(runId, 1);
    expect((await decide('approver', first.id, 'approve')).status).toBe(200);
    // Level 2 goes to the approver role, but not to demo-approver, who already acted.
    const level2 = await openOfRun(runId, 3);
    expect(level2.map((x: { assigneeId: string }) => x.assigneeId).sort()).toEqual(['demo-approver-2', 'demo-cfo', 'demo-controller']);
    const delegation = await t.call('POST', '/api/delegations', { token: tokens['cfo'], json: { delegateId: 'demo-approver', endsAt: new Date(Date.now() + 86_400_000).toISOString(), reason: 'Travel' } });
    const twice = await decide('approver', taskOf(level2, 'demo-cfo'), 'approve');
    expect(twice.status).toBe(403);
    expect(twice.body.error).toMatchObject({ code: 'SOD_VIOLATION', details: { reason: 'prior_actor' } });
    await t.call('POST', `/api/delegations/${delegation.body.id}/revoke`, { token: tokens['cfo'] });
    await t.call('POST', `/api/runs/${runId}/cancel`, { token: tokens['designer'] });
  });

  it('a delegate must hold authority for the amount; a delegate who does decides on behalf of the assignee', async () => {
    const start = await deployApproval(t, tokens['designer'] as string, { levels: [{ assignees: ['user:demo-controller'], requireAuthority: true }] });
    const runId = await start(invoice({ amount: 2_000_000 }));
    const [task] = await openOfRun(runId, 1);
    const ends = new Date(Date.now() + 86_400_000).toISOString();
    const low = await t.call('POST', '/api/delegations', { token: tokens['controller'], json: { delegateId: 'demo-approver', endsAt: ends, reason: 'Out of office' } });
    // The delegate sees the task in their inbox, marked as delegated.
    const inbox = (await t.call('GET', `/api/tasks?runId=${runId}`, { token: tokens['approver'] })).body.items;
    expect(inbox).toMatchObject([{ id: task.id, delegatedFrom: 'demo-controller' }]);
    const refused = await decide('approver', task.id, 'approve');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'SOD_VIOLATION', message: expect.stringContaining('20000.00 EUR'), details: { reason: 'delegate_insufficient_authority' } });
    await t.call('POST', `/api/delegations/${low.body.id}/revoke`, { token: tokens['controller'] });

    await t.call('POST', '/api/delegations', { token: tokens['controller'], json: { delegateId: 'demo-cfo', endsAt: ends, reason: 'Out of office' } });
    const decided = await decide('cfo', task.id, 'approve');
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'approved', decidedBy: 'demo-cfo', onBehalfOf: 'demo-controller' });
    expect((await t.waitForRun(tokens['designer'] as string, runId))['output']).toMatchObject({ approval: { decisions: [{ by: 'demo-cfo', onBehalfOf: 'demo-controller' }] } });
    expect(await refusals(runId)).toEqual([['demo-approver', 'delegate_insufficient_authority']]);
  });
});

describe('the decision endpoint', () => {
  it('decides once on a double click, refuses a decided task (409) and hides tasks of another tenant (404)', async () => {
    const start = await deployApproval(t, tokens['designer'] as string, { levels: [{ assignees: ['user:demo-approver', 'user:demo-approver-2'] }] });
    const runId = await start(invoice());
    const all = await openOfRun(runId, 2);
    const id = taskOf(all, 'demo-approver');
    const other = await t.otherTenantToken();
    expect((await t.call('POST', `/api/tasks/${id}/decision`, { token: other, json: { decision: 'approve' } })).status).toBe(403);
    expect((await t.call('GET', `/api/tasks/${id}`, { token: other })).status).toBe(404);

    const [a, b] = await Promise.all([decide('approver', id, 'approve'), decide('approver', id, 'approve')]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body).toEqual(b.body);
    const decisions = await t.database.knex('approval_tasks').where({ run_id: runId }).whereNotNull('decision');
    expect(decisions).toHaveLength(1);
    const changeOfMind = await decide('approver', id, 'reject', 'Changed my mind');
    expect(changeOfMind.status).toBe(409);
    const late = await decide('approver2', taskOf(all, 'demo-approver-2'), 'approve');
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('cancelled');
    expect((await t.waitForRun(tokens['designer'] as string, runId))['output']).toMatchObject({ result: 'approved' });
  });

  it('only approvers and admins decide; scope=all is for admins and auditors', async () => {
    expect((await t.call('POST', '/api/tasks/x/decision', { token: tokens['designer'], json: { decision: 'approve' } })).status).toBe(403);
    expect((await t.call('GET', '/api/tasks?scope=all', { token: tokens['approver'] })).status).toBe(403);
    expect((await t.call('GET', '/api/tasks?scope=all', { token: tokens['auditor'] })).status).toBe(200);
    expect((await t.call('GET', '/api/tasks/nope', { token: tokens['approver'] })).status).toBe(404);
  });
});

describe('due times', () => {
  it('reminds before the due time, then escalates to the next level and revokes the original claim', async () => {
    const start = await deployApproval(t, tokens['designer'] as string, {
      levels: [{ assignees: ['user:demo-approver'] }, { assignees: ['user:demo-controller'] }],
      dueIn: '2s',
      remindBefore: '1s',
      onTimeout: 'next-level',
    });
    const runId = await start(invoice());
    const [first] = await openOfRun(runId, 1);
    expect(Date.parse(first.dueAt) - Date.parse(first.createdAt)).toBe(2000);
    const [second] = await openTasksOf(t, tokens['controller'] as string, runId, 1, 8_000);
    expect(second).toMatchObject({ level: 2, route: 'assignee' });
    expect((await t.call('GET', `/api/tasks/${first.id}`, { token: tokens['approver'] })).body.status).toBe('escalated');
    const late = await decide('approver', first.id, 'approve');
    expect(late.status).toBe(409);
    const kinds = notifier.sent.filter((n) => n.task.runId === runId).map((n) => `${n.kind}:${n.recipient.userId}`);
    expect(kinds).toEqual(['task.created:demo-approver', 'task.reminder:demo-approver', 'task.escalated:demo-controller']);
    await t.call('POST', `/api/runs/${runId}/cancel`, { token: tokens['designer'] });
  });

  it('escalates once to a named role, then expires (the run leaves by "expired")', async () => {
    const start = await deployApproval(t, tokens['designer'] as string, { levels: [{ assignees: ['user:demo-approver'] }], dueIn: '1s', onTimeout: 'escalate-role', escalationRole: 'cfo' });
    const runId = await start(invoice());
    const [cfoTask] = await openTasksOf(t, tokens['cfo'] as string, runId, 1, 8_000);
    expect(cfoTask).toMatchObject({ route: 'escalation', level: 1 });
    const run = await t.waitForRun(tokens['designer'] as string, runId, 10_000);
    expect(run['output']).toMatchObject({ result: 'expired' });
  });

  it('can leave by the "escalated" port for the graph to handle', async () => {
    const start = await deployApproval(t, tokens['designer'] as string, { levels: [{ assignees: ['user:demo-approver'] }], dueIn: '1s', onTimeout: 'escalated-port' });
    const runId = await start(invoice());
    expect((await t.waitForRun(tokens['designer'] as string, runId, 10_000))['output']).toMatchObject({ result: 'escalated' });
  });
});

describe('segregation of duties across flows', () => {
  it("whoever approved a vendor's bank-detail change cannot approve payments to that vendor (the duty ledger)", async () => {
    const duty = { subject: "{{ 'vendor:' + $input.vendor }}", action: 'bank-details.change' };
    const change = await deployApproval(t, tokens['designer'] as string, { levels: [{ assignees: ['user:demo-approver'] }], records: [duty] });
    const changeRun = await change(invoice({ vendor: 'V-100', amount: 0 }));
    const [changeTask] = await openOfRun(changeRun, 1);
    await decide('approver', changeTask.id, 'approve');
    await t.waitForRun(tokens['designer'] as string, changeRun);

    const pay = await deployApproval(t, tokens['designer'] as string, { levels: [{ assignees: ['role:approver'] }], conflicts: [{ ...duty, withinDays: 30 }] });
    const payRun = await pay(invoice({ vendor: 'V-100' }));
    const tasks = await openOfRun(payRun, 3);
    expect(tasks.map((x: { assigneeId: string }) => x.assigneeId).sort()).toEqual(['demo-approver-2', 'demo-cfo', 'demo-controller']);
    const delegation = await t.call('POST', '/api/delegations', { token: tokens['cfo'], json: { delegateId: 'demo-approver', endsAt: new Date(Date.now() + 86_400_000).toISOString(), reason: 'Travel' } });
    const refused = await decide('approver', taskOf(tasks, 'demo-cfo'), 'approve');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'SOD_VIOLATION', message: expect.stringContaining('bank-details.change on vendor:V-100'), details: { reason: 'conflict' } });
    await t.call('POST', `/api/delegations/${delegation.body.id}/revoke`, { token: tokens['cfo'] });
    await t.call('POST', `/api/runs/${payRun}/cancel`, { token: tokens['designer'] });

    // Another vendor: no conflict.
    const other = await pay(invoice({ vendor: 'V-200' }));
    expect((await openOfRun(other, 4)).map((x: { assigneeId: string }) => x.assigneeId)).toContain('demo-approver');
    await t.call('POST', `/api/runs/${other}/cancel`, { token: tokens['designer'] });
  });
});
