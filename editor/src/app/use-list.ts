import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../api/api-error.ts';

/** A list the page loads from the runtime: loading, its items, or why it could not be loaded. */
export type ListState<T> = { kind: 'loading' } | { kind: 'ready'; items: T[] } | { kind: 'error'; error: unknown };

/**
 * Loads a list when the page opens (and again on `reload`); an answer that arrives after a newer request
 * or after the page closed is dropped. `update` changes the shown items in place (e.g. a revoked key).
 */
export function useList<T>(fetch: () => Promise<T[]>): { state: ListState<T>; reload(): void; update(change: (items: T[]) => T[]): void } {
  const [state, setState] = useState<ListState<T>>({ kind: 'loading' });
  const latest = useRef(0);
  const reload = useCallback(() => {
    const request = ++latest.current;
    fetch().then(
      (items) => request === latest.current && setState({ kind: 'ready', items }),
      (error: unknown) => request === latest.current && setState({ kind: 'error', error }),
    );
  }, [fetch]);
  useEffect(() => {
    reload();
    return () => {
      latest.current += 1;
    };
  }, [reload]);
  // Functional: an answer arrives after an await, and the list may have changed meanwhile.
  const update = useCallback((change: (items: T[]) => T[]) => setState((current) => ({ kind: 'ready', items: change(current.kind === 'ready' ? current.items : []) })), []);
  return { state, reload, update };
}

/**
 * What a page says when its list could not be loaded: a refusal (403) as the runtime words it (it names
 * who may), anything else after "`what` could not be loaded".
 */
export function loadFailure(error: unknown, what: string): string {
  return error instanceof ApiError && error.status === 403 ? error.message : `${what} could not be loaded: ${errorMessage(error)}`;
}
