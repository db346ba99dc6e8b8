import { errorMessage, isValidationError, ApiError } from '../api/api-error.ts';
import type { DraftBackupStore } from './draft-backup.ts';
import type { EditorDeps } from './editor-deps.ts';
import type { GetEditorState, SetEditorState } from './editor-state.ts';
import { flowToGraph } from './graph-convert.ts';
import { countIssuesByNode, resolveIssues, type EditorIssue } from './issues.ts';

/** Where the draft stands: on the runtime, waiting (or refused as invalid), being sent, or failed. */
export type SaveState = 'saved' | 'unsaved' | 'saving' | 'error';

/** Draft autosave and the runtime's validation issues (part of the ui state). */
export interface SaveSlice {
  saveState: SaveState;
  /** When the runtime last stored the draft (ms since the epoch). */
  lastSavedAt: number | null;
  saveError: string | null;
  /** Counts graph edits; the autosave compares it with what it sent. */
  revision: number;
  issues: EditorIssue[];
  issueCountByNode: Record<string, number>;
  /** Notes an edit: marks the draft unsaved and (re)starts the autosave and lint debounces. */
  markChanged(): void;
  /** Sends the draft now (skipping the debounce). */
  saveNow(): Promise<void>;
  /** Stops pending timers (the editor unmounts). */
  disposeSave(): void;
}

const RETRY_MS = 5000;

/** Creates the save slice; `backup` keeps a local copy of a draft the runtime has not stored. */
export function createSaveSlice(set: SetEditorState, get: GetEditorState, deps: EditorDeps, backup: DraftBackupStore): SaveSlice {
  const delay = deps.autosaveMs ?? 800;
  const now = deps.now ?? Date.now;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = false;

  const schedule = (ms: number): void => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void save();
    }, ms);
  };

  async function save(): Promise<void> {
    const state = get();
    if (state.readOnly || inFlight) return;
    // Mid-drag positions are not worth a request; the drag's end schedules the save again.
    if (state.mode === 'dragging') return;
    const revision = state.revision;
    const graph = flowToGraph(state.nodes, state.edges, state.settings);
    backup.write(graph, now());
    inFlight = true;
    set({ saveState: 'saving', saveError: null });
    let retry = false;
    try {
      const workflow = await deps.api.updateDraft(deps.workflowId, graph);
      const current = get().revision === revision;
      if (current) backup.clear();
      set({ saveState: current ? 'saved' : 'unsaved', lastSavedAt: now(), issues: [], issueCountByNode: {} });
      get().draftStored(workflow);
      deps.onEvent?.({ type: 'saved', workflowId: deps.workflowId, at: workflow.draftUpdatedAt });
    } catch (error) {
      if (isValidationError(error)) {
        // The runtime refuses invalid drafts; the work stays here and in the local copy until it is valid.
        const issues = resolveIssues(error.issues, graph);
        set({ saveState: 'unsaved', issues, issueCountByNode: countIssuesByNode(issues) });
      } else {
        set({ saveState: 'error', saveError: errorMessage(error) });
        retry = error instanceof ApiError && (error.status === 0 || error.status >= 500);
      }
    } finally {
      inFlight = false;
    }
    if (get().revision !== revision) schedule(delay);
    else if (retry) schedule(RETRY_MS);
  }

  return {
    saveState: 'saved',
    lastSavedAt: null,
    saveError: null,
    revision: 0,
    issues: [],
    issueCountByNode: {},
    markChanged: () => {
      set({ revision: get().revision + 1, saveState: get().saveState === 'saving' ? 'saving' : 'unsaved' });
      if (!inFlight) schedule(delay);
      get().scheduleLint();
    },
    saveNow: async () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await save();
    },
    disposeSave: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
