import { WorkflowName } from './WorkflowName.tsx';
import type { ReactNode } from 'react';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context.tsx';
import { IssuesButton } from './IssuesButton.tsx';
import { ProductMark } from './ProductMark.tsx';
import { SaveIndicator } from './SaveIndicator.tsx';

/** Top bar of the editor: product, workflow name, save state, issues, Save version, Test run, user menu. */
export function TopBar({ onBack, userMenu }: { onBack?: (() => void) | undefined; userMenu?: ReactNode }) {
  const store = useEditorStoreApi();
  const readOnly = useEditorStore((state) => state.readOnly);
  const saveState = useEditorStore((state) => state.saveState);
  const issueCount = useEditorStore((state) => state.issues.length);
  const versionBusy = useEditorStore((state) => state.versionBusy);
  const runBusy = useEditorStore((state) => state.runBusy);
  const ready = useEditorStore((state) => state.loadState === 'ready');

  const versionBlocked = !ready || readOnly || versionBusy || issueCount > 0 || saveState === 'error';
  const versionTitle =
    issueCount > 0 ? 'Fix the issues first: only a valid draft can become a version' : saveState === 'error' ? 'The draft is not saved' : 'Save the draft as the next immutable version';

  return (
    <header className="cs-topbar">
      <div className="cs-topbar__start">
        <ProductMark />
        {onBack ? (
          <button type="button" className="cs-button cs-button--ghost cs-button--small" onClick={onBack}>
            <span aria-hidden="true">←</span> Workflows
          </button>
        ) : null}
        <span className="cs-topbar__sep" aria-hidden="true" />
        <WorkflowName />
      </div>
      <div className="cs-topbar__status">
        <SaveIndicator />
        <IssuesButton />
      </div>
      <div className="cs-topbar__actions">
        {readOnly ? null : (
          <>
            <button type="button" className="cs-button" disabled={versionBlocked} title={versionTitle} onClick={() => void store.getState().saveVersion()}>
              {versionBusy ? 'Saving version…' : 'Save version'}
            </button>
            <button type="button" className="cs-button cs-button--primary" disabled={!ready || runBusy} onClick={() => void store.getState().prepareTestRun()}>
              <span aria-hidden="true">▶</span> Test run
            </button>
          </>
        )}
        {userMenu}
      </div>
    </header>
  );
}
