import { CountersignError } from '@countersign/shared';

/** Why a decision was refused; recorded with the attempt. */
export type RefusalReason =
  | 'not_assignee'
  | 'requester'
  | 'author'
  | 'prior_actor'
  | 'conflict'
  | 'insufficient_authority'
  | 'delegate_insufficient_authority';

/** A refused attempt: 403 with the reason in `details.reason`, and recorded by the tasks service. */
export function refusal(reason: RefusalReason, message: string): CountersignError {
  const code = reason === 'not_assignee' ? 'FORBIDDEN' : 'SOD_VIOLATION';
  return new CountersignError(code, message, { details: { reason } });
}

/** The reason of a refusal built by {@link refusal}, or undefined for any other error. */
export function refusalReason(error: unknown): RefusalReason | undefined {
  if (!(error instanceof CountersignError) || (error.code !== 'FORBIDDEN' && error.code !== 'SOD_VIOLATION')) return undefined;
  const reason = error.details?.['reason'];
  return typeof reason === 'string' ? (reason as RefusalReason) : undefined;
}
