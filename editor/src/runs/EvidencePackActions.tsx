import { EvidencePackSchema, verifyEvidencePack } from '@countersign/shared';
import { useState } from 'react';
import { errorMessage } from '../api/api-error.ts';
import { EvidenceCheckResult, type EvidenceVerification } from './EvidenceCheckResult.tsx';
import { downloadText, evidenceFileName, showHtml } from './evidence-files.ts';

/** Props of {@link EvidencePackActions}. */
export interface EvidencePackActionsProps {
  runId: string;
  /** Fetches the pack with the bearer token: its JSON text as sent, or the printable HTML. */
  fetchEvidence(runId: string, format: 'json' | 'html'): Promise<string>;
}

/** "Evidence pack" of a run: download the JSON (verified in this browser as it is saved), or open the printable HTML in a new tab. */
export function EvidencePackActions({ runId, fetchEvidence }: EvidencePackActionsProps) {
  const [busy, setBusy] = useState<'json' | 'html' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [verified, setVerified] = useState<EvidenceVerification | null>(null);

  const get = async (format: 'json' | 'html'): Promise<void> => {
    // Opened during the click: a tab opened after the fetch would be stopped as a popup.
    const target = format === 'html' ? window.open('', '_blank') : null;
    setBusy(format);
    setError(null);
    if (format === 'json') setVerified(null);
    try {
      const text = await fetchEvidence(runId, format);
      if (format === 'json') {
        // Saved byte for byte as sent, so that it verifies offline too; checked here on the way.
        downloadText(text, evidenceFileName(runId, 'json'), 'application/json');
        const raw: unknown = JSON.parse(text);
        const parsed = EvidencePackSchema.safeParse(raw);
        setVerified({ ...(await verifyEvidencePack(raw)), ...(parsed.success ? { atGeneration: parsed.data.audit.verifiedAtGeneration } : {}) });
      } else showHtml(text, target, evidenceFileName(runId, 'html'));
    } catch (caught) {
      target?.close();
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="cs-evidence" role="group" aria-label="Evidence pack">
      <span className="cs-evidence__title">Evidence pack</span>
      <button type="button" className="cs-button cs-button--small" data-testid="evidence-json" disabled={busy !== null} onClick={() => void get('json')}>
        {busy === 'json' ? 'Preparing…' : 'Download JSON'}
      </button>
      <button type="button" className="cs-button cs-button--small" data-testid="evidence-html" disabled={busy !== null} onClick={() => void get('html')}>
        {busy === 'html' ? 'Preparing…' : 'Open printable'}
      </button>
      {verified ? <EvidenceCheckResult result={verified} /> : null}
      {error ? (
        <p className="cs-evidence__error" role="alert">
          Evidence pack: {error}
        </p>
      ) : null}
    </div>
  );
}
