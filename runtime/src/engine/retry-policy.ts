import type { GraphNode, RetryPolicy } from '@countersign/shared';

const NO_RETRY: RetryPolicy = { maxAttempts: 1, backoffMs: 0, backoffFactor: 1 };
const MAX_DELAY_MS = 3_600_000;

/** The node's retry policy, else the workflow's, else a single attempt. */
export function retryPolicyOf(node: GraphNode, settings: { retry?: RetryPolicy | undefined }): RetryPolicy {
  return node.retry ?? settings.retry ?? NO_RETRY;
}

/** Delay before attempt `attempt + 1`: exponential backoff, capped at an hour. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  return Math.min(MAX_DELAY_MS, Math.round(policy.backoffMs * policy.backoffFactor ** Math.max(0, attempt - 1)));
}
