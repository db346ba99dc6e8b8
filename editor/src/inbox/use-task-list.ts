import type { TaskDto } from '@countersign/shared';
import { useCallback, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { errorMessage } from '../api/api-error.ts';
import { filterQuery, type TaskFilter } from './task-format.ts';
import { useTaskPolling } from './use-polling.ts';

/** The inbox list as loaded: first load, the tasks, or why they could not be loaded (the last tasks stay shown). */
export type TaskListState = { kind: 'loading' } | { kind: 'ready'; items: TaskDto[]; error: string | null } | { kind: 'error'; message: string };

/** My tasks under a filter, refreshed every 30 s and after a decision; a filter change reloads. */
export function useTaskList(api: Pick<ApiClient, 'listTasks'>, filter: TaskFilter): TaskListState {
  const [state, setState] = useState<{ filter: TaskFilter; list: TaskListState }>({ filter, list: { kind: 'loading' } });
  const request = useRef(0);
  const refresh = useCallback(() => {
    const mine = ++request.current;
    const { status, keep } = filterQuery(filter);
    api.listTasks({ status, scope: 'mine' }).then(
      (items) => mine === request.current && setState({ filter, list: { kind: 'ready', items: items.filter(keep), error: null } }),
      (error: unknown) => {
        if (mine !== request.current) return;
        // A failed refresh keeps the tasks already shown, with a note.
        setState((previous) =>
          previous.filter === filter && previous.list.kind === 'ready'
            ? { filter, list: { ...previous.list, error: errorMessage(error) } }
            : { filter, list: { kind: 'error', message: errorMessage(error) } },
        );
      },
    );
  }, [api, filter]);
  useTaskPolling(refresh);
  return state.filter === filter ? state.list : { kind: 'loading' };
}
