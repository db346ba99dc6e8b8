import { useState } from 'react';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context.tsx';
import { findingsSummary } from '../store/lint-badges.ts';
import { LintFindingList } from './LintFindingList.tsx';
import { useVersionLint } from './use-version-lint.ts';

/**
 * "Submit for review" of a draft version: the control lint runs first and its findings are listed;
 * an error finding blocks the submission (the button is disabled), warnings go to the reviewer.
 */
export function SubmitVersionControl({ version }: { version: number }) {
  const store = useEditorStoreApi();
  const busy = useEditorStore((state) => state.versionActionBusy === version);
  const nodes = useEditorStore((state) => state.nodes);
  const labelOf = (nodeId: string): string => nodes.find((node) => node.id === nodeId)?.data.label ?? nodeId;
  const { state, refuse } = useVersionLint(version);
  const [refusal, setRefusal] = useState<string | null>(null);
  const blocked = state.kind === 'checked' && state.blocking;

  const submit = async (): Promise<void> => {
    setRefusal(null);
    const outcome = await store.getState().submitVersion(version);
    if (outcome.ok) return;
    setRefusal(outcome.message);
    refuse(outcome.findings);
  };

  return (
    <div className="cs-submit-version">
      {state.kind === 'checking' ? <p className="cs-muted cs-submit-version__note">Checking the controls…</p> : null}
      {state.kind === 'unknown' ? <p className="cs-muted cs-submit-version__note">The controls are checked when you submit.</p> : null}
      {state.kind === 'checked' && state.findings.length === 0 ? <p className="cs-submit-version__note cs-submit-version__note--ok">✓ The control lint found nothing.</p> : null}
      {state.kind === 'checked' && state.findings.length > 0 ? (
        <>
          <p className={`cs-submit-version__note cs-submit-version__note--${blocked ? 'blocked' : 'warn'}`}>
            Control lint: {findingsSummary(state.findings)}.{blocked ? ' Fix the errors on the canvas and save a new version to submit.' : ' The reviewer sees the warnings.'}
          </p>
          <LintFindingList findings={state.findings} labelOf={labelOf} />
        </>
      ) : null}
      {refusal ? (
        <p className="cs-inline-error" role="alert" data-testid="submit-error">
          {refusal}
        </p>
      ) : null}
      <button
        type="button"
        className="cs-button cs-button--small cs-button--primary"
        data-testid="submit-version"
        disabled={busy || blocked || state.kind === 'checking'}
        title={blocked ? 'An error finding of the control lint blocks the submission' : 'Send this version to a reviewer (never you)'}
        onClick={() => void submit()}
      >
        {busy ? 'Submitting…' : 'Submit for review'}
      </button>
    </div>
  );
}
