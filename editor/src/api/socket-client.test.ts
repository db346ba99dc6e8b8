import type { RunEvent, RunSubscribe } from '@countersign/shared';
import { describe, expect, it, vi } from 'vitest';
import { runHistory } from '../runs/test-events.ts';
import { createSocketClient, type RunSocketLike } from './socket-client.ts';

type Listener = (arg: unknown) => void;

/** A stand-in for socket.io's client socket: the test plays the server. */
class FakeSocket implements RunSocketLike {
  connected = false;
  active = true;
  readonly sent: { event: string; payload: RunSubscribe | { runId: string }; ack?: (result: unknown) => void }[] = [];
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, payload: RunSubscribe | { runId: string }, ack?: (result: unknown) => void): this {
    this.sent.push({ event, payload, ack });
    return this;
  }
  disconnect(): this {
    this.connected = false;
    this.active = false;
    this.fire('disconnect');
    return this;
  }
  fire(event: string, arg?: unknown): void {
    if (event === 'connect') this.connected = true;
    if (event === 'disconnect') this.connected = false;
    for (const listener of this.listeners.get(event) ?? []) listener(arg);
  }
  subscribes(): unknown[] {
    return this.sent.filter((sent) => sent.event === 'run:subscribe').map((sent) => sent.payload);
  }
}

const events = runHistory('r1', [
  ['run.started'],
  ['step.started', 'a', { attempt: 1 }],
  ['step.succeeded', 'a', { port: 'out', attempt: 1 }],
  ['step.started', 'b', { attempt: 1 }],
  ['step.succeeded', 'b', { port: 'out', attempt: 1 }],
  ['run.succeeded'],
]);
const seqs = (calls: RunEvent[][][]): number[] => calls.flatMap(([batch]) => batch ?? []).map((event) => event.seq);

function setup() {
  const socket = new FakeSocket();
  const createSocket = vi.fn(() => socket);
  const client = createSocketClient({ baseUrl: 'https://runtime.example/app/', token: 'jwt', createSocket });
  return { socket, client, createSocket };
}

describe('createSocketClient', () => {
  it('connects to the origin with the token, and subscribes once connected', () => {
    const { socket, client, createSocket } = setup();
    expect(createSocket).toHaveBeenCalledWith('https://runtime.example', { path: '/socket.io', auth: { token: 'jwt' } });
    const states: string[] = [];
    client.onStateChange((state) => states.push(state));
    expect(client.getState()).toBe('connecting');
    client.subscribe('r1', 0, () => undefined);
    expect(socket.sent).toEqual([]);
    socket.fire('connect');
    expect(socket.subscribes()).toEqual([{ runId: 'r1', afterSeq: 0 }]);
    expect(states).toEqual(['connected']);
  });

  it('delivers parsed events once and in order, dropping malformed ones', () => {
    const { socket, client } = setup();
    socket.fire('connect');
    const onEvents = vi.fn<(events: RunEvent[]) => void>();
    client.subscribe('r1', 0, onEvents);
    for (const event of [events[0], events[1], events[1], { runId: 'r1', seq: 'x' }, events[2], { ...events[0], runId: 'other' }]) socket.fire('run:event', event);
    expect(seqs(onEvents.mock.calls)).toEqual([1, 2, 3]);
  });

  it('resubscribes after a reconnect from the last seq received, so nothing is missed', () => {
    const { socket, client } = setup();
    socket.fire('connect');
    const onEvents = vi.fn<(events: RunEvent[]) => void>();
    client.subscribe('r1', 0, onEvents);
    events.slice(0, 3).forEach((event) => socket.fire('run:event', event));
    socket.fire('disconnect');
    expect(client.getState()).toBe('reconnecting');
    socket.fire('connect_error', new Error('xhr poll error'));
    expect(client.getState()).toBe('reconnecting');
    socket.fire('connect');
    expect(client.getState()).toBe('connected');
    expect(socket.subscribes()).toEqual([{ runId: 'r1', afterSeq: 0 }, { runId: 'r1', afterSeq: 3 }]);
    events.slice(2).forEach((event) => socket.fire('run:event', event));
    expect(seqs(onEvents.mock.calls)).toEqual([1, 2, 3, 4, 5, 6]);
    // The run ended: a later reconnect asks for nothing more.
    socket.fire('disconnect');
    socket.fire('connect');
    expect(socket.subscribes()).toHaveLength(2);
  });

  it('asks again from the last seq when an event skips ahead', () => {
    const { socket, client } = setup();
    socket.fire('connect');
    const onEvents = vi.fn<(events: RunEvent[]) => void>();
    client.subscribe('r1', 0, onEvents);
    socket.sent[0]?.ack?.({ ok: true });
    socket.fire('run:event', events[0]);
    socket.fire('run:event', events[3]);
    expect(socket.subscribes()).toEqual([{ runId: 'r1', afterSeq: 0 }, { runId: 'r1', afterSeq: 1 }]);
    expect(seqs(onEvents.mock.calls)).toEqual([1]);
  });

  it('reports a refused subscription and stops on unsubscribe', () => {
    const { socket, client } = setup();
    socket.fire('connect');
    const onError = vi.fn();
    const onEvents = vi.fn();
    const unsubscribe = client.subscribe('r1', 0, onEvents, onError);
    socket.sent[0]?.ack?.({ ok: false, error: { code: 'NOT_FOUND', message: 'Run not found' } });
    expect(onError).toHaveBeenCalledWith({ code: 'NOT_FOUND', message: 'Run not found' });
    unsubscribe();
    unsubscribe();
    expect(socket.sent.filter((sent) => sent.event === 'run:unsubscribe').map((sent) => sent.payload)).toEqual([{ runId: 'r1' }]);
    socket.fire('run:event', events[0]);
    expect(onEvents).not.toHaveBeenCalled();
  });

  it('says when the token is rejected, and closes for good', () => {
    const { socket, client } = setup();
    socket.active = false;
    socket.fire('connect_error', new Error('UNAUTHENTICATED'));
    expect(client.getState()).toBe('unauthorized');
    const { socket: other, client: closing } = setup();
    other.fire('connect');
    closing.close();
    expect(other.connected).toBe(false);
    expect(closing.getState()).toBe('disconnected');
    expect(socket.sent).toEqual([]);
  });
});
