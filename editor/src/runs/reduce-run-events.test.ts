import { describe, expect, it } from 'vitest';
import { reduceRunEvents } from './reduce-run-events.ts';
import { emptyRunView, type RunEdge } from './run-view.ts';
import { runHistory } from './test-events.ts';

const error = { code: 'HTTP_ERROR', kind: 'operational', message: 'Upstream said 503' };

// trigger -> check; check -approved-> pay, check -rejected-> notify; pay -error-> alert
const edges: RunEdge[] = [
  { id: 'e-trigger-check', source: 'trigger', sourceHandle: null },
  { id: 'e-check-pay', source: 'check', sourceHandle: 'approved' },
  { id: 'e-check-notify', source: 'check', sourceHandle: 'rejected' },
  { id: 'e-pay-done', source: 'pay', sourceHandle: 'out' },
  { id: 'e-pay-alert', source: 'pay', sourceHandle: 'error' },
];

const happy = runHistory('r1', [
  ['run.started', undefined, { workflowId: 'w1' }],
  ['step.started', 'trigger', { attempt: 1, worker: 'w' }],
  ['step.succeeded', 'trigger', { port: 'out', attempt: 1, durationMs: 3 }],
  ['step.started', 'check', { attempt: 1, worker: 'w' }],
  ['step.succeeded', 'check', { port: 'approved', attempt: 1, durationMs: 12.5 }],
  ['step.skipped', 'notify'],
  ['step.started', 'pay', { attempt: 1, worker: 'w' }],
  ['step.retrying', 'pay', { attempt: 1, delayMs: 2000, error }],
  ['step.started', 'pay', { attempt: 2, worker: 'w' }],
  ['step.failed', 'pay', { attempt: 2, error, handled: true }],
  ['step.started', 'alert', { attempt: 1, worker: 'w' }],
  ['step.succeeded', 'alert', { port: 'out', attempt: 1, durationMs: 1 }],
  ['run.succeeded', undefined, { durationMs: 1100 }],
]);

describe('reduceRunEvents', () => {
  it('folds statuses, attempts, ports and durations of a whole history (a replay)', () => {
    const view = reduceRunEvents(emptyRunView('r1'), happy, edges);
    expect(view.status).toBe('succeeded');
    expect(view.lastSeq).toBe(13);
    expect(view.events).toHaveLength(13);
    expect(view.startedAt).toBe(happy[0]?.at);
    expect(view.finishedAt).toBe(happy[12]?.at);
    expect(view.steps['trigger']).toMatchObject({ status: 'succeeded', attempt: 1, port: 'out', durationMs: 3 });
    expect(view.steps['check']).toMatchObject({ status: 'succeeded', port: 'approved', durationMs: 12.5, startedAt: happy[3]?.at, finishedAt: happy[4]?.at });
    expect(view.steps['notify']).toMatchObject({ status: 'skipped' });
    // The retried step keeps its first start; its duration is the last attempt's (started at seq 9, failed at seq 10).
    expect(view.steps['pay']).toMatchObject({ status: 'failed', attempt: 2, port: 'error', startedAt: happy[6]?.at, durationMs: 100, error: { code: 'HTTP_ERROR', message: 'Upstream said 503' } });
    expect(view.pending).toBeUndefined();
  });

  it('fires only the edges of the port each step emitted on', () => {
    const view = reduceRunEvents(emptyRunView('r1'), happy, edges);
    expect(view.firedEdgeIds).toEqual(['e-trigger-check', 'e-check-pay', 'e-pay-alert']);
  });

  it('shows a scheduled retry with its delay and due time, then the next attempt running', () => {
    const retrying = reduceRunEvents(emptyRunView('r1'), happy.slice(0, 8), edges);
    expect(retrying.status).toBe('running');
    expect(retrying.steps['pay']).toMatchObject({ status: 'queued', attempt: 1, retryInMs: 2000, error: { code: 'HTTP_ERROR' } });
    expect(retrying.steps['pay']?.dueAt).toBe(new Date(Date.parse(happy[7]?.at ?? '') + 2000).toISOString());
    const again = reduceRunEvents(retrying, happy.slice(8, 9), edges);
    expect(again.steps['pay']).toEqual({ status: 'running', attempt: 2, startedAt: happy[6]?.at });
  });

  it('ignores duplicates and events at or below lastSeq, returning the same view', () => {
    const view = reduceRunEvents(emptyRunView('r1'), happy.slice(0, 5), edges);
    expect(reduceRunEvents(view, happy.slice(0, 5), edges)).toBe(view);
    const next = reduceRunEvents(view, [...happy.slice(3, 7), happy[5]!], edges);
    expect(next.lastSeq).toBe(7);
    expect(next.events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('holds events that arrive ahead of a gap until the gap fills', () => {
    const first = reduceRunEvents(emptyRunView('r1'), happy.slice(0, 3), edges);
    const early = reduceRunEvents(first, [happy[5]!, happy[4]!], edges);
    expect(early.lastSeq).toBe(3);
    expect(early.pending?.map((event) => event.seq)).toEqual([5, 6]);
    expect(early.steps['check']).toBeUndefined();
    const filled = reduceRunEvents(early, [happy[3]!], edges);
    expect(filled.lastSeq).toBe(6);
    expect(filled.pending).toBeUndefined();
    expect(filled.steps['check']?.status).toBe('succeeded');
    expect(filled.steps['notify']?.status).toBe('skipped');
  });

  it('folds the same state one event at a time as all at once', () => {
    const stepwise = happy.reduce((view, event) => reduceRunEvents(view, [event], edges), emptyRunView('r1'));
    const shuffled = reduceRunEvents(emptyRunView('r1'), [...happy].reverse(), edges);
    const whole = reduceRunEvents(emptyRunView('r1'), happy, edges);
    expect(stepwise).toEqual(whole);
    expect(shuffled).toEqual(whole);
  });

  it('ignores events of other runs', () => {
    const view = reduceRunEvents(emptyRunView('r2'), happy, edges);
    expect(view.lastSeq).toBe(0);
    expect(view.steps).toEqual({});
  });

  it('ends a failed run with its error and cancels the steps still open', () => {
    const failed = runHistory('r1', [
      ['run.started'],
      ['step.started', 'a', { attempt: 1 }],
      ['step.succeeded', 'a', { port: 'out', attempt: 1, durationMs: 2 }],
      ['step.started', 'b', { attempt: 1 }],
      ['step.started', 'c', { attempt: 1 }],
      ['step.failed', 'c', { attempt: 1, error: { code: 'EXPRESSION_ERROR', kind: 'user', message: 'x is not defined' }, handled: false }],
      ['run.failed', undefined, { error: { code: 'EXPRESSION_ERROR', kind: 'user', message: 'x is not defined' } }],
    ]);
    const view = reduceRunEvents(emptyRunView('r1'), failed, [{ id: 'c-d', source: 'c' }, { id: 'c-err', source: 'c', sourceHandle: 'error' }]);
    expect(view.status).toBe('failed');
    expect(view.error).toEqual({ code: 'EXPRESSION_ERROR', message: 'x is not defined' });
    expect(view.finishedAt).toBe(failed[6]?.at);
    expect(view.steps['b']).toMatchObject({ status: 'cancelled', finishedAt: failed[6]?.at });
    expect(view.steps['c']).toMatchObject({ status: 'failed', port: undefined, durationMs: 100 });
    expect(view.steps['a']?.status).toBe('succeeded');
    expect(view.firedEdgeIds).toEqual([]);
    // Nothing after the end changes it, and late duplicates are ignored.
    expect(reduceRunEvents(view, failed, [])).toBe(view);
  });

  it('shows waiting steps with their reason and due time, and a resumed step on the same attempt', () => {
    const waiting = runHistory('r1', [
      ['run.started'],
      ['step.started', 'approve', { attempt: 1 }],
      ['step.waiting', 'approve', { reason: 'approval', until: '2025-01-02T00:00:00.000Z' }],
      ['run.waiting', undefined, { nodes: ['approve'], until: '2025-01-02T00:00:00.000Z' }],
      ['step.started', 'approve', { attempt: 1, resumed: true }],
      ['step.succeeded', 'approve', { port: 'approved', attempt: 1, durationMs: 4 }],
      ['run.cancelled', undefined, { reason: 'test' }],
    ]);
    const paused = reduceRunEvents(emptyRunView('r1'), waiting.slice(0, 4), []);
    expect(paused.status).toBe('waiting');
    expect(paused.steps['approve']).toMatchObject({ status: 'waiting', attempt: 1, waitReason: 'approval', dueAt: '2025-01-02T00:00:00.000Z' });
    const resumed = reduceRunEvents(paused, waiting.slice(4, 5), []);
    expect(resumed.status).toBe('running');
    expect(resumed.steps['approve']).toMatchObject({ status: 'running', attempt: 1 });
    const done = reduceRunEvents(resumed, waiting.slice(5), []);
    expect(done.status).toBe('cancelled');
    expect(done.steps['approve']?.status).toBe('succeeded');
  });

  it('keeps a run queued until a worker starts its first step, and tolerates malformed data', () => {
    const events = runHistory('r1', [['run.started'], ['step.started', 'a', 'not an object'], ['step.succeeded', 'a', { port: 42 }]]);
    const queued = reduceRunEvents(emptyRunView('r1'), events.slice(0, 1), []);
    expect(queued.status).toBe('queued');
    const view = reduceRunEvents(queued, events.slice(1), [{ id: 'a-b', source: 'a' }]);
    expect(view.steps['a']).toMatchObject({ status: 'succeeded', attempt: 1, port: 'out', durationMs: 100 });
    expect(view.firedEdgeIds).toEqual(['a-b']);
  });
});
