import { useMemo } from 'react';
import { FIRED_EDGE_CLASS } from '../runs/index.ts';
import { useEditorStore } from '../store/editor-context.tsx';
import type { WorkflowFlowEdge } from '../store/flow-types.ts';
import { edgesWithIssues } from '../store/issues.ts';

const NO_IDS: string[] = [];

/** The edges as drawn: fired edges of the shown run animate, edges with issues are marked. */
export function useDisplayEdges(): WorkflowFlowEdge[] {
  const edges = useEditorStore((state) => state.edges);
  const fired = useEditorStore((state) => state.run?.firedEdgeIds ?? NO_IDS);
  const issues = useEditorStore((state) => state.issues);
  return useMemo(() => {
    const firedIds = new Set(fired);
    const invalid = edgesWithIssues(issues);
    if (firedIds.size === 0 && invalid.size === 0) return edges;
    return edges.map((edge) => {
      const classes = [firedIds.has(edge.id) ? FIRED_EDGE_CLASS : '', invalid.has(edge.id) ? 'cs-edge--invalid' : ''].filter(Boolean).join(' ');
      return classes === '' ? edge : { ...edge, className: classes, animated: firedIds.has(edge.id) };
    });
  }, [edges, fired, issues]);
}
