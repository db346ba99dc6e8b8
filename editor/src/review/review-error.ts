import { decisionRefusal, type DecisionRefusal } from '../api/decision-refusal.ts';

/** A refused review decision as the reviewer reads it. */
export type ReviewError = DecisionRefusal;

/** Reads the error of `POST .../approve` or `.../reject`. */
export function reviewError(error: unknown): ReviewError {
  return decisionRefusal(error, { segregation: 'Four eyes', closed: 'Already decided', notFound: 'Version not found' });
}
