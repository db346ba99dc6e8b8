import { ApiError, errorMessage } from '../api/api-error.ts';

/** A refused review decision as the reviewer reads it: the kind of refusal and the server's reason. */
export interface ReviewError {
  title: string;
  message: string;
  /** The version changed meanwhile (decided by someone else): reload it. */
  stale: boolean;
}

/** Reads the error of `POST .../approve` or `.../reject`. */
export function reviewError(error: unknown): ReviewError {
  const message = errorMessage(error);
  if (!(error instanceof ApiError)) return { title: 'Not sent', message, stale: false };
  if (error.code === 'SOD_VIOLATION') return { title: 'Four eyes', message, stale: false };
  if (error.status === 403) return { title: 'Not allowed', message, stale: false };
  if (error.status === 409) return { title: 'Already decided', message, stale: true };
  if (error.status === 404) return { title: 'Version not found', message, stale: true };
  if (error.status === 422 || error.status === 400) return { title: 'Check the decision', message: error.issues[0]?.message ?? message, stale: false };
  if (error.status === 0) return { title: 'Not sent', message: `${message}. Nothing was decided; try again.`, stale: false };
  return { title: 'Not recorded', message, stale: false };
}
