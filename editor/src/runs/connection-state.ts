/**
 * Connection of the run socket, as a small state machine:
 * connecting -> connected <-> reconnecting; any -> unauthorized (token rejected) or disconnected.
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'unauthorized' | 'disconnected';

/** What the socket reported; `willRetry` is socket.io's `active` (it reconnects by itself). */
export type ConnectionSignal =
  | { type: 'connect' }
  | { type: 'disconnect'; willRetry: boolean }
  | { type: 'connect_error'; willRetry: boolean; message: string }
  | { type: 'close' };

/** The runtime rejects a missing or invalid handshake token with this message. */
export const UNAUTHENTICATED = 'UNAUTHENTICATED';

/** The connection state after a signal. */
export function nextConnectionState(state: ConnectionState, signal: ConnectionSignal): ConnectionState {
  switch (signal.type) {
    case 'connect':
      return 'connected';
    case 'disconnect':
      return signal.willRetry ? 'reconnecting' : 'disconnected';
    case 'connect_error':
      if (signal.message === UNAUTHENTICATED) return 'unauthorized';
      if (!signal.willRetry) return 'disconnected';
      // Until the first connection succeeds the client is still connecting, not reconnecting.
      return state === 'connecting' ? 'connecting' : 'reconnecting';
    case 'close':
      return 'disconnected';
    default: {
      const unknownSignal: never = signal;
      throw new Error(`Unknown connection signal ${JSON.stringify(unknownSignal)}`);
    }
  }
}

/** Words for a connection state, for a status line. */
export const CONNECTION_STATE_LABEL: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  unauthorized: 'Signed out: sign in again to follow runs',
  disconnected: 'Disconnected',
};
