import type { Knex } from 'knex';

/**
 * Migration 0012_rate_buckets (append-only once shipped): the token bucket of each API key, in the
 * database so that every API process takes from the same bucket (a key's limit holds however many
 * processes serve it). tenant_id puts the rows behind the tenant wall like every tenant table.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('api_key_rate_buckets', (t) => {
    t.text('key_id').primary().references('api_keys.id').onDelete('CASCADE');
    t.text('tenant_id').notNullable().references('tenants.id');
    t.integer('limit_per_minute').notNullable();
    // Fractional: the bucket refills continuously.
    t.double('tokens').notNullable();
    t.timestamp('refilled_at', { useTz: true }).notNullable();
    // Whether the last take found a whole token.
    t.boolean('allowed').notNullable();
  });
}
