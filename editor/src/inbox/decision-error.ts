import { ApiError, errorMessage } from '../api/api-error.ts';

/** A refused decision as the approver reads it: a heading for the kind of refusal and the server's reason. */
export interface DecisionError {
  title: string;
  message: string;
  /** The task changed under us (decided by someone else, run ended): reload it. */
  stale: boolean;
}

/** Reads the error of `POST /api/tasks/:id/decision`. */
export function decisionError(error: unknown): DecisionError {
  const message = errorMessage(error);
  if (!(error instanceof ApiError)) return { title: 'Not sent', message, stale: false };
  if (error.code === 'SOD_VIOLATION') return { title: 'Segregation of duties', message, stale: false };
  if (error.status === 403) return { title: 'Not allowed', message, stale: false };
  if (error.status === 409) return { title: 'Already closed', message, stale: true };
  if (error.status === 404) return { title: 'Task not found', message, stale: true };
  if (error.status === 422 || error.status === 400) return { title: 'Check the decision', message: error.issues[0]?.message ?? message, stale: false };
  if (error.status === 0) return { title: 'Not sent', message: `${message}. Nothing was decided; try again.`, stale: false };
  return { title: 'Not recorded', message, stale: false };
}
