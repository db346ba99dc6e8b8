import { useReactFlow, type FitViewOptions } from '@xyflow/react';
import { useEffect, type RefObject } from 'react';
import { useEditorStoreApi } from '../store/editor-context.tsx';
import { withSelectedNodes } from '../store/selection-slice.ts';
import { acceptsShortcuts } from '../store/interaction-mode.ts';
import { isTypingTarget, matchShortcut, type ShortcutCommand } from './shortcuts.ts';

/** Fit-view options shared by the button, the shortcut and the run dock: room for the toolbar (top) and controls (left). */
export const FIT_VIEW_OPTIONS = { padding: { top: '72px', right: '32px', bottom: '32px', left: '64px' }, maxZoom: 1.2, duration: 200 } satisfies FitViewOptions;

/**
 * Keyboard shortcuts of one editor, listened to on its root element (not the window), so two
 * editors on a page each handle only their own keys; keys typed into fields are left alone.
 */
export function useEditorShortcuts(rootRef: RefObject<HTMLElement | null>): void {
  const store = useEditorStoreApi();
  const flow = useReactFlow();

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const run = (command: ShortcutCommand): boolean => {
      const state = store.getState();
      switch (command) {
        case 'help':
          state.openDialog(state.dialog === 'help' ? 'none' : 'help');
          return true;
        case 'escape':
          if (state.dialog !== 'none') state.closeDialog();
          else if (state.mode !== 'idle') state.dispatchMode('cancel');
          else state.clearSelection();
          return true;
        case 'fit':
          void flow.fitView(FIT_VIEW_OPTIONS);
          return true;
        case 'save':
          void state.saveNow();
          return true;
        default:
          break;
      }
      if (state.dialog !== 'none' || !acceptsShortcuts(state.mode)) return false;
      switch (command) {
        case 'delete':
          state.deleteSelection();
          return true;
        case 'copy':
          return state.copySelection() > 0;
        case 'cut':
          if (state.copySelection() === 0) return false;
          state.deleteSelection();
          return true;
        case 'paste':
          return state.paste() > 0;
        case 'undo':
          state.undo();
          return true;
        case 'redo':
          state.redo();
          return true;
        case 'layout':
          state.autoLayout();
          window.requestAnimationFrame(() => void flow.fitView(FIT_VIEW_OPTIONS));
          return true;
        case 'selectAll': {
          const ids = state.nodes.map((node) => node.id);
          store.setState({ nodes: withSelectedNodes(state.nodes, new Set(ids)), selectedNodeIds: ids });
          return true;
        }
        default: {
          const unreachable: never = command;
          return unreachable;
        }
      }
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const command = matchShortcut(event);
      if (!command || !run(command)) return;
      event.preventDefault();
      // Deleting or cutting the focused node drops focus to <body>, where keys no longer reach this editor.
      window.requestAnimationFrame(() => {
        if (!root.contains(document.activeElement)) root.focus({ preventScroll: true });
      });
    };
    root.addEventListener('keydown', onKeyDown);
    return () => root.removeEventListener('keydown', onKeyDown);
  }, [rootRef, store, flow]);
}
