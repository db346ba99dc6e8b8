import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { FIT_VIEW_OPTIONS } from '../canvas/use-editor-shortcuts.ts';
import { RunTimeline } from '../runs/index.ts';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context.tsx';
import { primarySelectedNodeId } from '../store/selection-slice.ts';

/** The run timeline under the canvas while a run is shown; picking a row selects its node. */
export function RunTimelineDock() {
  const store = useEditorStoreApi();
  const run = useEditorStore((state) => state.run);
  const selected = useEditorStore(primarySelectedNodeId);
  const nodeLabels = useEditorStore(useShallow((state) => Object.fromEntries(state.nodes.map((node) => [node.id, node.data.label]))));
  const flow = useReactFlow();
  const open = run !== null;
  const wasOpen = useRef(open);
  // The dock takes height from the canvas: refit so the whole graph stays in view. Only when it opens
  // or closes: a fit asked for on an empty canvas would wait and move the view to the first node added.
  useEffect(() => {
    if (wasOpen.current === open) return;
    wasOpen.current = open;
    const frame = window.requestAnimationFrame(() => void flow.fitView(FIT_VIEW_OPTIONS));
    return () => window.cancelAnimationFrame(frame);
  }, [open, flow]);
  if (!run) return null;
  return (
    <div className="cs-timeline-dock">
      <RunTimeline
        run={run}
        nodeLabels={nodeLabels}
        selectedNodeId={selected}
        onSelectNode={(nodeId) => {
          store.getState().selectNode(nodeId);
          store.getState().setRightTab('run');
        }}
      />
    </div>
  );
}
