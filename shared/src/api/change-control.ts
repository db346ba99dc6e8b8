import { z } from 'zod';
import { AuditEventSchema } from '../audit/index.ts';
import { LintFindingSchema } from '../lint/index.ts';

/** `POST /api/workflows/:id/versions/:version/approve|reject` body; a rejection needs a comment. */
export const ReviewRequestSchema = z.strictObject({ comment: z.string().trim().max(2000).optional() });

/** `POST /api/workflows/:id/versions/:version/reject` body. */
export const RejectRequestSchema = z.strictObject({ comment: z.string().trim().min(1, 'Say why the version is rejected').max(2000) });

/** `PUT /api/workflows/:id/versions/:version` body: replaces the graph of a version still in draft. */
export const EditVersionRequestSchema = z.strictObject({ graph: z.unknown() });

/** `POST /api/workflows/:id/lint` body: the graph to lint (the saved draft when absent). */
export const LintRequestSchema = z.strictObject({ graph: z.unknown().optional() });

/** `POST /api/workflows/:id/lint` response. */
export const LintResponseSchema = z.object({ findings: z.array(LintFindingSchema), blocking: z.boolean() });

// A side is absent when the field did not exist on that side (JSON has no undefined).
const FieldChangeSchema = z.object({ path: z.string(), before: z.unknown().optional(), after: z.unknown().optional() });
const NodeSummarySchema = z.object({ id: z.string(), label: z.string(), type: z.string() });
const EdgeSchema = z.object({ id: z.string(), source: z.string(), sourcePort: z.string(), target: z.string(), targetPort: z.string() });

/** `GET /api/workflows/:id/versions/:a/diff/:b`. */
export const VersionDiffSchema = z.object({
  from: z.object({ version: z.number().int(), hash: z.string(), status: z.string() }),
  to: z.object({ version: z.number().int(), hash: z.string(), status: z.string() }),
  diff: z.object({
    nodesAdded: z.array(NodeSummarySchema),
    nodesRemoved: z.array(NodeSummarySchema),
    nodesChanged: z.array(
      NodeSummarySchema.extend({
        layoutOnly: z.boolean(),
        renamed: z.object({ before: z.string(), after: z.string() }).optional(),
        changes: z.array(FieldChangeSchema),
      }),
    ),
    edgesAdded: z.array(EdgeSchema),
    edgesRemoved: z.array(EdgeSchema),
    settingsChanged: z.array(FieldChangeSchema),
    behaviourUnchanged: z.boolean(),
  }),
});

/** `GET /api/audit` query: filters and a cursor (events before `beforeSeq`, newest first). */
export const AuditQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  actor: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  targetType: z.string().max(100).optional(),
  targetId: z.string().max(200).optional(),
  runId: z.string().max(100).optional(),
  beforeSeq: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** `GET /api/audit` response, newest first; `nextBeforeSeq` pages further back. */
export const AuditPageSchema = z.object({ items: z.array(AuditEventSchema), nextBeforeSeq: z.number().int().nullable() });

/** `GET /api/audit/verify` response. */
export const AuditVerifySchema = z.object({ ok: z.boolean(), checked: z.number().int(), firstBadSeq: z.number().int().optional(), reason: z.string().optional() });

export type ReviewRequest = z.output<typeof ReviewRequestSchema>;
export type VersionDiffDto = z.output<typeof VersionDiffSchema>;
export type AuditQuery = z.output<typeof AuditQuerySchema>;
export type AuditPageDto = z.output<typeof AuditPageSchema>;
export type AuditVerifyDto = z.output<typeof AuditVerifySchema>;
export type LintResponseDto = z.output<typeof LintResponseSchema>;
