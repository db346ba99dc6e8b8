import type { IncomingMessage } from 'node:http';
import express, { type RequestHandler } from 'express';
import { CountersignError } from '@countersign/shared';

/** The largest JSON body accepted (413 above it). */
export const MAX_BODY_BYTES = 1024 * 1024;

const JSON_TYPES = ['application/json', 'application/*+json'];

// The bytes as received, for signature checks (an HMAC is over the raw body, not its JSON re-encoding).
const rawBodies = new WeakMap<IncomingMessage, Buffer>();

const parseJson = express.json({ limit: MAX_BODY_BYTES, type: JSON_TYPES, verify: (req, _res, bytes) => void rawBodies.set(req, bytes) });

/** The body of a request as received (empty when it had none). */
export function rawBodyOf(req: IncomingMessage): Buffer {
  return rawBodies.get(req) ?? Buffer.alloc(0);
}

/** Whether the request carries a body at all (a length above 0 or a chunked stream). */
function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  return headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;
}

/** Parses a JSON body; a body of another content type is refused with 415 instead of being ignored. */
export const jsonBody: RequestHandler = (req, res, next) => {
  if (hasBody(req.headers) && !req.is(JSON_TYPES)) {
    next(new CountersignError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON with Content-Type: application/json'));
    return;
  }
  parseJson(req, res, next);
};
