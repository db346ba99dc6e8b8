import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { CountersignError } from '@countersign/shared';
import { tenantDb } from '../db/tenant-db.ts';
import type { CredentialKey } from './credential-keys.ts';
import { metadataOf, sealedOf, type CredentialMetadataRow, type CredentialRow } from './credential-rows.ts';
import { credentialHeader, decodeValue, encodeValue, valueText, type CredentialValue } from './credential-value.ts';
import { loadCredentialKeyring } from './key-source.ts';
import { open, seal, type SealBinding, type SealedValue } from './seal.ts';

/** How to build the credential store. */
export interface CredentialStoreOptions {
  knex: Knex;
  /** From COUNTERSIGN_CREDENTIAL_KEYS (the first seals); a key kept in the database when absent. */
  keys?: readonly CredentialKey[] | undefined;
  log: Logger;
}

/** Sealed credentials of every tenant: sealing, opening, and use by nodes and webhook triggers. */
export interface CredentialStore {
  /** The id of the key new values are sealed with. */
  readonly currentKeyId: string;
  /** Seals a credential's value under the current key, bound to its tenant and id. */
  seal(binding: SealBinding, value: CredentialValue): SealedValue;
  /** Opens a row's value with whichever held key sealed it. */
  open(row: CredentialRow): CredentialValue;
  /** A credential of the tenant by id, else by name, opened and marked used; NOT_FOUND when there is none. */
  use(tenantId: string, ref: string): Promise<{ credential: CredentialMetadataRow; value: CredentialValue }>;
  /**
   * What `ctx.secrets.get(ref)` returns to a node: the value as text (basic auth as `username:password`);
   * `header:<ref>` gives the header line it is sent in instead (`Authorization: Bearer ...`), which is how
   * connector.http learns the scheme from the credential's kind.
   */
  secret(tenantId: string, ref: string): Promise<string>;
}

/** The prefix of a secret reference that asks for the header line of a credential (see connector.http). */
export const HEADER_REF_PREFIX = 'header:';

// last_used_at is bookkeeping: written at most once a minute per credential, not on every step.
const TOUCH_AFTER_MS = 60_000;

/** Builds the store; the keyring is read (or, without configured keys, created) once, at start. */
export async function createCredentialStore(options: CredentialStoreOptions): Promise<CredentialStore> {
  const { knex } = options;
  const keyring = await loadCredentialKeyring(knex, options.keys, options.log);

  const openRow = (row: CredentialRow): CredentialValue => decodeValue(open(keyring, { tenantId: row.tenant_id, credentialId: row.id }, sealedOf(row)));

  const use: CredentialStore['use'] = async (tenantId, ref) => {
    const db = tenantDb(knex, tenantId);
    const rows: CredentialRow[] = await db.table('credentials')
      .andWhere((q) => q.where({ id: ref }).orWhere({ name: ref }))
      .limit(2);
    // An id wins over a name that happens to equal it.
    const row = rows.find((candidate) => candidate.id === ref) ?? rows[0];
    if (row === undefined) throw new CountersignError('NOT_FOUND', `No credential "${ref}" exists in this tenant`, { retryable: false });
    const value = openRow(row);
    const lastUsed = row.last_used_at === null ? 0 : new Date(row.last_used_at).getTime();
    if (Date.now() - lastUsed > TOUCH_AFTER_MS) await db.table('credentials').where({ id: row.id }).update({ last_used_at: new Date() });
    return { credential: metadataOf(row), value };
  };

  return {
    currentKeyId: keyring.current.id,
    seal: (binding, value) => seal(keyring.current, binding, encodeValue(value)),
    open: openRow,
    use,
    async secret(tenantId, ref) {
      if (ref.startsWith(HEADER_REF_PREFIX)) {
        const { credential, value } = await use(tenantId, ref.slice(HEADER_REF_PREFIX.length));
        const header = credentialHeader(credential.kind, credential.header_name, value);
        return `${header.name}: ${header.value}`;
      }
      return valueText((await use(tenantId, ref)).value);
    },
  };
}
