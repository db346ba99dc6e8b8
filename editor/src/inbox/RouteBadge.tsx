import type { TaskDto } from '@countersign/shared';
import { routeBadge } from './task-format.ts';

/** "Delegated from X", "Alternate", "Admin fallback" or "Escalation"; nothing for the configured assignee. */
export function RouteBadge({ task, nameOf }: { task: Pick<TaskDto, 'route' | 'delegatedFrom' | 'assigneeName'>; nameOf?: (userId: string) => string }) {
  const badge = routeBadge(task, nameOf);
  if (badge === null) return null;
  return (
    <span className={`cs-route-badge cs-route-badge--${badge.kind}`} title={badge.hint} data-route={badge.kind}>
      {badge.text}
    </span>
  );
}
