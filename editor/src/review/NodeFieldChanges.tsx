import type { GraphNode } from '@countersign/shared';
import { JsonTree } from '../runs/index.ts';
import { CHANGE_TAG } from './DiffNode.tsx';
import { FieldChangeTable } from './FieldChangeTable.tsx';
import type { ChangeEntry, GraphDiffDto } from './review-model.ts';

/** Props of {@link NodeFieldChanges}. */
export interface NodeFieldChangesProps {
  entry: ChangeEntry;
  diff: GraphDiffDto;
  /** The node on the side where it exists (after, or before for a removed one), for its config. */
  node: GraphNode | undefined;
}

/** What changed in the selected node: per-field before/after for a changed one, the whole config of an added or removed one. */
export function NodeFieldChanges({ entry, diff, node }: NodeFieldChangesProps) {
  const changed = diff.nodesChanged.find((candidate) => candidate.id === entry.nodeId);
  return (
    <section className="cs-review__card" aria-label={`Changes of ${entry.label}`} data-testid="review-node-detail">
      <h3 className="cs-review__node-title">
        {entry.label} <span className={`cs-change-tag cs-change-tag--${entry.kind}`}>{CHANGE_TAG[entry.kind]}</span>
      </h3>
      <p className="cs-muted cs-review__type">
        <code>{entry.type}</code>
        {entry.kind === 'layout' ? ' · only its position moved: what runs is the same, and the version hash ignores it.' : null}
      </p>
      {changed ? <FieldChangeTable changes={changed.changes} rowTestId="review-field-change" caption={`Fields of ${entry.label}, before and after`} /> : null}
      {!changed && node ? (
        <>
          <p className="cs-muted">{entry.kind === 'added' ? 'A new step with this configuration:' : 'This step and its configuration are gone:'}</p>
          <JsonTree value={node.config} name="config" openDepth={2} />
        </>
      ) : null}
    </section>
  );
}
