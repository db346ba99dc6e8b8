import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { runHistory } from '../runs/test-events.ts';
import { createRunSlice, type RunSlice } from './run-slice.ts';

interface TestState extends RunSlice {
  edges: { id: string; source: string; sourceHandle?: string | null }[];
  nodes: string[];
}

function makeStore() {
  return createStore<TestState>()((set, get) => ({
    nodes: ['a', 'b'],
    edges: [
      { id: 'a-b', source: 'a', sourceHandle: 'out' },
      { id: 'a-x', source: 'a', sourceHandle: 'other' },
    ],
    ...createRunSlice<TestState>(set, get),
  }));
}

const events = runHistory('r1', [
  ['run.started'],
  ['step.started', 'a', { attempt: 1 }],
  ['step.succeeded', 'a', { port: 'out', attempt: 1, durationMs: 5 }],
  ['step.started', 'b', { attempt: 1 }],
  ['step.succeeded', 'b', { port: 'out', attempt: 1, durationMs: 7 }],
  ['run.succeeded'],
]);

describe('createRunSlice', () => {
  it('opens a run, folds its events with the graph edges, and closes it', () => {
    const store = makeStore();
    expect(store.getState().run).toBeNull();
    store.getState().applyRunEvents(events);
    expect(store.getState().run).toBeNull();

    store.getState().openRun('r1');
    expect(store.getState().run).toMatchObject({ runId: 'r1', status: 'queued', lastSeq: 0, steps: {} });
    store.getState().applyRunEvents(events.slice(0, 3));
    expect(store.getState().run?.steps['a']?.status).toBe('succeeded');
    expect(store.getState().run?.firedEdgeIds).toEqual(['a-b']);

    store.getState().applyRunEvents(events);
    const run = store.getState().run;
    expect(run?.status).toBe('succeeded');
    expect(run?.lastSeq).toBe(6);
    expect(run?.events).toHaveLength(6);
    // The rest of the state is untouched.
    expect(store.getState().nodes).toEqual(['a', 'b']);

    store.getState().closeRun();
    expect(store.getState().run).toBeNull();
  });

  it('does not notify subscribers for events that change nothing', () => {
    const store = makeStore();
    store.getState().openRun('r1');
    store.getState().applyRunEvents(events);
    let notified = 0;
    const stop = store.subscribe(() => notified++);
    store.getState().applyRunEvents(events);
    store.getState().applyRunEvents([]);
    stop();
    expect(notified).toBe(0);
  });

  it('starts over when another run is opened, ignoring the previous run’s late events', () => {
    const store = makeStore();
    store.getState().openRun('r1');
    store.getState().applyRunEvents(events.slice(0, 3));
    store.getState().openRun('r2');
    store.getState().applyRunEvents(events.slice(3));
    expect(store.getState().run).toMatchObject({ runId: 'r2', lastSeq: 0, steps: {}, firedEdgeIds: [] });
  });
});
