import type { Knex } from 'knex';

/**
 * Migration 0010_branding (append-only once shipped): each tenant's own white-label fields (absent
 * ones inherit from the partner), and the custom domains that show a tenant's branding before sign-in.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('tenant_branding', (t) => {
    t.text('tenant_id').primary().references('tenants.id');
    t.text('product_name');
    t.text('logo_url');
    t.text('primary_color');
    t.text('accent_color');
    t.text('support_url');
    t.text('support_email');
    t.text('updated_by').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  // A host maps to one tenant: the primary key makes a domain unique across tenants.
  await knex.schema.createTable('branding_domains', (t) => {
    t.text('host').primary();
    t.text('tenant_id').notNullable().references('tenants.id');
    t.integer('position').notNullable();
    t.index(['tenant_id']);
  });
}
