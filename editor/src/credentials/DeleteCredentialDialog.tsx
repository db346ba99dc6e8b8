import { useId, useRef, useState, type FormEvent } from 'react';
import type { CredentialDto } from '@countersign/shared';
import { errorMessage } from '../api/api-error.ts';
import { Link } from '../app/Link.tsx';
import { workflowPath } from '../app/router.ts';
import { useFocusTrap } from '../runs/index.ts';
import { credentialUses, type CredentialUse } from './credential-form.ts';
import type { CredentialsApi } from './credentials-api.ts';

/**
 * Asks before deleting a credential. The runtime refuses (409) while a live or pending version names
 * it: the dialog then lists those versions, each linking to its workflow.
 */
export function DeleteCredentialDialog({ api, credential, onClose, onDeleted }: { api: Pick<CredentialsApi, 'deleteCredential'>; credential: CredentialDto; onClose(): void; onDeleted(credential: CredentialDto): void }) {
  const id = useId();
  const ref = useRef<HTMLFormElement>(null);
  // Focus starts on Delete so that Enter confirms, as in the other dialogs.
  const confirm = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [uses, setUses] = useState<CredentialUse[]>([]);
  const [busy, setBusy] = useState(false);
  useFocusTrap(ref, onClose, confirm);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setUses([]);
    try {
      onDeleted(await api.deleteCredential(credential.id));
    } catch (caught) {
      setError(errorMessage(caught));
      setUses(credentialUses(caught));
      setBusy(false);
    }
  };

  return (
    <div className="cs-dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <form ref={ref} className="cs-dialog cs-credentials__dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)} data-testid="credential-delete-dialog">
        <h2 id={`${id}-title`} className="cs-dialog__title">
          Delete “{credential.name}”?
        </h2>
        <p className="cs-dialog__hint">Draft steps that name it fail their test runs until they name another credential. A deleted value cannot be brought back.</p>
        {error ? (
          <p className="cs-error-text" role="alert">
            {error}
          </p>
        ) : null}
        {uses.length > 0 ? (
          <ul className="cs-credentials__uses" data-testid="credential-uses" aria-label={`Versions that name ${credential.name}`}>
            {uses.map((use) => (
              <li key={`${use.workflowId}-${use.version}-${use.nodeId}`}>
                <Link href={workflowPath(use.workflowId)}>{use.workflowName}</Link> v{use.version} <span className="cs-muted">({use.status.replace(/_/g, ' ')}), step {use.nodeId}</span>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="cs-dialog__actions">
          <button type="button" className="cs-button" onClick={onClose}>
            Cancel
          </button>
          <button ref={confirm} type="submit" className="cs-button cs-button--primary cs-credentials__delete-confirm" disabled={busy} data-testid="credential-delete-confirm">
            {busy ? 'Deleting…' : 'Delete'}
          </button>
        </div>
      </form>
    </div>
  );
}
