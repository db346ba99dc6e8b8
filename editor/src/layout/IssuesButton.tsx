import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context.tsx';
import type { EditorIssue } from '../store/issues.ts';

/** The issue counter of the top bar; it opens the list, where clicking an issue selects its node. */
export function IssuesButton() {
  const store = useEditorStoreApi();
  const issues = useEditorStore((state) => state.issues);
  const open = useEditorStore((state) => state.dialog === 'issues');
  const flow = useReactFlow();
  const count = issues.length;
  const container = useRef<HTMLDivElement>(null);

  // A click anywhere else closes the list.
  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent): void => {
      if (!container.current?.contains(event.target as Node)) store.getState().closeDialog();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open, store]);

  const show = (issue: EditorIssue): void => {
    const state = store.getState();
    state.closeDialog();
    if (issue.nodeId === undefined) return;
    const node = state.nodes.find((candidate) => candidate.id === issue.nodeId);
    if (!node) return;
    state.selectNode(node.id);
    state.setRightTab('config');
    const width = node.measured?.width ?? 220;
    const height = node.measured?.height ?? 72;
    void flow.setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 250 });
  };

  return (
    <div className="cs-issues" ref={container}>
      <button
        type="button"
        className={`cs-button cs-button--small${count > 0 ? ' cs-issues__button--has' : ''}`}
        aria-expanded={open}
        aria-haspopup="true"
        onClick={() => store.getState().openDialog(open ? 'none' : 'issues')}
        title={count > 0 ? 'Show the issues the runtime found' : 'The runtime found no issue in the saved draft'}
      >
        <span aria-hidden="true">{count > 0 ? '⚠' : '✓'}</span> {count === 0 ? 'No issues' : `${count} issue${count === 1 ? '' : 's'}`}
      </button>
      {open ? <IssueList issues={issues} onPick={show} /> : null}
    </div>
  );
}

function IssueList({ issues, onPick }: { issues: EditorIssue[]; onPick(issue: EditorIssue): void }) {
  const labels = useEditorStore((state) => state.nodes);
  const labelOf = (nodeId: string | undefined): string => (nodeId === undefined ? 'Workflow' : (labels.find((node) => node.id === nodeId)?.data.label ?? nodeId));
  return (
    <div className="cs-popover cs-issues__list" role="dialog" aria-label="Issues">
      {issues.length === 0 ? <p className="cs-muted">No issues in the last saved draft.</p> : null}
      <ul>
        {issues.map((issue, index) => (
          <li key={`${issue.code}-${index}`}>
            <button type="button" className="cs-issues__item" onClick={() => onPick(issue)} disabled={issue.nodeId === undefined}>
              <span className="cs-issues__node">{labelOf(issue.nodeId)}</span>
              <span className="cs-issues__message">{issue.message}</span>
              {issue.configPath && issue.configPath.length > 0 ? <code className="cs-issues__path">{issue.configPath.join('.')}</code> : null}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
