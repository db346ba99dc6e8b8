import { isReadable, type AuditItem } from '../api/audit-page.ts';
import { AuditRow } from './AuditRow.tsx';
import { UnreadableAuditRow } from './UnreadableAuditRow.tsx';

/** The audit events, newest first; a row that cannot be read is shown as such, in its place. */
export function AuditTable({ items, onPickRun }: { items: AuditItem[]; onPickRun(runId: string): void }) {
  return (
    <table className="cs-card cs-audit__table">
      <caption className="cs-visually-hidden">Audit events, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Actor</th>
          <th scope="col">Action</th>
          <th scope="col">Target</th>
          <th scope="col">Run</th>
          <th scope="col">Reason</th>
          <th scope="col">Seq</th>
          <th scope="col">Hash</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item, index) =>
          isReadable(item) ? <AuditRow key={item.id} event={item} onPickRun={onPickRun} /> : <UnreadableAuditRow key={item.id ?? `unreadable-${index}`} item={item} />,
        )}
      </tbody>
    </table>
  );
}
