import type { Knex } from 'knex';
import type { NotificationBranding, NotifierOptions } from './notifier.ts';
import type { RenderSettings } from './outbox-rows.ts';

/** The app's URL on another host (a tenant's custom domain), keeping its path; https, default port. */
export function onHost(publicUrl: string | undefined, host: string): string {
  if (!publicUrl) return `https://${host}`;
  const url = new URL(publicUrl);
  url.protocol = 'https:';
  url.host = host;
  url.port = '';
  return url.toString().replace(/\/+$/, '');
}

/** The notifier's settings overlaid with one tenant's branding. */
export function brandedSettings(base: RenderSettings, branding: NotificationBranding): RenderSettings {
  return {
    productName: branding.productName ?? base.productName,
    publicUrl: branding.appHost ? onHost(base.publicUrl, branding.appHost) : base.publicUrl,
    support: { url: branding.supportUrl ?? base.support?.url, email: branding.supportEmail ?? base.support?.email },
    senderName: branding.productName ?? base.senderName,
  };
}

/**
 * The render settings of each tenant among the requests, read once per tenant on the enqueuing
 * connection (inside its transaction: an embedded database has one connection).
 */
export async function renderSettingsOf(
  db: Knex | Knex.Transaction,
  tenantIds: readonly string[],
  base: RenderSettings,
  branding: NotifierOptions['branding'],
): Promise<(tenantId: string) => RenderSettings> {
  const byTenant = new Map<string, RenderSettings>();
  if (branding) for (const tenantId of new Set(tenantIds)) byTenant.set(tenantId, brandedSettings(base, await branding(db, tenantId)));
  return (tenantId) => byTenant.get(tenantId) ?? base;
}
