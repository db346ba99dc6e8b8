import { decisionRefusal, type DecisionRefusal } from '../api/decision-refusal.ts';

/** A refused task decision as the approver reads it. */
export type DecisionError = DecisionRefusal;

/** Reads the error of `POST /api/tasks/:id/decision`. */
export function decisionError(error: unknown): DecisionError {
  return decisionRefusal(error, { segregation: 'Segregation of duties', closed: 'Already closed', notFound: 'Task not found' });
}
