import type { TaskDto } from '@countersign/shared';
import { Link } from '../app/Link.tsx';
import { taskPath } from '../app/router.ts';
import { RouteBadge } from './RouteBadge.tsx';
import { SlaClock } from './SlaClock.tsx';
import { formatAmount, levelText, quorumText } from './task-format.ts';
import { TaskStatus } from './TaskStatus.tsx';

/** One task of the inbox list: title and amount, workflow, level, quorum, route and SLA clock. */
export function TaskRow({ task, selected }: { task: TaskDto; selected: boolean }) {
  return (
    <li className="cs-task-row" data-testid="inbox-task-row" data-task-id={task.id} data-status={task.status} aria-current={selected ? 'true' : undefined}>
      <div className="cs-task-row__top">
        <Link href={taskPath(task.id)} className="cs-task-row__title">
          {task.title}
        </Link>
        <span className="cs-task-row__amount">{formatAmount(task.amount)}</span>
      </div>
      <div className="cs-task-row__facts">
        <span>{task.workflowName}</span>
        <span>{levelText(task)}</span>
        <span>{quorumText(task.quorum)}</span>
      </div>
      <div className="cs-task-row__bottom">
        {task.status === 'open' ? <SlaClock times={task} /> : <TaskStatus status={task.status} compact />}
        <RouteBadge task={task} />
      </div>
    </li>
  );
}
