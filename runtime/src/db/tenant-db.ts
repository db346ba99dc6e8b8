import type { Knex } from 'knex';

/** A table name, optionally with an alias: `workflows` or `workflow_versions as v`. */
const TABLE_REF = /^([a-z_][a-z0-9_]*)(?:\s+as\s+([a-z_][a-z0-9_]*))?$/i;

type Row = Record<string, unknown>;

/**
 * One tenant's view of the database, the first wall between tenants: every table it gives is filtered
 * by `tenant_id`, every row it inserts is stamped with it. Services take their tenant's view once
 * (`tenantDb(knex, actor.tenantId)`) and query through it; the database's row-level security
 * (tenant-wall.ts) is the second wall behind it.
 */
export interface TenantDb {
  readonly tenantId: string;
  /** The connection or transaction the view queries through. */
  readonly db: Knex | Knex.Transaction;
  /** The tenant's rows of a table (`'table'` or `'table as alias'`). */
  table(ref: string): Knex.QueryBuilder;
  /** Inserts rows into a table for the tenant; a row naming another tenant is refused. */
  insert(table: string, rows: Row | readonly Row[]): Knex.QueryBuilder;
  /** Runs `fn` in a transaction, with the same tenant's view of it. */
  transaction<T>(fn: (tx: TenantDb) => Promise<T>): Promise<T>;
  /** The same tenant's view through another connection or transaction. */
  through(db: Knex | Knex.Transaction): TenantDb;
}

/** The view of `tenantId` through `db` (a knex instance or a transaction). */
export function tenantDb(db: Knex | Knex.Transaction, tenantId: string): TenantDb {
  if (tenantId === '') throw new Error('tenantDb needs a tenant id');
  const stamp = (row: Row): Row => {
    if (row['tenant_id'] !== undefined && row['tenant_id'] !== tenantId) {
      throw new Error(`A row for tenant ${String(row['tenant_id'])} cannot be written through the view of tenant ${tenantId}`);
    }
    return { ...row, tenant_id: tenantId };
  };
  const view: TenantDb = {
    tenantId,
    db,
    table(ref) {
      const match = TABLE_REF.exec(ref.trim());
      if (!match) throw new Error(`Not a table reference: ${ref}`);
      const name = match[2] ?? match[1];
      return db(ref).where(`${name}.tenant_id`, tenantId);
    },
    insert(table, rows) {
      const list = Array.isArray(rows) ? (rows as readonly Row[]) : [rows as Row];
      return db(table).insert(list.map(stamp));
    },
    transaction(fn) {
      return db.transaction((trx) => fn(tenantDb(trx, tenantId)));
    },
    through(other) {
      return tenantDb(other, tenantId);
    },
  };
  return view;
}
