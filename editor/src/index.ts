// Public surface of the editor package: the embeddable editor, its theme, and its store factory.
export { WorkflowEditor, type WorkflowEditorEvent, type WorkflowEditorProps } from './WorkflowEditor.tsx';
export { mountEditor, type MountedEditor } from './embed/mount-editor.tsx';
export type { MountEditorOptions } from './embed/embed-options.ts';
export { DEFAULT_THEME, resolveTheme, themeToCssVars, type Theme, type ThemeOverrides } from './theme/theme.ts';
export { createEditorStore } from './store/create-editor-store.ts';
export { EditorStoreProvider, useEditorStore, useEditorStoreApi } from './store/editor-context.tsx';
export type { EditorDeps, EditorEvent, EditorApi } from './store/editor-deps.ts';
export type { EditorState, EditorStore } from './store/editor-state.ts';
export { createApiClient, type ApiClient, type ApiClientOptions } from './api/api-client.ts';
export { ApiError } from './api/api-error.ts';
