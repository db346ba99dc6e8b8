import type { ApiClient } from '../api/api-client.ts';

/** What the editor tells its host (an embedding app) about. */
export type EditorEvent =
  | { type: 'loaded'; workflowId: string }
  | { type: 'saved'; workflowId: string; at: string }
  | { type: 'version-created'; workflowId: string; version: number; hash: string }
  | { type: 'run-started'; workflowId: string; runId: string }
  | { type: 'error'; message: string };

/** Where the editor keeps its crash-safety copy of an unsaved draft (localStorage by default). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The API calls the editor store makes (the full client satisfies it; tests pass a fake). */
export type EditorApi = Pick<
  ApiClient,
  | 'getWorkflow'
  | 'listNodeTypes'
  | 'renameWorkflow'
  | 'updateDraft'
  | 'createVersion'
  | 'listVersions'
  | 'getVersion'
  | 'submitVersion'
  | 'publishVersion'
  | 'lintWorkflow'
  | 'getEvidenceJson'
  | 'getEvidenceHtml'
  | 'listUsers'
  | 'startRun'
  | 'listRuns'
  | 'getRun'
  | 'allRunEvents'
> &
  // Optional: the credential field's suggestions (an embedding host's API may not offer it).
  Partial<Pick<ApiClient, 'listCredentials'>>;

/** Everything one editor instance depends on: injected, so tests and embedders control it. */
export interface EditorDeps {
  api: EditorApi;
  workflowId: string;
  readOnly?: boolean;
  /** null disables the local copy. */
  storage?: DraftStorage | null;
  /** Debounce of the draft autosave. */
  autosaveMs?: number;
  /** Debounce of the live control lint. */
  lintMs?: number;
  /** Clock, in ms since the epoch. */
  now?: () => number;
  onEvent?: (event: EditorEvent) => void;
}
