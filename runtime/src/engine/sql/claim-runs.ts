import type { Knex } from 'knex';

/** A run row as claimed by a worker. */
export interface ClaimedRun {
  id: string;
  tenant_id: string;
  workflow_id: string;
  version: number;
  version_hash: string;
  status: string;
  is_test: boolean;
  event_seq: number;
  started_at: Date | null;
  /** Consecutive claims that took the run over from a holder that vanished without releasing it. */
  takeovers: number;
}

/**
 * Claims up to `limit` runs that have due work and no live lease. SKIP LOCKED lets any number of
 * processes claim concurrently without waiting on each other; an expired lease (a process that died)
 * makes the run claimable again.
 */
export async function claimRuns(knex: Knex, workerId: string, limit: number, leaseMs: number): Promise<ClaimedRun[]> {
  const result = await knex.raw<{ rows: ClaimedRun[] }>(
    `UPDATE runs SET locked_by = ?, locked_until = now() + (? * interval '1 millisecond'),
            takeovers = takeovers + CASE WHEN locked_by IS NULL THEN 0 ELSE 1 END
      WHERE id IN (
        SELECT id FROM runs
         WHERE ready_at <= now() AND (locked_until IS NULL OR locked_until < now())
         ORDER BY ready_at
         LIMIT ?
         FOR UPDATE SKIP LOCKED)
      RETURNING id, tenant_id, workflow_id, version, version_hash, status, is_test, event_seq, started_at, takeovers`,
    [workerId, leaseMs, limit],
  );
  return result.rows;
}
