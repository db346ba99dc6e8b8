import type { FormIssue } from './issue-paths.ts';
import type { ValuePath } from './value-path.ts';

/** Props of {@link IssueList}. */
export interface IssueListProps {
  id: string;
  issues: readonly FormIssue[];
  /** The field's own path: issues deeper than it are prefixed with the rest of their path. */
  base: ValuePath;
}

/** A field's validation issues, inline under it, announced as alerts. */
export function IssueList({ id, issues, base }: IssueListProps) {
  if (issues.length === 0) return null;
  return (
    <div id={id} className="cs-issues">
      {issues.map((issue, index) => {
        const rest = issue.path.slice(base.length);
        return (
          <p key={`${index}-${issue.code}`} role="alert" className="cs-issue">
            {rest.length > 0 ? `${rest.join('.')}: ${issue.message}` : issue.message}
          </p>
        );
      })}
    </div>
  );
}

/** The count of issues inside a group, shown on its legend. */
export function IssueCount({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span className="cs-badge" title={`${count} ${count === 1 ? 'issue' : 'issues'} inside`}>
      {count}
      <span className="cs-sr-only">{count === 1 ? ' issue inside' : ' issues inside'}</span>
    </span>
  );
}
