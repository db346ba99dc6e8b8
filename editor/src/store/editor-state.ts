import type { StoreApi } from 'zustand/vanilla';
import type { GraphSlice } from './graph-slice.ts';
import type { LintSlice } from './lint-slice.ts';
import type { RunSlice } from './run-slice.ts';
import type { SaveSlice } from './save-slice.ts';
import type { SelectionSlice } from './selection-slice.ts';
import type { TestRunSlice } from './test-run-slice.ts';
import type { UiSlice } from './ui-slice.ts';
import type { VersionSlice } from './version-slice.ts';
import type { WorkflowSlice } from './workflow-slice.ts';

/** The whole state of one editor instance: graph, selection, ui (with save state), workflow data and versions, control lint, runs. */
export type EditorState = GraphSlice & SelectionSlice & UiSlice & SaveSlice & WorkflowSlice & VersionSlice & LintSlice & TestRunSlice & RunSlice;

/** The store of one editor instance. */
export type EditorStore = StoreApi<EditorState>;

/** `set` of the editor store, as slices receive it. */
export type SetEditorState = EditorStore['setState'];

/** `get` of the editor store, as slices receive it. */
export type GetEditorState = EditorStore['getState'];
