import type { Knex } from 'knex';

/** The step that suspends, as a suspension handler sees it. */
export interface SuspendingStep {
  tenantId: string;
  runId: string;
  workflowId: string;
  version: number;
  versionHash: string;
  nodeId: string;
  nodeLabel: string;
  isTest: boolean;
}

/** Work written in the same transaction as the waiting step (e.g. the approval tasks it opens). */
export type SuspensionOpening = (trx: Knex.Transaction) => Promise<void>;

/**
 * Turns a suspension of a given reason into durable state outside the run (approval tasks...).
 * `prepare` runs before the commit and may throw (the step fails like any node error); the opening it
 * returns runs inside the commit's transaction, so the step never waits without its tasks. Openings
 * must be idempotent: a crash before the commit re-executes the step.
 */
export interface SuspensionHandler {
  prepare(step: SuspendingStep, data: unknown): Promise<SuspensionOpening>;
}
