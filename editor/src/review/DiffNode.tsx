import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { CategoryIcon } from '../canvas/CategoryIcon.tsx';
import { categoryToken } from '../canvas/categories.ts';
import type { DiffFlowNode } from './review-flow.ts';
import type { ChangeKind } from './review-model.ts';

/** The tag of each change kind: a word and a glyph, so the highlight never depends on colour alone. */
export const CHANGE_TAG: Record<ChangeKind, string> = { added: '+ Added', removed: '− Removed', changed: '~ Changed', layout: '↔ Moved only' };

/** A node of a review canvas: label, and a tag and outline by change kind (green added, red removed, amber changed, dashed moved). */
export const DiffNode = memo(function DiffNode({ id, data }: NodeProps<DiffFlowNode>) {
  const { kind, category, selected } = data;
  const classes = ['cs-diff-node', `cs-node--cat-${categoryToken(category)}`];
  if (kind) classes.push(`cs-diff-node--${kind}`);
  if (selected) classes.push('cs-diff-node--selected');
  return (
    <div className={classes.join(' ')} data-node-id={id} data-change-kind={kind ?? 'same'}>
      <Handle type="target" position={Position.Left} isConnectable={false} className="cs-pos-node__handle" />
      <span className="cs-pos-node__icon">
        <CategoryIcon category={category} size={12} />
      </span>
      <span className="cs-diff-node__label" title={data.label}>
        {data.label}
      </span>
      {kind ? <span className="cs-diff-node__tag">{CHANGE_TAG[kind]}</span> : null}
      <Handle type="source" position={Position.Right} isConnectable={false} className="cs-pos-node__handle" />
    </div>
  );
});
