import { useSyncExternalStore } from 'react';
import { UserSchema, type UserDto } from '@countersign/shared';

/** The signed-in user and their bearer token. */
export interface Session {
  token: string;
  user: UserDto;
  /** Set while a partner admin acts in one of its clients: the partner session to go back to. */
  partner?: { token: string; user: UserDto; clientName: string };
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
      const { token, user, partner } = value as { token?: unknown; user?: unknown; partner?: { token?: unknown; user?: unknown; clientName?: unknown } };
      const parsed = UserSchema.safeParse(user);
      if (typeof token !== 'string' || !parsed.success) return null;
      const partnerUser = UserSchema.safeParse(partner?.user);
      const back =
        partner && typeof partner.token === 'string' && typeof partner.clientName === 'string' && partnerUser.success
          ? { token: partner.token, user: partnerUser.data, clientName: partner.clientName }
          : undefined;
      return back ? { token, user: parsed.data, partner: back } : { token, user: parsed.data };
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
