import type { Knex } from 'knex';
import { currentScope, scopeSetting } from './tenant-scope.ts';

/**
 * The second wall between tenants: PostgreSQL row-level security (on PGlite as on PostgreSQL).
 *
 * Every table with a `tenant_id` column gets a policy: a row is visible, and may be written, only when
 * its tenant is in the connection's `countersign.tenants` setting (or the setting is `*`, system work).
 * `tenants` rows are visible by their id or their partner's; a partner's branding and templates are
 * readable by its clients; `runtime_settings` (the runtime's own secrets) by system work only. A
 * connection without the setting sees nothing.
 *
 * Policies do not bind superusers, roles with BYPASSRLS, or (without FORCE) a table's owner. The tables
 * are FORCEd, and where the database user is a superuser or bypasses RLS, the runtime's connections
 * switch to the role `countersign_app` (NOLOGIN, no bypass), which the migrations grant what it needs.
 */

export const APP_ROLE = 'countersign_app';
const SETTING = 'countersign.tenants';

/** The policy predicate; `STABLE` so the setting is read once per statement, not once per row. */
const VISIBLE_FUNCTION = `
CREATE OR REPLACE FUNCTION countersign_tenant_visible(tenant text) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT current_setting('${SETTING}', true) = '*'
      OR tenant = ANY (string_to_array(current_setting('${SETTING}', true), ','))
$$`;

const SYSTEM_FUNCTION = `
CREATE OR REPLACE FUNCTION countersign_system() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT current_setting('${SETTING}', true) = '*'
$$`;

/**
 * The policies' name. Policies are created when missing; a change of any predicate takes a new name
 * (the old ones are dropped), so every database gets the new rules on its next start.
 */
const POLICY = 'tenant_wall_v1';
const SHARED_POLICY = 'tenant_wall_v1_partner_shared';

/** The predicate of each table that is not scoped by a plain tenant_id column. */
const SPECIAL_POLICIES: Record<string, string> = {
  // A tenant's own row and, for a partner, its clients' rows.
  tenants: 'countersign_tenant_visible(id) OR countersign_tenant_visible(parent_id)',
  runtime_settings: 'countersign_system()',
};

/**
 * What a partner shares with its clients, readable (never writable) by them: its branding, which they
 * inherit, and its templates (which client a template is for is the templates service's rule).
 */
export const SHARED_WITH_CLIENTS: readonly string[] = ['tenant_branding', 'branding_domains', 'templates', 'template_versions'];
const SHARED_PREDICATE = 'tenant_id IN (SELECT t.parent_id FROM tenants t WHERE countersign_tenant_visible(t.id))';

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Tables of the current schema with a tenant_id column. */
export async function tenantTables(knex: Knex): Promise<string[]> {
  const result = await knex.raw<{ rows: { table_name: string }[] }>(
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name`,
  );
  return result.rows.map((row) => row.table_name);
}

/**
 * Puts every tenant table behind the wall (idempotent; runs after each migration run, so a table a
 * later migration adds is covered without anyone remembering to), and creates and grants the role
 * connections switch to when the database user would bypass the policies.
 */
export async function secureTenantTables(trx: Knex.Transaction): Promise<void> {
  await trx.raw(VISIBLE_FUNCTION);
  await trx.raw(SYSTEM_FUNCTION);
  const policies: [string, string][] = [
    ...(await tenantTables(trx)).map((table): [string, string] => [table, 'countersign_tenant_visible(tenant_id)']),
    ...Object.entries(SPECIAL_POLICIES),
  ];
  const present = (
    await trx.raw<{ rows: { tablename: string; policyname: string }[] }>(
      `SELECT tablename, policyname FROM pg_policies WHERE schemaname = current_schema() AND policyname LIKE 'tenant\\_wall%'`,
    )
  ).rows;
  const has = (table: string, policy: string): boolean => present.some((row) => row.tablename === table && row.policyname === policy);
  // ALTER TABLE locks the table exclusively: a process starting beside running ones alters only what is not forced yet.
  const forced = new Set(
    (
      await trx.raw<{ rows: { relname: string }[] }>(
        `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = current_schema() AND c.relrowsecurity AND c.relforcerowsecurity`,
      )
    ).rows.map((row) => row.relname),
  );
  const wanted = new Set<string>();
  for (const [table, predicate] of policies) {
    const name = quoteIdent(table);
    if (!forced.has(table)) await trx.raw(`ALTER TABLE ${name} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY`);
    wanted.add(`${table}.${POLICY}`);
    if (!has(table, POLICY)) await trx.raw(`CREATE POLICY ${POLICY} ON ${name} USING (${predicate}) WITH CHECK (${predicate})`);
    if (SHARED_WITH_CLIENTS.includes(table)) {
      wanted.add(`${table}.${SHARED_POLICY}`);
      if (!has(table, SHARED_POLICY)) await trx.raw(`CREATE POLICY ${SHARED_POLICY} ON ${name} FOR SELECT USING (${SHARED_PREDICATE})`);
    }
  }
  for (const row of present) {
    if (!wanted.has(`${row.tablename}.${row.policyname}`)) await trx.raw(`DROP POLICY ${quoteIdent(row.policyname)} ON ${quoteIdent(row.tablename)}`);
  }
  if ((await wallRole(trx)) === undefined) return;
  // Roles are shared by every database of a cluster: several may create it at once.
  await trx.raw(`DO $$ BEGIN
      CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`);
  await trx.raw(`DO $$ BEGIN
      EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
    EXCEPTION WHEN OTHERS THEN NULL;
    END $$`);
  await trx.raw(`GRANT USAGE ON SCHEMA ${quoteIdent(await currentSchema(trx))} TO ${APP_ROLE}`);
  await trx.raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${quoteIdent(await currentSchema(trx))} TO ${APP_ROLE}`);
  await trx.raw(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${quoteIdent(await currentSchema(trx))} TO ${APP_ROLE}`);
}

/** The role connections switch to: APP_ROLE when the database user would bypass policies, else none. */
export async function wallRole(knex: Knex): Promise<string | undefined> {
  const result = await knex.raw<{ rows: { bypasses: boolean }[] }>(`SELECT rolsuper OR rolbypassrls AS bypasses FROM pg_roles WHERE rolname = current_user`);
  return result.rows[0]?.bypasses === true ? APP_ROLE : undefined;
}

async function currentSchema(knex: Knex): Promise<string> {
  const result = await knex.raw<{ rows: { schema: string }[] }>('SELECT current_schema() AS schema');
  const schema = result.rows[0]?.schema;
  if (!schema) throw new Error('No current schema: set search_path');
  return schema;
}

interface RawConnection {
  query(sql: string, values?: unknown[]): Promise<unknown>;
}

interface PooledClient {
  acquireConnection(): Promise<RawConnection>;
  releaseConnection(connection: RawConnection): Promise<unknown>;
}

/**
 * Makes every connection knex hands out carry the scope of the code asking for it: on acquire, the
 * connection's `countersign.tenants` (and, the first time, its role) is set unless it already holds that
 * value. A transaction acquires once, so its statements all run under the scope it began in.
 */
export function installTenantWall(knex: Knex, role: string | undefined): void {
  const client = knex.client as unknown as PooledClient;
  const acquire = client.acquireConnection.bind(client);
  const applied = new WeakMap<RawConnection, string>();
  client.acquireConnection = async () => {
    const connection = await acquire();
    const wanted = scopeSetting(currentScope());
    const held = applied.get(connection);
    if (held === wanted) return connection;
    try {
      if (held === undefined && role !== undefined) {
        await connection.query(`SELECT set_config('role', $1, false), set_config('${SETTING}', $2, false)`, [role, wanted]);
      } else {
        await connection.query(`SELECT set_config('${SETTING}', $1, false)`, [wanted]);
      }
    } catch (error) {
      applied.delete(connection);
      await client.releaseConnection(connection);
      throw error;
    }
    applied.set(connection, wanted);
    return connection;
  };
}
