import { useEffect } from 'react';
import { onTasksChanged } from './task-events.ts';

/** How often the inbox and the header's count ask for new tasks. */
export const TASK_POLL_MS = 30_000;

/**
 * Calls `refresh` now (and again whenever it changes: pass a stable callback), every `intervalMs`,
 * and whenever tasks change in this tab (a decision). Skips ticks while the tab is hidden and
 * refreshes as soon as it is shown again.
 */
export function useTaskPolling(refresh: () => void, intervalMs: number = TASK_POLL_MS): void {
  useEffect(() => {
    const tick = (): void => {
      if (document.visibilityState !== 'hidden') refresh();
    };
    refresh();
    const timer = setInterval(tick, intervalMs);
    const stop = onTasksChanged(refresh);
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(timer);
      stop();
      document.removeEventListener('visibilitychange', tick);
    };
  }, [refresh, intervalMs]);
}
