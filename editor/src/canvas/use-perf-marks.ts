import { useEffect } from 'react';

/** What the browser benchmark reads: milliseconds since navigation start, per editor milestone. */
export interface CountersignPerf {
  marks: Record<string, number>;
  nodeCount: number;
}

declare global {
  interface Window {
    __countersignPerf?: CountersignPerf;
  }
}

/** Records a performance mark (`cs:<name>`) and mirrors it on `window.__countersignPerf` for benchmarks. */
export function perfMark(name: string, nodeCount?: number): void {
  if (typeof window === 'undefined' || typeof performance === 'undefined') return;
  const mark = performance.mark(`cs:${name}`);
  const perf = (window.__countersignPerf ??= { marks: {}, nodeCount: 0 });
  perf.marks[name] = mark.startTime;
  if (nodeCount !== undefined) perf.nodeCount = nodeCount;
}

/**
 * Marks `cs:graph-rendered` once the loaded graph's nodes are in the DOM (checked on the next
 * animation frames), with `cs:graph-loaded` as its start.
 */
export function useGraphRenderedMark(ready: boolean, nodeCount: number, container: () => HTMLElement | null | undefined): void {
  useEffect(() => {
    if (!ready) return;
    perfMark('graph-loaded', nodeCount);
    let frame = 0;
    let tries = 0;
    const check = (): void => {
      tries += 1;
      // React Flow shows a node (visibility) once it has measured it.
      const rendered = nodeCount === 0 || (container()?.querySelector('.react-flow__node:not([style*="visibility: hidden"])') ?? null) !== null;
      if (rendered || tries > 600) {
        perfMark('graph-rendered', nodeCount);
        try {
          performance.measure('cs:graph-render', 'cs:graph-loaded', 'cs:graph-rendered');
        } catch {
          // A missing start mark only loses the measure, not the marks.
        }
        return;
      }
      frame = window.requestAnimationFrame(check);
    };
    frame = window.requestAnimationFrame(check);
    return () => window.cancelAnimationFrame(frame);
    // Once per load (`ready` flips once): later edits change nodeCount but are not a new render of the graph.
  }, [ready]);
}
