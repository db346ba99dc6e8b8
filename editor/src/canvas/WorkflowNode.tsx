import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { ERROR_PORT } from '@countersign/shared';
import { nodeRunClassName, nodeRunStatus, STEP_STATUS_META, type StepView } from '../runs/index.ts';
import { useEditorStore } from '../store/editor-context.tsx';
import type { WorkflowFlowNode } from '../store/flow-types.ts';
import { badgeKey, parseBadgeKey } from '../store/lint-badges.ts';
import { categoryToken } from './categories.ts';
import { CategoryIcon } from './CategoryIcon.tsx';
import { LintBadgeView } from './LintBadgeView.tsx';
import { inputPorts, outputPorts, typeKey } from './ports.ts';

type StepStatus = StepView['status'];

/**
 * One workflow node on the canvas: label, type, input handles on the left and labelled output
 * handles on the right. Memoised; reads only its own type, run status, issue count and lint badge from the store.
 */
function WorkflowNodeView({ id, data, selected }: NodeProps<WorkflowFlowNode>) {
  const info = useEditorStore((state) => state.nodeTypes[typeKey(data.type, data.typeVersion)]);
  // One subscription for both overlays (a string compares by value): 500 nodes mean 500 selectors per store update.
  const overlay = useEditorStore((state) => `${nodeRunStatus(state.run, id) ?? ''}|${state.issueCountByNode[id] ?? 0}|${badgeKey(state.lintBadges[id])}`);
  const [statusText = '', countText = '0', ...lintText] = overlay.split('|');
  const lint = parseBadgeKey(lintText.join('|'));
  const status = statusText === '' ? undefined : (statusText as StepStatus);
  const issueCount = Number(countText);
  const outputs = useMemo(() => outputPorts(info, data.config), [info, data.config]);
  const inputs = inputPorts(info);
  const category = info?.category ?? 'unknown';
  const classes = ['cs-node', `cs-node--cat-${categoryToken(category)}`, nodeRunClassName(status)];
  if (issueCount > 0) classes.push('cs-node--invalid');
  if (selected) classes.push('cs-node--selected');

  return (
    <div className={classes.join(' ')} data-node-id={id} data-status={status}>
      <div className="cs-node__head">
        <span className="cs-node__icon">
          <CategoryIcon category={category} />
        </span>
        <div className="cs-node__titles">
          <div className="cs-node__label" title={data.label}>{data.label}</div>
          <div className="cs-node__type">{info?.title ?? `${data.type} (unknown type)`}</div>
        </div>
        {issueCount > 0 ? (
          <span className="cs-node__issues" title={`${issueCount} issue${issueCount === 1 ? '' : 's'}`} aria-label={`${issueCount} issues`}>
            {issueCount}
          </span>
        ) : null}
        {lint ? <LintBadgeView badge={lint} /> : null}
      </div>
      {status ? (
        <div className="cs-node__status" data-cs-status={status}>
          <span aria-hidden="true">{STEP_STATUS_META[status].icon}</span> {STEP_STATUS_META[status].label}
        </div>
      ) : null}
      {inputs.map((port, index) => (
        <Handle
          key={port}
          type="target"
          id={port}
          position={Position.Left}
          className="cs-handle cs-handle--in"
          style={{ top: `${((index + 1) * 100) / (inputs.length + 1)}%` }}
          aria-label={`Input ${port}`}
        />
      ))}
      {outputs.length > 0 ? (
        <ul className="cs-node__outputs">
          {outputs.map((port) => (
            <li key={port} className="cs-node__port">
              <span className="cs-node__port-label">{port}</span>
              <Handle type="source" id={port} position={Position.Right} className="cs-handle cs-handle--out" aria-label={`Output ${port}`} />
            </li>
          ))}
        </ul>
      ) : null}
      {info?.ports.error ? (
        <Handle type="source" id={ERROR_PORT} position={Position.Bottom} className="cs-handle cs-handle--error" aria-label="Output error" title="On error: wire this to handle a failure in the workflow" />
      ) : null}
    </div>
  );
}

/** The memoised node component React Flow renders for every workflow node. */
export const WorkflowNode = memo(WorkflowNodeView);
