import { DEFAULT_SOURCE_PORT, type RunEdge, type StepView } from './run-view.ts';

/**
 * Edges that fired: those whose source step finished (succeeded, or failed into an `error` edge)
 * on the edge's own source port. A step emits on one port, so its other edges stay still.
 * Returns `previous` itself when nothing changed, so selectors on it do not re-render.
 */
export function firedEdgeIds(steps: Record<string, StepView>, edges: readonly RunEdge[], previous: string[] = []): string[] {
  const fired: string[] = [];
  for (const edge of edges) {
    const step = steps[edge.source];
    if (!step?.port || (step.status !== 'succeeded' && step.status !== 'failed')) continue;
    if ((edge.sourceHandle ?? DEFAULT_SOURCE_PORT) === step.port) fired.push(edge.id);
  }
  const same = fired.length === previous.length && fired.every((id, i) => id === previous[i]);
  return same ? previous : fired;
}
