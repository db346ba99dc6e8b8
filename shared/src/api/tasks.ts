import { z } from 'zod';
import { MoneySchema } from '../money/index.ts';

/** Where a task stands: open until decided, or closed when its level moved on without it. */
export const TASK_STATUSES = ['open', 'approved', 'rejected', 'cancelled', 'escalated', 'expired'] as const;
/** One task status. */
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** How the assignee came to hold the task: configured, the alternate, an admin (last resort), or an escalation. */
export const TASK_ROUTES = ['assignee', 'alternate', 'admin', 'escalation'] as const;
/** One task route. */
export type TaskRoute = (typeof TASK_ROUTES)[number];

/** A decision on a task. */
export const DecisionSchema = z.enum(['approve', 'reject']);

/** One approval task of an approver. */
export const TaskSchema = z.object({
  id: z.string(),
  runId: z.string(),
  workflowId: z.string(),
  workflowName: z.string(),
  nodeId: z.string(),
  nodeLabel: z.string(),
  title: z.string(),
  amount: MoneySchema.nullable(),
  /** 1-based level of the chain, and how many levels it has. */
  level: z.number().int(),
  levelCount: z.number().int(),
  /** Approvals the level needs. */
  quorum: z.number().int(),
  assigneeId: z.string(),
  assigneeName: z.string(),
  route: z.enum(TASK_ROUTES),
  status: z.enum(TASK_STATUSES),
  createdAt: z.string(),
  dueAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  decision: DecisionSchema.nullable(),
  decidedBy: z.string().nullable(),
  /** Set when a delegate decided for the assignee. */
  onBehalfOf: z.string().nullable(),
  comment: z.string().nullable(),
  /** Set when the caller sees this task as the delegate of its assignee. */
  delegatedFrom: z.string().nullable(),
});

/** A decision taken in the run's approval chain, for the evidence. */
export const ChainDecisionSchema = z.object({
  taskId: z.string(),
  nodeId: z.string(),
  level: z.number().int(),
  decision: DecisionSchema,
  decidedBy: z.string(),
  decidedByName: z.string(),
  onBehalfOf: z.string().nullable(),
  comment: z.string().nullable(),
  at: z.string(),
});

/** The outcome of a policy, decision-table or duplicate-check step of the run. */
export const PolicyResultSchema = z.object({
  nodeId: z.string(),
  label: z.string(),
  type: z.string(),
  port: z.string().nullable(),
  output: z.unknown(),
});

/** `GET /api/tasks/:id`: the task with what the approver needs to decide. */
export const TaskDetailSchema = TaskSchema.extend({
  evidence: z.object({
    /** The run's input (e.g. the invoice as received). */
    input: z.unknown(),
    /** What reached the approval step. */
    stepInput: z.unknown(),
    policyResults: z.array(PolicyResultSchema),
    decisions: z.array(ChainDecisionSchema),
    run: z.object({
      id: z.string(),
      status: z.string(),
      version: z.number().int(),
      versionHash: z.string(),
      requestedBy: z.string().nullable(),
      createdAt: z.string(),
    }),
  }),
  /** Approvals given so far at the task's level (quorum progress). */
  approvalsAtLevel: z.number().int(),
});

/** `GET /api/tasks`. */
export const TaskListSchema = z.object({ items: z.array(TaskSchema) });

/** `GET /api/tasks?status=open|...|all&scope=mine|all` (scope=all for admins and auditors). */
export const TaskListQuerySchema = z.object({
  status: z.enum([...TASK_STATUSES, 'all']).default('open'),
  scope: z.enum(['mine', 'all']).default('mine'),
  runId: z.string().max(100).optional(),
});

/** `POST /api/tasks/:id/decision`: a rejection needs a comment (the reason). */
export const DecisionRequestSchema = z
  .strictObject({ decision: DecisionSchema, comment: z.string().trim().max(2000).optional() })
  .superRefine((value, ctx) => {
    if (value.decision === 'reject' && (value.comment === undefined || value.comment === '')) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Give the reason for the rejection' });
    }
  });

export type TaskDto = z.output<typeof TaskSchema>;
export type TaskDetailDto = z.output<typeof TaskDetailSchema>;
export type ChainDecisionDto = z.output<typeof ChainDecisionSchema>;
export type PolicyResultDto = z.output<typeof PolicyResultSchema>;
export type TaskListQuery = z.output<typeof TaskListQuerySchema>;
export type DecisionRequest = z.output<typeof DecisionRequestSchema>;
export type Decision = z.output<typeof DecisionSchema>;
