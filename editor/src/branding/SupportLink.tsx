import { useBranding } from './branding-context.ts';
import { supportHref } from './branding-theme.ts';

/** A link to the partner's (or tenant's) support, when the branding names one; nothing otherwise. */
export function SupportLink({ children = 'Help' }: { children?: string }) {
  const href = supportHref(useBranding());
  if (!href) return null;
  return (
    <a className="cs-support-link" href={href} target="_blank" rel="noreferrer" data-testid="support-link">
      {children}
    </a>
  );
}
