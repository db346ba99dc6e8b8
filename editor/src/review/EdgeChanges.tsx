import type { GraphDiffDto } from './review-model.ts';

type DiffEdge = GraphDiffDto['edgesAdded'][number];

/** Props of {@link EdgeChanges}. */
export interface EdgeChangesProps {
  diff: GraphDiffDto;
  /** A node's label by id, from whichever version has it. */
  labelOf(nodeId: string): string;
}

/** The wires added and removed: "Check fields —valid→ Duplicate check". */
export function EdgeChanges({ diff, labelOf }: EdgeChangesProps) {
  const rows: { kind: 'added' | 'removed'; edge: DiffEdge }[] = [
    ...diff.edgesAdded.map((edge) => ({ kind: 'added' as const, edge })),
    ...diff.edgesRemoved.map((edge) => ({ kind: 'removed' as const, edge })),
  ];
  if (rows.length === 0) return <p className="cs-muted">No wire was added or removed.</p>;
  return (
    <ul className="cs-edge-changes">
      {rows.map(({ kind, edge }) => (
        <li key={`${kind}-${edge.id}-${edge.source}-${edge.sourcePort}-${edge.target}`} className={`cs-edge-changes__item cs-edge-changes__item--${kind}`} data-testid="review-edge-change" data-change-kind={kind}>
          <span className="cs-edge-changes__tag">{kind === 'added' ? '+ Added' : '− Removed'}</span>
          <span>
            {labelOf(edge.source)} <span className="cs-muted">—{edge.sourcePort}→</span> {labelOf(edge.target)}
            {edge.targetPort !== 'in' ? <span className="cs-muted"> ({edge.targetPort})</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
