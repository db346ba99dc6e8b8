import type { UnreadableAuditEvent } from '../api/audit-page.ts';

/** A row of the trail that is not a valid event (e.g. tampered with): its sequence number and what is wrong, across the table. */
export function UnreadableAuditRow({ item }: { item: UnreadableAuditEvent }) {
  return (
    <tr className="cs-audit__unreadable" data-testid="audit-row" data-seq={item.seq ?? undefined} data-unreadable="true">
      <td colSpan={6}>
        <strong>
          <span aria-hidden="true">✕</span> This event cannot be read
        </strong>{' '}
        <span>({item.problem})</span>
      </td>
      <td className="cs-audit__seq">{item.seq === null ? '?' : `#${item.seq}`}</td>
      <td />
    </tr>
  );
}
