import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

const store = new AsyncLocalStorage<string>();

/** The correlation id of the request being handled (undefined outside a request). */
export function currentCorrelationId(): string | undefined {
  return store.getStore();
}

/**
 * Gives each API request a correlation id (the caller's `X-Request-Id` when it is sane, else a new
 * one), echoed in the response and recorded on every audit event the request causes.
 */
export const correlate: RequestHandler = (req, res, next) => {
  const given = req.get('x-request-id');
  const id = given && /^[A-Za-z0-9._:-]{1,100}$/.test(given) ? given : randomUUID();
  res.set('X-Request-Id', id);
  store.run(id, next);
};
