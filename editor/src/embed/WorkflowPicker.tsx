import type { ApiClient } from '../api/api-client.ts';
import { useTheme } from '../theme/theme-context.ts';
import { loadFailure, useList } from '../app/use-list.ts';


/** The embedded editor's start page when the host names no workflow: the tenant's workflows, to open one. */
export function WorkflowPicker({ api, onOpen }: { api: Pick<ApiClient, 'listWorkflows'>; onOpen(workflowId: string): void }) {
  const theme = useTheme();
  const { state } = useList(api.listWorkflows);


  return (
    <section className="cs-embed-picker" aria-label="Workflows">
      <header className="cs-embed-picker__head">
        {theme.logoUrl ? <img className="cs-embed-picker__logo" src={theme.logoUrl} alt="" /> : null}
        <h2>{theme.productName} workflows</h2>
      </header>
      {state.kind === 'loading' ? <p className="cs-muted">Loading workflows…</p> : null}
      {state.kind === 'error' ? <p role="alert">{loadFailure(state.error, 'The workflows')}</p> : null}
      {state.kind === 'ready' && state.items.length === 0 ? <p className="cs-muted">No workflows yet.</p> : null}
      {state.kind === 'ready' && state.items.length > 0 ? (
        <ul className="cs-embed-picker__list">
          {state.items.map((workflow) => (
            <li key={workflow.id} className="cs-embed-picker__item">
              <div>
                <div className="cs-embed-picker__name">{workflow.name}</div>
                {workflow.description ? <div className="cs-embed-picker__desc cs-muted">{workflow.description}</div> : null}
                <div className="cs-embed-picker__meta cs-muted">
                  {workflow.publishedVersion === null ? 'Not published' : `Live: version ${workflow.publishedVersion}`}
                  {workflow.lastRunStatus ? ` · last run ${workflow.lastRunStatus}` : ''}
                </div>
              </div>
              <button type="button" className="cs-button cs-button--primary" onClick={() => onOpen(workflow.id)} aria-label={`Open ${workflow.name}`}>
                Open
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
