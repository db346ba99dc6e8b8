import { useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { AppHeader } from '../app/AppHeader.tsx';
import { relativeTime } from '../app/format-time.ts';
import { Link } from '../app/Link.tsx';
import type { Session } from '../app/session.ts';
import { StatusBadge, STEP_STATUS_META } from '../runs/index.ts';
import { NewWorkflowDialog } from './NewWorkflowDialog.tsx';
import './pages.css';
import { loadFailure, useList } from '../app/use-list.ts';


const isStatus = (status: string): status is keyof typeof STEP_STATUS_META => Object.hasOwn(STEP_STATUS_META, status);

/** The workflow list: name, last change, latest version, last run status; "New workflow"; an empty state. */
export function WorkflowListPage({ api, session, onSignOut }: { api: ApiClient; session: Session; onSignOut(): void }) {
  const { state } = useList(api.listWorkflows);
  const [creating, setCreating] = useState(false);


  return (
    <div className="cs-app-page">
      <AppHeader user={session.user} api={api} current="workflows" onSignOut={onSignOut} />
      <main className="cs-list">
        <div className="cs-list__head">
          <h1>Workflows</h1>
          <button type="button" className="cs-button cs-button--primary" onClick={() => setCreating(true)}>
            + New workflow
          </button>
        </div>
        {state.kind === 'loading' ? <p className="cs-muted">Loading workflows…</p> : null}
        {state.kind === 'error' ? <p className="cs-error-text" role="alert">{loadFailure(state.error, 'Workflows')}</p> : null}
        {state.kind === 'ready' && state.items.length === 0 ? (
          <div className="cs-card cs-list__empty">
            <p className="cs-list__empty-title">No workflows yet</p>
            <p className="cs-muted">Create one, then drag a trigger onto the canvas and wire up the steps.</p>
            <button type="button" className="cs-button cs-button--primary" onClick={() => setCreating(true)}>
              + New workflow
            </button>
          </div>
        ) : null}
        {state.kind === 'ready' && state.items.length > 0 ? (
          <table className="cs-card cs-list__table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Last change</th>
                <th scope="col">Latest version</th>
                <th scope="col">Last run</th>
              </tr>
            </thead>
            <tbody>
              {state.items.map((workflow) => (
                <tr key={workflow.id}>
                  <td>
                    <Link href={`/workflows/${encodeURIComponent(workflow.id)}`} className="cs-list__name">
                      {workflow.name}
                    </Link>
                    {workflow.description ? <div className="cs-muted cs-list__desc">{workflow.description}</div> : null}
                  </td>
                  <td title={new Date(workflow.draftUpdatedAt).toLocaleString()}>{relativeTime(workflow.draftUpdatedAt)}</td>
                  <td>{workflow.latestVersion === null ? <span className="cs-muted">None</span> : `v${workflow.latestVersion}`}</td>
                  <td>
                    {workflow.lastRunStatus && isStatus(workflow.lastRunStatus) ? <StatusBadge status={workflow.lastRunStatus} /> : <span className="cs-muted">{workflow.lastRunStatus ?? 'Never run'}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </main>
      {creating ? <NewWorkflowDialog api={api} onClose={() => setCreating(false)} /> : null}
    </div>
  );
}
