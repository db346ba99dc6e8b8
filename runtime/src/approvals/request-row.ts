import type { Knex } from 'knex';
import { z } from 'zod';
import { tenantDb } from '../db/tenant-db.ts';
import { ApprovalPlanSchema, type ApprovalPlan, type Money } from '@countersign/shared';

/** Why a user is never eligible in a request. */
export type ExclusionReason = 'requester' | 'author' | 'conflict';

/** A user excluded from a request, and why. */
export interface Exclusion {
  userId: string;
  reason: ExclusionReason;
  /** For a conflict: which duty, when. */
  detail?: string | undefined;
}

/** The plan as stored: the node's plan plus the label of its node. */
export const StoredPlanSchema = ApprovalPlanSchema.extend({ nodeLabel: z.string() });

/** An approval_requests row, read. */
export interface ApprovalRequestRow {
  run_id: string;
  node_id: string;
  tenant_id: string;
  workflow_id: string;
  version_hash: string;
  title: string;
  amount_minor: string | number | null;
  currency: string | null;
  plan: unknown;
  excluded: unknown;
  current_level: number;
  escalations: number;
  status: string;
  outcome: unknown;
  due_at: Date | null;
  remind_at: Date | null;
  created_at: Date;
  decided_at: Date | null;
}

/** A request with its JSON parsed. */
export interface ApprovalRequest {
  row: ApprovalRequestRow;
  plan: ApprovalPlan & { nodeLabel: string };
  excluded: Exclusion[];
  amount: Money | null;
  workflowName: string;
}

const ExclusionsSchema = z.array(z.object({ userId: z.string(), reason: z.enum(['requester', 'author', 'conflict']), detail: z.string().optional() }));

/** Reads and locks a request (FOR UPDATE) inside `trx`; undefined when there is none. */
export async function lockRequest(trx: Knex.Transaction, tenantId: string, runId: string, nodeId: string): Promise<ApprovalRequest | undefined> {
  const row = await tenantDb(trx, tenantId).table('approval_requests').where({ run_id: runId, node_id: nodeId }).forUpdate().first<ApprovalRequestRow | undefined>();
  return row ? parseRequest(trx, row) : undefined;
}

/** Parses a request row (and looks up its workflow's name). */
export async function parseRequest(db: Knex, row: ApprovalRequestRow): Promise<ApprovalRequest> {
  const workflow = await tenantDb(db, row.tenant_id).table('workflows').where({ id: row.workflow_id }).first<{ name: string } | undefined>('name');
  return {
    row,
    plan: StoredPlanSchema.parse(row.plan),
    excluded: ExclusionsSchema.parse(row.excluded),
    amount: row.amount_minor === null || row.currency === null ? null : { amount: Number(row.amount_minor), currency: row.currency.trim() },
    workflowName: workflow?.name ?? row.workflow_id,
  };
}
