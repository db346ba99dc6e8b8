import { ROLES, type ApiKeyDto, type Role } from '@countersign/shared';
import { iso, isoOrNull } from '../services/row-values.ts';

/** A row of `api_keys`. */
export interface ApiKeyRow {
  id: string;
  tenant_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  roles: unknown;
  rate_limit_per_minute: number;
  created_by: string;
  created_at: Date | string;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
}

/** The roles of a key's row (jsonb), keeping only roles of the permission matrix. */
export function keyRoles(row: Pick<ApiKeyRow, 'roles'>): Role[] {
  const roles: unknown[] = Array.isArray(row.roles) ? row.roles : [];
  return roles.filter((role): role is Role => (ROLES as readonly unknown[]).includes(role));
}

/** A row as the API lists it: never the hash, only the prefix. */
export function toApiKeyDto(row: ApiKeyRow): ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    roles: keyRoles(row),
    rateLimitPerMinute: Number(row.rate_limit_per_minute),
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    lastUsedAt: isoOrNull(row.last_used_at),
    revokedAt: isoOrNull(row.revoked_at),
  };
}

/** The id an API key acts under: recorded as author, requester or actor (`apikey:<id>`). */
export const apiKeyActorId = (keyId: string): string => `apikey:${keyId}`;
