import { formatValue, isLayoutChange } from './review-model.ts';

/** Props of {@link FieldChangeTable}. */
export interface FieldChangeTableProps {
  changes: readonly { path: string; before?: unknown; after?: unknown }[];
  /** Test id of each row (`review-field-change` for a node's fields). */
  rowTestId: string;
  caption: string;
}

/** Field-by-field before and after: the dotted path (e.g. `config.url`), the old value and the new one; moves are marked as layout. */
export function FieldChangeTable({ changes, rowTestId, caption }: FieldChangeTableProps) {
  return (
    <table className="cs-field-changes">
      <caption className="cs-visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => {
          const layout = isLayoutChange(change.path);
          return (
            <tr key={change.path} data-testid={rowTestId} data-path={change.path} data-layout={layout ? 'true' : undefined}>
              <th scope="row">
                <code>{change.path}</code>
                {layout ? <span className="cs-field-changes__layout">layout only</span> : null}
              </th>
              <td className="cs-field-changes__before">
                <pre>{formatValue(change.before)}</pre>
              </td>
              <td className="cs-field-changes__after">
                <pre>{formatValue(change.after)}</pre>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
