import type { Knex } from 'knex';
import { z } from 'zod';
import { ApprovalPlanSchema, CountersignError, type ApprovalPlan } from '@countersign/shared';
import { tenantDb } from '../db/tenant-db.ts';
import type { SuspendingStep, SuspensionHandler } from '../engine/suspension-handler.ts';
import type { ApprovalNotifier } from './approval-notifier.ts';
import { conflictingUsers } from './duty-ledger.ts';
import { chooseAssignees } from './eligibility.ts';
import { openLevel } from './open-level.ts';
import type { ApprovalRequest, ApprovalRequestRow, Exclusion } from './request-row.ts';

const SuspensionDataSchema = z.looseObject({ plan: ApprovalPlanSchema });

/** The requester(s) of a run and the author of its version: never eligible approvers in it. */
async function exclusionsOf(knex: Knex, step: SuspendingStep, plan: ApprovalPlan, now: Date): Promise<Exclusion[]> {
  const requesters = plan.requesters;
  const db = tenantDb(knex, step.tenantId);
  const run = await db.table('runs').where({ id: step.runId }).first<{ requested_by: string | null } | undefined>('requested_by');
  const version = await db.table('workflow_versions')
    .where({ workflow_id: step.workflowId, version: step.version })
    .first<{ created_by: string } | undefined>('created_by');
  const list: Exclusion[] = [];
  for (const id of [...requesters, run?.requested_by]) if (id && !list.some((e) => e.userId === id)) list.push({ userId: id, reason: 'requester' });
  if (version && !list.some((e) => e.userId === version.created_by)) list.push({ userId: version.created_by, reason: 'author' });
  for (const conflict of await conflictingUsers(knex, step.tenantId, plan.conflicts, now)) if (!list.some((e) => e.userId === conflict.userId)) list.push(conflict);
  return list;
}

/**
 * The `approval` suspension: resolves who may approve the first level (segregation of duties applied by
 * the runtime, whatever the graph says), then opens the request and its tasks in the same transaction as
 * the waiting step. Nobody eligible fails the step (SOD_VIOLATION) instead of waiting for nobody.
 */
export function createApprovalHandler(knex: Knex, notifier: ApprovalNotifier): SuspensionHandler {
  return {
    async prepare(step, data) {
      const parsed = SuspensionDataSchema.safeParse(data);
      if (!parsed.success) throw new CountersignError('INTERNAL', `The approval step "${step.nodeLabel}" suspended without a valid plan`, { retryable: false });
      const { plan } = parsed.data;
      const now = new Date();
      const db = tenantDb(knex, step.tenantId);
      const excluded = await exclusionsOf(knex, step, plan, now);
      const workflow = await db.table('workflows').where({ id: step.workflowId }).first<{ name: string } | undefined>('name');
      const row: ApprovalRequestRow = {
        run_id: step.runId,
        node_id: step.nodeId,
        tenant_id: step.tenantId,
        workflow_id: step.workflowId,
        version_hash: step.versionHash,
        title: plan.title,
        amount_minor: plan.amount?.amount ?? null,
        currency: plan.amount?.currency ?? null,
        plan: { ...plan, nodeLabel: step.nodeLabel },
        excluded,
        current_level: 0,
        escalations: 0,
        status: 'open',
        outcome: null,
        due_at: null,
        remind_at: null,
        created_at: now,
        decided_at: null,
      };
      const request: ApprovalRequest = { row, plan: { ...plan, nodeLabel: step.nodeLabel }, excluded, amount: plan.amount, workflowName: workflow?.name ?? step.workflowId };
      const firstLevel = plan.levels[0];
      if (!firstLevel) throw new CountersignError('INTERNAL', 'An approval plan without levels', { retryable: false });
      const chosen = await chooseAssignees(knex, { ...request, tenantId: step.tenantId, runId: step.runId }, firstLevel);
      if (!chosen) {
        const who = excluded.map((e) => `${e.userId} (${e.reason})`).join(', ');
        throw new CountersignError(
          'SOD_VIOLATION',
          `Nobody eligible can approve "${plan.title}" at ${firstLevel.name}: the assignees, the alternate and every admin are excluded by segregation of duties${who ? ` (excluded: ${who})` : ''} or too few for a quorum of ${firstLevel.quorum}`,
          { retryable: false, details: { level: 1, excluded } },
        );
      }
      return async (trx) => {
        const inserted = await db
          .through(trx)
          .insert('approval_requests', { ...row, plan: JSON.stringify(row.plan), excluded: JSON.stringify(excluded) })
          .onConflict(['run_id', 'node_id'])
          .ignore()
          .returning('run_id');
        // Already opened (the step was resumed and suspended again): nothing more to open.
        if (inserted.length === 0) return;
        await openLevel(trx, request, 0, chosen, notifier, now);
      };
    },
  };
}
