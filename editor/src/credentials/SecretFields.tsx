import type { CredentialField, CredentialKind, FieldIssues, SecretInput } from './credential-form.ts';

/** aria-invalid and aria-describedby of an input whose field has an issue. */
export function issueProps(id: string, issues: FieldIssues, ...fields: CredentialField[]) {
  const field = fields.find((name) => issues[name]);
  return field ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-issue` } : {};
}

/** The runtime's message pinned under its field. */
export function FieldIssue({ id, issues, field }: { id: string; issues: FieldIssues; field: CredentialField }) {
  return issues[field] ? (
    <p id={`${id}-${field}-issue`} className="cs-error-text cs-credentials__issue">
      {issues[field]}
    </p>
  ) : null;
}

const SECRET_LABEL: Record<Exclude<CredentialKind, 'basic_auth'>, string> = {
  api_token: 'Token',
  header: 'Header value',
  webhook_secret: 'Signing secret',
};

/**
 * The inputs of a credential's value in the shape of its kind: a username and password for basic auth,
 * one password-type input otherwise. `autoComplete` keeps the browser from filling in the admin's own login.
 */
export function SecretFields({ id, kind, value, onChange, issues, replacing = false }: { id: string; kind: CredentialKind; value: SecretInput; onChange(value: SecretInput): void; issues: FieldIssues; replacing?: boolean }) {
  const input = (field: 'secret' | 'username' | 'password', label: string, props: { type: string; maxLength: number; autoComplete: string }, describedBy: CredentialField[]) => (
    <div className="cs-credentials__field">
      <label className="cs-field__label" htmlFor={`${id}-${field}`}>
        {label}
      </label>
      <input
        id={`${id}-${field}`}
        className="cs-input"
        required
        spellCheck={false}
        value={value[field]}
        onChange={(event) => onChange({ ...value, [field]: event.target.value })}
        {...props}
        {...issueProps(id, issues, ...describedBy)}
      />
    </div>
  );

  if (kind === 'basic_auth') {
    return (
      <>
        {input('username', 'Username', { type: 'text', maxLength: 500, autoComplete: 'off' }, ['username', 'value'])}
        <FieldIssue id={id} issues={issues} field="username" />
        {input('password', replacing ? 'New password' : 'Password', { type: 'password', maxLength: 10_000, autoComplete: 'new-password' }, ['password', 'value'])}
        <FieldIssue id={id} issues={issues} field="password" />
        <FieldIssue id={id} issues={issues} field="value" />
      </>
    );
  }
  const label = SECRET_LABEL[kind];
  return (
    <>
      {input('secret', replacing ? `New ${label.toLowerCase()}` : label, { type: 'password', maxLength: 10_000, autoComplete: 'new-password' }, ['value'])}
      <FieldIssue id={id} issues={issues} field="value" />
    </>
  );
}
