import { useCallback, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { useTaskPolling } from './use-polling.ts';

/** How many open tasks wait for the signed-in user (null until known, or when the runtime cannot say). */
export function useOpenTaskCount(api: Pick<ApiClient, 'listTasks'>): number | null {
  const [count, setCount] = useState<number | null>(null);
  const request = useRef(0);
  const refresh = useCallback(() => {
    const mine = ++request.current;
    api.listTasks({ status: 'open', scope: 'mine' }).then(
      (items) => mine === request.current && setCount(items.length),
      // The count is a hint: a failed poll keeps the last one rather than alarming the header.
      () => undefined,
    );
  }, [api]);
  useTaskPolling(refresh);
  return count;
}
