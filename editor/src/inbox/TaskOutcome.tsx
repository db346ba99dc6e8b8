import type { TaskDetailDto, TaskStatus } from '@countersign/shared';
import { formatTime } from '../runs/index.ts';

const CLOSED_WITHOUT_DECISION: Partial<Record<TaskStatus, string>> = {
  cancelled: 'Closed without a decision: the level reached its quorum, a rejection vetoed it, or the run ended.',
  escalated: 'It passed its due time and moved up to the next approver; it can no longer be decided here.',
  expired: 'It passed its due time without a decision.',
};

/** How a closed task ended: who decided (for whom), when, and the comment; or why it closed without a decision. */
export function TaskOutcome({ task, userId, nameOf }: { task: TaskDetailDto; userId: string; nameOf(userId: string): string }) {
  if (task.decision === null || task.decidedBy === null) {
    return <p className="cs-task-outcome cs-muted">{CLOSED_WITHOUT_DECISION[task.status] ?? 'This task is closed.'}</p>;
  }
  const recorded = task.evidence.decisions.find((decision) => decision.taskId === task.id);
  const who = task.decidedBy === userId ? 'you' : (recorded?.decidedByName ?? nameOf(task.decidedBy));
  return (
    <div className={`cs-task-outcome cs-task-outcome--${task.decision}`}>
      <p>
        <strong>{task.decision === 'approve' ? 'Approved' : 'Rejected'}</strong> by {who}
        {task.onBehalfOf ? ` on behalf of ${task.onBehalfOf === userId ? 'you' : nameOf(task.onBehalfOf)}` : ''}
        {task.closedAt ? ` · ${formatTime(task.closedAt)}` : ''}
      </p>
      {task.comment ? <blockquote className="cs-task-outcome__comment">{task.comment}</blockquote> : null}
    </div>
  );
}
