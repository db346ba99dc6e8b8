import type { TaskDetailDto } from '@countersign/shared';
import { formatTime } from '../runs/index.ts';
import { RouteBadge } from './RouteBadge.tsx';
import { SlaClock } from './SlaClock.tsx';
import { formatAmount, levelText, quorumText } from './task-format.ts';
import { TaskStatus } from './TaskStatus.tsx';

/** The head of a task: title, amount, status, SLA clock, route, and where it sits in the chain. */
export function TaskSummary({ task, nameOf }: { task: TaskDetailDto; nameOf(userId: string): string }) {
  return (
    <header className="cs-task-summary">
      <div className="cs-task-summary__top">
        <h2 className="cs-task-summary__title">{task.title}</h2>
        <span className="cs-task-summary__amount">{formatAmount(task.amount)}</span>
      </div>
      <div className="cs-task-summary__badges">
        <TaskStatus status={task.status} testId="task-status" />
        <SlaClock times={task} />
        <RouteBadge task={task} nameOf={nameOf} />
      </div>
      <dl className="cs-kv cs-kv--row">
        <div>
          <dt>Workflow</dt>
          <dd>
            {task.workflowName} <span className="cs-muted">· v{task.evidence.run.version}</span>
          </dd>
        </div>
        <div>
          <dt>Step</dt>
          <dd>{task.nodeLabel}</dd>
        </div>
        <div>
          <dt>Chain</dt>
          <dd>{levelText(task)}</dd>
        </div>
        <div>
          <dt>Quorum</dt>
          <dd>{quorumText(task.quorum, task.approvalsAtLevel)}</dd>
        </div>
        <div>
          <dt>Assigned to</dt>
          <dd>{task.assigneeName}</dd>
        </div>
        <div>
          <dt>Requested by</dt>
          <dd>{task.evidence.run.requestedBy ? nameOf(task.evidence.run.requestedBy) : '–'}</dd>
        </div>
        <div>
          <dt>Received</dt>
          <dd>{formatTime(task.createdAt)}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>{task.dueAt ? formatTime(task.dueAt) : 'No due time'}</dd>
        </div>
      </dl>
    </header>
  );
}
