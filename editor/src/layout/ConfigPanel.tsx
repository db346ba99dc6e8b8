import { useEditorStore } from '../store/editor-context.tsx';
import { primarySelectedNodeId } from '../store/selection-slice.ts';
import { NodeConfig } from './NodeConfig.tsx';

/** The Config tab: the selected node's form, or a hint when no single node is selected. */
export function ConfigPanel() {
  const nodeId = useEditorStore(primarySelectedNodeId);
  const selectedCount = useEditorStore((state) => state.selectedNodeIds.length);
  const nodeCount = useEditorStore((state) => state.nodes.length);
  if (nodeId !== null) return <NodeConfig key={nodeId} nodeId={nodeId} />;
  return (
    <div className="cs-panel-empty">
      {selectedCount > 1 ? (
        <p>
          {selectedCount} nodes selected. Move, copy or delete them together, or select one to configure it.
        </p>
      ) : (
        <>
          <p className="cs-panel-empty__title">No node selected</p>
          <p className="cs-muted">
            {nodeCount === 0 ? 'Add a trigger from the palette to begin.' : 'Select a node on the canvas to edit its label and settings here.'}
          </p>
        </>
      )}
    </div>
  );
}
