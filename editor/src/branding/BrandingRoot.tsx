import { useEffect, useMemo, type ReactNode } from 'react';
import { ThemeRoot } from '../theme/ThemeRoot.tsx';
import { BrandingContext } from './branding-context.ts';
import { brandingTheme, type AppBranding } from './branding-theme.ts';
import './branding.css';

/**
 * Applies a branding to everything inside: the theme (product name, logo, colours as CSS variables),
 * the support link, and the document title. Without a branding yet (still loading) it shows nothing
 * branded at all, so a partner's users never glimpse another name first.
 */
export function BrandingRoot({ branding, className, children }: { branding: AppBranding | null; className?: string; children: ReactNode }) {
  const theme = useMemo(() => (branding ? brandingTheme(branding) : undefined), [branding]);
  const productName = branding?.productName;
  useEffect(() => {
    if (productName) document.title = productName;
  }, [productName]);
  if (!branding) return <div className={className} aria-busy="true" />;
  return (
    <BrandingContext.Provider value={branding}>
      <ThemeRoot theme={theme} className={className}>
        {children}
      </ThemeRoot>
    </BrandingContext.Provider>
  );
}
