import { formatDuration, formatTime } from './format.ts';
import { isRunFinished, type RunView } from './run-view.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** The node whose failure failed the run: the last failed step not handled by an error edge. */
function failedNode(run: RunView): string | undefined {
  const failed = Object.entries(run.steps).filter(([, step]) => step.status === 'failed' && step.port !== 'error');
  return failed[failed.length - 1]?.[0];
}

const HEADLINE: Record<RunView['status'], string> = {
  queued: 'Run queued',
  running: 'Run in progress',
  waiting: 'Run waiting',
  succeeded: 'Run succeeded',
  failed: 'Run failed',
  cancelled: 'Run cancelled',
};

function progress(run: RunView, totalMs: number): string {
  if (!run.startedAt) return '';
  if (isRunFinished(run.status)) return `took ${formatDuration(totalMs)}`;
  if (run.status === 'queued') return 'waiting for a worker';
  return `${run.status === 'waiting' ? 'open' : 'running'} for ${formatDuration(totalMs)}`;
}

/** The run's status, when it started, its total duration, progress and, for a failed run, why. */
export function RunTimelineHeader({ run, nodeLabels, totalMs }: { run: RunView; nodeLabels: Record<string, string>; totalMs: number }) {
  const steps = Object.values(run.steps);
  const done = steps.filter((step) => step.status === 'succeeded' || step.status === 'failed' || step.status === 'skipped').length;
  const failedId = failedNode(run);
  return (
    <header className="cs-timeline__header">
      <div className="cs-timeline__summary" role="status" aria-live="polite">
        <StatusBadge status={run.status} text={HEADLINE[run.status]} />
        <span className="cs-timeline__facts">
          {[run.startedAt ? `started ${formatTime(run.startedAt)}` : '', progress(run, totalMs), `${done} ${done === 1 ? 'step' : 'steps'} done`].filter(Boolean).join(' · ')}
        </span>
      </div>
      {run.error ? (
        <p className="cs-timeline__error" role="alert">
          <strong>{failedId ? `${nodeLabels[failedId] ?? failedId} failed` : 'Failed'}</strong>: {run.error.message}{' '}
          <code className="cs-timeline__code">{run.error.code}</code>
        </p>
      ) : null}
    </header>
  );
}
