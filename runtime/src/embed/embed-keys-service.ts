import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { CountersignError, type CreateEmbedKeyRequest, type EmbedKeyDto } from '@countersign/shared';
import { audited, auditEntry, serviceActor, userActor } from '../audit/audit-log.ts';
import type { CredentialStore } from '../credentials/index.ts';
import { tenantDb, type TenantDb } from '../db/tenant-db.ts';
import type { Actor } from '../services/actor.ts';
import { asSealedCredential, EMBED_KEY_COLUMNS, embedKeyBinding, sealedColumns, toEmbedKeyDto, type EmbedKeyRow } from './embed-key-rows.ts';

/** Who manages embed keys: a tenant admin, or (`service`) a partner app creating its own key at start. */
export interface EmbedKeyActor extends Actor {
  service?: boolean;
}

/** Embed signing keys of a tenant: created with a secret shown once, listed without it, revoked. */
export interface EmbedKeysService {
  /** The tenant's keys, newest first (revoked ones too, marked). */
  list(actor: EmbedKeyActor): Promise<EmbedKeyDto[]>;
  /** Creates a key; `secret` is returned this once and kept only sealed. */
  create(actor: EmbedKeyActor, input: CreateEmbedKeyRequest, now?: Date): Promise<{ id: string; secret: string; embedKey: EmbedKeyDto }>;
  /** Revokes a key now (404 for another tenant's); tokens it signed stop working at once. */
  revoke(actor: EmbedKeyActor, id: string, now?: Date): Promise<EmbedKeyDto>;
  /** The HMAC key of a live key of the tenant (UNAUTHENTICATED when unknown, another tenant's or revoked). */
  signingKey(tenantId: string, id: string, now?: Date): Promise<Uint8Array>;
}

// last_used_at is bookkeeping: written at most once a minute per key.
const TOUCH_AFTER_MS = 60_000;

const auditActor = (actor: EmbedKeyActor) => (actor.service ? serviceActor(actor.id) : userActor(actor.id));

/** Creates the service; secrets are sealed with the credential store's current key. */
export function createEmbedKeysService(knex: Knex, credentials: CredentialStore): EmbedKeysService {
  const found = async (db: TenantDb, id: string): Promise<EmbedKeyRow> => {
    const row = await db.table('embed_keys').where({ id }).first<EmbedKeyRow | undefined>();
    if (!row) throw new CountersignError('NOT_FOUND', 'Embed key not found');
    return row;
  };

  return {
    async list(actor) {
      const rows: EmbedKeyRow[] = await tenantDb(knex, actor.tenantId).table('embed_keys').select(EMBED_KEY_COLUMNS).orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id' }]);
      return rows.map(toEmbedKeyDto);
    },

    async create(actor, input, now = new Date()) {
      const id = `ek_${randomBytes(12).toString('base64url')}`;
      const secret = `cses_${randomBytes(32).toString('base64url')}`;
      const sealed = credentials.seal(embedKeyBinding(actor.tenantId, id), secret);
      const db = tenantDb(knex, actor.tenantId);
      await audited(knex, actor.tenantId, async (trx, record) => {
        await db.through(trx).insert('embed_keys', { id, name: input.name, ...sealedColumns(sealed), created_by: actor.id, created_at: now });
        record(auditEntry({ actor: auditActor(actor), action: 'embedkey.created', target: { type: 'embed_key', id }, after: { name: input.name } }));
      });
      return { id, secret, embedKey: toEmbedKeyDto(await found(db, id)) };
    },

    async revoke(actor, id, now = new Date()) {
      const db = tenantDb(knex, actor.tenantId);
      const row = await found(db, id);
      if (row.revoked_at === null) {
        await audited(knex, actor.tenantId, async (trx, record) => {
          const changed = await db.through(trx).table('embed_keys').where({ id }).whereNull('revoked_at').update({ revoked_at: now });
          // A concurrent revocation got there first: it holds the event.
          if (changed > 0) record(auditEntry({ actor: auditActor(actor), action: 'embedkey.revoked', target: { type: 'embed_key', id }, before: { name: row.name } }));
        });
      }
      return toEmbedKeyDto(await found(db, id));
    },

    async signingKey(tenantId, id, now = new Date()) {
      // Found from the token's unverified kid and iss, before anyone is signed in: a lookup, not a tenant's view.
      const row = await knex('embed_keys').where({ id, tenant_id: tenantId }).first<EmbedKeyRow | undefined>();
      if (!row) throw new CountersignError('UNAUTHENTICATED', `Unknown embed key "${id}" for tenant "${tenantId}": check the token's kid and iss`);
      if (row.revoked_at !== null) throw new CountersignError('UNAUTHENTICATED', 'The embed key that signed this token has been revoked');
      const secret = credentials.open(asSealedCredential(row));
      if (typeof secret !== 'string') throw new Error(`Embed key ${id} holds a value of the wrong shape`);
      const update: Partial<EmbedKeyRow> = {};
      // Re-sealed under the current credential key on use, so a key rotation reaches embed keys too.
      if (row.key_id !== credentials.currentKeyId) Object.assign(update, sealedColumns(credentials.seal(embedKeyBinding(tenantId, id), secret)));
      const lastUsed = row.last_used_at === null ? 0 : new Date(row.last_used_at).getTime();
      if (now.getTime() - lastUsed > TOUCH_AFTER_MS) update.last_used_at = now;
      if (Object.keys(update).length > 0) await tenantDb(knex, row.tenant_id).table('embed_keys').where({ id }).update(update);
      return new TextEncoder().encode(secret);
    },
  };
}
