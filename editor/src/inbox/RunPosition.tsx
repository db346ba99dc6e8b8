import { Controls, ReactFlow, type NodeTypes } from '@xyflow/react';
import { useMemo } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { Link } from '../app/Link.tsx';
import { workflowPath } from '../app/router.ts';
import { CONNECTION_STATE_LABEL, StatusBadge, useConnectionState, type SocketClient } from '../runs/index.ts';
import { PositionNode } from './PositionNode.tsx';
import { focusNodeIds, positionEdges, positionNodes, positionStatus, stepStatuses } from './run-position-flow.ts';
import { useRunPosition } from './use-run-position.ts';
import '@xyflow/react/dist/style.css';
import '../canvas/canvas.css';

const NODE_TYPES: NodeTypes = { position: PositionNode };
const FIT_VIEW_OPTIONS = { padding: 0.12, maxZoom: 1 };
const STATUS_WORD = { queued: 'queued', running: 'running', waiting: 'waiting', succeeded: 'succeeded', failed: 'failed', cancelled: 'cancelled', skipped: 'skipped' } as const;

/** Props of {@link RunPosition}. */
export interface RunPositionProps {
  api: Pick<ApiClient, 'getRun' | 'getVersion'>;
  socket: SocketClient | null;
  runId: string;
  /** The approval node of the task, highlighted. */
  nodeId: string;
}

/** Where the run stands: a read-only mini canvas of its graph with live node statuses, and a link to open the run in the editor. */
export function RunPosition({ api, socket, runId, nodeId }: RunPositionProps) {
  const { run, graph, view, error } = useRunPosition(api, socket, runId);
  const connection = useConnectionState(socket);
  const fallback = useMemo(() => (run ? stepStatuses(run) : {}), [run]);
  const nodes = useMemo(() => (graph ? positionNodes(graph, (id) => positionStatus(view, fallback, id), nodeId) : []), [graph, view, fallback, nodeId]);
  const edges = useMemo(() => (graph ? positionEdges(graph, view.firedEdgeIds) : []), [graph, view.firedEdgeIds]);
  const status = view.lastSeq > 0 ? view.status : run?.status;
  // Opens on the task's neighbourhood; the fit button of the controls shows the whole workflow.
  const initialFit = useMemo(() => (graph ? { ...FIT_VIEW_OPTIONS, nodes: focusNodeIds(graph, nodeId).map((id) => ({ id })) } : FIT_VIEW_OPTIONS), [graph, nodeId]);

  return (
    <div className="cs-run-position">
      <div className="cs-run-position__head">
        {status ? <StatusBadge status={status} text={`Run ${STATUS_WORD[status]}`} /> : null}
        {run ? <span className="cs-muted">v{run.version}</span> : null}
        <span className="cs-muted cs-run-position__live" data-connection={connection}>
          {CONNECTION_STATE_LABEL[connection]}
        </span>
        {run ? (
          <Link href={workflowPath(run.workflowId, runId)} className="cs-run-position__open">
            Open run
          </Link>
        ) : null}
      </div>
      {error ? <p className="cs-error-text">{error}</p> : null}
      <div className="cs-run-position__canvas cs-canvas" data-testid="run-position" data-run-status={status} aria-label="The run's graph with the status of each step">
        {graph ? (
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={NODE_TYPES}
            fitView
            fitViewOptions={initialFit}
            nodesDraggable={false}
            nodesConnectable={false}
            nodesFocusable={false}
            edgesFocusable={false}
            elementsSelectable={false}
            zoomOnScroll={false}
            preventScrolling={false}
            minZoom={0.2}
            maxZoom={1.5}
          >
            <Controls showInteractive={false} fitViewOptions={FIT_VIEW_OPTIONS} className="cs-controls" aria-label="Zoom; the fit button shows the whole workflow" />
          </ReactFlow>
        ) : error ? null : (
          <p className="cs-muted cs-run-position__loading">Loading the run…</p>
        )}
      </div>
    </div>
  );
}
