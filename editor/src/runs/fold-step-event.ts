import type { RunEventType } from '@countersign/shared';
import type { RunEventData } from './event-data.ts';
import { DEFAULT_SOURCE_PORT, type StepView } from './run-view.ts';

// Milliseconds from one ISO time to another, when both parse and are in order.
function msBetween(from: string | undefined, to: string | undefined): number | undefined {
  if (from === undefined || to === undefined) return undefined;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

function addMs(at: string, ms: number | undefined): string | undefined {
  const time = Date.parse(at);
  return ms === undefined || !Number.isFinite(time) ? undefined : new Date(time + ms).toISOString();
}

/** The run event types that concern one step. */
export type StepEventType = Extract<RunEventType, `step.${string}`>;

/** Whether an event type concerns one step. */
export function isStepEventType(type: RunEventType): type is StepEventType {
  return type.startsWith('step.');
}

/** A step's state after one of its events; `attemptStartedAt` is when its current attempt began. */
export function foldStepEvent(
  previous: StepView | undefined,
  event: { type: StepEventType; at: string },
  data: RunEventData,
  attemptStartedAt: string | undefined,
): StepView {
  const attempt = data.attempt ?? previous?.attempt ?? 0;
  const startedAt = previous?.startedAt ?? attemptStartedAt ?? event.at;
  const ran = msBetween(attemptStartedAt, event.at);
  switch (event.type) {
    case 'step.started':
      return { status: 'running', attempt: data.attempt ?? (previous?.attempt ?? 0) + 1, startedAt: previous?.startedAt ?? event.at };
    case 'step.succeeded':
      return { status: 'succeeded', attempt, port: data.port ?? DEFAULT_SOURCE_PORT, startedAt, finishedAt: event.at, durationMs: data.durationMs ?? ran };
    case 'step.failed':
      // A failure handled by an error edge emits on the `error` port; an unhandled one emits nothing.
      return { status: 'failed', attempt, port: data.handled ? 'error' : undefined, startedAt, finishedAt: event.at, durationMs: ran, error: data.error };
    case 'step.retrying':
      return { status: 'queued', attempt, startedAt, durationMs: ran, error: data.error, retryInMs: data.delayMs, dueAt: addMs(event.at, data.delayMs) };
    case 'step.waiting':
      return { status: 'waiting', attempt, startedAt, durationMs: ran, waitReason: data.reason, dueAt: data.until };
    case 'step.skipped':
      return { status: 'skipped', attempt: previous?.attempt ?? 0, finishedAt: event.at };
    default: {
      const unknownType: never = event.type;
      throw new Error(`Unknown step event ${String(unknownType)}`);
    }
  }
}

/** A step left open when its run ended (the engine cancels them without an event of their own). */
export function closeOpenStep(step: StepView, at: string): StepView {
  if (step.status !== 'running' && step.status !== 'queued' && step.status !== 'waiting') return step;
  return { status: 'cancelled', attempt: step.attempt, startedAt: step.startedAt, finishedAt: at, error: step.error };
}
