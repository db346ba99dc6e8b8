import './versions.css';
import type { LintFinding } from '@countersign/shared';
import { sortFindings } from '../store/lint-badges.ts';

/** Props of {@link LintFindingList}. */
export interface LintFindingListProps {
  findings: readonly LintFinding[];
  /** A node's label by id (findings name nodes by id). */
  labelOf?(nodeId: string): string;
  /** Picks the node of a finding (e.g. focuses it on a canvas). */
  onPick?(nodeId: string): void;
}

/** Control-lint findings, errors first: severity, the node, the message and its code. */
export function LintFindingList({ findings, labelOf = (id) => id, onPick }: LintFindingListProps) {
  return (
    <ul className="cs-lint-list">
      {sortFindings(findings).map((finding, index) => (
        <li key={`${finding.code}-${finding.nodeId ?? ''}-${index}`} className={`cs-lint-list__item cs-lint-list__item--${finding.severity}`} data-testid="lint-finding" data-severity={finding.severity}>
          <span className="cs-lint-list__severity">{finding.severity === 'error' ? '✕ Error' : '! Warning'}</span>
          {finding.nodeId !== undefined ? (
            onPick ? (
              <button type="button" className="cs-link-button" onClick={() => onPick(finding.nodeId ?? '')}>
                {labelOf(finding.nodeId)}
              </button>
            ) : (
              <strong>{labelOf(finding.nodeId)}</strong>
            )
          ) : (
            <strong>Workflow</strong>
          )}
          <span className="cs-lint-list__message">{finding.message}</span>
          <code className="cs-lint-list__code">{finding.code}</code>
        </li>
      ))}
    </ul>
  );
}
