import { RunEventSchema, SerializedErrorSchema, type ClientToServerEvents, type RunEvent, type RunSubscribe, type ServerToClientEvents } from '@countersign/shared';
import { io, type Socket } from 'socket.io-client';
import { nextConnectionState, type ConnectionSignal, type ConnectionState } from '../runs/connection-state.ts';
import { RunSubscriptions, type SubscriptionError } from '../runs/run-subscriptions.ts';

/** The socket.io socket of the run events, typed with shared's event maps. */
export type RunSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The part of a socket.io socket the client uses (a test passes a fake through `createSocket`). */
export interface RunSocketLike {
  readonly connected: boolean;
  /** Whether socket.io will reconnect by itself. */
  readonly active: boolean;
  /** Payloads are read as unknown: even socket.io's own `connect_error` is checked before use. */
  on(event: 'connect' | 'disconnect' | 'connect_error' | 'run:event' | 'run:error', listener: (payload: unknown) => void): unknown;
  emit(event: 'run:subscribe', payload: RunSubscribe, ack: (result: unknown) => void): unknown;
  emit(event: 'run:unsubscribe', payload: { runId: string }): unknown;
  disconnect(): unknown;
}

/** Where and as whom to connect. */
export interface SocketClientOptions {
  /** The runtime's base URL ('' for the page's origin); only its origin is used. */
  baseUrl: string;
  /** The API's bearer token, sent in the handshake's `auth.token`. */
  token: string;
  /** socket.io path on the runtime (default `/socket.io`). */
  path?: string;
  /** Makes the socket; defaults to socket.io's `io`. */
  createSocket?: (url: string, options: { path: string; auth: { token: string } }) => RunSocketLike;
}

/** Live run events over socket.io: subscriptions that survive reconnects, and the connection state. */
export interface SocketClient {
  /** Receives a run's events after `afterSeq` (history first, then live), each once and in seq order. Returns an unsubscribe. */
  subscribe(runId: string, afterSeq: number, onEvents: (events: RunEvent[]) => void, onError?: (error: SubscriptionError) => void): () => void;
  /** The connection's current state. */
  getState(): ConnectionState;
  /** Calls `listener` on every change of the connection state; returns a function that stops it. */
  onStateChange(listener: (state: ConnectionState) => void): () => void;
  /** Disconnects for good and forgets every subscription. */
  close(): void;
}

const ErrorSchema = SerializedErrorSchema.pick({ code: true, message: true });

/** The error of a `run:subscribe` acknowledgement, or undefined when it succeeded. */
function ackError(result: unknown): SubscriptionError | undefined {
  if (typeof result !== 'object' || result === null) return { code: 'SUBSCRIBE_FAILED', message: 'The runtime gave no answer to the subscription' };
  if ('ok' in result && result.ok === true) return undefined;
  const error = ErrorSchema.safeParse('error' in result ? result.error : undefined);
  return error.success ? error.data : { code: 'SUBSCRIBE_FAILED', message: 'The runtime refused the subscription' };
}

function originOf(baseUrl: string): string {
  // Only the origin: socket.io would read a path in the URL as a namespace.
  return new URL(baseUrl, globalThis.location?.href ?? 'http://localhost/').origin;
}

/** Connects to the runtime's run socket (typed with shared's ServerToClientEvents/ClientToServerEvents). */
export function createSocketClient(options: SocketClientOptions): SocketClient {
  const makeSocket = options.createSocket ?? ((url, socketOptions): RunSocket => io(url, socketOptions));
  const socket = makeSocket(originOf(options.baseUrl), { path: options.path ?? '/socket.io', auth: { token: options.token } });
  const subscriptions = new RunSubscriptions();
  const inFlight = new Set<string>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';

  const signal = (input: ConnectionSignal): void => {
    const next = nextConnectionState(state, input);
    if (next === state) return;
    state = next;
    for (const listener of [...stateListeners]) listener(state);
  };

  // Asks for a run's events after the last seq its furthest-behind listener received; while
  // disconnected nothing is sent (socket.io would buffer it) since `connect` asks for every open run.
  const request = (runId: string): void => {
    if (!socket.connected) return;
    inFlight.add(runId);
    socket.emit('run:subscribe', { runId, afterSeq: subscriptions.afterSeq(runId) }, (result) => {
      inFlight.delete(runId);
      const error = ackError(result);
      if (error) subscriptions.fail(runId, error);
    });
  };

  socket.on('connect', () => {
    signal({ type: 'connect' });
    for (const runId of subscriptions.openRuns()) request(runId);
  });
  socket.on('disconnect', () => {
    // Acknowledgements of requests sent before the drop never come; `connect` asks again.
    inFlight.clear();
    signal({ type: 'disconnect', willRetry: socket.active });
  });
  socket.on('connect_error', (error) => signal({ type: 'connect_error', willRetry: socket.active, message: error instanceof Error ? error.message : String(error) }));
  socket.on('run:event', (payload) => {
    const parsed = RunEventSchema.safeParse(payload);
    // A malformed event is dropped; the gap it leaves makes the next event ask again.
    if (!parsed.success) return;
    const runId = parsed.data.runId;
    if (subscriptions.deliver(parsed.data) === 'gap' && !inFlight.has(runId)) request(runId);
  });
  socket.on('run:error', (payload) => {
    const error = ErrorSchema.safeParse(payload);
    const runId = typeof payload === 'object' && payload !== null && 'runId' in payload ? payload.runId : undefined;
    if (error.success && typeof runId === 'string') subscriptions.fail(runId, error.data);
  });

  return {
    subscribe(runId, afterSeq, onEvents, onError) {
      const listener = { lastSeq: afterSeq, onEvents, onError };
      subscriptions.add(runId, listener);
      request(runId);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        if (subscriptions.remove(runId, listener) && socket.connected) socket.emit('run:unsubscribe', { runId });
      };
    },
    getState: () => state,
    onStateChange(listener) {
      stateListeners.add(listener);
      return () => void stateListeners.delete(listener);
    },
    close() {
      subscriptions.clear();
      socket.disconnect();
      signal({ type: 'close' });
      stateListeners.clear();
    },
  };
}
