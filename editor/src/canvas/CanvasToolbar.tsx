import { Panel, useReactFlow } from '@xyflow/react';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context.tsx';
import { FIT_VIEW_OPTIONS } from './use-editor-shortcuts.ts';

/** Canvas actions over the top-right corner: undo/redo, auto-layout, zoom to fit, shortcuts. */
export function CanvasToolbar() {
  const store = useEditorStoreApi();
  const flow = useReactFlow();
  const readOnly = useEditorStore((state) => state.readOnly);
  const canUndo = useEditorStore((state) => state.history.past.length > 0);
  const canRedo = useEditorStore((state) => state.history.future.length > 0);
  const hasNodes = useEditorStore((state) => state.nodes.length > 0);

  const layout = (): void => {
    store.getState().autoLayout();
    window.requestAnimationFrame(() => void flow.fitView(FIT_VIEW_OPTIONS));
  };

  return (
    <Panel position="top-right" className="cs-canvas-toolbar" aria-label="Canvas tools">
      {readOnly ? null : (
        <>
          <button type="button" className="cs-button cs-button--small" onClick={() => store.getState().undo()} disabled={!canUndo} title="Undo (Ctrl/⌘+Z)">
            <span aria-hidden="true">↶</span> Undo
          </button>
          <button type="button" className="cs-button cs-button--small" onClick={() => store.getState().redo()} disabled={!canRedo} title="Redo (Shift+Ctrl/⌘+Z)">
            <span aria-hidden="true">↷</span> Redo
          </button>
          <button type="button" className="cs-button cs-button--small" onClick={layout} disabled={!hasNodes} title="Auto-layout left to right (Shift+L)">
            <span aria-hidden="true">⇶</span> Auto-layout
          </button>
        </>
      )}
      <button type="button" className="cs-button cs-button--small" onClick={() => void flow.fitView(FIT_VIEW_OPTIONS)} title="Zoom to fit (Shift+1)">
        <span aria-hidden="true">⤢</span> Fit
      </button>
      <button type="button" className="cs-button cs-button--small" onClick={() => store.getState().openDialog('help')} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
        ?
      </button>
    </Panel>
  );
}
