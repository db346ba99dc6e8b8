import type { AuditVerifyDto, ChainVerification } from '@countersign/shared';
import { useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import type { AuditItem } from '../api/audit-page.ts';
import { errorMessage } from '../api/api-error.ts';
import { checkLoadedEvents } from './audit-local-check.ts';
import { VerifyResult } from './VerifyResult.tsx';

type VerifyState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'done'; server: AuditVerifyDto; local: ChainVerification | null }
  | { kind: 'error'; message: string };

/** Props of {@link AuditVerify}. */
export interface AuditVerifyProps {
  api: Pick<ApiClient, 'verifyAudit'>;
  /** The events on screen: re-hashed in this browser too when they are one unbroken stretch. */
  loaded: readonly AuditItem[];
  /** Lists the trail from a (broken) event back. */
  onShowEvent?(seq: number): void;
}

/** "Verify chain": the server checks the tenant's whole hash chain; the result is shown prominently, with a check of the loaded rows in this browser. */
export function AuditVerify({ api, loaded, onShowEvent }: AuditVerifyProps) {
  const [state, setState] = useState<VerifyState>({ kind: 'idle' });
  const verify = async (): Promise<void> => {
    setState({ kind: 'checking' });
    try {
      const [server, local] = await Promise.all([api.verifyAudit(), checkLoadedEvents(loaded)]);
      setState({ kind: 'done', server, local });
    } catch (error) {
      setState({ kind: 'error', message: errorMessage(error) });
    }
  };
  return (
    <section className="cs-audit-verify" aria-label="Chain verification">
      <button type="button" className="cs-button cs-button--primary" data-testid="audit-verify" disabled={state.kind === 'checking'} onClick={() => void verify()}>
        {state.kind === 'checking' ? 'Verifying…' : 'Verify chain'}
      </button>
      {state.kind === 'done' ? <VerifyResult server={state.server} local={state.local} onShowEvent={onShowEvent} /> : null}
      {state.kind === 'error' ? (
        <p className="cs-inline-error" role="alert" data-testid="audit-verify-error">
          The chain could not be verified: {state.message}
        </p>
      ) : null}
    </section>
  );
}
