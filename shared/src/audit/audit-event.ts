import { z } from 'zod';

/** Who did it: a person, the runtime itself, or an AI step (which advises, never decides). */
export const AuditActorSchema = z.object({
  type: z.enum(['user', 'service', 'ai']),
  id: z.string(),
  /** Set when a delegate acted for someone. */
  onBehalfOf: z.string().nullable(),
});

/** What was acted on. */
export const AuditTargetSchema = z.object({ type: z.string(), id: z.string() });

/**
 * One event of a tenant's audit trail (finance-controls.md, "Audit trail"). `hash` is SHA-256 of the
 * canonical JSON (RFC 8785) of every other field, `prevHash` included; the first event of a tenant has
 * `prevHash` of 64 zeros. Changing, removing or reordering any event breaks every later link.
 */
export const AuditEventSchema = z.object({
  id: z.string(),
  seq: z.number().int().min(1),
  tenantId: z.string(),
  occurredAt: z.string(),
  actor: AuditActorSchema,
  action: z.string(),
  target: AuditTargetSchema,
  /** The state before and after (small values, or a digest such as a graph hash). */
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  correlationId: z.string().nullable(),
  runId: z.string().nullable(),
  nodeId: z.string().nullable(),
  versionHash: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});

/** The hash before a tenant's first event. */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditActor = z.output<typeof AuditActorSchema>;
export type AuditTarget = z.output<typeof AuditTargetSchema>;
export type AuditEvent = z.output<typeof AuditEventSchema>;
/** An event before it is chained: seq, prevHash and hash are assigned on append. */
export type AuditEntry = Omit<AuditEvent, 'seq' | 'prevHash' | 'hash' | 'tenantId' | 'id' | 'occurredAt'> & { occurredAt?: string };
