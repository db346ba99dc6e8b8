// Parts of the app that show tasks (the header's count, the inbox list) refresh when one is decided.
const listeners = new Set<() => void>();

/** Tells every listener that tasks changed (a decision was taken in this tab). */
export function notifyTasksChanged(): void {
  for (const listener of [...listeners]) listener();
}

/** Calls `listener` whenever tasks change; returns a function that stops it. */
export function onTasksChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
