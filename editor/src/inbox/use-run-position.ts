import type { Graph, RunDto, RunEvent } from '@countersign/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { errorMessage } from '../api/api-error.ts';
import { emptyRunView, reduceRunEvents, useRunStream, type RunView, type SocketClient } from '../runs/index.ts';
import { runEdges } from './run-position-flow.ts';

/** A run with the graph of the version it runs, and its live view folded from the run socket. */
export interface RunPosition {
  run: RunDto | null;
  graph: Graph | null;
  view: RunView;
  error: string | null;
}

/**
 * Loads a run and its version's graph, then follows the run over the socket (its history first,
 * then live events), so node statuses move on as the run continues after a decision.
 */
export function useRunPosition(api: Pick<ApiClient, 'getRun' | 'getVersion'>, socket: SocketClient | null, runId: string): RunPosition {
  const [loaded, setLoaded] = useState<{ run: RunDto; graph: Graph } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<RunView>(() => emptyRunView(runId));

  useEffect(() => {
    let active = true;
    (async () => {
      const run = await api.getRun(runId);
      const version = await api.getVersion(run.workflowId, run.version);
      if (active) setLoaded({ run, graph: version.graph });
    })().catch((caught: unknown) => active && setError(errorMessage(caught)));
    return () => {
      active = false;
    };
  }, [api, runId]);

  const edges = useMemo(() => (loaded ? runEdges(loaded.graph) : []), [loaded]);
  const apply = useCallback((events: RunEvent[]) => setView((current) => reduceRunEvents(current, events, edges)), [edges]);
  // Subscribe once the graph is known, so fired edges are computed against its edges.
  const stream = useRunStream(socket, loaded ? runId : null, apply);

  return { run: loaded?.run ?? null, graph: loaded?.graph ?? null, view, error: error ?? (stream.error ? `Live updates: ${stream.error.message}` : null) };
}
