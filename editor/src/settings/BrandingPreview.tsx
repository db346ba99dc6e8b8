import type { CSSProperties } from 'react';
import { contrastText } from '../theme/theme.ts';
import type { previewOf } from './branding-form.ts';

/** The app header drawn with a branding not saved yet: logo, product name, and both colours in use. */
export function BrandingPreview({ preview }: { preview: ReturnType<typeof previewOf> }) {
  // The same variables the theme sets on the app, scoped to the preview.
  const vars = {
    '--cs-preview-primary': preview.primaryColor,
    '--cs-preview-primary-contrast': contrastText(preview.primaryColor),
    '--cs-preview-accent': preview.accentColor,
  } as CSSProperties;
  return (
    <figure className="cs-branding-preview" style={vars} data-testid="branding-preview">
      <figcaption className="cs-field__label">
        Preview<span className="cs-visually-hidden">: {preview.productName}{preview.logoUrl ? ' with its logo' : ''}, primary colour {preview.primaryColor}, accent colour {preview.accentColor}</span>
      </figcaption>
      <div className="cs-branding-preview__header" aria-hidden="true">
        <span className="cs-branding-preview__product">
          {preview.logoUrl ? (
            <img className="cs-branding-preview__logo" src={preview.logoUrl} alt="" data-testid="branding-preview-logo" />
          ) : (
            <span className="cs-branding-preview__mark">{preview.productName.slice(0, 2)}</span>
          )}
          <span className="cs-branding-preview__name" data-testid="branding-preview-name">
            {preview.productName}
          </span>
        </span>
        <span className="cs-branding-preview__nav">
          <span className="cs-branding-preview__link cs-branding-preview__link--current">Workflows</span>
          <span className="cs-branding-preview__link">
            Inbox <span className="cs-branding-preview__count">3</span>
          </span>
        </span>
        {preview.hasSupport ? <span className="cs-branding-preview__help">Help</span> : null}
        <span className="cs-branding-preview__button">Start run</span>
      </div>
    </figure>
  );
}
