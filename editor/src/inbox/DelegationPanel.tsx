import { can, type DelegationDto, type UserDto, type UserWithAuthorityDto } from '@countersign/shared';
import { useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { errorMessage } from '../api/api-error.ts';
import { DelegationForm } from './DelegationForm.tsx';
import { useDelegations } from './use-delegations.ts';

/** Props of {@link DelegationPanel}. */
export interface DelegationPanelProps {
  api: Pick<ApiClient, 'listDelegations' | 'createDelegation' | 'revokeDelegation'>;
  user: UserDto;
  users: UserWithAuthorityDto[];
  nameOf(userId: string): string;
}

const day = (iso: string): string => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** My delegations in force (given and received), creating one (out of office) and revoking one. */
export function DelegationPanel({ api, user, users, nameOf }: DelegationPanelProps) {
  const { state, reload } = useDelegations(api);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const manage = can(user.roles, 'delegation.manage');
  const mine = state.kind === 'ready' ? state.items.filter((item) => item.delegatorId === user.id || item.delegateId === user.id) : [];

  const revoke = async (delegation: DelegationDto): Promise<void> => {
    if (revoking !== null) return;
    setRevoking(delegation.id);
    setError(null);
    try {
      await api.revokeDelegation(delegation.id);
      reload();
    } catch (caught) {
      setError(`Could not revoke: ${errorMessage(caught)}`);
    } finally {
      setRevoking(null);
    }
  };

  return (
    <section className="cs-card cs-delegations" aria-labelledby="cs-delegations-title" data-testid="delegation-panel">
      <div className="cs-delegations__head">
        <h2 id="cs-delegations-title" className="cs-section-title">Delegations</h2>
        {manage && !creating ? (
          <button type="button" className="cs-button cs-button--small" onClick={() => setCreating(true)}>
            Delegate…
          </button>
        ) : null}
      </div>
      {state.kind === 'loading' ? <p className="cs-muted">Loading…</p> : null}
      {state.kind === 'error' ? <p className="cs-error-text">Delegations could not be loaded: {state.message}</p> : null}
      {state.kind === 'ready' && mine.length === 0 && !creating ? <p className="cs-muted">None in force. Away for a while? Delegate your approvals until a date.</p> : null}
      {mine.length > 0 ? (
        <ul className="cs-delegations__list">
          {mine.map((delegation) => (
            <li key={delegation.id} className="cs-delegations__item" data-delegation-id={delegation.id}>
              <div>
                {delegation.delegatorId === user.id ? <>To {nameOf(delegation.delegateId)}</> : <>From {nameOf(delegation.delegatorId)} to you</>}
                <span className="cs-muted"> · until {day(delegation.endsAt)}</span>
                <div className="cs-muted cs-delegations__reason">{delegation.reason}</div>
              </div>
              {manage && delegation.delegatorId === user.id ? (
                <button type="button" className="cs-button cs-button--small cs-button--danger" disabled={revoking !== null} onClick={() => void revoke(delegation)}>
                  {revoking === delegation.id ? 'Revoking…' : 'Revoke'}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p className="cs-error-text" role="alert">
          {error}
        </p>
      ) : null}
      {creating ? (
        <DelegationForm
          api={api}
          user={user}
          users={users}
          onCancel={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            reload();
          }}
        />
      ) : null}
    </section>
  );
}
