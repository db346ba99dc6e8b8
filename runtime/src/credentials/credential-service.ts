import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { CountersignError, type CreateCredentialRequest, type CredentialDto, type NodeRegistry } from '@countersign/shared';
import { audited, auditEntry, userActor } from '../audit/audit-log.ts';
import { tenantDb, type TenantDb } from '../db/tenant-db.ts';
import type { Actor } from '../services/actor.ts';
import { METADATA_COLUMNS, sealedColumns, toCredentialDto, type CredentialMetadataRow, type CredentialRow } from './credential-rows.ts';
import type { CredentialStore } from './credential-store.ts';
import { credentialUses } from './credential-uses.ts';
import { checkCredentialShape, type CredentialValue } from './credential-value.ts';

/** Credentials of the actor's tenant as the API manages them: metadata out, values only in. */
export interface CredentialService {
  list(actor: Actor): Promise<CredentialDto[]>;
  get(actor: Actor, id: string): Promise<CredentialDto>;
  /** CONFLICT when the tenant already has a credential of that name. */
  create(actor: Actor, input: CreateCredentialRequest): Promise<CredentialDto>;
  replaceValue(actor: Actor, id: string, value: CredentialValue): Promise<CredentialDto>;
  /**
   * Deletes a credential. Refused (409, with the uses) while a version that is live, pending review or
   * publication, or has unfinished runs names it; a draft that names it fails its test run instead.
   */
  remove(actor: Actor, id: string): Promise<CredentialDto>;
  /** Re-seals every credential of the tenant that is not under the current key. */
  rotate(actor: Actor): Promise<{ rotated: number; currentKeyId: string }>;
}

const notFound = (): CountersignError => new CountersignError('NOT_FOUND', 'Credential not found');

const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === '23505';

/** Creates the credential service; every mutation and its audit event commit together, without the value. */
export function createCredentialService(knex: Knex, store: CredentialStore, registry: NodeRegistry): CredentialService {
  const find = async (db: TenantDb, id: string): Promise<CredentialMetadataRow> => {
    const row = await db.table('credentials').where({ id }).first<CredentialMetadataRow | undefined>(...METADATA_COLUMNS);
    if (!row) throw notFound();
    return row;
  };

  return {
    async list(actor) {
      const rows: CredentialMetadataRow[] = await tenantDb(knex, actor.tenantId).table('credentials').select(...METADATA_COLUMNS).orderBy('name');
      return rows.map(toCredentialDto);
    },

    async get(actor, id) {
      return toCredentialDto(await find(tenantDb(knex, actor.tenantId), id));
    },

    async create(actor, input) {
      checkCredentialShape(input.kind, input.headerName, input.value);
      const db = tenantDb(knex, actor.tenantId);
      const id = randomUUID();
      const sealed = store.seal({ tenantId: actor.tenantId, credentialId: id }, input.value);
      const duplicate = (): CountersignError => new CountersignError('CONFLICT', `A credential named "${input.name}" already exists in this tenant`);
      try {
        await audited(knex, actor.tenantId, async (trx, record) => {
          const tx = db.through(trx);
          if (await tx.table('credentials').where({ name: input.name }).first('id')) throw duplicate();
          await tx.insert('credentials', { id, name: input.name, kind: input.kind, header_name: input.headerName ?? null, ...sealedColumns(sealed), created_by: actor.id });
          record(auditEntry({ actor: userActor(actor.id), action: 'credential.created', target: { type: 'credential', id }, after: { name: input.name, kind: input.kind, headerName: input.headerName ?? null, keyId: sealed.keyId } }));
        });
      } catch (error) {
        throw isUniqueViolation(error) ? duplicate() : error;
      }
      return toCredentialDto(await find(db, id));
    },

    async replaceValue(actor, id, value) {
      const db = tenantDb(knex, actor.tenantId);
      const current = await find(db, id);
      checkCredentialShape(current.kind, current.header_name, value);
      const sealed = store.seal({ tenantId: actor.tenantId, credentialId: id }, value);
      await audited(knex, actor.tenantId, async (trx, record) => {
        const updated = await db.through(trx).table('credentials').where({ id }).update({ ...sealedColumns(sealed), updated_at: new Date() });
        if (updated === 0) throw notFound();
        record(auditEntry({ actor: userActor(actor.id), action: 'credential.value_replaced', target: { type: 'credential', id }, after: { keyId: sealed.keyId } }));
      });
      return toCredentialDto(await find(db, id));
    },

    async remove(actor, id) {
      return audited(knex, actor.tenantId, async (trx, record) => {
        const tx = tenantDb(trx, actor.tenantId);
        const row = await find(tx, id);
        const uses = await credentialUses(tx, registry, row);
        if (uses.length > 0) {
          const named = uses.map((use) => `${use.workflowName} v${use.version} (${use.status.replace('_', ' ')}), node ${use.nodeId}`).join('; ');
          throw new CountersignError('CONFLICT', `The credential ${row.name} is still named by ${named}: publish versions without it (and let their runs finish) before deleting it`, {
            details: { uses },
          });
        }
        await tx.table('credentials').where({ id }).delete();
        record(auditEntry({ actor: userActor(actor.id), action: 'credential.deleted', target: { type: 'credential', id }, before: { name: row.name, kind: row.kind } }));
        return toCredentialDto(row);
      });
    },

    async rotate(actor) {
      const currentKeyId = store.currentKeyId;
      return audited(knex, actor.tenantId, async (trx, record) => {
        const tx = tenantDb(trx, actor.tenantId);
        const rows: CredentialRow[] = await tx.table('credentials').whereNot({ key_id: currentKeyId }).orderBy('id').forUpdate();
        for (const row of rows) {
          // Opening fails the whole rotation (nothing changes) when a key it needs is not held.
          const sealed = store.seal({ tenantId: actor.tenantId, credentialId: row.id }, store.open(row));
          await tx.table('credentials').where({ id: row.id }).update(sealedColumns(sealed));
        }
        const fromKeys = [...new Set(rows.map((row) => row.key_id))].sort();
        record(auditEntry({ actor: userActor(actor.id), action: 'credential.rotated', target: { type: 'tenant', id: actor.tenantId }, after: { rotated: rows.length, currentKeyId, fromKeys, credentialIds: rows.map((row) => row.id) } }));
        return { rotated: rows.length, currentKeyId };
      });
    },
  };
}
