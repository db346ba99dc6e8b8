import type { Knex } from 'knex';
import { up as templates } from './migrations/0009_templates.ts';
import { up as branding } from './migrations/0010_branding.ts';
import { up as embedding } from './migrations/0011_embedding.ts';
import { up as rateBuckets } from './migrations/0012_rate_buckets.ts';
import { secureTenantTables } from './tenant-wall.ts';

interface Migration {
  name: string;
  up(knex: Knex): Promise<void>;
}

/**
 * The schema, in order. Migrations are append-only: a shipped migration is never edited.
 * Every table carries tenant_id so that each query can be scoped to one tenant.
 */
const MIGRATIONS: Migration[] = [
  {
    name: '0001_core',
    async up(knex) {
      await knex.schema.createTable('tenants', (t) => {
        t.text('id').primary();
        t.text('name').notNullable();
        t.text('parent_id').references('tenants.id');
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      });
      await knex.schema.createTable('users', (t) => {
        t.text('id').primary();
        t.text('tenant_id').notNullable().references('tenants.id');
        t.text('email').notNullable().unique();
        t.text('name').notNullable();
        t.text('password_hash').notNullable();
        t.jsonb('roles').notNullable().defaultTo('[]');
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      });
      await knex.schema.createTable('runtime_settings', (t) => {
        t.text('key').primary();
        t.jsonb('value').notNullable();
      });
      await knex.schema.createTable('workflows', (t) => {
        t.text('id').primary();
        t.text('tenant_id').notNullable().references('tenants.id');
        t.text('name').notNullable();
        t.text('description');
        t.jsonb('draft').notNullable();
        t.timestamp('draft_updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.text('created_by').notNullable();
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.index(['tenant_id', 'created_at']);
      });
      await knex.schema.createTable('workflow_versions', (t) => {
        t.text('tenant_id').notNullable().references('tenants.id');
        t.text('workflow_id').notNullable().references('workflows.id');
        t.integer('version').notNullable();
        t.text('hash').notNullable();
        t.jsonb('graph').notNullable();
        t.text('status').notNullable().defaultTo('draft');
        t.text('created_by').notNullable();
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.primary(['workflow_id', 'version']);
      });
      await knex.schema.createTable('runs', (t) => {
        t.text('id').primary();
        t.text('tenant_id').notNullable().references('tenants.id');
        t.text('workflow_id').notNullable().references('workflows.id');
        t.integer('version').notNullable();
        t.text('version_hash').notNullable();
        t.text('status').notNullable();
        t.text('trigger').notNullable();
        t.boolean('is_test').notNullable().defaultTo(false);
        t.jsonb('input');
        t.jsonb('output');
        t.jsonb('error');
        t.text('requested_by');
        t.integer('event_seq').notNullable().defaultTo(0);
        // Claimable work: a worker may take the run when ready_at <= now() and no live lease is held.
        t.timestamp('ready_at', { useTz: true });
        t.text('locked_by');
        t.timestamp('locked_until', { useTz: true });
        t.boolean('cancel_requested').notNullable().defaultTo(false);
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('started_at', { useTz: true });
        t.timestamp('finished_at', { useTz: true });
        t.index(['tenant_id', 'workflow_id', 'created_at']);
      });
      await knex.raw('CREATE INDEX runs_ready_idx ON runs (ready_at) WHERE ready_at IS NOT NULL');
      await knex.schema.createTable('run_steps', (t) => {
        t.text('run_id').notNullable().references('runs.id');
        t.text('node_id').notNullable();
        t.text('tenant_id').notNullable();
        t.text('status').notNullable();
        t.integer('attempt').notNullable().defaultTo(0);
        t.text('port');
        t.jsonb('input');
        t.jsonb('output');
        t.jsonb('error');
        // Suspension data of a waiting step, and when it wakes (timer) or retries (backoff).
        t.jsonb('state');
        t.timestamp('wake_at', { useTz: true });
        t.timestamp('started_at', { useTz: true });
        t.timestamp('finished_at', { useTz: true });
        t.integer('position').notNullable().defaultTo(0);
        t.primary(['run_id', 'node_id']);
      });
      await knex.schema.createTable('run_events', (t) => {
        t.text('run_id').notNullable().references('runs.id');
        t.integer('seq').notNullable();
        t.text('tenant_id').notNullable();
        t.text('type').notNullable();
        t.text('node_id');
        t.timestamp('at', { useTz: true }).notNullable();
        t.jsonb('data');
        t.primary(['run_id', 'seq']);
      });
    },
  },
  {
    name: '0002_run_takeovers',
    async up(knex) {
      // Claims that found the previous holder gone (crashed, or its lease ran out) since the last clean release.
      await knex.schema.alterTable('runs', (t) => {
        t.integer('takeovers').notNullable().defaultTo(0);
      });
    },
  },
  {
    name: '0003_authority_and_delegations',
    async up(knex) {
      // An approver's authority per currency, in integer minor units.
      await knex.schema.createTable('authority_limits', (t) => {
        t.text('tenant_id').notNullable().references('tenants.id');
        t.text('user_id').notNullable().references('users.id');
        t.specificType('currency', 'char(3)').notNullable();
        t.bigInteger('limit_minor').notNullable();
        t.text('updated_by').notNullable();
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.primary(['tenant_id', 'user_id', 'currency']);
        t.check('?? >= 0', ['limit_minor'], 'authority_limits_non_negative');
      });
      // Out-of-office delegation of one approver's authority: always bounded (ends_at is mandatory).
      await knex.schema.createTable('delegations', (t) => {
        t.text('id').primary();
        t.text('tenant_id').notNullable().references('tenants.id');
        t.text('delegator_id').notNullable().references('users.id');
        t.text('delegate_id').notNullable().references('users.id');
        t.timestamp('starts_at', { useTz: true }).notNullable();
        t.timestamp('ends_at', { useTz: true }).notNullable();
        t.text('reason').notNullable();
        t.text('created_by').notNullable();
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('revoked_at', { useTz: true });
        t.text('revoked_by');
        t.check('?? > ??', ['ends_at', 'starts_at'], 'delegations_ends_after_start');
        t.check('?? <> ??', ['delegate_id', 'delegator_id'], 'delegations_not_self');
        t.index(['tenant_id', 'delegate_id', 'ends_at']);
        t.index(['tenant_id', 'delegator_id', 'ends_at']);
      });
    },
  },
  {
    name: '0004_approvals_notifications_invoices',
    async up(knex) {
      // One approval gate reached by a run: its plan (levels, quorum, timing) and where it stands.
      await knex.schema.createTable('approval_requests', (t) => {
        t.text('run_id').notNullable().references('runs.id');
        t.text('node_id').notNullable();
        t.text('tenant_id').notNullable().references('tenants.id');
        t.text('workflow_id').notNullable();
        t.text('version_hash').notNullable();
        t.text('title').notNullable();
        t.bigInteger('amount_minor');
        t.specificType('currency', 'char(3)');
        t.jsonb('plan').notNullable();
        // Users never eligible in this request: requester(s) and the author of the running version.
        t.jsonb('excluded').notNullable().defaultTo('[]');
        t.integer('current_level').notNullable().defaultTo(0);
        t.integer('escalations').notNullable().defaultTo(0);
        t.text('status').notNullable();
        t.jsonb('outcome');
        t.timestamp('due_at', { useTz: true });
        t.timestamp('remind_at', { useTz: true });
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('decided_at', { useTz: true });
        t.primary(['run_id', 'node_id']);
        t.index(['tenant_id', 'status']);
      });
      await knex.raw("CREATE INDEX approval_requests_clock_idx ON approval_requests (LEAST(due_at, remind_at)) WHERE status = 'open'");
      // One person's share of a level: decided once, or cancelled/escalated/expired when the level moves on.
      await knex.schema.createTable('approval_tasks', (t) => {
        t.text('id').primary();
        t.text('tenant_id').notNullable().references('tenants.id');
        t.text('run_id').notNullable().references('runs.id');
        t.text('node_id').notNullable();
        t.integer('level').notNullable();
        t.text('assignee_id').notNullable().references('users.id');
        // How the assignee got the task: assignee (configured), alternate, admin or escalation.
        t.text('route').notNullable();
        t.text('status').notNullable();
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('due_at', { useTz: true });
        t.timestamp('closed_at', { useTz: true });
        t.text('decision');
        t.text('decided_by');
        t.text('on_behalf_of');
        t.text('comment');
        t.index(['tenant_id', 'assignee_id', 'status']);
        t.index(['run_id', 'node_id', 'level']);
      });
      // Attempts the runtime refused (not your task, segregation of duties, authority...), kept for audit.
      await knex.schema.createTable('approval_refusals', (t) => {
        t.text('id').primary();
        t.text('tenant_id').notNullable().references('tenants.id');
        t.text('task_id').notNullable();
        t.text('run_id');
        t.text('user_id').notNullable();
        t.text('reason').notNullable();
        t.text('message').notNullable();
        t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.index(['tenant_id', 'at']);
      });
      // Outbound notifications (email, webhook): written with the change that causes them, delivered by a dispatcher.
      await knex.schema.createTable('notifications', (t) => {
        t.text('id').primary();
        t.text('tenant_id').notNullable().references('tenants.id');
        t.text('kind').notNullable();
        t.text('channel').notNullable();
        t.text('recipient').notNullable();
        t.text('subject').notNullable();
        t.jsonb('payload').notNullable();
        t.text('status').notNullable().defaultTo('pending');
        t.integer('attempts').notNullable().defaultTo(0);
        t.timestamp('next_attempt_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.text('last_error');
        t.text('dedupe_key').notNullable().unique();
        t.text('locked_by');
        t.timestamp('locked_until', { useTz: true });
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('sent_at', { useTz: true });
      });
      await knex.raw("CREATE INDEX notifications_due_idx ON notifications (next_attempt_at) WHERE status = 'pending'");
      // The tenant's invoices as seen by duplicate checks.
      await knex.schema.createTable('invoice_history', (t) => {
        t.text('tenant_id').notNullable().references('tenants.id');
        t.text('run_id').notNullable();
        t.text('node_id').notNullable();
        t.text('invoice_id').notNullable();
        t.text('entity').notNullable();
        t.text('vendor_id').notNullable();
        t.text('invoice_number').notNullable();
        t.bigInteger('amount_minor').notNullable();
        t.specificType('currency', 'char(3)').notNullable();
        t.text('invoice_date').notNullable();
        t.boolean('is_test').notNullable().defaultTo(false);
        t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.primary(['run_id', 'node_id', 'invoice_id']);
        t.index(['tenant_id', 'entity', 'vendor_id']);
      });
    },
  },
  {
    name: '0005_duty_ledger',
    async up(knex) {
      // Who did what to which subject (e.g. changed vendor V-100's bank details), for segregation of duties across flows.
      await knex.schema.createTable('duty_ledger', (t) => {
        t.text('id').primary();
        t.text('tenant_id').notNullable().references('tenants.id');
        t.text('subject').notNullable();
        t.text('action').notNullable();
        t.text('user_id').notNullable();
        // requester or approver
        t.text('capacity').notNullable();
        t.text('run_id').notNullable();
        t.text('node_id').notNullable();
        t.timestamp('at', { useTz: true }).notNullable();
        t.index(['tenant_id', 'subject', 'action', 'at']);
      });
    },
  },
  {
    name: '0006_change_control_and_audit',
    async up(knex) {
      // Version lifecycle: draft -> in_review -> approved -> published, or rejected; who did each step.
      await knex.schema.alterTable('workflow_versions', (t) => {
        t.text('submitted_by');
        t.timestamp('submitted_at', { useTz: true });
        t.text('reviewed_by');
        t.timestamp('reviewed_at', { useTz: true });
        t.text('review_comment');
        t.text('published_by');
        t.timestamp('published_at', { useTz: true });
        t.jsonb('lint').notNullable().defaultTo('[]');
      });
      // The version production runs and webhooks use.
      await knex.schema.alterTable('workflows', (t) => {
        t.integer('published_version');
      });
      // Versions saved before change control existed stay runnable: the newest of each workflow is
      // marked published by this migration (recorded as such), the others stay drafts.
      await knex.raw(`UPDATE workflow_versions v SET status = 'published', published_by = 'migration-0006', published_at = now()
                       WHERE v.version = (SELECT max(x.version) FROM workflow_versions x WHERE x.workflow_id = v.workflow_id)`);
      await knex.raw(`UPDATE workflows w SET published_version = (SELECT max(v.version) FROM workflow_versions v WHERE v.workflow_id = w.id)`);
      // The per-tenant hash chain of every action (finance-controls.md, "Audit trail"); append-only.
      await knex.schema.createTable('audit_events', (t) => {
        t.text('tenant_id').notNullable().references('tenants.id');
        t.integer('seq').notNullable();
        t.text('id').notNullable().unique();
        t.timestamp('occurred_at', { useTz: true }).notNullable();
        t.jsonb('actor').notNullable();
        t.text('action').notNullable();
        t.text('target_type').notNullable();
        t.text('target_id').notNullable();
        t.jsonb('before');
        t.jsonb('after');
        t.text('reason');
        t.text('correlation_id');
        t.text('run_id');
        t.text('node_id');
        t.text('version_hash');
        t.text('prev_hash').notNullable();
        t.text('hash').notNullable();
        t.primary(['tenant_id', 'seq']);
        t.index(['tenant_id', 'occurred_at']);
        t.index(['tenant_id', 'run_id']);
      });
    },
  },
  {
    name: '0007_partners_credentials_api_keys',
    async up(knex) {
      // Partner -> client tenants; a standalone tenant is neither.
      await knex.schema.alterTable('tenants', (t) => {
        t.text('kind').notNullable().defaultTo('standalone');
      });
      // Credentials of connectors and webhook triggers: values sealed with AES-256-GCM under a key from the
      // environment (key_id names it, so rotation can re-seal); never returned by the API.
      await knex.schema.createTable('credentials', (t) => {
        t.text('id').primary();
        t.text('tenant_id').notNullable().references('tenants.id');
        t.text('name').notNullable();
        t.text('kind').notNullable();
        t.text('header_name');
        t.text('key_id').notNullable();
        t.text('iv').notNullable();
        t.text('ciphertext').notNullable();
        t.text('tag').notNullable();
        t.text('created_by').notNullable();
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('last_used_at', { useTz: true });
        t.unique(['tenant_id', 'name']);
      });
      // API keys: stored as a SHA-256 of the key; the key itself is shown once.
      await knex.schema.createTable('api_keys', (t) => {
        t.text('id').primary();
        t.text('tenant_id').notNullable().references('tenants.id');
        t.text('name').notNullable();
        t.text('prefix').notNullable();
        t.text('key_hash').notNullable().unique();
        t.jsonb('roles').notNullable();
        t.integer('rate_limit_per_minute').notNullable();
        t.text('created_by').notNullable();
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('last_used_at', { useTz: true });
        t.timestamp('revoked_at', { useTz: true });
        t.index(['tenant_id']);
      });
    },
  },
  {
    name: '0008_webhook_deliveries',
    async up(knex) {
      // Signed webhook deliveries by their webhook-id: a replay within a day answers with the first run.
      // run_id is null while the first delivery is starting its run.
      await knex.schema.createTable('webhook_deliveries', (t) => {
        t.text('tenant_id').notNullable().references('tenants.id');
        t.text('workflow_id').notNullable();
        t.text('webhook_id').notNullable();
        t.text('run_id');
        t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.primary(['workflow_id', 'webhook_id']);
      });
    },
  },
  // Partner features, each in its own file.
  { name: '0009_templates', up: templates },
  { name: '0010_branding', up: branding },
  { name: '0011_embedding', up: embedding },
  { name: '0012_rate_buckets', up: rateBuckets },
];

const TABLE = 'countersign_migrations';

/**
 * Applies every migration not yet applied, in one transaction under an advisory lock, then puts every
 * tenant table behind row-level security (tenant-wall.ts).
 */
export async function runMigrations(knex: Knex): Promise<void> {
  await knex.transaction(async (trx) => {
    // Several processes may start at once on one PostgreSQL: one migrates, the others wait.
    await trx.raw('SELECT pg_advisory_xact_lock(7312001)');
    // Migrations see every tenant's rows (the wall binds a database user that owns the tables, too).
    await trx.raw(`SELECT set_config('countersign.tenants', '*', true)`);
    await trx.raw(`CREATE TABLE IF NOT EXISTS ${TABLE} (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = new Set((await trx(TABLE).select('name')).map((row: { name: string }) => row.name));
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.name)) continue;
      await migration.up(trx);
      await trx(TABLE).insert({ name: migration.name });
    }
    await secureTenantTables(trx);
  });
}
