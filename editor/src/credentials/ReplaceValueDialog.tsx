import { useId, useRef, useState, type FormEvent } from 'react';
import type { CredentialDto } from '@countersign/shared';
import { useFocusTrap } from '../runs/index.ts';
import { credentialValue, EMPTY_SECRET, formFailure, kindLabel, type FieldIssues } from './credential-form.ts';
import type { CredentialsApi } from './credentials-api.ts';
import { SecretFields } from './SecretFields.tsx';
import { DialogFooter } from '../layout/DialogFooter.tsx';

/** Replaces a credential's value (a renewed token, a changed password) in the shape of its kind. */
export function ReplaceValueDialog({ api, credential, onClose, onReplaced }: { api: Pick<CredentialsApi, 'replaceCredentialValue'>; credential: CredentialDto; onClose(): void; onReplaced(credential: CredentialDto): void }) {
  const id = useId();
  const ref = useRef<HTMLFormElement>(null);
  const [secret, setSecret] = useState(EMPTY_SECRET);
  const [issues, setIssues] = useState<FieldIssues>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useFocusTrap(ref, onClose);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setIssues({});
    try {
      onReplaced(await api.replaceCredentialValue(credential.id, credentialValue(credential.kind, secret)));
    } catch (caught) {
      const failure = formFailure(caught);
      setIssues(failure.fields);
      setError(failure.message);
      setBusy(false);
    }
  };

  return (
    <div className="cs-dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <form ref={ref} className="cs-dialog cs-credentials__dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)} data-testid="credential-replace-dialog">
        <h2 id={`${id}-title`} className="cs-dialog__title">
          Replace the value of “{credential.name}”
        </h2>
        <p className="cs-dialog__hint">
          {kindLabel(credential)}. Steps that use it send the new value from now on; the old value cannot be brought back.
        </p>
        <SecretFields id={id} kind={credential.kind} value={secret} onChange={setSecret} issues={issues} replacing />
        <DialogFooter error={error} busy={busy} submitLabel="Replace value" busyLabel="Replacing…" submitTestId="credential-replace-save" onCancel={onClose} />
      </form>
    </div>
  );
}
