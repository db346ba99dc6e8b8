import { canonicalJson, GraphSchema, hashGraph, type CredentialDto, type VersionDto, type WorkflowDto, type WorkflowSummaryDto } from '@countersign/shared';
import { errorMessage } from '../api/api-error.ts';
import type { DraftBackupStore } from './draft-backup.ts';
import type { EditorDeps } from './editor-deps.ts';
import type { GetEditorState, SetEditorState } from './editor-state.ts';

/** A version as listed (without its graph). */
export type VersionSummary = Omit<VersionDto, 'graph'>;

/** The workflow around the graph: its metadata, versions, and loading. */
export interface WorkflowSlice {
  workflowId: string;
  loadState: 'idle' | 'loading' | 'ready' | 'error';
  loadError: string | null;
  workflow: WorkflowSummaryDto | null;
  versions: VersionSummary[];
  /** Hash of the draft as the runtime last stored it (positions excluded, like version hashes). */
  draftHash: string | null;
  versionBusy: boolean;
  /** The tenant's credentials (names and kinds, never values), offered in credential fields; empty when the user may not list them. */
  credentials: Pick<CredentialDto, 'id' | 'name' | 'kind' | 'headerName'>[];
  /** Loads the workflow, node types, versions and runs; restores a newer local copy of the draft. */
  load(): Promise<void>;
  refreshVersions(): Promise<void>;
  /** Saves the stored draft as the next version; returns it, or null on failure (shown as a toast). */
  saveVersion(): Promise<{ version: number; hash: string } | null>;
  /** Notes a draft the runtime stored (from the autosave). */
  draftStored(workflow: WorkflowDto): void;
  /** Renames the workflow (not a change of behaviour: no new version needed); false on failure (shown as a toast). */
  rename(name: string): Promise<boolean>;
}

/** Whether the draft on the canvas differs from the latest version (or there is none). */
export function hasUnversionedChanges(state: Pick<WorkflowSlice, 'versions' | 'draftHash'> & { saveState: string }): boolean {
  return state.saveState !== 'saved' || state.draftHash === null || state.versions[0]?.hash !== state.draftHash;
}

/** The first 8 characters of a hash, as shown next to version numbers. */
export function shortHash(hash: string): string {
  return hash.slice(0, 8);
}

/** Creates the workflow slice. */
export function createWorkflowSlice(set: SetEditorState, get: GetEditorState, deps: EditorDeps, backup: DraftBackupStore): WorkflowSlice {
  const { api, workflowId } = deps;
  const storeHash = (workflow: WorkflowDto): void => {
    void hashGraph(workflow.draft).then((draftHash) => set({ draftHash }), () => set({ draftHash: null }));
  };

  return {
    workflowId,
    loadState: 'idle',
    loadError: null,
    workflow: null,
    versions: [],
    draftHash: null,
    versionBusy: false,
    credentials: [],

    load: async () => {
      if (get().loadState === 'loading') return;
      set({ loadState: 'loading', loadError: null });
      // Beside the load, never blocking it: a role without credential.read simply gets no suggestions.
      api.listCredentials?.().then(
        (items) => set({ credentials: items.map(({ id, name, kind, headerName }) => ({ id, name, kind, headerName })) }),
        () => set({ credentials: [] }),
      );
      try {
        const [workflow, nodeTypes, versions, runs] = await Promise.all([
          api.getWorkflow(workflowId),
          api.listNodeTypes(),
          api.listVersions(workflowId),
          api.listRuns({ workflowId, limit: 30 }),
        ]);
        const { draft, ...summary } = workflow;
        get().setNodeTypes(nodeTypes);
        const local = backup.read();
        const restored = local !== null && local.writtenAt > Date.parse(workflow.draftUpdatedAt) ? GraphSchema.safeParse(local.graph) : null;
        const differs = restored?.success === true && canonicalJson(restored.data) !== canonicalJson(draft);
        get().loadGraph(differs && restored?.success ? restored.data : draft);
        set({ workflow: summary, versions, runs, loadState: 'ready', lastSavedAt: Date.parse(workflow.draftUpdatedAt) });
        storeHash(workflow);
        void get().lintNow();
        if (differs) {
          get().toast('info', 'Restored changes from this browser that were not saved yet.');
          get().markChanged();
        } else if (local !== null) backup.clear();
        deps.onEvent?.({ type: 'loaded', workflowId });
      } catch (error) {
        set({ loadState: 'error', loadError: errorMessage(error) });
      }
    },

    refreshVersions: async () => {
      try {
        set({ versions: await api.listVersions(workflowId) });
      } catch (error) {
        get().toast('error', `Versions: ${errorMessage(error)}`);
      }
    },

    saveVersion: async () => {
      const state = get();
      if (state.readOnly || state.versionBusy) return null;
      set({ versionBusy: true });
      try {
        if (state.saveState !== 'saved') await get().saveNow();
        // A version snapshots the runtime's draft: it must hold exactly what is on the canvas.
        if (get().saveState !== 'saved') throw new Error(get().issues.length > 0 ? 'fix the issues of the draft first' : 'the draft is not saved');
        const created = await api.createVersion(workflowId);
        get().toast('success', `Version ${created.version} saved · ${shortHash(created.hash)}`);
        deps.onEvent?.({ type: 'version-created', workflowId, ...created });
        await get().refreshVersions();
        const workflow = get().workflow;
        if (workflow) set({ workflow: { ...workflow, latestVersion: created.version } });
        return created;
      } catch (error) {
        get().toast('error', `Could not save a version: ${errorMessage(error)}`);
        return null;
      } finally {
        set({ versionBusy: false });
      }
    },

    rename: async (name) => {
      const trimmed = name.trim();
      const current = get().workflow;
      if (get().readOnly || trimmed === '' || trimmed === current?.name) return trimmed !== '';
      try {
        const { draft: _draft, ...summary } = await api.renameWorkflow(workflowId, trimmed);
        set({ workflow: summary });
        return true;
      } catch (error) {
        get().toast('error', `Could not rename: ${errorMessage(error)}`);
        return false;
      }
    },

    draftStored: (workflow) => {
      const { draft: _draft, ...summary } = workflow;
      set({ workflow: summary });
      storeHash(workflow);
    },
  };
}
