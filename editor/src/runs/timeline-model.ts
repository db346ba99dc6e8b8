import { elapsedMs } from './format.ts';
import { isRunFinished, type RunView, type StepView } from './run-view.ts';

/** One step of the timeline, with its bar placed on the run's time axis (percentages). */
export interface TimelineRow {
  nodeId: string;
  label: string;
  step: StepView;
  /** Time the step spent: the last attempt's duration when done, the time so far while open. */
  durationMs: number | undefined;
  /** The bar, when the step started: offset from the run's start and width, in % of the axis. */
  bar: { offsetPct: number; widthPct: number } | undefined;
}

/** The timeline of a run: rows in start order and the length of its time axis. */
export interface TimelineModel {
  rows: TimelineRow[];
  totalMs: number;
}

const MIN_BAR_PCT = 0.6;

/** Node ids in the order their first event came (start order; skipped steps where they were skipped). */
function startOrder(run: RunView): string[] {
  const seen = new Set<string>();
  for (const event of run.events) if (event.nodeId && run.steps[event.nodeId]) seen.add(event.nodeId);
  for (const nodeId of Object.keys(run.steps)) seen.add(nodeId);
  return [...seen];
}

function isOpen(step: StepView): boolean {
  return step.status === 'running' || step.status === 'queued' || step.status === 'waiting';
}

/** Lays a run's steps out on its time axis (from the run's start to its end, or `now` while it runs). */
export function timelineModel(run: RunView, nodeLabels: Record<string, string>, now: number): TimelineModel {
  const runStart = run.startedAt ?? run.events[0]?.at ?? null;
  const end = isRunFinished(run.status) ? run.finishedAt : null;
  const totalMs = Math.max(elapsedMs(runStart, end, now) ?? 0, 1);
  const startMs = runStart ? Date.parse(runStart) : now;
  const rows = startOrder(run).flatMap((nodeId): TimelineRow[] => {
    const step = run.steps[nodeId];
    if (!step) return [];
    const open = isOpen(step) && !isRunFinished(run.status);
    const spanMs = elapsedMs(step.startedAt, open ? null : (step.finishedAt ?? step.startedAt), now);
    const offset = step.startedAt ? Date.parse(step.startedAt) - startMs : NaN;
    const offsetPct = Math.min(Math.max((offset / totalMs) * 100, 0), 100 - MIN_BAR_PCT);
    const bar = spanMs === undefined || !Number.isFinite(offset) ? undefined : { offsetPct, widthPct: Math.min(Math.max((spanMs / totalMs) * 100, MIN_BAR_PCT), 100 - offsetPct) };
    const durationMs = step.status === 'running' ? elapsedMs(step.startedAt, null, now) : step.durationMs;
    return [{ nodeId, label: nodeLabels[nodeId] ?? nodeId, step, durationMs, bar }];
  });
  return { rows, totalMs };
}
