import type { Graph, GraphInput, WorkflowDto } from '@countersign/shared';
import { ApiError } from '../api/api-error.ts';
import type { EditorApi } from '../store/editor-deps.ts';
import { NODE_TYPES } from './node-types.fixture.ts';

/** A draft PUT answer the fake API gives: store it, or refuse it with issues. */
export type DraftAnswer = { kind: 'ok' } | { kind: 'invalid'; issues: ApiError['issues'] } | { kind: 'down' };

/** An in-memory stand-in of the runtime API for store tests; `answers` decides what each draft PUT gets. */
export function createFakeApi(initial: Graph = { schemaVersion: 1, nodes: [], edges: [], settings: {} }) {
  const calls: { updateDraft: GraphInput[] } = { updateDraft: [] };
  const answers: DraftAnswer[] = [];
  let resolveNext: (() => void) | null = null;
  const workflow = (draft: Graph): WorkflowDto => ({
    id: 'wf-1',
    name: 'Test workflow',
    description: null,
    draft,
    draftUpdatedAt: '2030-01-01T00:00:00.000Z',
    createdAt: '2030-01-01T00:00:00.000Z',
    createdBy: 'user-1',
    latestVersion: null,
    publishedVersion: null,
    lastRunStatus: null,
  });
  const api: EditorApi = {
    getWorkflow: async () => workflow(initial),
    listNodeTypes: async () => NODE_TYPES,
    renameWorkflow: async (_id, name) => {
      if (name === 'taken') throw new ApiError(409, 'CONFLICT', 'A workflow has this name');
      return { ...workflow(initial), name };
    },
    updateDraft: async (_id, graph) => {
      calls.updateDraft.push(graph);
      const answer = answers.shift() ?? { kind: 'ok' };
      if (resolveNext) await new Promise<void>((resolve) => (resolveNext = resolve));
      if (answer.kind === 'invalid') throw new ApiError(422, 'VALIDATION_FAILED', 'invalid', answer.issues);
      if (answer.kind === 'down') throw new ApiError(0, 'NETWORK', 'The runtime cannot be reached');
      return workflow(graph as Graph);
    },
    createVersion: async () => ({ version: 1, hash: 'abcdef0123456789' }),
    listVersions: async () => [],
    getVersion: async () => {
      throw new ApiError(404, 'NOT_FOUND', 'no version');
    },
    submitVersion: async () => {
      throw new ApiError(404, 'NOT_FOUND', 'no version');
    },
    publishVersion: async () => {
      throw new ApiError(404, 'NOT_FOUND', 'no version');
    },
    lintWorkflow: async () => ({ findings: [], blocking: false }),
    getEvidenceJson: async () => '{}',
    getEvidenceHtml: async () => '<!doctype html><title>Evidence</title>',
    listUsers: async () => [],
    startRun: async () => ({ runId: 'run-1' }),
    listRuns: async () => [],
    getRun: async () => {
      throw new ApiError(404, 'NOT_FOUND', 'no run');
    },
    allRunEvents: async () => [],
  };
  return {
    api,
    calls,
    answers,
    /** Holds the next draft PUT until `release()` is called. */
    hold(): void {
      resolveNext = () => undefined;
    },
    release(): void {
      const resolve = resolveNext;
      resolveNext = null;
      resolve?.();
    },
  };
}
