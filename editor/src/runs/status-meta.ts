import type { RunView, StepView } from './run-view.ts';
import { isRunFinished } from './run-view.ts';

/** A status as a reader sees it: words and a glyph (never colour alone), and the CSS variable of its colour. */
export interface StatusMeta {
  label: string;
  /** A text glyph; render it aria-hidden next to the label. */
  icon: string;
  /** CSS custom property of the status colour, e.g. `--cs-status-running`. */
  cssVar: string;
}

/** How each step (and run) status looks; colours come only from the `--cs-status-*` variables. */
export const STEP_STATUS_META: Record<StepView['status'], StatusMeta> = {
  queued: { label: 'Queued', icon: '○', cssVar: '--cs-status-queued' },
  running: { label: 'Running', icon: '◐', cssVar: '--cs-status-running' },
  succeeded: { label: 'Succeeded', icon: '✓', cssVar: '--cs-status-succeeded' },
  failed: { label: 'Failed', icon: '✕', cssVar: '--cs-status-failed' },
  waiting: { label: 'Waiting', icon: '◷', cssVar: '--cs-status-waiting' },
  skipped: { label: 'Skipped', icon: '↷', cssVar: '--cs-status-skipped' },
  cancelled: { label: 'Cancelled', icon: '⊘', cssVar: '--cs-status-cancelled' },
};

/** Theme colour each status variable falls back to when a theme does not set it. */
const FALLBACK: Record<StepView['status'], string> = {
  queued: '--cs-muted',
  running: '--cs-primary',
  succeeded: '--cs-success',
  failed: '--cs-danger',
  waiting: '--cs-warning',
  skipped: '--cs-muted',
  cancelled: '--cs-muted',
};

/** A CSS colour value for a status, e.g. `var(--cs-status-running, var(--cs-primary))`. */
export function statusColor(status: StepView['status']): string {
  return `var(${STEP_STATUS_META[status].cssVar}, var(${FALLBACK[status]}))`;
}

/**
 * The status a canvas node shows for a run: its step's, 'queued' for a node not reached yet while
 * the run goes on, and undefined when there is no run or the run ended without reaching it.
 */
export function nodeRunStatus(run: RunView | null, nodeId: string): StepView['status'] | undefined {
  if (!run) return undefined;
  const step = run.steps[nodeId];
  if (step) return step.status;
  return isRunFinished(run.status) ? undefined : 'queued';
}

/** The class of a node in a run state (`cs-node--running`…, styled by runs.css), or '' for none. */
export function nodeRunClassName(status: StepView['status'] | undefined): string {
  return status ? `cs-node--${status}` : '';
}

/** The class of an edge that fired in the shown run (animated by runs.css). */
export const FIRED_EDGE_CLASS = 'cs-edge--fired';
