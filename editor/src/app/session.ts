import { useSyncExternalStore } from 'react';
import { UserSchema, type UserDto } from '@countersign/shared';

/** The signed-in user and their bearer token. */
export interface Session {
  token: string;
  user: UserDto;
}

const KEY = 'countersign.session';

/**
 * The app's session, kept in sessionStorage (per tab, gone when the tab closes), with listeners
 * for React. The embeddable editor does not use it: its host passes a token.
 */
export function createSessionStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null) {
  const listeners = new Set<() => void>();
  const read = (): Session | null => {
    try {
      const value: unknown = JSON.parse(storage?.getItem(KEY) ?? 'null');
      if (typeof value !== 'object' || value === null) return null;
      const { token, user } = value as { token?: unknown; user?: unknown };
      const parsed = UserSchema.safeParse(user);
      return typeof token === 'string' && parsed.success ? { token, user: parsed.data } : null;
    } catch {
      return null;
    }
  };
  let current = read();
  const notify = (): void => listeners.forEach((listener) => listener());
  return {
    get: (): Session | null => current,
    signIn(session: Session): void {
      current = session;
      storage?.setItem(KEY, JSON.stringify(session));
      notify();
    },
    signOut(): void {
      current = null;
      storage?.removeItem(KEY);
      notify();
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** A session store. */
export type SessionStore = ReturnType<typeof createSessionStore>;

function browserStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** The app's session (one per tab). */
export const appSession: SessionStore = createSessionStore(browserStorage());

/** The current session, re-rendering on sign-in and sign-out. */
export function useSession(store: SessionStore = appSession): Session | null {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
