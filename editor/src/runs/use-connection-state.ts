import { useCallback, useSyncExternalStore } from 'react';
import type { SocketClient } from '../api/socket-client.ts';
import type { ConnectionState } from './connection-state.ts';

/** The run socket's connection state, re-rendering on change ('disconnected' without a client). */
export function useConnectionState(client: SocketClient | null): ConnectionState {
  const subscribe = useCallback((onChange: () => void) => client?.onStateChange(onChange) ?? (() => undefined), [client]);
  const read = (): ConnectionState => client?.getState() ?? 'disconnected';
  return useSyncExternalStore(subscribe, read, read);
}
