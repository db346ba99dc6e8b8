import type { Server, Socket } from 'socket.io';
import { can, RunSubscribeSchema, toCountersignError, type ClientToServerEvents, type ServerToClientEvents, type SubscribeAck } from '@countersign/shared';
import { z } from 'zod';
import type { ApiDeps } from '../api/api-deps.ts';
import type { AuthUser } from '../auth/auth.ts';
import { createRunsService } from '../services/runs-service.ts';
import { RunFeed } from './run-feed.ts';
import { authenticateHandshake } from './socket-user.ts';
import { asSystem, withTenants } from '../db/tenant-scope.ts';

type RunSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** How often runs with subscribers are checked for events committed by other processes. */
const POLL_MS = 250;

const UnsubscribeSchema = z.object({ runId: z.string().min(1).max(100) });

const room = (runId: string): string => `run:${runId}`;

function reply(ack: unknown, result: SubscribeAck): void {
  // Clients may emit without an acknowledgement callback.
  if (typeof ack === 'function') (ack as (result: SubscribeAck) => void)(result);
}

const failure = (code: string, message: string): SubscribeAck => ({ ok: false, error: { code, message } });

/**
 * Live run events over socket.io. The handshake carries the API's bearer token; `run:subscribe`
 * sends the history after `afterSeq`, then live events, in seq order without gaps or duplicates.
 * Returns a function that stops delivering.
 */
export function attachRunSocket(io: Server<ClientToServerEvents, ServerToClientEvents>, deps: ApiDeps): () => void {
  const runs = createRunsService(deps.knex, deps.engine);
  const feed = new RunFeed(deps.knex, deps.log);
  const users = new WeakMap<RunSocket, AuthUser>();

  io.use((socket, next) => {
    authenticateHandshake(deps.auth, socket).then(
      (user) => {
        if (!user) return next(new Error('UNAUTHENTICATED'));
        users.set(socket, user);
        next();
      },
      () => next(new Error('UNAUTHENTICATED')),
    );
  });

  const onConnection = (socket: RunSocket): void => {
    const user = users.get(socket);
    if (!user) {
      socket.disconnect(true);
      return;
    }
    const sink = { id: socket.id, send: (event: Parameters<ServerToClientEvents['run:event']>[0]) => void socket.emit('run:event', event) };

    // Socket events run in the user's tenant scope, as routes do.
    socket.on('run:subscribe', (payload, ack) => withTenants([user.tenantId], async () => {
      const parsed = RunSubscribeSchema.safeParse(payload);
      if (!parsed.success) return reply(ack, failure('BAD_REQUEST', `Invalid run:subscribe payload: ${parsed.error.issues[0]?.message ?? 'invalid'}`));
      const { runId, afterSeq = 0 } = parsed.data;
      try {
        // The permission matrix applies to socket events as to routes.
        if (!can(user.roles, 'run.read')) return reply(ack, failure('FORBIDDEN', 'Your role does not allow run.read'));
        if (!(await runs.exists(user, runId))) return reply(ack, failure('NOT_FOUND', 'Run not found'));
        await socket.join(room(runId));
        await feed.subscribe(runId, sink, afterSeq);
        reply(ack, { ok: true });
      } catch (thrown) {
        const error = toCountersignError(thrown);
        deps.log.error({ err: thrown, runId, userId: user.id }, 'run:subscribe failed');
        reply(ack, failure(error.code, error.kind === 'unexpected' ? 'Subscribing failed; try again' : error.message));
      }
    }));

    socket.on('run:unsubscribe', async (payload, ack) => {
      const parsed = UnsubscribeSchema.safeParse(payload);
      if (!parsed.success) return reply(ack, failure('BAD_REQUEST', 'Invalid run:unsubscribe payload: { runId } is required'));
      feed.unsubscribe(parsed.data.runId, socket.id);
      await socket.leave(room(parsed.data.runId));
      reply(ack, { ok: true });
    });

    socket.on('disconnect', () => feed.drop(socket.id));
  };
  io.on('connection', onConnection);

  const stopCommits = deps.engine.onCommitted((runId) => feed.notify(runId));
  let polling = false;
  const timer = asSystem(() => setInterval(() => {
    if (polling || feed.watchedRuns === 0) return;
    polling = true;
    feed
      .poll()
      .catch((error: unknown) => deps.log.error({ err: error }, 'polling run events failed'))
      .finally(() => {
        polling = false;
      });
  }, POLL_MS));
  timer.unref();

  return () => {
    clearInterval(timer);
    stopCommits();
    io.off('connection', onConnection);
    feed.clear();
  };
}
