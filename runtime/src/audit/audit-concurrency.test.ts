import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../api/api-test-harness.ts';

let t: TestRuntime;
beforeAll(async () => {
  t = await startTestRuntime();
}, 60_000);
afterAll(async () => t?.close());

it('keeps one gapless chain while the engine (optimistic, batched) and API calls (locked) append at once', async () => {
  const designer = await t.login('designer@demo.test');
  const auditor = await t.login('auditor@demo.test');
  const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({ id, type, typeVersion: 1, label: id, position: { x: 0, y: 0 }, config });
  const graph = (n: number) => ({
    schemaVersion: 1,
    nodes: [node('start', 'trigger.manual'), node('a', 'data.set', { fields: { n } }), node('b', 'data.set', { fields: { m: '{{ $input.n + 1 }}' } })],
    edges: [
      { id: 'e1', source: 'start', sourcePort: 'out', target: 'a', targetPort: 'in' },
      { id: 'e2', source: 'a', sourcePort: 'out', target: 'b', targetPort: 'in' },
    ],
    settings: {},
  });
  const { body: workflow } = await t.call('POST', '/api/workflows', { token: designer, json: { name: 'Chain', graph: graph(0) } });
  await t.call('POST', `/api/workflows/${workflow.id}/versions`, { token: designer });
  const runs = Array.from({ length: 40 }, () => t.call('POST', `/api/workflows/${workflow.id}/runs`, { token: designer, json: { test: true } }));
  const saves = Array.from({ length: 20 }, (_, i) => t.call('PUT', `/api/workflows/${workflow.id}/draft`, { token: designer, json: { graph: graph(i) } }));
  const started = await Promise.all(runs);
  expect((await Promise.all(saves)).every((r) => r.status === 200)).toBe(true);
  for (const run of started) expect((await t.waitForRun(designer, run.body.runId)).status).toBe('succeeded');

  const verify = (await t.call('GET', '/api/audit/verify', { token: auditor })).body;
  expect(verify.ok).toBe(true);
  const count = async (action: string) => Number((await t.database.knex('audit_events').where({ tenant_id: 'demo', action }).count<{ count: string }[]>('* as count'))[0]?.count);
  expect(await count('run.succeeded')).toBe(40);
  // The trigger, then a and b: three step outcomes per run.
  expect(await count('step.succeeded')).toBe(120);
  expect(await count('workflow.draft_saved')).toBe(20);
});
