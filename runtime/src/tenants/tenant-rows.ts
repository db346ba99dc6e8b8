import type { TenantDto } from '@countersign/shared';
import { iso } from '../services/row-values.ts';

/** A tenants row. */
export interface TenantRow {
  id: string;
  name: string;
  kind: TenantDto['kind'];
  parent_id: string | null;
  created_at: Date | string;
}

/** A tenant as the API shows it. */
export function toTenant(row: TenantRow): TenantDto {
  return { id: row.id, name: row.name, kind: row.kind, parentId: row.parent_id, createdAt: iso(row.created_at) };
}
