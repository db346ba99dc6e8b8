import { useId, useRef, useState, type FormEvent } from 'react';
import { CREDENTIAL_KINDS, type CredentialDto } from '@countersign/shared';
import { useFocusTrap } from '../runs/index.ts';
import { credentialValue, EMPTY_SECRET, formFailure, KIND_HINT, KIND_LABEL, type CredentialKind, type FieldIssues } from './credential-form.ts';
import type { CredentialsApi } from './credentials-api.ts';
import { FieldIssue, issueProps, SecretFields } from './SecretFields.tsx';
import { DialogFooter } from '../layout/DialogFooter.tsx';

/** Stores a new credential: a name, a kind, a header name for `header`, and the value in the kind's shape. */
export function NewCredentialDialog({ api, onClose, onCreated }: { api: Pick<CredentialsApi, 'createCredential'>; onClose(): void; onCreated(credential: CredentialDto): void }) {
  const id = useId();
  const ref = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<CredentialKind>('api_token');
  const [headerName, setHeaderName] = useState('');
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
      onCreated(await api.createCredential({ name: name.trim(), kind, ...(kind === 'header' ? { headerName: headerName.trim() } : {}), value: credentialValue(kind, secret) }));
    } catch (caught) {
      // The only 409 without issues is a name the tenant already uses.
      const failure = formFailure(caught, 'name');
      setIssues(failure.fields);
      setError(failure.message);
      setBusy(false);
    }
  };

  const changeKind = (next: CredentialKind): void => {
    setKind(next);
    // Issues of the other kind's inputs no longer point anywhere.
    setIssues({});
    setError(null);
  };

  return (
    <div className="cs-dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <form ref={ref} className="cs-dialog cs-credentials__dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)} data-testid="credential-new-dialog">
        <h2 id={`${id}-title`} className="cs-dialog__title">
          New credential
        </h2>
        <p className="cs-dialog__hint">The value is encrypted at rest and never shown again, not even to admins.</p>
        <div className="cs-credentials__field">
          <label className="cs-field__label" htmlFor={`${id}-name`}>
            Name
          </label>
          <input
            id={`${id}-name`}
            className="cs-input"
            required
            maxLength={200}
            autoComplete="off"
            placeholder="e.g. ERP API token"
            value={name}
            onChange={(event) => setName(event.target.value)}
            {...issueProps(id, issues, 'name')}
          />
          <FieldIssue id={id} issues={issues} field="name" />
        </div>
        <div className="cs-credentials__field">
          <label className="cs-field__label" htmlFor={`${id}-kind`}>
            Kind
          </label>
          <select id={`${id}-kind`} className="cs-input" value={kind} onChange={(event) => changeKind(event.target.value as CredentialKind)} aria-describedby={`${id}-kind-hint`}>
            {CREDENTIAL_KINDS.map((option) => (
              <option key={option} value={option}>
                {KIND_LABEL[option]}
              </option>
            ))}
          </select>
          <p id={`${id}-kind-hint`} className="cs-muted cs-credentials__hint">
            {KIND_HINT[kind]}
          </p>
          <FieldIssue id={id} issues={issues} field="kind" />
        </div>
        {kind === 'header' ? (
          <div className="cs-credentials__field">
            <label className="cs-field__label" htmlFor={`${id}-headerName`}>
              Header name
            </label>
            <input
              id={`${id}-headerName`}
              className="cs-input"
              required
              maxLength={100}
              autoComplete="off"
              spellCheck={false}
              placeholder="e.g. X-Api-Key"
              value={headerName}
              onChange={(event) => setHeaderName(event.target.value)}
              {...issueProps(id, issues, 'headerName')}
            />
            <FieldIssue id={id} issues={issues} field="headerName" />
          </div>
        ) : null}
        <SecretFields id={id} kind={kind} value={secret} onChange={setSecret} issues={issues} />
        <DialogFooter error={error} busy={busy} submitLabel="Save credential" busyLabel="Saving…" submitTestId="credential-create" onCancel={onClose} />
      </form>
    </div>
  );
}
