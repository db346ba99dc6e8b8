import { sortFindings } from '../store/lint-badges.ts';
import { useEditorStore } from '../store/editor-context.tsx';

/** The list under the issues button: graph validation issues, then the control lint's findings (errors first). */
export function IssueListPopover({ onPick }: { onPick(nodeId: string | undefined): void }) {
  const issues = useEditorStore((state) => state.issues);
  const findings = useEditorStore((state) => state.lintFindings);
  const lintState = useEditorStore((state) => state.lintState);
  const lintError = useEditorStore((state) => state.lintError);
  const nodes = useEditorStore((state) => state.nodes);
  const labelOf = (nodeId: string | undefined): string => (nodeId === undefined ? 'Workflow' : (nodes.find((node) => node.id === nodeId)?.data.label ?? nodeId));
  return (
    <div className="cs-popover cs-issues__list" role="dialog" aria-label="Issues">
      <h3 className="cs-panel-heading cs-issues__heading">Validation</h3>
      {issues.length === 0 ? <p className="cs-muted">No issues in the last saved draft.</p> : null}
      <ul>
        {issues.map((issue, index) => (
          <li key={`${issue.code}-${index}`}>
            <button type="button" className="cs-issues__item" onClick={() => onPick(issue.nodeId)} disabled={issue.nodeId === undefined}>
              <span className="cs-issues__node">{labelOf(issue.nodeId)}</span>
              <span className="cs-issues__message">{issue.message}</span>
              {issue.configPath && issue.configPath.length > 0 ? <code className="cs-issues__path">{issue.configPath.join('.')}</code> : null}
            </button>
          </li>
        ))}
      </ul>
      <h3 className="cs-panel-heading cs-issues__heading">Control lint</h3>
      {lintState === 'linting' && findings.length === 0 ? <p className="cs-muted">Checking the controls…</p> : null}
      {lintState === 'error' ? <p className="cs-muted">The control lint could not run: {lintError}</p> : null}
      {lintState === 'unavailable' ? <p className="cs-muted">The control lint is not available to you here.</p> : null}
      {lintState === 'ready' && findings.length === 0 ? <p className="cs-muted">No control finding: this draft can be submitted for review.</p> : null}
      <ul data-testid="lint-findings">
        {sortFindings(findings).map((finding, index) => (
          <li key={`${finding.code}-${finding.nodeId ?? ''}-${index}`}>
            <button type="button" className="cs-issues__item" data-testid="lint-finding" data-severity={finding.severity} onClick={() => onPick(finding.nodeId)} disabled={finding.nodeId === undefined}>
              <span className={`cs-issues__node cs-issues__node--${finding.severity}`}>
                {finding.severity === 'error' ? '✕ Error' : '! Warning'} · {labelOf(finding.nodeId)}
              </span>
              <span className="cs-issues__message">{finding.message}</span>
              <code className="cs-issues__path">{finding.code}</code>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
