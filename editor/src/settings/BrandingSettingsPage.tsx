import { useEffect, useId, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { can, MAX_LOGO_BYTES, MIN_PRIMARY_CONTRAST, type ValidationIssue } from '@countersign/shared';
import type { ApiClient } from '../api/api-client.ts';
import { ApiError, errorMessage } from '../api/api-error.ts';
import { AppHeader } from '../app/AppHeader.tsx';
import type { Session } from '../app/session.ts';
import type { brandingApi } from '../branding/branding-api.ts';
import {
  BRANDING_FIELDS,
  checkBranding,
  fieldOfIssue,
  inheritedOf,
  inheritedPlaceholder,
  messagesByField,
  ownOf,
  previewOf,
  valuesOf,
  type BrandingField,
  type BrandingValues,
  type InheritedValues,
} from './branding-form.ts';
import { BrandingPreview } from './BrandingPreview.tsx';
import { SettingsNav } from './SettingsNav.tsx';
import '../pages/pages.css';
import './settings.css';
import './settings-pages.css';

/** What the branding page needs of the client. */
export type BrandingSettingsApi = Pick<ReturnType<typeof brandingApi>, 'tenantBranding' | 'updateBranding'> & Pick<ApiClient, 'listTasks'>;

type Load = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

const FIELD_UI: Record<BrandingField, { label: string; hint: string }> = {
  productName: { label: 'Product name', hint: 'In the header, the page title and the emails.' },
  logoUrl: { label: 'Logo URL', hint: `An https:// link, or a PNG or SVG as a data: URL of at most ${MAX_LOGO_BYTES / 1024} KB.` },
  primaryColor: { label: 'Primary colour', hint: `#rrggbb. Buttons put white text on it, so it needs a contrast of at least ${MIN_PRIMARY_CONTRAST}:1 against white.` },
  accentColor: { label: 'Accent colour', hint: '#rrggbb. It marks the header and the current page, and never carries text.' },
  supportUrl: { label: 'Support URL', hint: 'An https:// link behind “Help”.' },
  supportEmail: { label: 'Support email', hint: '“Help” writes to it when there is no support URL.' },
  customDomains: { label: 'Custom domains', hint: 'One host name per line, e.g. flows.partner.example: its sign-in page shows this branding. Each domain belongs to one tenant.' },
};

const HEX = /^#[0-9a-f]{6}$/i;

/**
 * The tenant's own branding: each field, empty to inherit (the placeholder says what), checked as it is
 * typed and pinned with the runtime's refusals, beside a preview of the header. Only admins save.
 */
export function BrandingSettingsPage({ api, session, onSignOut }: { api: BrandingSettingsApi; session: Session; onSignOut(): void }) {
  const id = useId();
  const canManage = can(session.user.roles, 'branding.manage');
  // Only a partner's client inherits something other than the defaults.
  const hasPartner = session.user.tenantKind === 'client';
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [values, setValues] = useState<BrandingValues>(() => valuesOf({}));
  const [inherited, setInherited] = useState<InheritedValues>({});
  /** Issues found outside the live checks (the runtime's answer, a picked file), until their field changes. */
  const [reported, setReported] = useState<ValidationIssue[]>([]);
  const [error, setError] = useState<{ message: string; pinned: boolean } | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let active = true;
    api.tenantBranding().then(
      (tenant) => {
        if (!active) return;
        setValues(valuesOf(tenant.own));
        setInherited(inheritedOf(tenant, hasPartner));
        setLoad({ kind: 'ready' });
      },
      (caught: unknown) => active && setLoad({ kind: 'error', message: errorMessage(caught) }),
    );
    return () => {
      active = false;
    };
  }, [api, hasPartner]);

  const own = useMemo(() => ownOf(values), [values]);
  const live = useMemo(() => checkBranding(own), [own]);
  const messages = useMemo(() => messagesByField([...live, ...reported], values.customDomains), [live, reported, values.customDomains]);
  const preview = previewOf(values, inherited, messages);
  const readOnly = !canManage || busy;

  const change = (field: BrandingField, value: string): void => {
    setValues((current) => ({ ...current, [field]: value }));
    setReported((issues) => issues.filter((issue) => fieldOfIssue(issue.path) !== field));
    setSaved(false);
    setError(null);
  };

  const pickLogo = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_LOGO_BYTES) {
      // Not read at all: a large file would fill the field with megabytes of base64.
      setReported((issues) => [
        ...issues.filter((issue) => fieldOfIssue(issue.path) !== 'logoUrl'),
        { code: 'logo_too_large', path: ['body', 'logoUrl'], message: `${file.name} has ${Math.ceil(file.size / 1024)} KB; at most ${MAX_LOGO_BYTES / 1024} KB (or link it by https)` },
      ]);
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      if (typeof reader.result === 'string') change('logoUrl', reader.result);
    };
    reader.readAsDataURL(file);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!canManage || busy) return;
    setSaved(false);
    if (live.length > 0) {
      setError({ message: 'Nothing was saved: correct the highlighted fields first.', pinned: false });
      return;
    }
    setBusy(true);
    setError(null);
    setReported([]);
    try {
      const tenant = await api.updateBranding(own);
      // The runtime normalises host names: show what it kept.
      setValues(valuesOf(tenant.own));
      setInherited((known) => inheritedOf(tenant, hasPartner, known));
      setSaved(true);
    } catch (caught) {
      const issues = caught instanceof ApiError ? caught.issues : [];
      setReported(issues);
      setError({ message: errorMessage(caught), pinned: issues.some((issue) => fieldOfIssue(issue.path) !== null) });
    } finally {
      setBusy(false);
    }
  };

  const renderField = (field: BrandingField) => {
    const ui = FIELD_UI[field];
    const fieldMessages = messages[field] ?? [];
    const inputId = `${id}-${field}`;
    const describedBy = [`${inputId}-hint`, fieldMessages.length > 0 ? `${inputId}-issues` : null].filter(Boolean).join(' ');
    const common = {
      id: inputId,
      className: 'cs-input',
      value: values[field],
      placeholder: inheritedPlaceholder(inherited, field),
      readOnly,
      spellCheck: false,
      'aria-invalid': fieldMessages.length > 0 ? true : undefined,
      'aria-describedby': describedBy,
      'data-testid': `branding-${field}`,
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => change(field, event.target.value),
    };
    const colour = field === 'primaryColor' || field === 'accentColor';
    return (
      <div key={field} className="cs-settings-field">
        <label className="cs-field__label" htmlFor={inputId}>
          {ui.label}
        </label>
        {field === 'customDomains' ? (
          <textarea {...common} rows={3} autoCapitalize="off" />
        ) : colour ? (
          <div className="cs-branding-colour">
            <input {...common} type="text" autoComplete="off" maxLength={20} />
            <input
              type="color"
              className="cs-branding-colour__picker"
              aria-label={`Pick the ${ui.label.toLowerCase()}`}
              disabled={readOnly}
              value={(HEX.test(values[field].trim()) ? values[field].trim() : field === 'primaryColor' ? preview.primaryColor : preview.accentColor).toLowerCase()}
              onChange={(event) => change(field, event.target.value)}
            />
          </div>
        ) : (
          <input {...common} type={field === 'supportEmail' ? 'email' : 'text'} autoComplete="off" maxLength={field === 'productName' ? 80 : undefined} />
        )}
        {field === 'logoUrl' && canManage ? (
          <label className="cs-branding-upload">
            <span>Or upload a PNG or SVG:</span>
            <input type="file" accept="image/png,image/svg+xml" disabled={busy} onChange={pickLogo} data-testid="branding-logo-file" />
          </label>
        ) : null}
        <p id={`${inputId}-hint`} className="cs-settings-hint cs-muted">
          {ui.hint}
        </p>
        {fieldMessages.length > 0 ? (
          <ul id={`${inputId}-issues`} className="cs-settings-issues cs-error-text">
            {fieldMessages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  };

  return (
    <div className="cs-app-page">
      <AppHeader user={session.user} api={api} current="settings" onSignOut={onSignOut} />
      <main className="cs-list">
        <SettingsNav current="branding" />
        <div className="cs-list__head">
          <h1>Branding</h1>
        </div>
        <p className="cs-muted cs-settings-intro">
          How the app, its sign-in page and its emails look to your users. An empty field inherits {hasPartner ? 'the branding of your partner' : 'the default'}: its placeholder shows what.
        </p>
        {!canManage ? <p className="cs-settings-notice">Only admins can change the branding; you see it read-only.</p> : null}
        {load.kind === 'loading' ? <p className="cs-muted">Loading the branding…</p> : null}
        {load.kind === 'error' ? (
          <p className="cs-error-text" role="alert">
            The branding could not be loaded: {load.message}
          </p>
        ) : null}
        {load.kind === 'ready' ? (
          <div className="cs-branding-settings">
            {/* noValidate: the live checks say more than the browser's bubbles, and pin every issue at once. */}
            <form className="cs-card cs-branding-form" noValidate aria-label="Branding" onSubmit={(event) => void submit(event)} data-testid="branding-form">
              {BRANDING_FIELDS.map(renderField)}
              {error ? (
                <p className="cs-error-text" role="alert">
                  {error.message}
                  {error.pinned ? ' (see the highlighted fields)' : null}
                </p>
              ) : null}
              <p className="cs-settings-notice" role="status">
                {saved ? 'Saved. Reload to see it across the app.' : null}
              </p>
              {canManage ? (
                <div className="cs-branding-form__actions">
                  <button type="submit" className="cs-button cs-button--primary" disabled={busy} data-testid="branding-save">
                    {busy ? 'Saving…' : 'Save branding'}
                  </button>
                </div>
              ) : null}
            </form>
            <BrandingPreview preview={preview} />
          </div>
        ) : null}
      </main>
    </div>
  );
}
