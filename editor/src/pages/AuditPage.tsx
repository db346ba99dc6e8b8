import { useCallback, useMemo, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { AppHeader } from '../app/AppHeader.tsx';
import type { Session } from '../app/session.ts';
import { AuditFilterBar } from '../audit/AuditFilterBar.tsx';
import { AuditTable } from '../audit/AuditTable.tsx';
import { AuditVerify } from '../audit/AuditVerify.tsx';
import { emptyFilterForm, filtersOf, isFiltered, type AuditFilterForm } from '../audit/audit-filters.ts';
import { useAuditTrail } from '../audit/use-audit-trail.ts';
import { EvidencePackActions } from '../runs/index.ts';
import '../audit/audit.css';
import './pages.css';

/** Props of {@link AuditPage}. */
export interface AuditPageProps {
  api: ApiClient;
  session: Session;
  /** A run to filter on from the start (`/audit?runId=`). */
  runId: string | null;
  onSignOut(): void;
}

/** The audit trail (route `/audit`): filters, the events newest first with paging back in time, chain verification and a run's evidence pack. */
export function AuditPage({ api, session, runId, onSignOut }: AuditPageProps) {
  const [form, setForm] = useState<AuditFilterForm>(() => emptyFilterForm(runId));
  // Where the listing starts when a broken event was asked for (events before this sequence number).
  const [startBefore, setStartBefore] = useState<number | null>(null);
  const chosen = useMemo(() => filtersOf(form), [form]);
  const filtered = isFiltered(chosen);
  const filters = useMemo(() => (startBefore === null ? chosen : { ...chosen, beforeSeq: startBefore }), [chosen, startBefore]);
  const { state, loadOlder } = useAuditTrail(api, filters);
  // The filter bar keeps its own fields; a new key resets them when the page sets the filters.
  const [formKey, setFormKey] = useState(0);
  const reset = useCallback((next: AuditFilterForm, before: number | null) => {
    setForm(next);
    setStartBefore(before);
    setFormKey((key) => key + 1);
  }, []);
  const apply = useCallback((next: AuditFilterForm) => {
    setForm(next);
    setStartBefore(null);
  }, []);
  const pickRun = useCallback((picked: string) => reset(emptyFilterForm(picked), null), [reset]);
  const showEvent = useCallback((seq: number) => reset(emptyFilterForm(), seq + 1), [reset]);
  const fetchEvidence = useCallback(
    (id: string, format: 'json' | 'html') => (format === 'html' ? api.getEvidenceHtml(id) : api.getEvidenceJson(id)),
    [api],
  );

  return (
    <div className="cs-app-page">
      <AppHeader user={session.user} api={api} current="audit" onSignOut={onSignOut} />
      <main className="cs-audit">
        <div className="cs-audit__head">
          <div>
            <h1>Audit trail</h1>
            <p className="cs-muted">Every action, by people, the runtime and AI steps, in a hash chain: each event holds the hash of the one before.</p>
          </div>
          <AuditVerify api={api} loaded={filtered ? [] : state.items} onShowEvent={showEvent} />
        </div>
        <AuditFilterBar key={formKey} initial={form} onApply={apply} />
        {startBefore !== null ? (
          <div className="cs-card cs-audit__bar">
            <span>Showing the trail from event #{startBefore - 1} back in time.</span>
            <button type="button" className="cs-button cs-button--small" onClick={() => reset(emptyFilterForm(), null)}>
              Back to the newest events
            </button>
          </div>
        ) : null}
        {filters.runId ? (
          <div className="cs-card cs-audit__bar">
            <span>
              Run <code>{filters.runId}</code>
            </span>
            <EvidencePackActions runId={filters.runId} fetchEvidence={fetchEvidence} />
          </div>
        ) : null}
        {state.error ? (
          <p className="cs-inline-error" role="alert">
            The audit trail could not be loaded: {state.error}
          </p>
        ) : null}
        {state.loaded && state.items.length === 0 && !state.error ? (
          <div className="cs-card cs-audit__empty" data-testid="audit-empty">
            <p className="cs-audit__empty-title">No audit events{filtered ? ' match these filters' : ' yet'}</p>
            <p className="cs-muted">{filtered ? 'Widen the time range or clear a filter.' : 'Actions on workflows, versions, runs and approvals appear here as they happen.'}</p>
          </div>
        ) : null}
        {state.items.length > 0 ? <AuditTable items={state.items} onPickRun={pickRun} /> : null}
        <div className="cs-audit__more">
          {!state.loaded ? <p className="cs-muted">Loading the audit trail…</p> : null}
          {state.nextBeforeSeq !== null ? (
            <button type="button" className="cs-button" data-testid="audit-older" disabled={state.loading} onClick={loadOlder}>
              {state.loading ? 'Loading…' : `Older events (before #${state.nextBeforeSeq})`}
            </button>
          ) : state.loaded && state.items.length > 0 ? (
            <p className="cs-muted">{filtered ? 'No older event matches these filters.' : 'This is the first event of the trail.'}</p>
          ) : null}
        </div>
      </main>
    </div>
  );
}
