import { useRef, type ReactNode } from 'react';
import { Canvas } from '../canvas/Canvas.tsx';
import { useEditorShortcuts } from '../canvas/use-editor-shortcuts.ts';
import { Palette } from '../palette/Palette.tsx';
import { RunTimelineDock } from '../run-panel/RunTimelineDock.tsx';
import { TestRunLauncher } from '../run-panel/TestRunLauncher.tsx';
import { useRunDetailRefresh } from '../run-panel/use-run-detail-refresh.ts';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context.tsx';
import { HelpPopover } from './HelpPopover.tsx';
import { RightPanel } from './RightPanel.tsx';
import { Toasts } from './Toasts.tsx';
import { TopBar } from './TopBar.tsx';
import './layout.css';

/** What the host app adds around the editor (all optional; an embedder may pass none). */
export interface ShellSlots {
  onBack?: (() => void) | undefined;
  userMenu?: ReactNode;
  currentUserId?: string | undefined;
  /** The signed-in user's roles: actions they may not take are hidden (all shown when absent; the runtime decides). */
  currentUserRoles?: readonly string[] | undefined;
  /** Opens the review screen of a version (the Versions tab shows Review buttons only when given). */
  onOpenReview?: ((version: number) => void) | undefined;
}

/**
 * The editor's frame at 1280x800 and up: top bar; palette (240 px) | canvas with the run timeline
 * under it | right panel (340 px). Its root takes keyboard focus for the shortcuts.
 */
export function EditorShell({ onBack, userMenu, currentUserId, currentUserRoles, onOpenReview }: ShellSlots) {
  const root = useRef<HTMLDivElement>(null);
  const store = useEditorStoreApi();
  const loadState = useEditorStore((state) => state.loadState);
  const loadError = useEditorStore((state) => state.loadError);
  useEditorShortcuts(root);
  useRunDetailRefresh();

  return (
    <div ref={root} className="cs-editor" tabIndex={-1}>
      <TopBar onBack={onBack} userMenu={userMenu} />
      {loadState === 'error' ? (
        <div className="cs-editor__error" role="alert">
          <p>The workflow could not be opened: {loadError}</p>
          <button type="button" className="cs-button" onClick={() => void store.getState().load()}>
            Try again
          </button>
        </div>
      ) : (
        <div className="cs-editor__body" aria-busy={loadState !== 'ready'}>
          <Palette />
          <main className="cs-editor__center">
            <Canvas />
            <RunTimelineDock />
          </main>
          <RightPanel currentUserId={currentUserId} currentUserRoles={currentUserRoles} onOpenReview={onOpenReview} />
        </div>
      )}
      <TestRunLauncher />
      <HelpPopover />
      <Toasts />
    </div>
  );
}
