import type { RunEvent } from '@countersign/shared';
import { useEffect, useState } from 'react';
import type { SocketClient } from '../api/socket-client.ts';
import { createBatcher, type Scheduler } from './frame-batcher.ts';
import type { SubscriptionError } from './run-subscriptions.ts';

/** Options of `useRunStream`. */
export interface RunStreamOptions {
  /** Receive events after this seq (default 0: the whole history, so a past run replays in full). */
  afterSeq?: number;
  /** When to hand a batch over (default: the next animation frame). */
  schedule?: Scheduler;
}

/**
 * Follows a run: subscribes through `client` while `runId` is set and hands its events to
 * `applyRunEvents` in batches, one per animation frame, so a burst of hundreds renders once.
 * Returns the subscription's error, if the runtime refused it (e.g. NOT_FOUND).
 */
export function useRunStream(
  client: SocketClient | null,
  runId: string | null,
  applyRunEvents: (events: RunEvent[]) => void,
  options: RunStreamOptions = {},
): { error: SubscriptionError | undefined } {
  const [error, setError] = useState<{ runId: string; error: SubscriptionError }>();
  const { afterSeq = 0, schedule } = options;

  useEffect(() => {
    if (!client || !runId) return;
    const batcher = createBatcher(applyRunEvents, schedule);
    const unsubscribe = client.subscribe(
      runId,
      afterSeq,
      (events) => batcher.push(events),
      (failure) => setError({ runId, error: failure }),
    );
    return () => {
      unsubscribe();
      // Events already received belong to this run: fold them rather than lose them.
      batcher.flush();
    };
  }, [client, runId, applyRunEvents, afterSeq, schedule]);

  return { error: error && error.runId === runId ? error.error : undefined };
}
