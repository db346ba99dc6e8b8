import type { Graph } from '@countersign/shared';
import { EdgeChanges } from './EdgeChanges.tsx';
import { FieldChangeTable } from './FieldChangeTable.tsx';
import { NodeFieldChanges } from './NodeFieldChanges.tsx';
import type { ChangeEntry, GraphDiffDto } from './review-model.ts';

/** Props of {@link ReviewDetails}. */
export interface ReviewDetailsProps {
  diff: GraphDiffDto;
  selected: ChangeEntry | undefined;
  before: Graph | null;
  after: Graph;
}

/** Under the canvases: the selected node's fields, then the wires and the workflow settings that changed. */
export function ReviewDetails({ diff, selected, before, after }: ReviewDetailsProps) {
  const labelOf = (nodeId: string): string => after.nodes.find((node) => node.id === nodeId)?.label ?? before?.nodes.find((node) => node.id === nodeId)?.label ?? nodeId;
  const node = selected ? (selected.kind === 'removed' ? before : after)?.nodes.find((candidate) => candidate.id === selected.nodeId) : undefined;
  return (
    <div className="cs-review__details">
      {selected ? (
        <NodeFieldChanges key={selected.nodeId} entry={selected} diff={diff} node={node} />
      ) : (
        <section className="cs-review__card cs-review__hint">
          <p className="cs-muted">Select a change in the list or a highlighted node to see its fields before and after.</p>
        </section>
      )}
      <section className="cs-review__card" aria-labelledby="cs-review-wires">
        <h3 id="cs-review-wires" className="cs-section-title">Wires</h3>
        <EdgeChanges diff={diff} labelOf={labelOf} />
      </section>
      <section className="cs-review__card" aria-labelledby="cs-review-settings">
        <h3 id="cs-review-settings" className="cs-section-title">Workflow settings</h3>
        {diff.settingsChanged.length === 0 ? (
          <p className="cs-muted">No setting changed.</p>
        ) : (
          <FieldChangeTable changes={diff.settingsChanged} rowTestId="review-setting-change" caption="Workflow settings, before and after" />
        )}
      </section>
    </div>
  );
}
