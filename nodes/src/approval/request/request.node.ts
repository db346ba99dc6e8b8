import { ApprovalOutcomeSchema, CountersignError, defineNode, emit } from '@countersign/shared';
import { z } from 'zod';
import { isPlainObject } from '../../internal/plain-object.ts';
import { buildPlan } from './build-plan.ts';
import { approvalRequestConfig } from './request.schema.ts';

/** The reason under which the step waits; the runtime's approval service handles it. */
export const APPROVAL_SUSPENSION = 'approval';

const ResumedSchema = z.looseObject({ outcome: ApprovalOutcomeSchema });

/**
 * A human approval gate: the run waits in the database while the runtime's approval service opens
 * tasks level by level (quorum, veto, due time, escalation, segregation of duties), then leaves by the
 * port of the outcome. Nobody eligible (after alternates and admins) fails the step into an exception.
 */
export const approvalRequestNode = defineNode({
  type: 'approval.request',
  version: 1,
  category: 'approval',
  title: 'Approval',
  description: 'Asks people to approve: by user, role or an approval matrix; sequential levels, N of M quorum, due time and escalation. The requester, earlier approvers and the workflow author are never eligible.',
  config: approvalRequestConfig,
  ports: { in: ['in'], out: ['approved', 'rejected', 'escalated', 'expired'] },
  effect: 'wait',
  capabilities: ['approves'],
  execute: (input, ctx) => {
    const resumed = ResumedSchema.safeParse(ctx.resumed?.data);
    if (!resumed.success) return ctx.suspend({ reason: APPROVAL_SUSPENSION, data: { plan: buildPlan(ctx.config) } });
    const { outcome } = resumed.data;
    if (outcome.status === 'no_eligible_approver') {
      throw new CountersignError('SOD_VIOLATION', outcome.message, { retryable: false, details: { decisions: outcome.decisions } });
    }
    const approval = { outcome: outcome.status, title: ctx.config.title, amount: ctx.config.amount ?? null, message: outcome.message, decisions: outcome.decisions, decidedAt: outcome.at };
    return emit(outcome.status, isPlainObject(input) ? { ...input, approval } : { approval });
  },
});
