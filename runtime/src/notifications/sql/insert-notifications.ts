import type { Knex } from 'knex';
import type { OutboxRow } from '../outbox-rows.ts';

/**
 * Inserts outbox rows on the caller's connection or transaction (so they commit or roll back with the
 * change that caused them); a row whose dedupe key exists already is skipped. Returns how many were new.
 */
export async function insertNotifications(db: Knex | Knex.Transaction, rows: readonly OutboxRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  // jsonb travels as text: pg would send a JS array as a PostgreSQL array.
  const values = rows.map((row) => ({ ...row, payload: JSON.stringify(row.payload) }));
  const inserted = await db('notifications').insert(values).onConflict('dedupe_key').ignore().returning('id');
  return inserted.length;
}
