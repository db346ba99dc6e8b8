import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useReactFlow, type Connection, type Edge, type IsValidConnection, type NodeTypes } from '@xyflow/react';
import { useCallback, useEffect, useRef, type DragEvent } from 'react';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context.tsx';
import type { WorkflowFlowEdge } from '../store/flow-types.ts';
import { CanvasEmptyState } from './CanvasEmptyState.tsx';
import { CanvasToolbar } from './CanvasToolbar.tsx';
import { isValidConnection } from './connection-rules.ts';
import { initialViewNodes } from './initial-view.ts';
import { FIT_VIEW_OPTIONS } from './use-editor-shortcuts.ts';
import { useDisplayEdges } from './use-display-edges.ts';
import { useGraphRenderedMark } from './use-perf-marks.ts';
import { NODE_TYPE_MIME, usePlaceNode } from './use-place-node.ts';
import { WorkflowNode } from './WorkflowNode.tsx';
import '@xyflow/react/dist/style.css';
import './canvas.css';

// Module constants: new objects on each render would make React Flow re-create its node types.
const NODE_TYPES: NodeTypes = { workflow: WorkflowNode };
const DEFAULT_EDGE_OPTIONS = { type: 'smoothstep' as const, interactionWidth: 16 };
const FIT_VIEW_INIT = { ...FIT_VIEW_OPTIONS, maxZoom: 1.1, duration: 0 };
const MULTI_SELECT_KEYS = ['Meta', 'Control'];
const MINIMAP_SIZE = { width: 168, height: 112 };
/** Above this many nodes only the visible ones are rendered; below, rendering all keeps panning free. */
const VISIBLE_ONLY_ABOVE = 150;

/** The React Flow canvas of one editor; the store owns nodes and edges, React Flow renders them. */
export function Canvas() {
  const store = useEditorStoreApi();
  const nodes = useEditorStore((state) => state.nodes);
  const edges = useDisplayEdges();
  const readOnly = useEditorStore((state) => state.readOnly);
  const ready = useEditorStore((state) => state.loadState === 'ready');
  const mode = useEditorStore((state) => state.mode);
  // The run timeline takes the lower part of the canvas; the minimap would then cover the graph.
  const runShown = useEditorStore((state) => state.run !== null);
  const actions = useRef(store.getState()).current;
  const wrapper = useRef<HTMLDivElement>(null);
  const place = usePlaceNode();
  const flow = useReactFlow();
  const hasNodes = nodes.length > 0;

  useGraphRenderedMark(ready, nodes.length, () => wrapper.current);

  // Fit the opened graph once. (React Flow's `fitView` prop would also fit on the first node added
  // to an empty workflow, moving the canvas under the user's pointer.)
  useEffect(() => {
    if (!ready || !hasNodes) return;
    const { nodes: all, edges: wires, nodeTypes } = store.getState();
    void flow.fitView({ ...FIT_VIEW_INIT, nodes: initialViewNodes(all, wires, nodeTypes) });
    // Not on hasNodes: only when the graph is opened.
  }, [ready, flow, store]);

  const validConnection = useCallback<IsValidConnection<WorkflowFlowEdge>>((connection: Edge | Connection) => isValidConnection(connection, store.getState()), [store]);
  // While a run is shown, clicking a node shows what that step got and gave.
  const showRunStep = useCallback(() => {
    if (store.getState().run !== null) store.getState().setRightTab('run');
  }, [store]);
  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(NODE_TYPE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(NODE_TYPE_MIME);
      if (!type) return;
      event.preventDefault();
      store.getState().dispatchMode('placeEnd');
      place.atScreenPoint(type, event.clientX, event.clientY);
    },
    [store, place],
  );

  return (
    <div ref={wrapper} className={`cs-canvas cs-canvas--${mode}`} data-testid="canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
        onNodesChange={actions.onNodesChange}
        onEdgesChange={actions.onEdgesChange}
        onConnect={actions.connect}
        isValidConnection={validConnection}
        onConnectStart={() => store.getState().dispatchMode('connectStart')}
        onConnectEnd={() => store.getState().dispatchMode('connectEnd')}
        onNodeDragStop={actions.endDrag}
        onNodeClick={showRunStep}
        onSelectionDragStop={actions.endDrag}
        onMoveStart={() => store.getState().dispatchMode('panStart')}
        onMoveEnd={() => store.getState().dispatchMode('panEnd')}
        onDragOver={onDragOver}
        onDrop={onDrop}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={false}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        onlyRenderVisibleElements={nodes.length > VISIBLE_ONLY_ABOVE}
        minZoom={0.1}
        maxZoom={2}
        snapToGrid
        snapGrid={[8, 8]}
        connectionRadius={24}
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1} className="cs-canvas__bg" />
        {runShown ? null : <MiniMap pannable zoomable className="cs-minimap" style={MINIMAP_SIZE} nodeClassName="cs-minimap__node" ariaLabel="Minimap" />}
        <Controls showInteractive={false} fitViewOptions={FIT_VIEW_OPTIONS} className="cs-controls" />
        <CanvasToolbar />
      </ReactFlow>
      {ready && nodes.length === 0 ? <CanvasEmptyState readOnly={readOnly} /> : null}
    </div>
  );
}
