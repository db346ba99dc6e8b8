import type { AuditEvent } from '@countersign/shared';
import { hashPrefix } from './audit-filters.ts';

const time = (iso: string): string => new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'medium' });

/** Props of {@link AuditRow}. */
export interface AuditRowProps {
  event: AuditEvent;
  /** Filters the trail to a run (the run cell is a button). */
  onPickRun(runId: string): void;
}

/** One audit event: time, actor (and on whose behalf), action, target, run, reason, sequence number and hash prefix. */
export function AuditRow({ event, onPickRun }: AuditRowProps) {
  const { actor } = event;
  return (
    <tr data-testid="audit-row" data-seq={event.seq} data-action={event.action}>
      <td className="cs-audit__time">
        <time dateTime={event.occurredAt} title={event.occurredAt}>
          {time(event.occurredAt)}
        </time>
      </td>
      <td>
        <span className="cs-audit__actor">{actor.id}</span>
        {actor.type !== 'user' ? <span className={`cs-audit__actor-type cs-audit__actor-type--${actor.type}`}>{actor.type === 'ai' ? 'AI' : 'service'}</span> : null}
        {actor.onBehalfOf ? <div className="cs-muted cs-audit__behalf">on behalf of {actor.onBehalfOf}</div> : null}
      </td>
      <td>
        <code className="cs-audit__action">{event.action}</code>
      </td>
      <td className="cs-audit__target">
        <span className="cs-muted">{event.target.type}</span> <span>{event.target.id}</span>
        {event.nodeId ? <div className="cs-muted">node {event.nodeId}</div> : null}
      </td>
      <td>
        {event.runId ? (
          <button type="button" className="cs-link-button cs-audit__run-link" title={`Show only run ${event.runId}`} onClick={() => onPickRun(event.runId ?? '')}>
            {event.runId.slice(0, 8)}
          </button>
        ) : (
          <span className="cs-muted">–</span>
        )}
      </td>
      <td className="cs-audit__reason">{event.reason ?? <span className="cs-muted">–</span>}</td>
      <td className="cs-audit__seq">#{event.seq}</td>
      <td>
        <code className="cs-audit__hash" title={event.hash}>
          {hashPrefix(event.hash)}
        </code>
      </td>
    </tr>
  );
}
