import type { TaskDetailDto, TaskDto } from '@countersign/shared';
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { errorMessage } from '../api/api-error.ts';

/** A task's detail as loaded. */
export type TaskDetailState = { kind: 'loading' } | { kind: 'ready'; task: TaskDetailDto } | { kind: 'error'; message: string };

/** Loads a task with its evidence; `applyDecision` merges the task the decision call returned, `reload` asks again. */
export function useTaskDetail(api: Pick<ApiClient, 'getTask'>, taskId: string) {
  const [state, setState] = useState<TaskDetailState>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let active = true;
    api.getTask(taskId).then(
      (task) => active && setState({ kind: 'ready', task }),
      (error: unknown) => active && setState((previous) => (previous.kind === 'ready' ? previous : { kind: 'error', message: errorMessage(error) })),
    );
    return () => {
      active = false;
    };
  }, [api, taskId, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const applyDecision = useCallback(
    (decided: TaskDto) => {
      setState((previous) => (previous.kind === 'ready' && previous.task.id === decided.id ? { kind: 'ready', task: { ...previous.task, ...decided } } : previous));
      // The chain and the quorum progress changed too: fetch them.
      reload();
    },
    [reload],
  );
  return { state, reload, applyDecision };
}
