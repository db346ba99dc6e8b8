import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';

const KEY = 'jwt_secret';

/**
 * The signing secret shared by every process on this database: the first process to start stores a
 * random one, the others (and later restarts) read it, so tokens survive restarts and work everywhere.
 */
export async function loadOrCreateJwtSecret(knex: Knex): Promise<string> {
  const candidate = randomBytes(48).toString('base64url');
  await knex('runtime_settings')
    .insert({ key: KEY, value: JSON.stringify(candidate) })
    .onConflict('key')
    .ignore();
  const row = await knex('runtime_settings').where({ key: KEY }).first<{ value: unknown } | undefined>('value');
  if (typeof row?.value !== 'string' || row.value.length < 32) throw new Error('runtime_settings.jwt_secret is missing or not a string of 32+ characters');
  return row.value;
}
