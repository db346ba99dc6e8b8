import { z } from 'zod';
import { GraphSchema } from '../graph/graph.schema.ts';
import { hashGraph } from '../graph/canonical.ts';
import { AuditEventSchema } from './audit-event.ts';
import { hashAuditEvent } from './audit-chain.ts';

/** An event of the chain between the run's first and last events that belongs to something else: its links only. */
export const ChainLinkSchema = z.object({ seq: z.number().int(), prevHash: z.string(), hash: z.string() });

/**
 * The evidence of one run (`GET /api/runs/:id/evidence`): the exact version that ran and who approved
 * and published it, the inputs, every step's outcome, every approval decision, the policy evaluations,
 * and the run's audit events with the chain segment around them, so that it verifies offline.
 */
export const EvidencePackSchema = z.object({
  format: z.literal('countersign.evidence/1'),
  generatedAt: z.string(),
  tenant: z.object({ id: z.string(), name: z.string() }),
  workflow: z.object({ id: z.string(), name: z.string() }),
  version: z.object({
    version: z.number().int(),
    hash: z.string(),
    status: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    submittedBy: z.string().nullable(),
    submittedAt: z.string().nullable(),
    reviewedBy: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewComment: z.string().nullable(),
    publishedBy: z.string().nullable(),
    publishedAt: z.string().nullable(),
    graph: GraphSchema,
  }),
  run: z.object({
    id: z.string(),
    status: z.string(),
    trigger: z.string(),
    isTest: z.boolean(),
    requestedBy: z.string().nullable(),
    input: z.unknown(),
    output: z.unknown(),
    error: z.unknown(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  }),
  steps: z.array(
    z.object({
      nodeId: z.string(),
      label: z.string(),
      type: z.string(),
      status: z.string(),
      port: z.string().nullable(),
      attempt: z.number().int(),
      startedAt: z.string().nullable(),
      finishedAt: z.string().nullable(),
      output: z.unknown(),
      error: z.unknown(),
    }),
  ),
  decisions: z.array(
    z.object({
      taskId: z.string(),
      nodeId: z.string(),
      level: z.number().int(),
      assigneeId: z.string(),
      decision: z.string().nullable(),
      status: z.string(),
      decidedBy: z.string().nullable(),
      onBehalfOf: z.string().nullable(),
      comment: z.string().nullable(),
      at: z.string().nullable(),
    }),
  ),
  policyEvaluations: z.array(z.object({ nodeId: z.string(), label: z.string(), type: z.string(), port: z.string().nullable(), output: z.unknown() })),
  audit: z.object({
    /** The run's events in full, and the links of the other events between them, in chain order. */
    segment: z.array(z.union([AuditEventSchema, ChainLinkSchema])),
    /** The tenant chain's head when the pack was made. */
    head: z.object({ seq: z.number().int(), hash: z.string() }),
    /** The server's verification of the whole chain when the pack was made. */
    verifiedAtGeneration: z.object({ ok: z.boolean(), checked: z.number().int(), firstBadSeq: z.number().int().optional() }),
  }),
});

/** One check of {@link verifyEvidencePack}. */
export interface EvidenceCheck {
  name: string;
  ok: boolean;
  detail: string;
}

const isFull = (entry: z.output<typeof EvidencePackSchema>['audit']['segment'][number]): entry is z.output<typeof AuditEventSchema> => 'action' in entry;

/**
 * Verifies a pack offline (no access to Countersign needed): the graph hashes to the version hash the
 * run recorded; every full audit event hashes to its `hash`; the segment links without a gap; every full
 * event belongs to this run and names its version.
 */
export async function verifyEvidencePack(raw: unknown): Promise<{ ok: boolean; checks: EvidenceCheck[] }> {
  const checks: EvidenceCheck[] = [];
  const parsed = EvidencePackSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, checks: [{ name: 'format', ok: false, detail: parsed.error.issues[0]?.message ?? 'not an evidence pack' }] };
  const pack = parsed.data;
  const graphHash = await hashGraph(pack.version.graph);
  checks.push({ name: 'version graph', ok: graphHash === pack.version.hash, detail: `SHA-256 of the graph's canonical JSON is ${graphHash}; the version hash is ${pack.version.hash}` });
  let linked = true;
  let hashed = true;
  let owned = true;
  let detail = '';
  for (const [i, entry] of pack.audit.segment.entries()) {
    const previous = pack.audit.segment[i - 1];
    if (previous && (entry.seq !== previous.seq + 1 || entry.prevHash !== previous.hash)) {
      linked = false;
      detail ||= `event ${entry.seq} does not follow event ${previous.seq}`;
    }
    if (isFull(entry)) {
      const { hash, ...rest } = entry;
      if ((await hashAuditEvent(rest)) !== hash) {
        hashed = false;
        detail ||= `event ${entry.seq} does not hash to its recorded hash (changed)`;
      }
      if (entry.runId !== pack.run.id) owned = false;
    }
  }
  const full = pack.audit.segment.filter(isFull);
  checks.push({ name: 'audit events', ok: hashed, detail: hashed ? `${full.length} events of the run hash correctly` : detail });
  checks.push({ name: 'audit chain', ok: linked, detail: linked ? `${pack.audit.segment.length} consecutive events link by prevHash` : detail });
  checks.push({ name: 'events of this run', ok: owned && full.length > 0, detail: owned ? `every full event names run ${pack.run.id}` : 'an event of another run is presented as this run' });
  return { ok: checks.every((c) => c.ok), checks };
}

export type EvidencePack = z.output<typeof EvidencePackSchema>;
