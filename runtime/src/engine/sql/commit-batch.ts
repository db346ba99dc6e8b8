import type { Knex } from 'knex';

const STEP_COLUMNS = `run_id text, node_id text, tenant_id text, status text, attempt int, port text, input jsonb, output jsonb,
  error jsonb, state jsonb, wake_at timestamptz, started_at timestamptz, finished_at timestamptz, position int`;
const EVENT_COLUMNS = 'run_id text, seq int, tenant_id text, type text, node_id text, at timestamptz, data jsonb';
const PATCH_COLUMNS = `id text, status text, event_seq int, ready_at timestamptz, started_at timestamptz, finished_at timestamptz,
  set_output boolean, output jsonb, set_error boolean, error jsonb, release boolean`;

/** The rows of one group commit; JSON columns as values (all rows travel as one JSON document each). */
export interface BatchRows {
  runIds: string[];
  /** Runs whose commit ends them: a cancellation requested meanwhile no longer applies to them. */
  terminalRunIds: string[];
  steps: Record<string, unknown>[];
  events: Record<string, unknown>[];
  patches: Record<string, unknown>[];
  /** Audit events of the batch, chained in advance; written only when every run of the batch is writable. */
  audit?: Record<string, unknown>[];
}

const AUDIT_COLUMNS = `tenant_id text, seq int, id text, occurred_at timestamptz, actor jsonb, action text, target_type text, target_id text,
  before jsonb, after jsonb, reason text, correlation_id text, run_id text, node_id text, version_hash text, prev_hash text, hash text`;

/**
 * Writes a group commit in ONE statement (one round trip, atomic by itself): the runs still leased
 * to this worker are locked, and only their steps, events and run rows are written; runs with a
 * pending cancellation are left for the caller. Returns the runs found leased, with that flag.
 */
export async function commitBatch(knex: Knex, workerId: string, leaseMs: number, rows: BatchRows): Promise<{ id: string; cancel_requested: boolean; audited: number }[]> {
  const result = await knex.raw<{ rows: { id: string; cancel_requested: boolean; audited: number }[] }>(
    `WITH held AS (
       SELECT id, cancel_requested FROM runs WHERE id = ANY(?::text[]) AND locked_by = ? ORDER BY id FOR UPDATE
     ), writable AS (
       SELECT id FROM held WHERE NOT cancel_requested OR id = ANY(?::text[])
     ), steps AS (
       INSERT INTO run_steps (run_id, node_id, tenant_id, status, attempt, port, input, output, error, state, wake_at, started_at, finished_at, position)
       SELECT s.run_id, s.node_id, s.tenant_id, s.status, s.attempt, s.port, s.input, s.output, s.error, s.state, s.wake_at, s.started_at, s.finished_at, s.position
         FROM jsonb_to_recordset(?::jsonb) AS s(${STEP_COLUMNS})
        WHERE s.run_id IN (SELECT id FROM writable)
       ON CONFLICT (run_id, node_id) DO UPDATE SET
         status = excluded.status, attempt = excluded.attempt, port = excluded.port, input = excluded.input, output = excluded.output,
         error = excluded.error, state = excluded.state, wake_at = excluded.wake_at, started_at = excluded.started_at,
         finished_at = excluded.finished_at, position = excluded.position
     ), events AS (
       INSERT INTO run_events (run_id, seq, tenant_id, type, node_id, at, data)
       SELECT e.run_id, e.seq, e.tenant_id, e.type, e.node_id, e.at, e.data
         FROM jsonb_to_recordset(?::jsonb) AS e(${EVENT_COLUMNS})
        WHERE e.run_id IN (SELECT id FROM writable)
     ), updated AS (
       UPDATE runs r SET
         status = p.status,
         event_seq = p.event_seq,
         -- A waiting step may have been signalled (an approval decided) while this worker held the run:
         -- its in-memory state does not know, so the earliest wake of a waiting step it did not write counts too.
         ready_at = CASE WHEN p.release AND p.status NOT IN ('succeeded', 'failed', 'cancelled') THEN LEAST(p.ready_at, (
             SELECT min(w.wake_at) FROM run_steps w
              WHERE w.run_id = r.id AND w.status = 'waiting' AND w.wake_at IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset(?::jsonb) AS x(run_id text, node_id text) WHERE x.run_id = w.run_id AND x.node_id = w.node_id)))
           ELSE p.ready_at END,
         started_at = p.started_at,
         finished_at = p.finished_at,
         output = CASE WHEN p.set_output THEN p.output ELSE r.output END,
         error = CASE WHEN p.set_error THEN p.error ELSE r.error END,
         locked_by = CASE WHEN p.release THEN NULL ELSE r.locked_by END,
         locked_until = CASE WHEN p.release THEN NULL ELSE now() + (? * interval '1 millisecond') END,
         takeovers = CASE WHEN p.release THEN 0 ELSE r.takeovers END
       FROM jsonb_to_recordset(?::jsonb) AS p(${PATCH_COLUMNS})
       WHERE r.id = p.id AND r.id IN (SELECT id FROM writable)
     ), audit AS (
       -- All or nothing: the events were chained for the whole batch, so a run that is not writable
       -- (lease lost, cancellation pending) leaves them unwritten and the caller appends the rest.
       INSERT INTO audit_events (tenant_id, seq, id, occurred_at, actor, action, target_type, target_id, before, after, reason, correlation_id, run_id, node_id, version_hash, prev_hash, hash)
       SELECT a.tenant_id, a.seq, a.id, a.occurred_at, a.actor, a.action, a.target_type, a.target_id, a.before, a.after, a.reason, a.correlation_id, a.run_id, a.node_id, a.version_hash, a.prev_hash, a.hash
         FROM jsonb_to_recordset(?::jsonb) AS a(${AUDIT_COLUMNS})
        WHERE (SELECT count(*) FROM writable) = ?
       RETURNING 1
     )
     SELECT id, cancel_requested, (SELECT count(*) FROM audit)::int AS audited FROM held`,
    [rows.runIds, workerId, rows.terminalRunIds, JSON.stringify(rows.steps), JSON.stringify(rows.events), JSON.stringify(rows.steps), leaseMs, JSON.stringify(rows.patches), JSON.stringify(rows.audit ?? []), rows.runIds.length],
  );
  return result.rows;
}

/** Inserts or updates step rows inside a transaction (the cancellation path). */
export async function upsertSteps(trx: Knex.Transaction, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  await trx.raw(
    `INSERT INTO run_steps (run_id, node_id, tenant_id, status, attempt, port, input, output, error, state, wake_at, started_at, finished_at, position)
     SELECT * FROM jsonb_to_recordset(?::jsonb) AS s(${STEP_COLUMNS})
     ON CONFLICT (run_id, node_id) DO UPDATE SET
       status = excluded.status, attempt = excluded.attempt, port = excluded.port, input = excluded.input, output = excluded.output,
       error = excluded.error, state = excluded.state, wake_at = excluded.wake_at, started_at = excluded.started_at,
       finished_at = excluded.finished_at, position = excluded.position`,
    [JSON.stringify(rows)],
  );
}

/** Appends run events inside a transaction (the cancellation path). */
export async function insertEvents(trx: Knex.Transaction, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  await trx.raw(`INSERT INTO run_events (run_id, seq, tenant_id, type, node_id, at, data) SELECT * FROM jsonb_to_recordset(?::jsonb) AS e(${EVENT_COLUMNS})`, [JSON.stringify(rows)]);
}
