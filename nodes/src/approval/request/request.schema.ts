import { z } from 'zod';
import { DutySchema, MoneySchema, TIMEOUT_ACTIONS } from '@countersign/shared';
import { DURATION_PATTERN } from './duration.ts';

const userOrRole = z.string().min(1).max(100);

/**
 * An assignee: `role:<role>`, `user:<user id>`, a bare user id, or `{ role }` / `{ user }`
 * (expressions may give either form, e.g. the output of an approval matrix).
 */
export const assigneeInput = z.union([
  z.string().min(1).max(110),
  z.strictObject({ role: userOrRole }),
  z.strictObject({ user: userOrRole }),
]);

const level = z.strictObject({
  name: z.string().max(200).optional().meta({ title: 'Name', description: 'e.g. Controller' }),
  assignees: z.array(assigneeInput).min(1, 'Name at least one assignee').meta({ title: 'Assignees', description: 'role:approver, user:<id>, or an expression giving a list' }),
  quorum: z.number().int().min(1).default(1).meta({ title: 'Quorum', description: 'Distinct approvals this level needs (N of M)' }),
  requireAuthority: z.boolean().default(false).meta({ title: 'Require authority', description: "Each approver's authority limit must cover the amount" }),
});

/** A row of an approval matrix (e.g. a decision table's COLLECT result): one assignee of one level. */
export const matrixRow = z
  .looseObject({
    level: z.number().int().min(1).max(9),
    role: userOrRole.optional(),
    user: userOrRole.optional(),
    quorum: z.number().int().min(1).optional(),
  })
  .refine((row) => (row.role === undefined) !== (row.user === undefined), 'Give a role or a user for each row');

const duration = z.string().regex(DURATION_PATTERN, 'Write a duration like 30m, 48h or 5d');

/** Config of approval.request. */
export const approvalRequestConfig = z
  .strictObject({
    title: z.string().trim().min(1).max(300).meta({ title: 'Task title', description: 'What the approver sees, e.g. Invoice {{ $input.invoiceNumber }}' }),
    amount: MoneySchema.optional().meta({ title: 'Amount', description: '{ amount (minor units), currency }: checked against authority limits' }),
    requester: z
      .union([z.string().max(100), z.array(z.string().max(100))])
      .optional()
      .meta({ title: 'Requester', description: 'Who submitted it (user id): never an eligible approver' }),
    levels: z.array(level).min(1).max(9).optional().meta({ title: 'Levels', description: 'Sequential levels of the chain' }),
    matrix: z.array(matrixRow).max(100).optional().meta({ title: 'Approval matrix', description: 'Rows { level, role | user, quorum? }, e.g. {{ $input.decision.result }}' }),
    vetoOnReject: z.boolean().default(true).meta({ title: 'A rejection vetoes', description: 'Off: a level rejects only when its quorum can no longer be met' }),
    dueIn: duration.optional().meta({ title: 'Due in', description: 'Time each level has, e.g. 48h' }),
    remindBefore: duration.optional().meta({ title: 'Remind before', description: 'Reminder this long before the due time' }),
    onTimeout: z.enum(TIMEOUT_ACTIONS).default('expire').meta({ title: 'At the due time', description: 'expire, move to the next level, escalate to a role, or leave by the escalated port' }),
    escalationRole: userOrRole.optional().meta({ title: 'Escalation role', description: 'Who gets the task on escalate-role' }),
    alternate: z.array(assigneeInput).max(20).optional().meta({ title: 'Alternate', description: 'When segregation of duties leaves nobody eligible (before an admin)' }),
    records: z
      .array(DutySchema)
      .max(20)
      .optional()
      .meta({ title: 'Record duties', description: "When approved, the requester and approvers are recorded as having done this, e.g. { subject: 'vendor:{{ $input.vendorId }}', action: 'bank-details.change' }" }),
    conflicts: z
      .array(DutySchema.extend({ withinDays: z.number().int().min(1).max(3650).default(90) }))
      .max(20)
      .optional()
      .meta({ title: 'Incompatible duties', description: "Whoever was recorded for these (e.g. changed this vendor's bank details) within the window is never eligible" }),
  })
  .superRefine((config, ctx) => {
    if (config.levels === undefined && config.matrix === undefined) ctx.addIssue({ code: 'custom', path: ['levels'], message: 'Give the levels, or an approval matrix' });
    if (config.levels !== undefined && config.matrix !== undefined) ctx.addIssue({ code: 'custom', path: ['matrix'], message: 'Give the levels or an approval matrix, not both' });
    if (config.onTimeout === 'escalate-role' && config.escalationRole === undefined) ctx.addIssue({ code: 'custom', path: ['escalationRole'], message: 'Name the role to escalate to' });
    if (config.onTimeout !== 'expire' && config.dueIn === undefined) ctx.addIssue({ code: 'custom', path: ['dueIn'], message: `Set a due time for "${config.onTimeout}"` });
    if (config.remindBefore !== undefined && config.dueIn === undefined) ctx.addIssue({ code: 'custom', path: ['remindBefore'], message: 'A reminder needs a due time' });
  });

/** A parsed approval.request config. */
export type ApprovalRequestConfig = z.output<typeof approvalRequestConfig>;
/** One assignee as configured. */
export type AssigneeInput = z.output<typeof assigneeInput>;
