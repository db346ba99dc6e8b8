import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { CountersignError, ROLES, type ApiKeyDto, type CreateApiKeyRequest } from '@countersign/shared';
import { audited, auditEntry, userActor } from '../audit/audit-log.ts';
import { tenantDb, type TenantDb } from '../db/tenant-db.ts';
import type { Actor } from '../services/actor.ts';
import { toApiKeyDto, type ApiKeyRow } from './api-key-rows.ts';
import { generateApiKey } from './api-key-secret.ts';

/** Who manages keys: the actor plus their roles (a key never gets a role its creator lacks). */
export interface ApiKeyActor extends Actor {
  roles: readonly string[];
}

/** API keys of a tenant for server-to-server use: listed without the key, created once, revoked. */
export interface ApiKeysService {
  /** The tenant's keys, newest first (revoked ones too, marked). */
  list(actor: ApiKeyActor): Promise<ApiKeyDto[]>;
  /** Creates a key; `key` is returned this once and stored only as its SHA-256. */
  create(actor: ApiKeyActor, input: CreateApiKeyRequest, now?: Date): Promise<{ key: string; apiKey: ApiKeyDto }>;
  /** Revokes a key now (404 for another tenant's key); revoking twice keeps the first revocation. */
  revoke(actor: ApiKeyActor, id: string, now?: Date): Promise<ApiKeyDto>;
}

/** The roles an actor may put on a key: any for an admin, else only those the actor holds. */
function grantable(actor: ApiKeyActor): readonly string[] {
  return actor.roles.includes('admin') ? ROLES : actor.roles;
}

/** Creates the API keys service. */
export function createApiKeysService(knex: Knex): ApiKeysService {
  const find = async (db: TenantDb, id: string): Promise<ApiKeyRow> => {
    const row = await db.table('api_keys').where({ id }).first<ApiKeyRow | undefined>();
    if (!row) throw new CountersignError('NOT_FOUND', 'API key not found');
    return row;
  };

  return {
    async list(actor) {
      const rows: ApiKeyRow[] = await tenantDb(knex, actor.tenantId).table('api_keys').orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id' }]);
      return rows.map(toApiKeyDto);
    },

    async create(actor, input, now = new Date()) {
      const allowed = grantable(actor);
      const refused = input.roles.filter((role) => !allowed.includes(role));
      if (refused.length > 0) {
        throw new CountersignError('FORBIDDEN', `You cannot grant roles you do not hold: ${refused.join(', ')}`, {
          issues: [{ code: 'forbidden', path: ['body', 'roles'], message: `Not yours to grant: ${refused.join(', ')}` }],
        });
      }
      const db = tenantDb(knex, actor.tenantId);
      const roles = [...new Set(input.roles)];
      const { key, prefix, hash } = generateApiKey();
      const row: Omit<ApiKeyRow, 'tenant_id'> = {
        id: randomUUID(),
        name: input.name,
        prefix,
        key_hash: hash,
        roles,
        rate_limit_per_minute: input.rateLimitPerMinute,
        created_by: actor.id,
        created_at: now,
        last_used_at: null,
        revoked_at: null,
      };
      await audited(knex, actor.tenantId, async (trx, record) => {
        await db.through(trx).insert('api_keys', { ...row, roles: JSON.stringify(roles) });
        // The prefix identifies the key; neither the key nor its hash goes into the trail.
        const after = { name: row.name, prefix, roles, rateLimitPerMinute: row.rate_limit_per_minute };
        record(auditEntry({ actor: userActor(actor.id), action: 'apikey.created', target: { type: 'api_key', id: row.id }, after }));
      });
      return { key, apiKey: toApiKeyDto(await find(db, row.id)) };
    },

    async revoke(actor, id, now = new Date()) {
      const db = tenantDb(knex, actor.tenantId);
      const row = await find(db, id);
      if (row.revoked_at === null) {
        await audited(knex, actor.tenantId, async (trx, record) => {
          const changed = await db.through(trx).table('api_keys').where({ id }).whereNull('revoked_at').update({ revoked_at: now });
          // A concurrent revocation got there first: it holds the event.
          if (changed > 0) record(auditEntry({ actor: userActor(actor.id), action: 'apikey.revoked', target: { type: 'api_key', id }, before: { name: row.name, prefix: row.prefix } }));
        });
      }
      return toApiKeyDto(await find(db, id));
    },
  };
}
