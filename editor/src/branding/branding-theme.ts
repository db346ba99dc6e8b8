import type { PublicBrandingDto } from '@countersign/shared';
import type { ThemeOverrides } from '../theme/theme.ts';

/** What the app shows of a branding: product name, logo, colours and where to get help. */
export type AppBranding = PublicBrandingDto;

/** The theme overrides of a branding: product name, logo and the two brand colours. */
export function brandingTheme(branding: AppBranding): ThemeOverrides {
  return {
    productName: branding.productName,
    ...(branding.logoUrl ? { logoUrl: branding.logoUrl } : {}),
    colors: { primary: branding.primaryColor, accent: branding.accentColor },
  };
}

/** The support link of a branding: its URL, else a mailto: of its address, else null. */
export function supportHref(branding: Pick<AppBranding, 'supportUrl' | 'supportEmail'>): string | null {
  if (branding.supportUrl) return branding.supportUrl;
  return branding.supportEmail ? `mailto:${branding.supportEmail}` : null;
}
