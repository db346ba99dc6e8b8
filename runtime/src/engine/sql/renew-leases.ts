import type { Knex } from 'knex';

/** Extends this worker's leases on the runs it is working on; returns those whose cancellation was requested. */
export async function renewLeases(knex: Knex, workerId: string, runIds: string[], leaseMs: number): Promise<{ held: Set<string>; cancelRequested: Set<string> }> {
  if (runIds.length === 0) return { held: new Set(), cancelRequested: new Set() };
  const result = await knex.raw<{ rows: { id: string; cancel_requested: boolean }[] }>(
    `UPDATE runs SET locked_until = now() + (? * interval '1 millisecond')
      WHERE locked_by = ? AND id = ANY(?)
      RETURNING id, cancel_requested`,
    [leaseMs, workerId, runIds],
  );
  return {
    held: new Set(result.rows.map((row) => row.id)),
    cancelRequested: new Set(result.rows.filter((row) => row.cancel_requested).map((row) => row.id)),
  };
}

/** Gives up this worker's leases (graceful stop): the runs become claimable at once by any process. */
export async function releaseLeases(knex: Knex, workerId: string): Promise<number> {
  return knex('runs').where({ locked_by: workerId }).update({ locked_by: null, locked_until: null });
}
