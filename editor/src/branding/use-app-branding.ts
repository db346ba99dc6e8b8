import { useEffect, useState } from 'react';
import { DEFAULT_BRANDING } from '@countersign/shared';
import type { ApiClient } from '../api/api-client.ts';
import type { AppBranding } from './branding-theme.ts';

const { customDomains: _domains, ...DEFAULTS } = DEFAULT_BRANDING;

type BrandingSource = Pick<ApiClient, 'publicBranding' | 'tenantBranding'>;

/** Loads the branding to show: the host's (public) before sign-in, the user's tenant's after. */
export async function loadBranding(api: BrandingSource, signedIn: boolean): Promise<AppBranding> {
  if (signedIn) {
    try {
      const { customDomains: _own, ...effective } = (await api.tenantBranding()).effective;
      return effective;
    } catch {
      // A runtime without the route, or a passing failure: the host's branding is the next best.
    }
  }
  try {
    return await api.publicBranding();
  } catch {
    return DEFAULTS;
  }
}

/**
 * The branding for the current session (`key` changes with the token): null until the branding of
 * that session has loaded, so pages are not drawn under the previous one's (or the vendor's) name.
 */
export function useAppBranding(api: BrandingSource, key: string | null): AppBranding | null {
  const [loaded, setLoaded] = useState<{ key: string | null; branding: AppBranding } | null>(null);
  useEffect(() => {
    let current = true;
    void loadBranding(api, key !== null).then((branding) => {
      if (current) setLoaded({ key, branding });
    });
    return () => {
      current = false;
    };
  }, [api, key]);
  return loaded !== null && loaded.key === key ? loaded.branding : null;
}
