import type { CredentialDto } from '@countersign/shared';
import { iso, isoOrNull } from '../services/row-values.ts';
import type { SealedValue } from './seal.ts';

/** A row of `credentials`. */
export interface CredentialRow {
  id: string;
  tenant_id: string;
  name: string;
  kind: CredentialDto['kind'];
  header_name: string | null;
  key_id: string;
  iv: string;
  ciphertext: string;
  tag: string;
  created_by: string;
  created_at: Date | string;
  updated_at: Date | string;
  last_used_at: Date | string | null;
}

/** The columns of a row that the API may show: everything but the sealed value. */
export const METADATA_COLUMNS = ['id', 'tenant_id', 'name', 'kind', 'header_name', 'key_id', 'created_by', 'created_at', 'updated_at', 'last_used_at'] as const;

/** A row without its sealed value. */
export type CredentialMetadataRow = Pick<CredentialRow, (typeof METADATA_COLUMNS)[number]>;

/** A row with the sealed value left behind. */
export function metadataOf(row: CredentialRow): CredentialMetadataRow {
  const { id, tenant_id, name, kind, header_name, key_id, created_by, created_at, updated_at, last_used_at } = row;
  return { id, tenant_id, name, kind, header_name, key_id, created_by, created_at, updated_at, last_used_at };
}

/** The API's view of a credential: never its value (not even sealed). */
export function toCredentialDto(row: CredentialMetadataRow): CredentialDto {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    headerName: row.header_name,
    keyId: row.key_id,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    lastUsedAt: isoOrNull(row.last_used_at),
  };
}

/** The sealed value of a row. */
export const sealedOf = (row: CredentialRow): SealedValue => ({ keyId: row.key_id, iv: row.iv, ciphertext: row.ciphertext, tag: row.tag });

/** The columns that store a sealed value. */
export const sealedColumns = (sealed: SealedValue): Pick<CredentialRow, 'key_id' | 'iv' | 'ciphertext' | 'tag'> => ({
  key_id: sealed.keyId,
  iv: sealed.iv,
  ciphertext: sealed.ciphertext,
  tag: sealed.tag,
});
