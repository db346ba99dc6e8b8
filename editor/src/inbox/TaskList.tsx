import { useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { TASK_FILTERS, type TaskFilter } from './task-format.ts';
import { TaskRow } from './TaskRow.tsx';
import { useTaskList } from './use-task-list.ts';

const FILTER_LABEL: Record<TaskFilter, string> = { open: 'Open', decided: 'Decided', all: 'All' };
const EMPTY: Record<TaskFilter, string> = {
  open: 'No approvals waiting for you. New tasks appear here when a workflow needs your decision.',
  decided: 'You have not approved or rejected any task yet. Decided tasks stay listed here for reference.',
  all: 'No tasks yet. New tasks appear here when a workflow needs your decision.',
};

/** The inbox list with its status filter (open by default), refreshed every 30 s and after a decision. */
export function TaskList({ api, selectedId }: { api: Pick<ApiClient, 'listTasks'>; selectedId: string | null }) {
  const [filter, setFilter] = useState<TaskFilter>('open');
  const state = useTaskList(api, filter);
  return (
    <section className="cs-task-list" aria-labelledby="cs-task-list-title">
      <div className="cs-task-list__head">
        <h1 id="cs-task-list-title">Inbox</h1>
        <div className="cs-segmented" role="group" aria-label="Show tasks">
          {TASK_FILTERS.map((value) => (
            <button key={value} type="button" className="cs-segmented__item" aria-pressed={filter === value} onClick={() => setFilter(value)}>
              {FILTER_LABEL[value]}
            </button>
          ))}
        </div>
      </div>
      {state.kind === 'loading' ? <p className="cs-muted">Loading tasks…</p> : null}
      {state.kind === 'error' ? (
        <p className="cs-error-text" role="alert">
          Tasks could not be loaded: {state.message}
        </p>
      ) : null}
      {state.kind === 'ready' && state.error ? <p className="cs-muted cs-task-list__stale">Could not refresh ({state.error}); showing the last list.</p> : null}
      {state.kind === 'ready' && state.items.length === 0 ? (
        <div className="cs-card cs-task-list__empty" data-testid="inbox-empty">
          <p className="cs-task-list__empty-title">{filter === 'open' ? 'All caught up' : 'Nothing here'}</p>
          <p className="cs-muted">{EMPTY[filter]}</p>
        </div>
      ) : null}
      {state.kind === 'ready' && state.items.length > 0 ? (
        <ul className="cs-task-list__items" aria-label={`${FILTER_LABEL[filter]} tasks`}>
          {state.items.map((task) => (
            <TaskRow key={task.id} task={task} selected={task.id === selectedId} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
