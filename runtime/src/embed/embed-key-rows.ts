import type { EmbedKeyDto } from '@countersign/shared';
import type { CredentialRow } from '../credentials/credential-rows.ts';
import type { SealBinding, SealedValue } from '../credentials/seal.ts';
import { iso, isoOrNull } from '../services/row-values.ts';

/** A row of `embed_keys`: the secret is sealed like a credential's value. */
export interface EmbedKeyRow {
  id: string;
  tenant_id: string;
  name: string;
  key_id: string;
  iv: string;
  ciphertext: string;
  tag: string;
  created_by: string;
  created_at: Date | string;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
}

/** The columns the API may show (never the sealed secret). */
export const EMBED_KEY_COLUMNS = ['id', 'tenant_id', 'name', 'created_by', 'created_at', 'last_used_at', 'revoked_at'] as const;

/** A row as the API lists it. */
export function toEmbedKeyDto(row: Pick<EmbedKeyRow, (typeof EMBED_KEY_COLUMNS)[number]>): EmbedKeyDto {
  return { id: row.id, name: row.name, createdBy: row.created_by, createdAt: iso(row.created_at), lastUsedAt: isoOrNull(row.last_used_at), revokedAt: isoOrNull(row.revoked_at) };
}

// Sealed under its own name, so a sealed embed secret copied into `credentials` (or back) never opens.
/** What an embed key's secret is bound to when sealed. */
export const embedKeyBinding = (tenantId: string, id: string): SealBinding => ({ tenantId, credentialId: `embed-key:${id}` });

/** The sealed columns of a secret. */
export const sealedColumns = (sealed: SealedValue): Pick<EmbedKeyRow, 'key_id' | 'iv' | 'ciphertext' | 'tag'> => ({ key_id: sealed.keyId, iv: sealed.iv, ciphertext: sealed.ciphertext, tag: sealed.tag });

/** The row in the shape the credential store opens (a text credential under the embed key's binding). */
export function asSealedCredential(row: EmbedKeyRow): CredentialRow {
  const binding = embedKeyBinding(row.tenant_id, row.id);
  return {
    id: binding.credentialId,
    tenant_id: binding.tenantId,
    name: row.name,
    kind: 'webhook_secret',
    header_name: null,
    key_id: row.key_id,
    iv: row.iv,
    ciphertext: row.ciphertext,
    tag: row.tag,
    created_by: row.created_by,
    created_at: row.created_at,
    updated_at: row.created_at,
    last_used_at: row.last_used_at,
  };
}
