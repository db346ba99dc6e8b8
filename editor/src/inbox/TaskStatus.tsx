import type { TaskStatus as Status } from '@countersign/shared';
import { TASK_STATUS_META } from './task-format.ts';

/** A task's status as glyph and words (`compact`: "Open" instead of "Waiting for your decision"). */
export function TaskStatus({ status, compact = false, testId }: { status: Status; compact?: boolean; testId?: string }) {
  const meta = TASK_STATUS_META[status];
  return (
    <span className="cs-task-status" data-status={status} data-testid={testId}>
      <span aria-hidden="true">{meta.icon}</span> {compact && status === 'open' ? 'Open' : meta.label}
    </span>
  );
}
