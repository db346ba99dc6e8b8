import type { Knex } from 'knex';

/**
 * Migration 0009_templates (append-only once shipped): templates a partner publishes to its clients,
 * their immutable versions, and which template (version, parameters) a client's workflow came from.
 */
export async function up(knex: Knex): Promise<void> {
  // tenant_id is the partner's; audience is the JSON 'all' or an array of client tenant ids.
  await knex.schema.createTable('templates', (t) => {
    t.text('id').primary();
    t.text('tenant_id').notNullable().references('tenants.id');
    t.text('name').notNullable();
    t.text('description').notNullable().defaultTo('');
    t.text('category').notNullable();
    t.jsonb('audience').notNullable();
    t.integer('latest_version').notNullable();
    t.text('created_by').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['tenant_id', 'name']);
  });
  // A version's graph holds {{param:<name>}} placeholders; source_* name the published version it came from.
  await knex.schema.createTable('template_versions', (t) => {
    t.text('tenant_id').notNullable().references('tenants.id');
    t.text('template_id').notNullable().references('templates.id');
    t.integer('version').notNullable();
    t.text('source_workflow_id').notNullable().references('workflows.id');
    t.integer('source_version').notNullable();
    t.text('source_hash').notNullable();
    t.jsonb('graph').notNullable();
    // json, not jsonb: the order of the properties is the order of the form's fields.
    t.json('parameters').notNullable();
    t.text('published_by').notNullable();
    t.timestamp('published_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['template_id', 'version']);
  });
  // tenant_id is the client's (the workflow's); the parameters are kept for upgrades.
  await knex.schema.createTable('workflow_templates', (t) => {
    t.text('workflow_id').primary().references('workflows.id');
    t.text('tenant_id').notNullable().references('tenants.id');
    t.text('template_id').notNullable().references('templates.id');
    t.integer('template_version').notNullable();
    t.jsonb('parameters').notNullable();
    t.text('instantiated_by').notNullable();
    t.timestamp('instantiated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('upgraded_by');
    t.timestamp('upgraded_at', { useTz: true });
    t.index(['tenant_id', 'template_id']);
  });
}
