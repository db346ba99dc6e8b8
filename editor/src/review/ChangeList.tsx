import { CHANGE_TAG } from './DiffNode.tsx';
import type { ChangeEntry } from './review-model.ts';

/** Props of {@link ChangeList}. */
export interface ChangeListProps {
  entries: ChangeEntry[];
  selectedId: string | null;
  /** Selects a node: its fields are shown and both canvases bring it into view. */
  onSelect(nodeId: string): void;
}

/** The node changes, behaviour first and moves last; clicking one focuses its node. */
export function ChangeList({ entries, selectedId, onSelect }: ChangeListProps) {
  if (entries.length === 0) return <p className="cs-muted">No step was added, removed, changed or moved.</p>;
  return (
    <ul className="cs-change-list">
      {entries.map((entry) => (
        <li key={`${entry.kind}-${entry.nodeId}`}>
          <button
            type="button"
            className={`cs-change-list__item cs-change-list__item--${entry.kind}`}
            data-testid="review-change"
            data-change-kind={entry.kind}
            data-node-id={entry.nodeId}
            aria-pressed={entry.nodeId === selectedId}
            onClick={() => onSelect(entry.nodeId)}
          >
            <span className="cs-change-list__tag">{CHANGE_TAG[entry.kind]}</span>
            <span className="cs-change-list__label">
              {entry.label}
              {entry.renamedFrom !== undefined ? <span className="cs-muted"> (was “{entry.renamedFrom}”)</span> : null}
            </span>
            <span className="cs-change-list__summary">{entry.summary}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
