import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';
import { runMigrations } from './migrations.ts';
import { installTenantWall, wallRole } from './tenant-wall.ts';

// Return int8 (bigint) and numeric as numbers: counts and sequence numbers stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

/** Which database a runtime is on. */
export type Dialect = 'pglite' | 'postgres';

/** A connected, migrated database. */
export interface Database {
  knex: Knex;
  dialect: Dialect;
  close(): Promise<void>;
}

/** Where to connect: PostgreSQL when `databaseUrl` is set, else PGlite in `dataDir` (or in memory). */
export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** Folder of the embedded database; `:memory:` keeps it in memory (tests). */
  dataDir?: string;
  /** PostgreSQL pool size. */
  poolMax?: number;
  /** Run migrations on connect (default true). */
  migrate?: boolean;
}

/** Connects to PostgreSQL or PGlite and runs migrations. */
export async function connectDatabase(options: DatabaseOptions): Promise<Database> {
  let knex: Knex;
  let dialect: Dialect;
  if (options.databaseUrl) {
    dialect = 'postgres';
    knex = knexFactory({
      client: 'pg',
      connection: options.databaseUrl,
      pool: { min: 0, max: options.poolMax ?? 10 },
    });
  } else {
    dialect = 'pglite';
    const dataDir = options.dataDir ?? './data';
    const filename = dataDir === ':memory:' ? undefined : resolve(dataDir, 'pglite');
    if (filename !== undefined) mkdirSync(filename, { recursive: true });
    knex = knexFactory({ client: ClientPgLite, dialect: 'postgres', connection: filename === undefined ? {} : { filename } });
  }
  if (options.migrate !== false) await runMigrations(knex);
  // From here on, every connection carries the tenant scope of the code using it (row-level security).
  installTenantWall(knex, await wallRole(knex));
  return { knex, dialect, close: () => knex.destroy() };
}
