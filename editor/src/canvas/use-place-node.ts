import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import { useEditorStoreApi } from '../store/editor-context.tsx';
import { DEFAULT_NODE_SIZE } from './auto-layout.ts';

/** The drag-and-drop type of a palette item; its data is the node type. */
export const NODE_TYPE_MIME = 'application/x-countersign-node-type';

const STEP = 32;

/**
 * Adds nodes where the user means: at a screen point (a drop), or at the centre of the visible canvas
 * (click or Enter in the palette), nudged so it does not land exactly on another node.
 */
export function usePlaceNode(): { atScreenPoint(type: string, x: number, y: number): string | null; atViewportCentre(type: string): string | null } {
  const store = useEditorStoreApi();
  const flow = useReactFlow();
  const flowStore = useStoreApi();

  const place = useCallback(
    (type: string, centre: { x: number; y: number }): string | null => {
      let position = { x: Math.round(centre.x - DEFAULT_NODE_SIZE.width / 2), y: Math.round(centre.y - DEFAULT_NODE_SIZE.height / 2) };
      const taken = (p: { x: number; y: number }): boolean => store.getState().nodes.some((node) => Math.abs(node.position.x - p.x) < 8 && Math.abs(node.position.y - p.y) < 8);
      for (let i = 0; i < 20 && taken(position); i += 1) position = { x: position.x + STEP, y: position.y + STEP };
      return store.getState().addNode(type, position);
    },
    [store],
  );

  const atScreenPoint = useCallback((type: string, x: number, y: number) => place(type, flow.screenToFlowPosition({ x, y })), [flow, place]);

  const atViewportCentre = useCallback(
    (type: string) => {
      const rect = flowStore.getState().domNode?.getBoundingClientRect();
      if (!rect) return place(type, { x: 0, y: 0 });
      return place(type, flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }));
    },
    [flow, flowStore, place],
  );

  return { atScreenPoint, atViewportCentre };
}
