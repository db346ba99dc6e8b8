import { ApiError, errorMessage } from './api-error.ts';

/** A refused decision (a task's or a version review's) as a person reads it: the kind of refusal and the server's reason. */
export interface DecisionRefusal {
  title: string;
  message: string;
  /** The thing decided on changed meanwhile (decided by someone else, run ended): reload it. */
  stale: boolean;
}

/** The headings that differ between what is decided (a task, a version). */
export interface RefusalTitles {
  segregation: string;
  closed: string;
  notFound: string;
}

/** Reads the error of a decision request with the given headings. */
export function decisionRefusal(error: unknown, titles: RefusalTitles): DecisionRefusal {
  const message = errorMessage(error);
  if (!(error instanceof ApiError)) return { title: 'Not sent', message, stale: false };
  if (error.code === 'SOD_VIOLATION') return { title: titles.segregation, message, stale: false };
  if (error.status === 403) return { title: 'Not allowed', message, stale: false };
  if (error.status === 409) return { title: titles.closed, message, stale: true };
  if (error.status === 404) return { title: titles.notFound, message, stale: true };
  if (error.status === 422 || error.status === 400) return { title: 'Check the decision', message: error.issues[0]?.message ?? message, stale: false };
  if (error.status === 0) return { title: 'Not sent', message: `${message}. Nothing was decided; try again.`, stale: false };
  return { title: 'Not recorded', message, stale: false };
}
