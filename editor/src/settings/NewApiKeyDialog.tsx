import { useId, useRef, useState, type FormEvent } from 'react';
import { ROLES, type Role } from '@countersign/shared';
import { ApiError, errorMessage } from '../api/api-error.ts';
import { useFocusTrap } from '../runs/index.ts';
import type { ApiKeysApi } from './api-keys-api.ts';
import { DialogFooter } from '../layout/DialogFooter.tsx';

type Field = 'name' | 'roles' | 'rateLimitPerMinute';
type Created = Awaited<ReturnType<ApiKeysApi['createApiKey']>>;

/** The rate limit the runtime applies when none is given. */
export const DEFAULT_RATE_LIMIT = 600;

/** What each role lets a server do with the key, to choose the fewest roles it needs. */
const ROLE_HINTS: Record<Role, string> = {
  designer: 'edit and publish workflows',
  reviewer: 'review versions',
  approver: 'decide approval tasks',
  operator: 'start and cancel runs',
  auditor: 'read the audit trail',
  admin: 'everything, including users and keys',
};

/** The field an issue of the runtime belongs to (`['body', 'roles', 2]` is the roles). */
function fieldOf(path: readonly (string | number)[]): Field | null {
  const [scope, key] = path;
  return scope === 'body' && (key === 'name' || key === 'roles' || key === 'rateLimitPerMinute') ? key : null;
}

/** Asks for a name, roles and a rate limit, and creates an API key; `onCreated` gets the key, shown this once. */
export function NewApiKeyDialog({ api, onClose, onCreated }: { api: Pick<ApiKeysApi, 'createApiKey'>; onClose(): void; onCreated(created: Created): void }) {
  const id = useId();
  const ref = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [rate, setRate] = useState(String(DEFAULT_RATE_LIMIT));
  const [issues, setIssues] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useFocusTrap(ref, onClose);

  const toggle = (role: Role, on: boolean): void => {
    // Kept in the order of ROLES, so the request does not depend on the order of the clicks.
    setRoles(ROLES.filter((r) => (r === role ? on : roles.includes(r))));
    setIssues(({ roles: _roles, ...rest }) => rest);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setIssues({});
    try {
      onCreated(await api.createApiKey({ name: name.trim(), roles, rateLimitPerMinute: Number(rate) }));
    } catch (caught) {
      const byField: Partial<Record<Field, string>> = {};
      if (caught instanceof ApiError) {
        for (const issue of caught.issues) {
          const field = fieldOf(issue.path);
          if (field && !byField[field]) byField[field] = issue.message;
        }
      }
      setIssues(byField);
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  const describedBy = (field: Field): string | undefined => (issues[field] ? `${id}-${field}-issue` : undefined);
  const issue = (field: Field) =>
    issues[field] ? (
      <p id={`${id}-${field}-issue`} className="cs-error-text">
        {issues[field]}
      </p>
    ) : null;

  return (
    <div className="cs-dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <form ref={ref} className="cs-dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)} data-testid="apikey-dialog">
        <h2 id={`${id}-title`} className="cs-dialog__title">
          New API key
        </h2>
        <p className="cs-muted">For a server that calls Countersign. Give it only the roles it needs: it acts with them in this tenant.</p>
        <div className="cs-settings-field">
          <label className="cs-field__label" htmlFor={`${id}-name`}>
            Name
          </label>
          <input
            id={`${id}-name`}
            className="cs-input"
            required
            maxLength={200}
            value={name}
            placeholder="e.g. ERP production"
            autoComplete="off"
            aria-invalid={issues.name ? true : undefined}
            aria-describedby={describedBy('name')}
            onChange={(event) => setName(event.target.value)}
          />
          {issue('name')}
        </div>
        <fieldset className="cs-settings-field cs-apikey-roles" aria-describedby={describedBy('roles')}>
          <legend className="cs-field__label">Roles</legend>
          {ROLES.map((role) => (
            <label key={role} className="cs-apikey-roles__option">
              <input type="checkbox" checked={roles.includes(role)} onChange={(event) => toggle(role, event.target.checked)} data-testid={`apikey-role-${role}`} />
              <span>
                <strong>{role}</strong> <span className="cs-muted">({ROLE_HINTS[role]})</span>
              </span>
            </label>
          ))}
          {issue('roles')}
        </fieldset>
        <div className="cs-settings-field">
          <label className="cs-field__label" htmlFor={`${id}-rate`}>
            Rate limit per minute
          </label>
          <input
            id={`${id}-rate`}
            className="cs-input cs-apikey-rate"
            type="number"
            required
            min={1}
            max={100_000}
            step={1}
            value={rate}
            aria-invalid={issues.rateLimitPerMinute ? true : undefined}
            aria-describedby={describedBy('rateLimitPerMinute')}
            onChange={(event) => setRate(event.target.value)}
          />
          {issue('rateLimitPerMinute')}
        </div>
        <DialogFooter error={error} busy={busy} submitLabel="Create key" busyLabel="Creating…" submitTestId="apikey-create" onCancel={onClose} disabled={name.trim() === '' || roles.length === 0} />
      </form>
    </div>
  );
}
