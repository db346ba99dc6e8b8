import type { UserDto, UserWithAuthorityDto } from '@countersign/shared';
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { ApiError, errorMessage } from '../api/api-error.ts';
import { endDateBounds, endOfDayIso } from './delegation-dates.ts';

/** Props of {@link DelegationForm}. */
export interface DelegationFormProps {
  api: Pick<ApiClient, 'createDelegation'>;
  user: UserDto;
  users: UserWithAuthorityDto[];
  onCreated(): void;
  onCancel(): void;
}

/** Delegate my approvals to another approver until an end date (required), with a reason. */
export function DelegationForm({ api, user, users, onCreated, onCancel }: DelegationFormProps) {
  const id = useId();
  const [delegateId, setDelegateId] = useState('');
  const [endDate, setEndDate] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const bounds = useMemo(() => endDateBounds(new Date()), []);
  const approvers = users.filter((candidate) => candidate.id !== user.id && candidate.roles.includes('approver'));
  const ready = delegateId !== '' && endDate !== '' && reason.trim() !== '';

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy || !ready) return;
    const endsAt = endOfDayIso(endDate, new Date());
    if (endsAt === null) return setError('Choose an end date from today on.');
    setBusy(true);
    setError(null);
    try {
      await api.createDelegation({ delegateId, endsAt, reason: reason.trim() });
      onCreated();
    } catch (caught) {
      setError(caught instanceof ApiError && caught.issues[0] ? caught.issues.map((issue) => issue.message).join('; ') : errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="cs-delegation-form" onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <label htmlFor={`${id}-delegate`}>Delegate to</label>
      <select id={`${id}-delegate`} className="cs-input" required value={delegateId} onChange={(event) => setDelegateId(event.target.value)} disabled={busy}>
        <option value="">Choose an approver…</option>
        {approvers.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name}
          </option>
        ))}
      </select>
      {approvers.length === 0 ? <p className="cs-muted">No other approver in your organisation.</p> : null}
      <label htmlFor={`${id}-end`}>Until (inclusive)</label>
      <input id={`${id}-end`} className="cs-input" type="date" required min={bounds.min} max={bounds.max} value={endDate} onChange={(event) => setEndDate(event.target.value)} disabled={busy} />
      <label htmlFor={`${id}-reason`}>Reason</label>
      <input id={`${id}-reason`} className="cs-input" required maxLength={1000} placeholder="e.g. Annual leave" value={reason} onChange={(event) => setReason(event.target.value)} disabled={busy} />
      <p className="cs-muted cs-delegation-form__hint">The delegate must pass the same segregation-of-duties checks and hold enough authority; decisions record they acted for you.</p>
      {error ? (
        <p className="cs-error-text" role="alert">
          {error}
        </p>
      ) : null}
      <div className="cs-delegation-form__actions">
        <button type="button" className="cs-button cs-button--small" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="cs-button cs-button--small cs-button--primary" disabled={busy || !ready}>
          {busy ? 'Delegating…' : 'Delegate'}
        </button>
      </div>
    </form>
  );
}
