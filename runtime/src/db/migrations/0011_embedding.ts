import type { Knex } from 'knex';

/**
 * Migration 0011_embedding (append-only once shipped): embed signing keys. A partner's server signs
 * embed tokens (HS256) with a key's secret, so the secret must be kept to verify them: it is sealed
 * with the credential store's AES-256-GCM key (key_id, iv, ciphertext, tag), never stored in clear.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('embed_keys', (t) => {
    t.text('id').primary();
    t.text('tenant_id').notNullable().references('tenants.id');
    t.text('name').notNullable();
    t.text('key_id').notNullable();
    t.text('iv').notNullable();
    t.text('ciphertext').notNullable();
    t.text('tag').notNullable();
    t.text('created_by').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_used_at', { useTz: true });
    t.timestamp('revoked_at', { useTz: true });
    t.index(['tenant_id']);
  });
}
