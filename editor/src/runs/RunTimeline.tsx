import { formatDuration } from './format.ts';
import { isRunFinished, type RunView } from './run-view.ts';
import { RunTimelineHeader } from './RunTimelineHeader.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { stepNote } from './step-note.ts';
import { timelineModel, type TimelineRow } from './timeline-model.ts';
import { useNow } from './use-now.ts';

/** Props of the run timeline. */
export interface RunTimelineProps {
  run: RunView;
  /** Labels of the graph's nodes by id (a step of a node no longer in the graph shows its id). */
  nodeLabels: Record<string, string>;
  selectedNodeId?: string | null;
  onSelectNode(nodeId: string): void;
}

// Not memoised: while a run goes on the time axis grows every tick, so every bar moves anyway.
function Row({ row, now, selected, onSelect }: { row: TimelineRow; now: number; selected: boolean; onSelect(nodeId: string): void }) {
  const note = stepNote(row.step, now);
  return (
    <li className="cs-timeline__row" data-cs-status={row.step.status}>
      <button type="button" className="cs-timeline__select" aria-pressed={selected} onClick={() => onSelect(row.nodeId)}>
        <span className="cs-timeline__name">{row.label}</span>
        <StatusBadge status={row.step.status} />
        <span className="cs-timeline__duration">{row.durationMs === undefined ? '' : formatDuration(row.durationMs)}</span>
        <span className="cs-timeline__note">{note}</span>
        <span className="cs-timeline__track" aria-hidden="true">
          {row.bar ? <span className="cs-timeline__bar" style={{ left: `${row.bar.offsetPct}%`, width: `${row.bar.widthPct}%` }} /> : null}
        </span>
      </button>
    </li>
  );
}

/**
 * The steps of a run in start order: status (glyph and word), attempt, duration, retry or wait with
 * its due time, and a Gantt-style bar on the run's time axis so a reader sees where the time went.
 */
export function RunTimeline({ run, nodeLabels, selectedNodeId, onSelectNode }: RunTimelineProps) {
  const now = useNow(!isRunFinished(run.status));
  const { rows, totalMs } = timelineModel(run, nodeLabels, now);
  return (
    <section className="cs-timeline" aria-label="Run timeline">
      <RunTimelineHeader run={run} nodeLabels={nodeLabels} totalMs={totalMs} />
      {rows.length === 0 ? (
        <p className="cs-timeline__empty">{isRunFinished(run.status) ? 'No step ran.' : 'Waiting for the first step…'}</p>
      ) : (
        <>
          <ol className="cs-timeline__rows">
            {rows.map((row) => (
              <Row key={row.nodeId} row={row} now={now} selected={row.nodeId === selectedNodeId} onSelect={onSelectNode} />
            ))}
          </ol>
          <div className="cs-timeline__axis" aria-hidden="true">
            <span className="cs-timeline__scale">
              <span>0</span>
              <span>{formatDuration(totalMs / 2)}</span>
              <span>{formatDuration(totalMs)}</span>
            </span>
          </div>
        </>
      )}
    </section>
  );
}
