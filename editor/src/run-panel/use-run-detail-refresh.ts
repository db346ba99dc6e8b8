import { useEffect } from 'react';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context.tsx';

const FINISHED_STEP = new Set(['succeeded', 'failed', 'skipped', 'cancelled', 'waiting']);

/**
 * Keeps the shown run's details (inputs and outputs of steps) fresh: refetches GET /api/runs/:id when
 * a step finishes, and the run list when the run ends.
 */
export function useRunDetailRefresh(): void {
  const store = useEditorStoreApi();
  const runId = useEditorStore((state) => state.run?.runId ?? null);
  const finishedSteps = useEditorStore((state) => (state.run ? Object.values(state.run.steps).filter((step) => FINISHED_STEP.has(step.status)).length : 0));
  const runStatus = useEditorStore((state) => state.run?.status ?? null);

  useEffect(() => {
    if (runId === null) return;
    // Several steps often finish within one frame: one request for all of them.
    const timer = setTimeout(() => void store.getState().refreshRunDetail(), 150);
    return () => clearTimeout(timer);
  }, [store, runId, finishedSteps, runStatus]);

  useEffect(() => {
    if (runStatus === 'succeeded' || runStatus === 'failed' || runStatus === 'cancelled') void store.getState().refreshRuns();
  }, [store, runStatus]);
}
