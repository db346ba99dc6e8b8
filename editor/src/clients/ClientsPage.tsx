import { useState } from 'react';
import type { PartnerOverviewDto } from '@countersign/shared';
import type { ApiClient } from '../api/api-client.ts';
import { errorMessage } from '../api/api-error.ts';
import { AppHeader } from '../app/AppHeader.tsx';
import { relativeTime } from '../app/format-time.ts';
import { appSession, type Session, type SessionStore } from '../app/session.ts';
import { actInClient } from './clients-session.ts';
import { NewClientDialog } from './NewClientDialog.tsx';
import '../pages/pages.css';
import './clients.css';
import { loadFailure, useList } from '../app/use-list.ts';

type Row = PartnerOverviewDto['items'][number];

/** Runs of the last 24 hours as a bar (scaled to the busiest client), failed ones in red. */
function RunsBar({ row, max }: { row: Row; max: number }) {
  const { last24h, failed24h } = row.runs;
  const width = max === 0 ? 0 : (last24h / max) * 100;
  const failedShare = last24h === 0 ? 0 : (failed24h / last24h) * 100;
  return (
    <div className="cs-clients__runs">
      <div className="cs-clients__bar" aria-hidden="true">
        <div className="cs-clients__bar-fill" style={{ width: `${width}%` }}>
          <div className="cs-clients__bar-failed" style={{ width: `${failedShare}%` }} />
        </div>
      </div>
      <span>
        {last24h}
        {failed24h > 0 ? <span className="cs-clients__failed"> ({failed24h} failed)</span> : null}
      </span>
    </div>
  );
}

/**
 * A partner's clients in one place: each client's runs and approval SLAs, a new client, and acting in
 * one as its admin.
 */
export function ClientsPage({ api, session, onSignOut, store = appSession }: { api: ApiClient; session: Session; onSignOut(): void; store?: SessionStore }) {
  const { state, reload: load } = useList(api.partnerOverview);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [switching, setSwitching] = useState<string | null>(null);


  const open = async (row: Row): Promise<void> => {
    setSwitching(row.tenant.id);
    try {
      await actInClient(api, store, session, row.tenant.id);
    } catch (error) {
      setNotice(`Could not open ${row.tenant.name}: ${errorMessage(error)}`);
      setSwitching(null);
    }
  };

  const items = state.kind === 'ready' ? state.items : [];
  const max = Math.max(0, ...items.map((row) => row.runs.last24h));
  const overdue = items.reduce((sum, row) => sum + row.tasks.overdue, 0);

  return (
    <div className="cs-app-page">
      <AppHeader user={session.user} api={api} current="clients" onSignOut={onSignOut} />
      <main className="cs-list">
        <div className="cs-list__head">
          <h1>Clients</h1>
          <button type="button" className="cs-button cs-button--primary" data-testid="new-client-open" onClick={() => setCreating(true)}>
            New client
          </button>
        </div>
        {notice ? (
          <p className="cs-clients__notice" role="status">
            {notice}
          </p>
        ) : null}
        {state.kind === 'loading' ? <p className="cs-muted">Loading your clients…</p> : null}
        {state.kind === 'error' ? (
          <p className="cs-error-text" role="alert">
            {loadFailure(state.error, 'Your clients')}
          </p>
        ) : null}
        {state.kind === 'ready' && items.length === 0 ? (
          <p className="cs-card cs-clients__empty cs-muted">No clients yet. Create your first client: it gets its own admin, workflows and audit trail, and your templates.</p>
        ) : null}
        {overdue > 0 ? (
          <p className="cs-clients__alert" role="alert">
            {overdue} approval task{overdue === 1 ? ' is' : 's are'} overdue across your clients.
          </p>
        ) : null}
        {items.length > 0 ? (
          <table className="cs-card cs-list__table cs-clients__table" data-testid="clients-table">
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Runs, last 24 h</th>
                <th scope="col">Running · waiting</th>
                <th scope="col">Approval tasks</th>
                <th scope="col">Last run</th>
                <th scope="col">
                  <span className="cs-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((row) => (
                <tr key={row.tenant.id} data-testid={`client-${row.tenant.id}`} className={row.tasks.overdue > 0 ? 'cs-clients__row--late' : undefined}>
                  <th scope="row">{row.tenant.name}</th>
                  <td>
                    <RunsBar row={row} max={max} />
                  </td>
                  <td>
                    {row.runs.running} · {row.runs.waiting}
                  </td>
                  <td>
                    {row.tasks.open} open
                    {row.tasks.overdue > 0 ? <span className="cs-clients__late"> · {row.tasks.overdue} overdue</span> : null}
                    {row.tasks.dueWithin24h > 0 ? <span className="cs-muted"> · {row.tasks.dueWithin24h} due within 24 h</span> : null}
                  </td>
                  <td title={row.lastRunAt ? new Date(row.lastRunAt).toLocaleString() : undefined}>{row.lastRunAt ? relativeTime(row.lastRunAt) : <span className="cs-muted">None</span>}</td>
                  <td>
                    <button type="button" className="cs-button cs-button--small" disabled={switching !== null} onClick={() => void open(row)} data-testid={`client-open-${row.tenant.id}`}>
                      {switching === row.tenant.id ? 'Opening…' : 'Open as admin'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </main>
      {creating ? (
        <NewClientDialog
          api={api}
          onClose={() => setCreating(false)}
          onCreated={(tenant) => {
            setCreating(false);
            setNotice(`Created ${tenant.name}. Its admin can sign in now; open it here to set it up.`);
            load();
          }}
        />
      ) : null}
    </div>
  );
}
