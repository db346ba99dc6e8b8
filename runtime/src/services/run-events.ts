import type { Knex } from 'knex';
import type { RunEvent, RunEventType } from '@countersign/shared';
import { iso } from './row-values.ts';

interface RunEventRow {
  run_id: string;
  seq: number;
  type: RunEventType;
  node_id: string | null;
  at: Date | string;
  data: unknown;
}

/** The most events one read returns; callers page on with the last seq. */
export const MAX_EVENTS_PER_READ = 1000;

/** A run_events row as the wire event (nodeId and data omitted when null). */
export function toRunEvent(row: RunEventRow): RunEvent {
  const event: RunEvent = { runId: row.run_id, seq: row.seq, type: row.type, at: iso(row.at) };
  if (row.node_id !== null) event.nodeId = row.node_id;
  if (row.data !== null && row.data !== undefined) event.data = row.data;
  return event;
}

/**
 * Events of a run with seq > afterSeq, in seq order. Unscoped: the caller has checked the run's
 * tenant. Seqs are committed without gaps, so reading from the last delivered seq never skips one.
 */
export async function readRunEvents(knex: Knex, runId: string, afterSeq: number, limit = MAX_EVENTS_PER_READ): Promise<RunEvent[]> {
  const rows: RunEventRow[] = await knex('run_events')
    .where('run_id', runId)
    .andWhere('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(Math.min(limit, MAX_EVENTS_PER_READ))
    .select('run_id', 'seq', 'type', 'node_id', 'at', 'data');
  return rows.map(toRunEvent);
}
