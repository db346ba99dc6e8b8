import { z } from 'zod';
import type { ValidationIssue } from '../errors/index.ts';

/** The largest logo given inline as a `data:` URL, in decoded bytes (200 KB). */
export const MAX_LOGO_BYTES = 200 * 1024;

/** The least contrast a primary colour must have against white (WCAG AA for normal text). */
export const MIN_PRIMARY_CONTRAST = 4.5;

/**
 * A tenant's own branding (`PUT /api/branding`): every field optional; an absent field is inherited
 * from the partner, else from {@link DEFAULT_BRANDING}. The shape is checked here, the content by
 * {@link brandingIssues} (so that every problem comes back at once, each with its own code).
 */
export const BrandingSchema = z.strictObject({
  productName: z.string().trim().min(1).max(80).optional(),
  /** `https://...` or `data:image/png|svg+xml;base64,...` (at most {@link MAX_LOGO_BYTES}). */
  logoUrl: z.string().max(1_000_000).optional(),
  /** `#rrggbb`, readable on white (contrast at least {@link MIN_PRIMARY_CONTRAST}:1). */
  primaryColor: z.string().max(20).optional(),
  accentColor: z.string().max(20).optional(),
  supportUrl: z.string().max(2000).optional(),
  supportEmail: z.email().max(320).optional(),
  /** Host names (no scheme, no port) whose sign-in page shows this branding; unique across tenants. */
  customDomains: z.array(z.string().max(253)).max(20).optional(),
});

/** The branding a tenant shows: its own fields, else its partner's, else the defaults. */
export const EffectiveBrandingSchema = z.object({
  productName: z.string(),
  logoUrl: z.string().nullable(),
  primaryColor: z.string(),
  accentColor: z.string(),
  supportUrl: z.string().nullable(),
  supportEmail: z.string().nullable(),
  customDomains: z.array(z.string()),
});

/**
 * `GET`/`PUT /api/branding`, `PUT /api/tenants/:id/branding`: what the tenant shows, what it set itself,
 * and what each field would be without its own value (its partner's, else Countersign's).
 */
export const TenantBrandingSchema = z.object({ effective: EffectiveBrandingSchema, own: BrandingSchema, inherited: EffectiveBrandingSchema.optional() });

/** `GET /api/public/branding`: the branding of the request's host, before sign-in (never a tenant id). */
export const PublicBrandingSchema = EffectiveBrandingSchema.omit({ customDomains: true });

/** A tenant's own branding. */
export type BrandingDto = z.output<typeof BrandingSchema>;
/** The branding a tenant shows, every field resolved. */
export type EffectiveBrandingDto = z.output<typeof EffectiveBrandingSchema>;
/** A tenant's effective and own branding. */
export type TenantBrandingDto = z.output<typeof TenantBrandingSchema>;
/** The branding of a host, as the sign-in page shows it. */
export type PublicBrandingDto = z.output<typeof PublicBrandingSchema>;

/** Countersign's own branding, shown where neither the tenant nor its partner set a field. */
export const DEFAULT_BRANDING: EffectiveBrandingDto = {
  productName: 'Countersign',
  logoUrl: null,
  primaryColor: '#1f5fbf',
  accentColor: '#0f766e',
  supportUrl: null,
  supportEmail: null,
  customDomains: [],
};

/** The effective branding: each field from the tenant, else from its partner, else the default. */
export function effectiveBranding(own: BrandingDto | null | undefined, partner?: BrandingDto | null): EffectiveBrandingDto {
  const pick = <K extends Exclude<keyof BrandingDto, 'customDomains'>>(key: K): BrandingDto[K] => own?.[key] ?? partner?.[key];
  const domains = own?.customDomains?.length ? own.customDomains : partner?.customDomains?.length ? partner.customDomains : [];
  return {
    productName: pick('productName') ?? DEFAULT_BRANDING.productName,
    logoUrl: pick('logoUrl') ?? null,
    primaryColor: pick('primaryColor') ?? DEFAULT_BRANDING.primaryColor,
    accentColor: pick('accentColor') ?? DEFAULT_BRANDING.accentColor,
    supportUrl: pick('supportUrl') ?? null,
    supportEmail: pick('supportEmail') ?? null,
    customDomains: domains,
  };
}

const HEX = /^#[0-9a-f]{6}$/i;

/** WCAG relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number): number => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/** The WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** A host name as stored and matched: lower case, without port and trailing dot; null when it is not one. */
export function normalizeHost(value: string): string | null {
  const host = value.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
  if (host.length === 0 || host.length > 253 || !host.includes('.')) return null;
  return host.split('.').every((part) => label.test(part)) ? host : null;
}

const DATA_LOGO = /^data:image\/(png|svg\+xml);base64,([A-Za-z0-9+/]*={0,2})$/;

/** Decoded size in bytes of a base64 text. */
const base64Bytes = (text: string): number => Math.floor((text.length * 3) / 4) - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);

const isHttps = (value: string): boolean => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
};

/**
 * Content rules of a branding, as issues (empty when valid): colour format, contrast of the primary
 * colour against white, logo scheme and size, https support link, host names. Paths are those of the
 * request (`['body', 'primaryColor']`). Uniqueness of domains across tenants is the runtime's check.
 */
export function brandingIssues(branding: BrandingDto): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (code: string, path: (string | number)[], message: string): void => void issues.push({ code, path: ['body', ...path], message });
  for (const key of ['primaryColor', 'accentColor'] as const) {
    const colour = branding[key];
    if (colour !== undefined && !HEX.test(colour)) add('invalid_color', [key], 'Give a colour as #rrggbb, e.g. #1f5fbf');
  }
  const primary = branding.primaryColor;
  if (primary !== undefined && HEX.test(primary)) {
    const ratio = contrastRatio(primary, '#ffffff');
    if (ratio < MIN_PRIMARY_CONTRAST) {
      add('low_contrast', ['primaryColor'], `White text on ${primary} has a contrast of ${ratio.toFixed(2)}:1; it needs at least ${MIN_PRIMARY_CONTRAST}:1 (choose a darker colour)`);
    }
  }
  const logo = branding.logoUrl;
  if (logo !== undefined) {
    const data = DATA_LOGO.exec(logo);
    if (logo.startsWith('data:') && !data) add('invalid_logo', ['logoUrl'], 'An inline logo must be data:image/png;base64,... or data:image/svg+xml;base64,...');
    else if (data?.[2] !== undefined && base64Bytes(data[2]) > MAX_LOGO_BYTES) {
      add('logo_too_large', ['logoUrl'], `The logo has ${Math.ceil(base64Bytes(data[2]) / 1024)} KB; at most ${MAX_LOGO_BYTES / 1024} KB (or link it by https)`);
    } else if (!data && !isHttps(logo)) add('invalid_logo', ['logoUrl'], 'Link the logo by an https:// URL or give it inline as a PNG or SVG data: URL');
  }
  if (branding.supportUrl !== undefined && !isHttps(branding.supportUrl)) add('invalid_url', ['supportUrl'], 'The support link must be an https:// URL');
  const seen = new Set<string>();
  (branding.customDomains ?? []).forEach((domain, i) => {
    const host = normalizeHost(domain);
    if (host === null) add('invalid_host', ['customDomains', i], `${domain} is not a host name (e.g. flows.partner.example, no scheme or path)`);
    else if (seen.has(host)) add('duplicate_domain', ['customDomains', i], `${host} is listed twice`);
    else seen.add(host);
  });
  return issues;
}
