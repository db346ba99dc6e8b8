import { canonicalJson, sha256Hex } from '../graph/canonical.ts';
import { GENESIS_HASH, type AuditEvent } from './audit-event.ts';

/** The text an event's hash is taken over: canonical JSON of the event without `hash`. */
export function auditHashInput(event: Omit<AuditEvent, 'hash'>): string {
  const { id, seq, tenantId, occurredAt, actor, action, target, before, after, reason, correlationId, runId, nodeId, versionHash, prevHash } = event;
  return canonicalJson({ id, seq, tenantId, occurredAt, actor, action, target, before: before ?? null, after: after ?? null, reason, correlationId, runId, nodeId, versionHash, prevHash });
}

/** The hash of an event (SHA-256 hex of {@link auditHashInput}). */
export function hashAuditEvent(event: Omit<AuditEvent, 'hash'>): Promise<string> {
  return sha256Hex(auditHashInput(event));
}

/** The result of checking a chain: where it first breaks, if it does. */
export interface ChainVerification {
  ok: boolean;
  /** Events checked. */
  checked: number;
  /** Sequence number of the first event that does not verify (edited, missing before it, or out of order). */
  firstBadSeq?: number;
  reason?: string;
}

/**
 * Verifies events of one tenant in the order given, from `startSeq` after `startHash` (the whole chain
 * by default): each must have the next sequence number, link to the previous hash and hash correctly.
 */
export async function verifyAuditChain(events: readonly AuditEvent[], start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }): Promise<ChainVerification> {
  let expectedSeq = start.seq + 1;
  let prevHash = start.hash;
  let checked = 0;
  for (const event of events) {
    checked++;
    if (event.seq !== expectedSeq) return { ok: false, checked, firstBadSeq: Math.min(event.seq, expectedSeq), reason: `expected event ${expectedSeq}, found ${event.seq} (an event is missing or out of order)` };
    if (event.prevHash !== prevHash) return { ok: false, checked, firstBadSeq: event.seq, reason: `event ${event.seq} does not link to the hash of the event before it` };
    const { hash, ...rest } = event;
    if ((await hashAuditEvent(rest)) !== hash) return { ok: false, checked, firstBadSeq: event.seq, reason: `event ${event.seq} was changed after it was recorded (its hash does not match)` };
    prevHash = hash;
    expectedSeq++;
  }
  return { ok: true, checked };
}
