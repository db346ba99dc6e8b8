import { Controls, ReactFlow, useReactFlow, type Edge, type NodeTypes } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { DiffNode } from './DiffNode.tsx';
import type { DiffFlowNode } from './review-flow.ts';
import '@xyflow/react/dist/style.css';
import '../canvas/canvas.css';

const NODE_TYPES: NodeTypes = { diff: DiffNode };
const FIT_VIEW_OPTIONS = { padding: 0.12, maxZoom: 1 };

/** Props of {@link ReviewFlow}. */
export interface ReviewFlowProps {
  nodes: DiffFlowNode[];
  edges: Edge[];
  /** The node to bring into view; `focusKey` changes to focus it again. */
  focusNodeId: string | null;
  focusKey: number;
  onSelect(nodeId: string): void;
  /** The nodes to open on (the changes and their neighbours); the whole graph when absent. The fit button shows it all. */
  initialFocus?: string[] | undefined;
}

/** The React Flow canvas of a review side (inside its own provider): fits the graph, then the focused node. */
export function ReviewFlow({ nodes, edges, focusNodeId, focusKey, onSelect, initialFocus }: ReviewFlowProps) {
  const flow = useReactFlow();
  const [initialFit] = useState(() => (initialFocus ? { ...FIT_VIEW_OPTIONS, nodes: initialFocus.map((id) => ({ id })) } : FIT_VIEW_OPTIONS));
  const present = focusNodeId !== null && nodes.some((node) => node.id === focusNodeId);
  useEffect(() => {
    // The first view is the initial fit; later selections bring their node into view.
    if (!present || focusNodeId === null || focusKey === 0) return;
    void flow.fitView({ nodes: [{ id: focusNodeId }], duration: 250, maxZoom: 1.1, padding: 0.8 });
  }, [flow, focusNodeId, focusKey, present]);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      fitView
      fitViewOptions={initialFit}
      nodesDraggable={false}
      nodesConnectable={false}
      edgesFocusable={false}
      elementsSelectable={false}
      onNodeClick={(_event, node) => onSelect(node.id)}
      preventScrolling={false}
      zoomOnScroll={false}
      minZoom={0.15}
      maxZoom={1.5}
    >
      <Controls showInteractive={false} fitViewOptions={FIT_VIEW_OPTIONS} className="cs-controls" />
    </ReactFlow>
  );
}
