/** White-label branding per tenant: own fields inherited from the partner, applied to the app and notifications. */
export { createBrandingService, type BrandingService } from './branding-service.ts';
export { notificationBranding } from './notification-branding.ts';
export { readEffectiveBranding } from './read-branding.ts';
export { brandedIndexPage } from './branded-index-page.ts';
