import type { RunEvent } from '@countersign/shared';
import { readEventData } from './event-data.ts';
import { firedEdgeIds } from './fired-edges.ts';
import { closeOpenStep, foldStepEvent, isStepEventType } from './fold-step-event.ts';
import { isRunFinished, type RunEdge, type RunView, type StepView } from './run-view.ts';
import { sequenceEvents } from './sequence-events.ts';

/** When the current attempt of a node began: its latest `step.started` among the folded events. */
function attemptStart(events: readonly RunEvent[], nodeId: string): string | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (event?.nodeId === nodeId && event.type === 'step.started') return event.at;
  }
  return undefined;
}

function closeOpenSteps(steps: Record<string, StepView>, at: string): void {
  for (const [nodeId, step] of Object.entries(steps)) steps[nodeId] = closeOpenStep(step, at);
}

const FINAL_STATUS = { 'run.succeeded': 'succeeded', 'run.failed': 'failed', 'run.cancelled': 'cancelled' } as const;

/** Folds one in-order event into a draft view (the draft's objects are fresh copies, safe to mutate). */
function foldEvent(draft: RunView, event: RunEvent): void {
  const data = readEventData(event);
  const { type } = event;
  if (isStepEventType(type)) {
    if (event.nodeId === undefined) return;
    const previous = draft.steps[event.nodeId];
    draft.steps[event.nodeId] = foldStepEvent(previous, { type, at: event.at }, data, attemptStart(draft.events, event.nodeId));
    if (type === 'step.started' && !isRunFinished(draft.status)) draft.status = 'running';
    draft.startedAt ??= event.at;
    return;
  }
  switch (type) {
    case 'run.started':
      draft.startedAt = event.at;
      return;
    case 'run.waiting':
      draft.status = 'waiting';
      return;
    case 'run.succeeded':
    case 'run.failed':
    case 'run.cancelled':
      draft.status = FINAL_STATUS[type];
      draft.finishedAt = event.at;
      if (type === 'run.failed') draft.error = data.error ?? { code: 'UNKNOWN', message: 'The run failed' };
      // The engine cancels steps still open at the end without an event of their own.
      if (type !== 'run.succeeded') closeOpenSteps(draft.steps, event.at);
      return;
    default: {
      const unknownType: never = type;
      throw new Error(`Unknown run event ${String(unknownType)}`);
    }
  }
}

/**
 * Folds run events into a view: ignores duplicates, other runs' events and anything at or below
 * `lastSeq`; holds events that arrive ahead of a gap until it fills; recomputes the fired edges.
 * Pure: returns `view` itself when nothing changed. A replay folds a past run's whole history.
 */
export function reduceRunEvents(view: RunView, events: readonly RunEvent[], edges: readonly RunEdge[]): RunView {
  const held = view.pending ?? [];
  const { ready, pending } = sequenceEvents(view.runId, view.lastSeq, held, events);
  if (ready.length === 0) {
    if (pending.length === held.length) return view;
    return { ...view, pending };
  }
  const draft: RunView = { ...view, steps: { ...view.steps }, events: [...view.events] };
  for (const event of ready) {
    draft.events.push(event);
    foldEvent(draft, event);
  }
  draft.lastSeq = ready[ready.length - 1]?.seq ?? view.lastSeq;
  draft.firedEdgeIds = firedEdgeIds(draft.steps, edges, view.firedEdgeIds);
  if (pending.length > 0) draft.pending = pending;
  else delete draft.pending;
  return draft;
}
