import type { RunEvent } from '@countersign/shared';
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SocketClient } from '../api/socket-client.ts';
import type { SubscriptionError } from './run-subscriptions.ts';
import { runHistory } from './test-events.ts';
import { useRunStream } from './use-run-stream.ts';

afterEach(cleanup);

/** A client whose subscriptions the test drives by hand. */
function fakeClient() {
  const subscriptions: { runId: string; afterSeq: number; onEvents(events: RunEvent[]): void; onError?(error: SubscriptionError): void; active: boolean }[] = [];
  const client: SocketClient = {
    subscribe(runId, afterSeq, onEvents, onError) {
      const subscription = { runId, afterSeq, onEvents, onError, active: true };
      subscriptions.push(subscription);
      return () => void (subscription.active = false);
    },
    getState: () => 'connected',
    onStateChange: () => () => undefined,
    close: () => undefined,
  };
  return { client, subscriptions };
}

/** A scheduler the test ticks by hand, standing in for animation frames. */
function manualFrames() {
  const pending: (() => void)[] = [];
  const schedule = (callback: () => void) => {
    pending.push(callback);
    return () => pending.splice(pending.indexOf(callback), 1);
  };
  const tick = () => act(() => pending.splice(0).forEach((callback) => callback()));
  return { schedule, tick, pending };
}

const events = runHistory('r1', Array.from({ length: 300 }, () => ['step.skipped', 'n'] as const).map(([type, node]) => [type, node]));

describe('useRunStream', () => {
  it('subscribes from the start and hands a burst over once per frame', () => {
    const { client, subscriptions } = fakeClient();
    const frames = manualFrames();
    const apply = vi.fn();
    renderHook(() => useRunStream(client, 'r1', apply, { schedule: frames.schedule }));
    expect(subscriptions).toMatchObject([{ runId: 'r1', afterSeq: 0, active: true }]);
    for (const event of events) subscriptions[0]?.onEvents([event]);
    expect(apply).not.toHaveBeenCalled();
    expect(frames.pending).toHaveLength(1);
    frames.tick();
    expect(apply).toHaveBeenCalledTimes(1);
    expect(apply.mock.calls[0]?.[0]).toHaveLength(300);
  });

  it('follows a new run id, folding what the old one already received, and reports refusals', () => {
    const { client, subscriptions } = fakeClient();
    const frames = manualFrames();
    const apply = vi.fn();
    const { result, rerender, unmount } = renderHook(({ runId }) => useRunStream(client, runId, apply, { schedule: frames.schedule }), { initialProps: { runId: 'r1' } });
    subscriptions[0]?.onEvents(events.slice(0, 2));
    rerender({ runId: 'r2' });
    expect(apply).toHaveBeenCalledWith(events.slice(0, 2));
    expect(subscriptions.map((subscription) => [subscription.runId, subscription.active])).toEqual([['r1', false], ['r2', true]]);
    act(() => subscriptions[1]?.onError?.({ code: 'NOT_FOUND', message: 'Run not found' }));
    expect(result.current.error).toEqual({ code: 'NOT_FOUND', message: 'Run not found' });
    unmount();
    expect(subscriptions[1]?.active).toBe(false);
  });

  it('does nothing without a client or a run', () => {
    const apply = vi.fn();
    const { result } = renderHook(() => useRunStream(null, 'r1', apply));
    expect(result.current.error).toBeUndefined();
  });
});
