import { diffGraphs, type Graph, type VersionDto, type WorkflowSummaryDto } from '@countersign/shared';
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { errorMessage } from '../api/api-error.ts';
import type { VersionSummary } from '../store/workflow-slice.ts';
import { baseVersionFor, type GraphDiffDto } from './review-model.ts';

/** Everything the review screen shows. */
export interface ReviewData {
  workflow: WorkflowSummaryDto;
  versions: VersionSummary[];
  /** The version under review, with its graph. */
  target: VersionDto;
  /** What it is compared with (the live version, else the previous one), null for a first version. */
  base: VersionDto | null;
  diff: GraphDiffDto;
}

/** The review data as loaded. */
export type ReviewState = { kind: 'loading' } | { kind: 'ready'; data: ReviewData } | { kind: 'error'; message: string };

/** The API calls the review screen makes. */
export type ReviewApi = Pick<ApiClient, 'getWorkflow' | 'listVersions' | 'getVersion' | 'diffVersions'>;

const EMPTY_GRAPH: Graph = { schemaVersion: 1, nodes: [], edges: [], settings: {} };

async function loadReview(api: ReviewApi, workflowId: string, version: number): Promise<ReviewData> {
  const [{ draft: _draft, ...workflow }, versions, target] = await Promise.all([api.getWorkflow(workflowId), api.listVersions(workflowId), api.getVersion(workflowId, version)]);
  const baseNumber = baseVersionFor(versions, version, workflow.publishedVersion);
  if (baseNumber === null) return { workflow, versions, target, base: null, diff: diffGraphs(EMPTY_GRAPH, target.graph) };
  const [base, { diff }] = await Promise.all([api.getVersion(workflowId, baseNumber), api.diffVersions(workflowId, baseNumber, version)]);
  return { workflow, versions, target, base, diff };
}

/** Loads a version, the version it is compared with and their diff; `reload` asks again, `applyDecision` merges a decided version. */
export function useReviewData(api: ReviewApi, workflowId: string, version: number) {
  const [state, setState] = useState<ReviewState>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let active = true;
    loadReview(api, workflowId, version).then(
      (data) => active && setState({ kind: 'ready', data }),
      (error: unknown) => active && setState({ kind: 'error', message: errorMessage(error) }),
    );
    return () => {
      active = false;
    };
  }, [api, workflowId, version, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const applyDecision = useCallback((decided: VersionSummary) => {
    setState((previous) => (previous.kind === 'ready' ? { kind: 'ready', data: { ...previous.data, target: { ...previous.data.target, ...decided } } } : previous));
  }, []);
  return { state, reload, applyDecision };
}
