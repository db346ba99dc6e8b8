import type { Knex } from 'knex';
import { verifyAuditChain, type AuditPageDto, type AuditQuery, type AuditVerifyDto, type AuditEvent } from '@countersign/shared';
import { tenantDb } from '../db/tenant-db.ts';
import type { Actor } from '../services/actor.ts';
import { toAuditEvent, type AuditRow } from './audit-rows.ts';

/** Reading and verifying a tenant's audit trail (there is no way to change or delete it). */
export interface AuditService {
  list(actor: Actor, query: AuditQuery): Promise<AuditPageDto>;
  /** Checks the whole chain of the actor's tenant. */
  verify(actor: Actor): Promise<AuditVerifyDto>;
  /** The events of one run, in chain order. */
  ofRun(tenantId: string, runId: string): Promise<AuditEvent[]>;
}

const PAGE = 2_000;

/** Creates the audit service. */
export function createAuditService(knex: Knex): AuditService {
  return {
    async list(actor, query) {
      const q = tenantDb(knex, actor.tenantId).table('audit_events');
      if (query.from) q.andWhere('occurred_at', '>=', query.from);
      if (query.to) q.andWhere('occurred_at', '<=', query.to);
      if (query.actor) q.andWhereRaw("actor->>'id' = ?", [query.actor]);
      if (query.action) q.andWhere('action', query.action);
      if (query.targetType) q.andWhere('target_type', query.targetType);
      if (query.targetId) q.andWhere('target_id', query.targetId);
      if (query.runId) q.andWhere('run_id', query.runId);
      if (query.beforeSeq) q.andWhere('seq', '<', query.beforeSeq);
      const rows: AuditRow[] = await q.orderBy('seq', 'desc').limit(query.limit + 1);
      const items = rows.slice(0, query.limit).map(toAuditEvent);
      return { items, nextBeforeSeq: rows.length > query.limit ? (items.at(-1)?.seq ?? null) : null };
    },

    async verify(actor) {
      const db = tenantDb(knex, actor.tenantId);
      // In pages, carrying the last verified link into the next page: memory stays flat for any length.
      let start = { seq: 0, hash: '0'.repeat(64) };
      let checked = 0;
      for (;;) {
        const rows: AuditRow[] = await db.table('audit_events').where('seq', '>', start.seq).orderBy('seq').limit(PAGE);
        if (rows.length === 0) return { ok: true, checked };
        const events = rows.map(toAuditEvent);
        const result = await verifyAuditChain(events, start);
        checked += result.checked;
        if (!result.ok) return { ...result, checked };
        const last = events.at(-1) as AuditEvent;
        start = { seq: last.seq, hash: last.hash };
        if (rows.length < PAGE) return { ok: true, checked };
      }
    },

    async ofRun(tenantId, runId) {
      const rows: AuditRow[] = await tenantDb(knex, tenantId).table('audit_events').where({ run_id: runId }).orderBy('seq');
      return rows.map(toAuditEvent);
    },
  };
}
