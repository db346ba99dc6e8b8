import type { DeliveryOutcome } from './delivery-outcome.ts';
import type { Settlement } from './sql/settle-notification.ts';

/** Standard Webhooks' schedule: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (about 27.5 hours in all). */
export const DEFAULT_RETRY_SCHEDULE: readonly number[] = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];

const JITTER = 0.1;

/**
 * The delay before the next attempt after `attempts` attempts: `schedule[attempts]` give or take 10%
 * (so receivers that come back up are not hit by every sender at once), or null when the schedule is
 * exhausted. `schedule[0]` is the delay before the first attempt.
 */
export function nextRetryDelay(schedule: readonly number[], attempts: number, random: () => number = Math.random): number | null {
  const base = schedule[attempts];
  if (base === undefined) return null;
  return Math.max(0, Math.round(base * (1 + (random() * 2 - 1) * JITTER)));
}

/**
 * What to record after attempt number `attempts`: a retry waits for the schedule's next delay, or for
 * the receiver's `Retry-After` when it gave one; with the schedule exhausted the notification is dead.
 */
export function settle(outcome: DeliveryOutcome, attempts: number, schedule: readonly number[], random: () => number = Math.random): Settlement {
  if (outcome.kind === 'sent') return { status: 'sent' };
  if (outcome.kind === 'dead') return { status: 'dead', error: outcome.error };
  const delay = nextRetryDelay(schedule, attempts, random);
  if (delay === null) return { status: 'dead', error: `${outcome.error} (gave up after ${attempts} attempts)` };
  return { status: 'pending', delayMs: outcome.retryAfterMs ?? delay, error: outcome.error };
}
