import { nextMode, type InteractionEvent, type InteractionMode } from './interaction-mode.ts';
import type { GetEditorState, SetEditorState } from './editor-state.ts';

/** The modal or popover open over the editor (one at a time). */
export type EditorDialog = 'none' | 'test-run' | 'run-choice' | 'help' | 'issues';

/** Tabs of the right panel. */
export type RightTab = 'config' | 'run' | 'versions';

/** A short message in the corner. */
export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'error';
  message: string;
}

/** Interface state: pointer mode, palette search, dialogs, tabs, toasts. */
export interface UiSlice {
  readOnly: boolean;
  mode: InteractionMode;
  dispatchMode(event: InteractionEvent): void;
  paletteQuery: string;
  setPaletteQuery(query: string): void;
  dialog: EditorDialog;
  openDialog(dialog: EditorDialog): void;
  closeDialog(): void;
  rightTab: RightTab;
  setRightTab(tab: RightTab): void;
  toasts: Toast[];
  toast(kind: Toast['kind'], message: string): void;
  dismissToast(id: number): void;
}

/** Creates the ui slice. */
export function createUiSlice(set: SetEditorState, get: GetEditorState, readOnly: boolean): UiSlice {
  let nextToastId = 1;
  return {
    readOnly,
    mode: 'idle',
    dispatchMode: (event) => {
      const mode = nextMode(get().mode, event);
      if (mode !== get().mode) set({ mode });
    },
    paletteQuery: '',
    setPaletteQuery: (paletteQuery) => set({ paletteQuery }),
    dialog: 'none',
    openDialog: (dialog) => set({ dialog }),
    closeDialog: () => set({ dialog: 'none' }),
    rightTab: 'config',
    setRightTab: (rightTab) => set({ rightTab }),
    toasts: [],
    toast: (kind, message) => set({ toasts: [...get().toasts.slice(-3), { id: nextToastId++, kind, message }] }),
    dismissToast: (id) => set({ toasts: get().toasts.filter((toast) => toast.id !== id) }),
  };
}
