import type { Knex } from 'knex';
import type { NotificationBranding } from '../notifications/index.ts';
import { readBrandingChain } from './read-branding.ts';

/**
 * The notifier's per-tenant branding: the product name, support link and app host the tenant or
 * its partner set. Fields neither set are left out, so the notifier's own settings apply to them.
 */
export async function notificationBranding(db: Knex | Knex.Transaction, tenantId: string): Promise<NotificationBranding> {
  const { own, partner } = await readBrandingChain(db, tenantId);
  const productName = own.productName ?? partner?.productName;
  const supportUrl = own.supportUrl ?? partner?.supportUrl;
  const supportEmail = own.supportEmail ?? partner?.supportEmail;
  // Links lead to the first custom domain (the tenant's, else its partner's), where the branded app is served.
  const appHost = own.customDomains?.[0] ?? partner?.customDomains?.[0];
  return {
    ...(productName ? { productName } : {}),
    ...(supportUrl ? { supportUrl } : {}),
    ...(supportEmail ? { supportEmail } : {}),
    ...(appHost ? { appHost } : {}),
  };
}
