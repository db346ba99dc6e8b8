import type { RunEvent } from '@countersign/shared';
import { readEventData } from './event-data.ts';
import { elapsedMs } from './format.ts';

/** One attempt of a step, from its events (fields that do not apply are absent, not undefined). */
export interface StepAttempt {
  attempt: number;
  startedAt: string;
  outcome: 'running' | 'succeeded' | 'failed' | 'retrying' | 'waiting';
  finishedAt?: string;
  durationMs?: number;
  port?: string;
  error?: { code: string; message: string };
}

/** Ends an attempt in place: outcome, end time, duration (measured from the events when not reported). */
function end(attempt: StepAttempt, outcome: StepAttempt['outcome'], event: RunEvent, extra: { durationMs?: number; port?: string; error?: { code: string; message: string } }): void {
  attempt.outcome = outcome;
  attempt.finishedAt = event.at;
  const durationMs = extra.durationMs ?? elapsedMs(attempt.startedAt, event.at);
  if (durationMs !== undefined) attempt.durationMs = durationMs;
  if (extra.port !== undefined) attempt.port = extra.port;
  if (extra.error !== undefined) attempt.error = extra.error;
}

/** The attempts of a node in a run, oldest first (a wait and its resumption are one attempt). */
export function stepAttempts(events: readonly RunEvent[], nodeId: string): StepAttempt[] {
  const attempts: StepAttempt[] = [];
  for (const event of events) {
    if (event.nodeId !== nodeId) continue;
    const data = readEventData(event);
    const current = attempts[attempts.length - 1];
    if (event.type === 'step.started') {
      if (data.resumed && current) current.outcome = 'running';
      else attempts.push({ attempt: data.attempt ?? attempts.length + 1, startedAt: event.at, outcome: 'running' });
    } else if (!current) {
      continue;
    } else if (event.type === 'step.succeeded') {
      end(current, 'succeeded', event, { durationMs: data.durationMs, port: data.port });
    } else if (event.type === 'step.failed') {
      end(current, 'failed', event, { error: data.error, port: data.handled ? 'error' : undefined });
    } else if (event.type === 'step.retrying') {
      end(current, 'retrying', event, { error: data.error });
    } else if (event.type === 'step.waiting') {
      current.outcome = 'waiting';
    }
  }
  return attempts;
}
