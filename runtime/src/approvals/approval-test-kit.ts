import type { Knex } from 'knex';
import type { LooseJson, TestRuntime } from '../api/api-test-harness.ts';
import type { ApprovalNotifier, TaskNotificationRequest } from './approval-notifier.ts';

/** A notifier that keeps what it was asked to send (committed rows only, like the real outbox). */
export interface RecordingNotifier extends ApprovalNotifier {
  sent: TaskNotificationRequest[];
}

/** Builds a recording notifier: items land in `sent` when the enqueuing transaction commits. */
export function recordingNotifier(): RecordingNotifier {
  const sent: TaskNotificationRequest[] = [];
  return {
    sent,
    async enqueue(db, items) {
      const trx = db as Knex.Transaction;
      if (typeof trx.executionPromise === 'object') void trx.executionPromise.then(() => sent.push(...items), () => undefined);
      else sent.push(...items);
    },
    notify: () => undefined,
  };
}

/** A graph: manual trigger -> approval (with `config`) -> one data.set per outcome port. */
export function approvalGraph(config: Record<string, unknown>): Record<string, unknown> {
  const node = (id: string, type: string, label: string, nodeConfig: Record<string, unknown>) => ({ id, type, typeVersion: 1, label, position: { x: 0, y: 0 }, config: nodeConfig });
  const ports = ['approved', 'rejected', 'escalated', 'expired'];
  return {
    schemaVersion: 1,
    nodes: [
      node('start', 'trigger.manual', 'Start', {}),
      node('approve', 'approval.request', 'Approve invoice', {
        title: "{{ 'Invoice ' + $input.invoiceNumber }}",
        amount: { amount: '{{ $input.amount }}', currency: '{{ $input.currency }}' },
        requester: '{{ $input.submittedBy }}',
        ...config,
      }),
      ...ports.map((port) => node(`on-${port}`, 'data.set', `On ${port}`, { fields: { result: port } })),
    ],
    edges: [
      { id: 'e0', source: 'start', sourcePort: 'out', target: 'approve', targetPort: 'in' },
      ...ports.map((port) => ({ id: `e-${port}`, source: 'approve', sourcePort: port, target: `on-${port}`, targetPort: 'in' })),
    ],
    settings: {},
  };
}

/** Saves a workflow with one version as the designer, and returns a function starting runs of it. */
export async function deployApproval(t: TestRuntime, designerToken: string, config: Record<string, unknown>): Promise<(input: Record<string, unknown>) => Promise<string>> {
  const created = await t.call('POST', '/api/workflows', { token: designerToken, json: { name: 'Approval test', graph: approvalGraph(config) } });
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  const saved = await t.call('POST', `/api/workflows/${id}/versions`, { token: designerToken });
  if (saved.status !== 201) throw new Error(`save failed: ${JSON.stringify(saved.body)}`);
  // Production runs: the version goes through review (another person approves) and is published.
  await t.publish(designerToken, id, saved.body.version as number);
  return async (input) => {
    const started = await t.call('POST', `/api/workflows/${id}/runs`, { token: designerToken, json: { input } });
    if (started.status !== 202) throw new Error(`start failed: ${JSON.stringify(started.body)}`);
    return started.body.runId as string;
  };
}

/** Polls until the user sees `count` open tasks of the run (tasks open in the engine's commit). */
export async function openTasksOf(t: TestRuntime, token: string, runId: string, count = 1, timeoutMs = 10_000): Promise<LooseJson[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await t.call('GET', `/api/tasks?runId=${runId}`, { token });
    if (body.items?.length >= count) return body.items as LooseJson[];
    if (Date.now() > deadline) throw new Error(`expected ${count} open task(s) of run ${runId}, found ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Polls a run until it leaves `running`/`queued` and is waiting, or ends. */
export async function waitForRunStatus(t: TestRuntime, token: string, runId: string, statuses: string[], timeoutMs = 10_000): Promise<LooseJson> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await t.call('GET', `/api/runs/${runId}`, { token });
    if (statuses.includes(body.status)) return body;
    if (Date.now() > deadline) throw new Error(`run ${runId} is ${body.status}, expected ${statuses.join('/')}: ${JSON.stringify(body.error)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
