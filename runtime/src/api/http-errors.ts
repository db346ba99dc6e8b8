import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { CountersignError, type ErrorResponse } from '@countersign/shared';

/** Sends `{ error: { code, message, issues?, details? } }` with the status of the error's code. */
export function sendError(res: Response, error: CountersignError): void {
  const body: ErrorResponse = { error: { code: error.code, message: error.message } };
  if (error.issues !== undefined) body.error.issues = error.issues;
  // Details say why a user error happened (e.g. the reason of a refused approval); never sent for bugs.
  if (error.details !== undefined && error.kind === 'user') body.error.details = error.details;
  res.status(error.status).json(body);
}

interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string' && typeof (error as { status?: unknown }).status === 'number';
}

/** Errors of the JSON body parser as user errors: they are the client's to fix, never a 500. */
function fromBodyParser(error: BodyParserError): CountersignError {
  switch (error.type) {
    case 'entity.parse.failed':
      return new CountersignError('BAD_REQUEST', 'The request body is not valid JSON');
    case 'entity.too.large':
      return new CountersignError('PAYLOAD_TOO_LARGE', 'The request body is larger than 1 MB');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new CountersignError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as UTF-8 JSON');
    default:
      return new CountersignError('BAD_REQUEST', 'The request body could not be read');
  }
}

/**
 * The last handler of the API: CountersignErrors keep their code; body parser failures become 4xx;
 * anything else is a bug, logged with its stack and answered with a generic 500.
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (thrown: unknown, req, res, next) => {
    if (res.headersSent) {
      next(thrown);
      return;
    }
    if (thrown instanceof CountersignError && thrown.kind !== 'unexpected') {
      sendError(res, thrown);
      return;
    }
    if (isBodyParserError(thrown) && thrown.status >= 400 && thrown.status < 500) {
      sendError(res, fromBodyParser(thrown));
      return;
    }
    log.error({ err: thrown, method: req.method, path: req.originalUrl.split('?')[0] }, 'unexpected error while handling a request');
    sendError(res, new CountersignError('INTERNAL', 'Something went wrong on our side; the error has been logged'));
  };
}

/** 404 in JSON for anything under the API's prefixes that no route matched. */
export const notFound: RequestHandler = (req, res) => {
  sendError(res, new CountersignError('NOT_FOUND', `No route for ${req.method} ${req.originalUrl.split('?')[0]}`));
};
