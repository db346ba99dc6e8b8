import { useCallback, useEffect, useMemo, useState } from 'react';
import type { UpgradeTemplateResponseDto, WorkflowTemplateOriginDto } from '@countersign/shared';
import { createApiClient } from '../api/api-client.ts';
import { errorMessage } from '../api/api-error.ts';
import { diffSummary } from './template-form.ts';
import './templates.css';

/** Props of {@link TemplateBanner}. */
export interface TemplateBannerProps {
  token: string;
  workflowId: string;
  /** Whether the user may change the draft (workflow.write): only then is the upgrade offered. */
  canUpgrade: boolean;
  /** Called after the draft was upgraded (the editor reloads it). */
  onUpgraded(): void;
  onUnauthorized(): void;
}

/**
 * Above a workflow made from a template: which template and version it came from, and, when a newer
 * version exists, "Upgrade to vN", which shows the diff summary before applying it to the draft.
 */
export function TemplateBanner({ token, workflowId, canUpgrade, onUpgraded, onUnauthorized }: TemplateBannerProps) {
  const api = useMemo(() => createApiClient({ baseUrl: '', token, onUnauthorized }), [token, onUnauthorized]);
  const [origin, setOrigin] = useState<WorkflowTemplateOriginDto | null>(null);
  const [preview, setPreview] = useState<UpgradeTemplateResponseDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    let active = true;
    // A workflow not made from a template (or an older runtime) shows no banner.
    api.getWorkflowTemplate(workflowId).then(
      (found) => active && setOrigin(found),
      () => active && setOrigin(null),
    );
    return () => {
      active = false;
    };
  }, [api, workflowId]);
  useEffect(load, [load]);

  if (origin === null) return null;

  const run = async (apply: boolean): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.upgradeWorkflowTemplate(workflowId, { version: origin.latestVersion, preview: !apply });
      if (apply) {
        setPreview(null);
        load();
        onUpgraded();
      } else setPreview(result);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="cs-template-banner" aria-label="Template" data-testid="template-banner">
      <p className="cs-template-banner__text">
        Made from the template <strong>{origin.templateName}</strong> v{origin.version}
        {origin.upgradeAvailable ? <span className="cs-template-banner__new"> · v{origin.latestVersion} is available</span> : null}
      </p>
      {origin.upgradeAvailable && canUpgrade && preview === null ? (
        <button type="button" className="cs-button cs-button--small" data-testid="template-upgrade" disabled={busy} onClick={() => void run(false)}>
          Upgrade to v{origin.latestVersion}
        </button>
      ) : null}
      {preview ? (
        <div className="cs-template-banner__preview" data-testid="template-upgrade-preview">
          <p className="cs-template-banner__lead">
            Upgrading replaces the draft with v{preview.to}, keeping your parameters. Your changes to the draft since then are replaced too. It still needs review before it runs.
          </p>
          <ul className="cs-template-banner__changes">
            {diffSummary(preview.diff).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <div className="cs-template-banner__actions">
            <button type="button" className="cs-button cs-button--small" onClick={() => setPreview(null)} disabled={busy}>
              Cancel
            </button>
            <button type="button" className="cs-button cs-button--small cs-button--primary" data-testid="template-upgrade-apply" disabled={busy} onClick={() => void run(true)}>
              Apply upgrade to v{preview.to}
            </button>
          </div>
        </div>
      ) : null}
      {error ? (
        <p className="cs-error-text cs-template-banner__error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
