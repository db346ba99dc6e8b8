import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { CategoryIcon } from '../canvas/CategoryIcon.tsx';
import { categoryToken } from '../canvas/categories.ts';
import { nodeRunClassName, STEP_STATUS_META } from '../runs/index.ts';
import type { PositionFlowNode } from './run-position-flow.ts';

/** A node of the read-only run view: label and run status; the task's approval node is ringed and tagged. */
export const PositionNode = memo(function PositionNode({ id, data }: NodeProps<PositionFlowNode>) {
  const { status, current, category } = data;
  const classes = ['cs-pos-node', `cs-node--cat-${categoryToken(category)}`, nodeRunClassName(status)];
  if (current) classes.push('cs-pos-node--current');
  return (
    <div className={classes.join(' ')} data-node-id={id} data-node-status={status ?? 'none'} data-current={current ? 'true' : undefined}>
      <Handle type="target" position={Position.Left} isConnectable={false} className="cs-pos-node__handle" />
      <span className="cs-pos-node__icon">
        <CategoryIcon category={category} size={12} />
      </span>
      <span className="cs-pos-node__text">
        <span className="cs-pos-node__label" title={data.label}>
          {data.label}
        </span>
        <span className="cs-pos-node__status" data-cs-status={status}>
          {status ? `${STEP_STATUS_META[status].icon} ${STEP_STATUS_META[status].label}` : 'Not reached'}
        </span>
      </span>
      {current ? <span className="cs-pos-node__tag">This task</span> : null}
      <Handle type="source" position={Position.Right} isConnectable={false} className="cs-pos-node__handle" />
    </div>
  );
});
