import { z } from 'zod';
import { GraphSchema } from '../graph/index.ts';
import { LintFindingSchema } from '../lint/index.ts';
import { EmbedRestrictionsSchema } from './embed.ts';
import { TENANT_KINDS } from './tenants.ts';

/** Where a version stands: draft -> in_review -> approved -> published, or rejected. */
export const VERSION_STATUSES = ['draft', 'in_review', 'approved', 'published', 'rejected'] as const;

/** Wire form of a validation issue. */
export const ValidationIssueSchema = z.object({
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
});

/** Every error response: `{ error: { code, message, issues? } }`. */
export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(ValidationIssueSchema).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** `GET /api/health`. */
export const HealthResponseSchema = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });

/** `POST /api/auth/login` body. */
export const LoginRequestSchema = z.strictObject({ email: z.email().max(320), password: z.string().min(1).max(1000) });

/** A user as the API shows it (never a password hash). */
export const UserSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  /** Set for an embedded session: what its embed token restricts it to. */
  restrictions: EmbedRestrictionsSchema.optional(),
  /** Whether the user's tenant is a partner, a client or standalone (given at sign-in). */
  tenantKind: z.enum(TENANT_KINDS).optional(),
});

/** `POST /api/auth/login` response. */
export const LoginResponseSchema = z.object({ token: z.string(), user: UserSchema });

/** `POST /api/workflows` body. */
export const CreateWorkflowRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).optional(),
  graph: z.unknown(),
});

/** `PATCH /api/workflows/:id` body: rename or describe (neither changes what runs). */
export const UpdateWorkflowRequestSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(5000).nullable().optional(),
  })
  .refine((body) => body.name !== undefined || body.description !== undefined, { message: 'Give a name or a description' });

/** `PUT /api/workflows/:id/draft` body. */
export const UpdateDraftRequestSchema = z.strictObject({ graph: z.unknown() });

/** A workflow with its draft. */
export const WorkflowSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  draft: GraphSchema,
  draftUpdatedAt: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  latestVersion: z.number().int().nullable(),
  /** The version serving production runs and webhooks, if one is published. */
  publishedVersion: z.number().int().nullable(),
  lastRunStatus: z.string().nullable(),
});

/** A workflow as listed. */
export const WorkflowSummarySchema = WorkflowSchema.omit({ draft: true });

/** `GET /api/workflows` response. */
export const WorkflowListSchema = z.object({ items: z.array(WorkflowSummarySchema) });

/** `POST /api/workflows/:id/versions` response. */
export const VersionCreatedSchema = z.object({ version: z.number().int(), hash: z.string() });

/** An immutable version of a workflow. */
export const VersionSchema = z.object({
  workflowId: z.string(),
  version: z.number().int(),
  hash: z.string(),
  graph: GraphSchema,
  status: z.enum(VERSION_STATUSES),
  createdAt: z.string(),
  /** The version's author: never its reviewer. */
  createdBy: z.string(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  publishedBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** The version production runs and webhooks use now (the latest published). */
  live: z.boolean(),
  /** Control-lint findings recorded at submission. */
  lint: z.array(LintFindingSchema),
});

/** `GET /api/workflows/:id/versions` response. */
export const VersionListSchema = z.object({ items: z.array(VersionSchema.omit({ graph: true })) });

/** `POST /api/workflows/:id/runs` body. */
export const StartRunRequestSchema = z.strictObject({
  input: z.unknown().optional(),
  /** Production runs: a published version (the live one when omitted). Test runs: any version (the latest when omitted). */
  version: z.number().int().min(1).optional(),
  /** A test run (designers and admins): of any version, marked as a test run; never a production posting. */
  test: z.boolean().optional(),
});

/** `POST /api/workflows/:id/runs` and `POST /hooks/:workflowId` response. */
export const RunStartedSchema = z.object({ runId: z.string() });

/** Statuses of a run. */
export const RUN_STATUSES = ['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled'] as const;
/** Statuses of a step. */
export const STEP_STATUSES = ['queued', 'running', 'waiting', 'succeeded', 'failed', 'skipped', 'cancelled'] as const;

/** Wire form of a stored error. */
export const SerializedErrorSchema = z.object({
  code: z.string(),
  kind: z.string(),
  message: z.string(),
  nodeId: z.string().optional(),
  issues: z.array(ValidationIssueSchema).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** One step of a run. */
export const RunStepSchema = z.object({
  nodeId: z.string(),
  status: z.enum(STEP_STATUSES),
  attempt: z.number().int(),
  port: z.string().nullable(),
  input: z.unknown(),
  output: z.unknown(),
  error: SerializedErrorSchema.nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

/** A run with its steps. */
export const RunSchema = z.object({
  id: z.string(),
  workflowId: z.string(),
  version: z.number().int(),
  versionHash: z.string(),
  status: z.enum(RUN_STATUSES),
  trigger: z.string(),
  isTest: z.boolean(),
  input: z.unknown(),
  output: z.unknown(),
  error: SerializedErrorSchema.nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  steps: z.array(RunStepSchema),
});

/** A run as listed. */
export const RunSummarySchema = RunSchema.omit({ steps: true, input: true, output: true });

/** `GET /api/runs` response. */
export const RunListSchema = z.object({ items: z.array(RunSummarySchema) });

/** `GET /api/node-types` item. */
export const NodeTypeInfoSchema = z.object({
  type: z.string(),
  version: z.number().int(),
  category: z.string(),
  title: z.string(),
  description: z.string(),
  effect: z.enum(['pure', 'external', 'wait']),
  capabilities: z.array(z.string()),
  /** `error`: failures can be routed along edges from the `error` port. */
  ports: z.object({ in: z.array(z.string()), out: z.array(z.string()), dynamicOut: z.boolean(), error: z.boolean() }),
  configSchema: z.record(z.string(), z.unknown()),
  /** Top-level config fields taken literally: `{{ }}` there is text (e.g. code), never an expression. */
  literalFields: z.array(z.string()),
  /** Top-level config fields that name a credential of the tenant (the editor offers the tenant's credentials there). */
  credentialFields: z.array(z.string()).default([]),
});

/** `GET /api/node-types` response. */
export const NodeTypeListSchema = z.object({ items: z.array(NodeTypeInfoSchema) });

/** Wire types. */
export type HealthResponse = z.output<typeof HealthResponseSchema>;
export type LoginRequest = z.output<typeof LoginRequestSchema>;
export type LoginResponse = z.output<typeof LoginResponseSchema>;
export type UserDto = z.output<typeof UserSchema>;
export type WorkflowDto = z.output<typeof WorkflowSchema>;
export type WorkflowSummaryDto = z.output<typeof WorkflowSummarySchema>;
export type VersionDto = z.output<typeof VersionSchema>;
export type RunDto = z.output<typeof RunSchema>;
export type RunStepDto = z.output<typeof RunStepSchema>;
export type RunSummaryDto = z.output<typeof RunSummarySchema>;
export type NodeTypeInfo = z.output<typeof NodeTypeInfoSchema>;
export type RunStatus = (typeof RUN_STATUSES)[number];
export type StepStatus = (typeof STEP_STATUSES)[number];
export type ErrorResponse = z.output<typeof ErrorResponseSchema>;
