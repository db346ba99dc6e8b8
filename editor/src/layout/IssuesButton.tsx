import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context.tsx';
import { IssueListPopover } from './IssueListPopover.tsx';

/**
 * The issue counter of the top bar: the runtime's graph validation issues and the control lint's
 * findings. It opens the list, where clicking an item selects and centres its node.
 */
export function IssuesButton() {
  const store = useEditorStoreApi();
  const issueCount = useEditorStore((state) => state.issues.length);
  const findings = useEditorStore((state) => state.lintFindings);
  const open = useEditorStore((state) => state.dialog === 'issues');
  const flow = useReactFlow();
  const container = useRef<HTMLDivElement>(null);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const count = issueCount + findings.length;
  const tone = issueCount > 0 || errors > 0 ? 'danger' : findings.length > 0 ? 'warning' : 'ok';

  // A click anywhere else closes the list.
  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent): void => {
      if (!container.current?.contains(event.target as Node)) store.getState().closeDialog();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open, store]);

  const show = (nodeId: string | undefined): void => {
    const state = store.getState();
    state.closeDialog();
    if (nodeId === undefined) return;
    const node = state.nodes.find((candidate) => candidate.id === nodeId);
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
        className={`cs-button cs-button--small cs-issues__button cs-issues__button--${tone}`}
        data-testid="issues-button"
        data-count={count}
        aria-expanded={open}
        aria-haspopup="true"
        onClick={() => store.getState().openDialog(open ? 'none' : 'issues')}
        title={count > 0 ? 'Show the validation issues and the control lint findings' : 'No validation issue and no control finding'}
      >
        <span aria-hidden="true">{count > 0 ? '⚠' : '✓'}</span> {count === 0 ? 'No issues' : `${count} issue${count === 1 ? '' : 's'}`}
      </button>
      {open ? <IssueListPopover onPick={show} /> : null}
    </div>
  );
}
