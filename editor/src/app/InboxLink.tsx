import type { ApiClient } from '../api/api-client.ts';
import { useOpenTaskCount } from '../inbox/use-open-task-count.ts';
import { Link } from './Link.tsx';

/** "Inbox" in the app header, with the number of open approval tasks (refreshed every 30 s and after a decision). */
export function InboxLink({ api, current }: { api: Pick<ApiClient, 'listTasks'>; current: boolean }) {
  const count = useOpenTaskCount(api);
  const label = count === null ? 'Inbox' : `Inbox, ${count} open task${count === 1 ? '' : 's'}`;
  return (
    <Link href="/inbox" data-testid="inbox-link" aria-label={label} aria-current={current ? 'page' : undefined} className="cs-inbox-link">
      Inbox
      {count !== null && count > 0 ? (
        <span className="cs-inbox-link__count" data-count={count} aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}
