import { useId, useRef, useState, type FormEvent } from 'react';
import type { TenantDto } from '@countersign/shared';
import type { ApiClient } from '../api/api-client.ts';
import { ApiError, errorMessage } from '../api/api-error.ts';
import { useFocusTrap } from '../runs/index.ts';
import { DialogFooter } from '../layout/DialogFooter.tsx';

type Field = 'name' | 'adminName' | 'email' | 'password';

/** Where the runtime's issue paths land in this form. */
const FIELD_OF: Record<string, Field> = { 'body.name': 'name', 'body.admin.name': 'adminName', 'body.admin.email': 'email', 'body.admin.password': 'password' };

/** Creates a client tenant with its first admin (who signs in with the email and password given here). */
export function NewClientDialog({ api, onClose, onCreated }: { api: Pick<ApiClient, 'createClientTenant'>; onClose(): void; onCreated(tenant: TenantDto): void }) {
  const id = useId();
  const ref = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Record<Field, string>>({ name: '', adminName: '', email: '', password: '' });
  const [issues, setIssues] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useFocusTrap(ref, onClose);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setIssues({});
    try {
      const tenant = await api.createClientTenant({ name: values.name.trim(), admin: { name: values.adminName.trim(), email: values.email.trim(), password: values.password } });
      onCreated(tenant);
    } catch (caught) {
      const byField: Partial<Record<Field, string>> = {};
      if (caught instanceof ApiError) {
        for (const issue of caught.issues) {
          const field = FIELD_OF[issue.path.join('.')];
          if (field && !byField[field]) byField[field] = issue.message;
        }
      }
      setIssues(byField);
      setError(Object.keys(byField).length > 0 ? 'Check the highlighted fields.' : errorMessage(caught));
      setBusy(false);
    }
  };

  const field = (name: Field, label: string, input: { type?: string; autoComplete?: string; minLength?: number; placeholder?: string }) => (
    <div className="cs-client-form__field">
      <label className="cs-field__label" htmlFor={`${id}-${name}`}>
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        className="cs-input"
        required
        maxLength={name === 'password' ? 1000 : 200}
        value={values[name]}
        aria-invalid={issues[name] ? true : undefined}
        aria-describedby={issues[name] ? `${id}-${name}-issue` : undefined}
        onChange={(event) => setValues({ ...values, [name]: event.target.value })}
        {...input}
      />
      {issues[name] ? (
        <p id={`${id}-${name}-issue`} className="cs-error-text">
          {issues[name]}
        </p>
      ) : null}
    </div>
  );

  return (
    <div className="cs-dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <form ref={ref} className="cs-dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)} data-testid="new-client-dialog">
        <h2 id={`${id}-title`} className="cs-dialog__title">
          New client
        </h2>
        <p className="cs-muted">The client gets its own workflows, users and audit trail. Its first admin signs in with the email and password below.</p>
        {field('name', 'Client name', { placeholder: 'e.g. Contoso Finance Ltd' })}
        {field('adminName', "Admin's name", { autoComplete: 'off' })}
        {field('email', "Admin's email", { type: 'email', autoComplete: 'off' })}
        {field('password', 'First password (12 characters or more)', { type: 'password', autoComplete: 'new-password', minLength: 12 })}
        <DialogFooter error={error} busy={busy} submitLabel="Create client" busyLabel="Creating…" submitTestId="new-client-create" onCancel={onClose} />
      </form>
    </div>
  );
}
