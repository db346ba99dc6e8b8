import { createContext, useContext } from 'react';
import { DEFAULT_BRANDING } from '@countersign/shared';
import type { AppBranding } from './branding-theme.ts';

const { customDomains: _domains, ...defaults } = DEFAULT_BRANDING;

/** The branding the app shows (support link and address live here; the visual part is in the theme). */
export const BrandingContext = createContext<AppBranding>(defaults);

/** The branding of the enclosing {@link BrandingRoot}. */
export function useBranding(): AppBranding {
  return useContext(BrandingContext);
}
