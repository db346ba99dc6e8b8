import { useRef } from 'react';
import { useFocusTrap } from '../runs/index.ts';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context.tsx';

/** Asked before a test run when the draft has changes no version holds: a run always uses a version. */
export function RunChoiceDialog() {
  const store = useEditorStoreApi();
  const latest = useEditorStore((state) => state.versions[0]?.version ?? null);
  const issueCount = useEditorStore((state) => state.issues.length);
  const saveState = useEditorStore((state) => state.saveState);
  const dialog = useRef<HTMLDivElement>(null);
  const close = (): void => store.getState().closeDialog();
  useFocusTrap(dialog, close);
  const blocked = issueCount > 0 || saveState === 'error';

  return (
    <div className="cs-dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && close()}>
      <div ref={dialog} className="cs-dialog cs-run-choice" role="dialog" aria-modal="true" aria-labelledby="cs-run-choice-title">
        <h2 id="cs-run-choice-title" className="cs-dialog__title">The draft has changes that are not in a version</h2>
        <p className="cs-dialog__hint">
          {latest === null
            ? 'A test run uses a saved version, and this workflow has none yet. Save the draft as version 1 and run it.'
            : `A test run uses a saved version; the latest is v${latest}. Save the draft as a new version and run it, or run v${latest} as it is.`}
        </p>
        {blocked ? <p className="cs-error-text">Fix the {issueCount > 0 ? `${issueCount} issue${issueCount === 1 ? '' : 's'}` : 'save error'} first to save a version.</p> : null}
        <div className="cs-dialog__actions">
          <button type="button" className="cs-button" onClick={close}>
            Cancel
          </button>
          {latest === null ? null : (
            <button type="button" className="cs-button" onClick={() => store.getState().chooseTestRunVersion(false)}>
              Run v{latest} as is
            </button>
          )}
          <button type="button" className="cs-button cs-button--primary" disabled={blocked} onClick={() => store.getState().chooseTestRunVersion(true)}>
            Save version and run
          </button>
        </div>
      </div>
    </div>
  );
}
