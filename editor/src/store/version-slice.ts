import type { LintFinding, LintResponseDto } from '@countersign/shared';
import { ApiError, errorMessage } from '../api/api-error.ts';
import type { EditorDeps } from './editor-deps.ts';
import type { GetEditorState, SetEditorState } from './editor-state.ts';

/** How a submission for review ended: accepted, or refused with the reason and the lint findings that blocked it. */
export type SubmitOutcome = { ok: true } | { ok: false; message: string; findings: LintFinding[] };

/** The change-control actions of the Versions tab and the run views' evidence packs. */
export interface VersionSlice {
  /** The version an action is running for (one at a time). */
  versionActionBusy: number | null;
  /** Names of the tenant's users by id, for who saved, reviewed and published (empty until loaded, or when not allowed). */
  userNames: Record<string, string>;
  /** Loads {@link userNames} once. */
  loadUserNames(): Promise<void>;
  /** The control lint of a saved version's graph, as submitting it would find. */
  lintVersion(version: number): Promise<LintResponseDto>;
  /** Submits a draft version for review. */
  submitVersion(version: number): Promise<SubmitOutcome>;
  /** Publishes an approved version (it becomes live); false on failure (shown as a toast). */
  publishVersion(version: number): Promise<boolean>;
  /** A run's evidence pack: the JSON text as the runtime sent it, or the printable HTML document. */
  fetchEvidence(runId: string, format: 'json' | 'html'): Promise<string>;
}

/** The findings the runtime sent with a refused submission (`details.findings`), those it could parse. */
export function refusedFindings(error: unknown): LintFinding[] {
  if (!(error instanceof ApiError)) return [];
  const raw = error.details['findings'];
  if (!Array.isArray(raw)) return [];
  return raw.filter((item): item is LintFinding => {
    if (typeof item !== 'object' || item === null) return false;
    const { severity, message, code } = item as Record<string, unknown>;
    return (severity === 'error' || severity === 'warning') && typeof message === 'string' && typeof code === 'string';
  });
}

/** Creates the version slice. */
export function createVersionSlice(set: SetEditorState, get: GetEditorState, deps: EditorDeps): VersionSlice {
  const { api, workflowId } = deps;
  let namesRequested = false;
  const busy = async <T>(version: number, action: () => Promise<T>): Promise<T> => {
    set({ versionActionBusy: version });
    try {
      return await action();
    } finally {
      set({ versionActionBusy: null });
    }
  };

  return {
    versionActionBusy: null,
    userNames: {},

    loadUserNames: async () => {
      if (namesRequested) return;
      namesRequested = true;
      try {
        set({ userNames: Object.fromEntries((await api.listUsers()).map((user) => [user.id, user.name])) });
      } catch {
        // Names are a nicety: without them the ids are shown.
      }
    },

    lintVersion: async (version) => {
      const { graph } = await api.getVersion(workflowId, version);
      return api.lintWorkflow(workflowId, graph);
    },

    submitVersion: (version) =>
      busy(version, async (): Promise<SubmitOutcome> => {
        try {
          await api.submitVersion(workflowId, version);
          get().toast('success', `Version ${version} submitted for review`);
          await get().refreshVersions();
          return { ok: true };
        } catch (error) {
          return { ok: false, message: errorMessage(error), findings: refusedFindings(error) };
        }
      }),

    publishVersion: (version) =>
      busy(version, async () => {
        try {
          await api.publishVersion(workflowId, version);
          get().toast('success', `Version ${version} published: production runs and webhooks use it now`);
          await get().refreshVersions();
          const workflow = get().workflow;
          if (workflow) set({ workflow: { ...workflow, publishedVersion: version } });
          return true;
        } catch (error) {
          get().toast('error', `Could not publish version ${version}: ${errorMessage(error)}`);
          return false;
        }
      }),

    fetchEvidence: async (runId, format) => (format === 'html' ? api.getEvidenceHtml(runId) : api.getEvidenceJson(runId)),
  };
}
