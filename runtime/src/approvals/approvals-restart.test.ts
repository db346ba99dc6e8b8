import { afterAll, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../api/api-test-harness.ts';
import { connectDatabase, type Database } from '../db/connect.ts';
import { deployApproval, openTasksOf, waitForRunStatus } from './approval-test-kit.ts';

let db: Database | undefined;
let current: TestRuntime | undefined;
afterAll(async () => {
  await current?.close();
  await db?.close();
});

it('a waiting approval holds no process: the runtime stops, a new one starts on the same database, and the decision resumes the run there', async () => {
  db = await connectDatabase({ dataDir: ':memory:' });
  current = await startTestRuntime({ database: db });
  const designer = await current.login('designer@demo.test');
  const start = await deployApproval(current, designer, { levels: [{ assignees: ['user:demo-approver'] }], dueIn: '48h' });
  const runId = await start({ invoiceNumber: 'INV-R1', amount: 90_000, currency: 'EUR', submittedBy: 'demo-operator' });
  const [task] = await openTasksOf(current, await current.login('approver@demo.test'), runId);
  expect((await waitForRunStatus(current, designer, runId, ['waiting'])).status).toBe('waiting');
  const lease = await db.knex('runs').where({ id: runId }).first('locked_by', 'ready_at');
  // Nothing holds the run while it waits: no lease, no wake-up time.
  expect(lease).toEqual({ locked_by: null, ready_at: null });
  await current.close();

  current = await startTestRuntime({ database: db });
  const approver = await current.login('approver@demo.test');
  const decided = await current.call('POST', `/api/tasks/${task.id}/decision`, { token: approver, json: { decision: 'approve', comment: 'After the restart' } });
  expect(decided.status).toBe(200);
  const run = await current.waitForRun(await current.login('designer@demo.test'), runId);
  expect(run).toMatchObject({ status: 'succeeded', output: { result: 'approved', approval: { decisions: [{ by: 'demo-approver', comment: 'After the restart' }] } } });
});
