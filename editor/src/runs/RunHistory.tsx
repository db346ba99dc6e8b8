import type { RunSummaryDto } from '@countersign/shared';
import { elapsedMs, formatDuration, formatTime } from './format.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** Props of the run history. */
export interface RunHistoryProps {
  /** Runs of the workflow, newest first (`GET /api/runs?workflowId=`). */
  runs: RunSummaryDto[];
  /** The run shown on the canvas. */
  activeRunId?: string | null;
  /** Shows a run on the canvas (a past one replays its events). */
  onOpen(runId: string): void;
}

function duration(run: RunSummaryDto): string {
  if (!run.startedAt) return run.status === 'queued' ? 'not started' : '–';
  const ms = elapsedMs(run.startedAt, run.finishedAt);
  const text = ms === undefined ? '–' : formatDuration(ms);
  return run.finishedAt ? text : `${text} so far`;
}

/** Past runs of a workflow (status, start, duration, version), each with "Open" to replay it on the canvas. */
export function RunHistory({ runs, activeRunId, onOpen }: RunHistoryProps) {
  if (runs.length === 0) {
    return (
      <section className="cs-history" aria-label="Run history">
        <p className="cs-history__empty">No runs yet. Start a test run to see it here.</p>
      </section>
    );
  }
  return (
    <section className="cs-history" aria-label="Run history">
      <ul className="cs-history__list">
        {runs.map((run) => {
          const active = run.id === activeRunId;
          const started = formatTime(run.startedAt ?? run.createdAt);
          return (
            <li key={run.id} className="cs-history__row" aria-current={active ? 'true' : undefined}>
              <StatusBadge status={run.status} />
              <time className="cs-history__time" dateTime={run.startedAt ?? run.createdAt}>
                {started}
              </time>
              <span className="cs-history__duration">{duration(run)}</span>
              <span className="cs-history__version">
                v{run.version}
                {run.isTest ? ' · test' : ''}
              </span>
              <button type="button" className="cs-run-button cs-run-button--small" onClick={() => onOpen(run.id)} disabled={active} aria-label={active ? `Run of ${started} is shown` : `Open run of ${started}`}>
                {active ? 'Shown' : 'Open'}
              </button>
              {run.error ? (
                <span className="cs-history__error" title={run.error.message}>
                  {run.error.code}: {run.error.message}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
