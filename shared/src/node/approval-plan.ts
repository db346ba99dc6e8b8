import { z } from 'zod';
import { MoneySchema } from '../money/index.ts';

/** Who may hold a task: one user, or every user of the tenant holding a role. */
export const AssigneeSchema = z.strictObject({ type: z.enum(['user', 'role']), id: z.string().min(1).max(100) });

/** One level of an approval chain: N of the eligible assignees must approve. */
export const ApprovalLevelSchema = z.strictObject({
  name: z.string().max(200),
  assignees: z.array(AssigneeSchema).min(1),
  quorum: z.number().int().min(1),
  /** Each approver of this level must hold authority for the amount. */
  requireAuthority: z.boolean(),
});

/** An action someone took on a subject (e.g. `bank-details.change` on `vendor:V-100`), kept in the duty ledger. */
export const DutySchema = z.strictObject({ subject: z.string().min(1).max(200), action: z.string().min(1).max(100) });

/** Duties incompatible with approving here: whoever was recorded for one within `withinDays` is never eligible. */
export const DutyConflictSchema = DutySchema.extend({ withinDays: z.number().int().min(1).max(3650) });

/** What happens at the due time of a level. */
export const TIMEOUT_ACTIONS = ['expire', 'next-level', 'escalate-role', 'escalated-port'] as const;

/**
 * What `approval.request` asks the runtime for when it suspends (the step's data, reason `approval`):
 * the runtime resolves assignees, applies segregation of duties, opens tasks, and resumes the step
 * with an {@link ApprovalOutcome} added under `outcome`.
 */
export const ApprovalPlanSchema = z.strictObject({
  title: z.string().min(1).max(300),
  amount: MoneySchema.nullable(),
  /** Users who asked for this (besides the run's requester): never eligible. */
  requesters: z.array(z.string().min(1).max(100)),
  levels: z.array(ApprovalLevelSchema).min(1).max(9),
  vetoOnReject: z.boolean(),
  dueInMs: z.number().int().positive().nullable(),
  remindBeforeMs: z.number().int().positive().nullable(),
  onTimeout: z.enum(TIMEOUT_ACTIONS),
  escalationRole: z.string().min(1).max(100).nullable(),
  /** Who gets the task when no configured assignee is eligible (before an admin). */
  alternates: z.array(AssigneeSchema),
  /** Recorded for the requester(s) and every approver when the request is approved. */
  records: z.array(DutySchema),
  /** Segregation of duties across flows: those recorded for these are never eligible. */
  conflicts: z.array(DutyConflictSchema),
});

/** How an approval ended; `no_eligible_approver` fails the step (segregation of duties left nobody). */
export const APPROVAL_OUTCOMES = ['approved', 'rejected', 'escalated', 'expired', 'no_eligible_approver'] as const;

/** One decision of the chain, as the step's output records it. */
export const ApprovalDecisionRecordSchema = z.object({
  level: z.number().int(),
  decision: z.enum(['approve', 'reject']),
  by: z.string(),
  onBehalfOf: z.string().nullable(),
  comment: z.string().nullable(),
  at: z.string(),
});

/** The result the runtime hands back to the resumed step. */
export const ApprovalOutcomeSchema = z.object({
  status: z.enum(APPROVAL_OUTCOMES),
  message: z.string(),
  decisions: z.array(ApprovalDecisionRecordSchema),
  at: z.string(),
});

export type Assignee = z.output<typeof AssigneeSchema>;
export type Duty = z.output<typeof DutySchema>;
export type DutyConflict = z.output<typeof DutyConflictSchema>;
export type ApprovalLevel = z.output<typeof ApprovalLevelSchema>;
export type ApprovalPlan = z.output<typeof ApprovalPlanSchema>;
export type ApprovalOutcome = z.output<typeof ApprovalOutcomeSchema>;
export type ApprovalDecisionRecord = z.output<typeof ApprovalDecisionRecordSchema>;
export type TimeoutAction = (typeof TIMEOUT_ACTIONS)[number];
