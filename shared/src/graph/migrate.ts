import { CountersignError } from '../errors/index.ts';
import { CURRENT_SCHEMA_VERSION } from './graph.schema.ts';

type Migration = (graph: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations from version N to N+1, keyed by N. Every change of the graph format adds one here
 * and bumps CURRENT_SCHEMA_VERSION; stored versions are migrated when they are read.
 */
const MIGRATIONS: Record<number, Migration> = {};

/** Brings a raw graph of any known schemaVersion up to the current one (unvalidated). */
export function migrateGraph(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  let graph = raw as Record<string, unknown>;
  const declared = graph['schemaVersion'];
  if (typeof declared !== 'number' || !Number.isInteger(declared)) return raw;
  if (declared > CURRENT_SCHEMA_VERSION) {
    throw new CountersignError(
      'VALIDATION_FAILED',
      `Graph schemaVersion ${declared} is newer than this runtime supports (${CURRENT_SCHEMA_VERSION})`,
      { issues: [{ code: 'schema', path: ['schemaVersion'], message: 'Unsupported schemaVersion' }] },
    );
  }
  for (let version = declared; version < CURRENT_SCHEMA_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) throw new CountersignError('INTERNAL', `No migration from schemaVersion ${version}`);
    graph = { ...step(graph), schemaVersion: version + 1 };
  }
  return graph;
}
