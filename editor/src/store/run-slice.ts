import type { RunEvent } from '@countersign/shared';
import { reduceRunEvents } from '../runs/reduce-run-events.ts';
import { emptyRunView, type RunEdge, type RunView } from '../runs/run-view.ts';

export type { RunView, StepView } from '../runs/run-view.ts';

/** The run slice: the one run the editor overlays on the canvas (live or replayed). */
export interface RunSlice {
  run: RunView | null;
  /** Starts showing a run (clears the previous view). */
  openRun(runId: string): void;
  /** Folds events in (ignores duplicates and anything at or below lastSeq; events must arrive in seq order — buffer out-of-order ones). */
  applyRunEvents(events: RunEvent[]): void;
  closeRun(): void;
}

/** Slice creator for a zustand store whose state includes RunSlice and a graph with `edges: { id: string; source: string; sourceHandle?: string | null }[]` (React Flow edges; sourceHandle is the source port). */
export function createRunSlice<S extends RunSlice & { edges: RunEdge[] }>(
  set: (partial: Partial<S> | ((s: S) => Partial<S>)) => void,
  get: () => S,
): RunSlice {
  // `set` is typed on the whole store S; this slice writes only `run`, which S has by its constraint.
  const setRun = (run: RunView | null): void => set((state) => ({ ...state, run }));
  return {
    run: null,
    openRun: (runId) => setRun(emptyRunView(runId)),
    applyRunEvents: (events) => {
      const { run, edges } = get();
      if (!run || events.length === 0) return;
      const next = reduceRunEvents(run, events, edges);
      if (next !== run) setRun(next);
    },
    closeRun: () => setRun(null),
  };
}
