import type { BrandingDto } from '@countersign/shared';

/** A tenant_branding row. */
export interface BrandingRow {
  tenant_id: string;
  product_name: string | null;
  logo_url: string | null;
  primary_color: string | null;
  accent_color: string | null;
  support_url: string | null;
  support_email: string | null;
  updated_by: string;
}

/** A tenant's own branding from its row and domains (absent fields are inherited). */
export function toBranding(row: BrandingRow | undefined, domains: readonly string[]): BrandingDto {
  const branding: BrandingDto = {};
  if (row?.product_name) branding.productName = row.product_name;
  if (row?.logo_url) branding.logoUrl = row.logo_url;
  if (row?.primary_color) branding.primaryColor = row.primary_color;
  if (row?.accent_color) branding.accentColor = row.accent_color;
  if (row?.support_url) branding.supportUrl = row.support_url;
  if (row?.support_email) branding.supportEmail = row.support_email;
  if (domains.length > 0) branding.customDomains = [...domains];
  return branding;
}

/** The row of a tenant's own branding (the tenant's view stamps its tenant_id). */
export function toBrandingRow(branding: BrandingDto, updatedBy: string): Omit<BrandingRow, 'tenant_id'> {
  return {
    product_name: branding.productName ?? null,
    logo_url: branding.logoUrl ?? null,
    primary_color: branding.primaryColor?.toLowerCase() ?? null,
    accent_color: branding.accentColor?.toLowerCase() ?? null,
    support_url: branding.supportUrl ?? null,
    support_email: branding.supportEmail ?? null,
    updated_by: updatedBy,
  };
}

/** A branding as the audit trail keeps it: an inline logo by its size and start, not its bytes. */
export function auditedBranding(branding: BrandingDto): Record<string, unknown> {
  const { logoUrl, ...rest } = branding;
  if (logoUrl === undefined) return rest;
  return { ...rest, logoUrl: logoUrl.startsWith('data:') ? `${logoUrl.slice(0, logoUrl.indexOf(',') + 1)}… (${logoUrl.length} characters)` : logoUrl };
}
