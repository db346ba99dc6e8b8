import { AuditEventSchema, AuditPageSchema, type AuditEvent } from '@countersign/shared';
import type { Schema } from './transport.ts';

/** An audit row the editor cannot read as an event (a malformed or tampered row): shown as such, never dropped. */
export interface UnreadableAuditEvent {
  unreadable: true;
  /** Its sequence number and id when those can be read. */
  seq: number | null;
  id: string | null;
  problem: string;
}

/** One row of the audit listing. */
export type AuditItem = AuditEvent | UnreadableAuditEvent;

/** A page of the audit trail, newest first. */
export interface AuditListing {
  items: AuditItem[];
  nextBeforeSeq: number | null;
}

/** Whether a row is a readable event. */
export function isReadable(item: AuditItem): item is AuditEvent {
  return !('unreadable' in item);
}

const PageShape = AuditPageSchema.pick({ nextBeforeSeq: true });

/**
 * `GET /api/audit` parsed event by event with shared's schema: one row that does not parse (the kind
 * of row tampering produces) is listed as unreadable instead of hiding the whole page from the auditor.
 */
export const AuditListingSchema: Schema<AuditListing> = {
  safeParse(value) {
    const page = PageShape.safeParse(value);
    const raw: unknown = typeof value === 'object' && value !== null ? (value as { items?: unknown }).items : undefined;
    if (!page.success || !Array.isArray(raw)) return { success: false, error: { issues: [{ message: 'not a page of audit events' }] } };
    const items = raw.map((item: unknown): AuditItem => {
      const parsed = AuditEventSchema.safeParse(item);
      if (parsed.success) return parsed.data;
      const fields = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
      const issue = parsed.error.issues[0];
      return {
        unreadable: true,
        seq: typeof fields['seq'] === 'number' ? fields['seq'] : null,
        id: typeof fields['id'] === 'string' ? fields['id'] : null,
        problem: issue ? `${issue.path.join('.') || 'event'}: ${issue.message}` : 'not an audit event',
      };
    });
    return { success: true, data: { items, nextBeforeSeq: page.data.nextBeforeSeq } };
  },
};
