import { useEffect, useId, useRef, useState } from 'react';
import { can, type ApiKeyDto } from '@countersign/shared';
import type { ApiClient } from '../api/api-client.ts';
import { errorMessage } from '../api/api-error.ts';
import { AppHeader } from '../app/AppHeader.tsx';
import { relativeTime } from '../app/format-time.ts';
import type { Session } from '../app/session.ts';
import { useFocusTrap } from '../runs/index.ts';
import type { ApiKeysApi } from './api-keys-api.ts';
import { NewApiKeyDialog } from './NewApiKeyDialog.tsx';
import { SettingsNav } from './SettingsNav.tsx';
import '../pages/pages.css';
import './settings.css';
import './settings-pages.css';
import { loadFailure, useList } from '../app/use-list.ts';

type Created = Awaited<ReturnType<ApiKeysApi['createApiKey']>>;

/** What the API keys page needs of the client. */
export type ApiKeysPageApi = ApiKeysApi & Pick<ApiClient, 'listTasks'>;

/** A date as the table shows it, the full time on hover. */
function DateCell({ iso }: { iso: string }) {
  return <td title={new Date(iso).toLocaleString()}>{new Date(iso).toLocaleDateString()}</td>;
}

/** A new key, shown this once with a way to copy it and how a server sends it. */
function CreatedKeyPanel({ created, onDone }: { created: Created; onDone(): void }) {
  const id = useId();
  const ref = useRef<HTMLElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  // Focus moves here from the closed dialog, so a screen reader reads the key's warning first.
  useEffect(() => ref.current?.focus(), []);

  const copyKey = async (): Promise<void> => {
    // No clipboard outside a secure context (plain http) or in some embedded browsers.
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (typeof clipboard?.writeText !== 'function') return setCopy('failed');
    try {
      await clipboard.writeText(created.key);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  const { apiKey } = created;
  return (
    <section ref={ref} tabIndex={-1} className="cs-card cs-apikey-created" aria-labelledby={`${id}-title`} data-testid="apikey-created">
      <h2 id={`${id}-title`} className="cs-apikey-created__title">
        API key “{apiKey.name}” created
      </h2>
      <p className="cs-apikey-created__warning">Copy it now: it is not shown again. Countersign keeps only a hash of it.</p>
      <div className="cs-apikey-created__key">
        <code data-testid="apikey-created-key">{created.key}</code>
        <button type="button" className="cs-button cs-button--primary" onClick={() => void copyKey()} data-testid="apikey-copy">
          Copy
        </button>
      </div>
      <p className="cs-apikey-created__copy" role="status">
        {copy === 'copied' ? 'Copied to the clipboard.' : copy === 'failed' ? 'The clipboard is not available here: select the key and copy it.' : ''}
      </p>
      <p>
        Your server sends it with each request, as the header <code>X-Api-Key: csk_…</code> (or <code>Authorization: Bearer csk_…</code>). It acts with the roles{' '}
        {apiKey.roles.join(', ')} and may make {apiKey.rateLimitPerMinute} requests a minute.
      </p>
      <button type="button" className="cs-button" onClick={onDone} data-testid="apikey-created-done">
        Done
      </button>
    </section>
  );
}

/** Asks before revoking a key: servers using it are refused at once, for good. */
function RevokeApiKeyDialog({ apiKey, api, onClose, onRevoked }: { apiKey: ApiKeyDto; api: Pick<ApiKeysApi, 'revokeApiKey'>; onClose(): void; onRevoked(revoked: ApiKeyDto): void }) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Cancel first: Enter right after opening must not revoke.
  useFocusTrap(ref, onClose, cancel);

  const revoke = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      onRevoked(await api.revokeApiKey(apiKey.id));
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <div className="cs-dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div ref={ref} className="cs-dialog" role="alertdialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} data-testid="apikey-revoke-dialog">
        <h2 id={`${id}-title`} className="cs-dialog__title">
          Revoke “{apiKey.name}”?
        </h2>
        <p id={`${id}-text`}>
          Servers using the key <code>{apiKey.prefix}…</code> are refused from now on. This cannot be undone: to connect them again, create a new key.
        </p>
        {error ? (
          <p className="cs-error-text" role="alert">
            {error}
          </p>
        ) : null}
        <div className="cs-dialog__actions">
          <button ref={cancel} type="button" className="cs-button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="cs-button cs-button--primary cs-settings-danger" disabled={busy} onClick={() => void revoke()} data-testid="apikey-revoke-confirm">
            {busy ? 'Revoking…' : 'Revoke key'}
          </button>
        </div>
      </div>
    </div>
  );
}

/**
 * The tenant's API keys: each key's name, prefix, roles, limit and use; a new key (shown once) and
 * revoking one, for admins. Others see why they cannot (the runtime's 403).
 */
export function ApiKeysPage({ api, session, onSignOut }: { api: ApiKeysPageApi; session: Session; onSignOut(): void }) {
  const { state, update } = useList(api.listApiKeys);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canManage = can(session.user.roles, 'apikey.manage');


  const items = state.kind === 'ready' ? state.items : [];

  return (
    <div className="cs-app-page">
      <AppHeader user={session.user} api={api} current="settings" onSignOut={onSignOut} />
      <main className="cs-list">
        <SettingsNav current="api-keys" />
        <div className="cs-list__head">
          <h1>API keys</h1>
          {canManage ? (
            <button
              type="button"
              className="cs-button cs-button--primary"
              data-testid="apikey-new"
              onClick={() => {
                setNotice(null);
                setCreating(true);
              }}
            >
              New API key
            </button>
          ) : null}
        </div>
        {created ? <CreatedKeyPanel key={created.apiKey.id} created={created} onDone={() => setCreated(null)} /> : null}
        {notice ? (
          <p className="cs-settings-notice" role="status">
            {notice}
          </p>
        ) : null}
        {state.kind === 'loading' ? <p className="cs-muted">Loading API keys…</p> : null}
        {state.kind === 'error' ? (
          <p className="cs-error-text" role="alert" data-testid="apikey-error">
            {loadFailure(state.error, 'API keys')}
          </p>
        ) : null}
        {state.kind === 'ready' && items.length === 0 ? (
          <p className="cs-card cs-settings-empty cs-muted">No API keys yet. Create one for a server that calls Countersign (an ERP, a partner portal).</p>
        ) : null}
        {items.length > 0 ? (
          <table className="cs-card cs-list__table cs-apikey-table" data-testid="apikey-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Prefix</th>
                <th scope="col">Roles</th>
                <th scope="col">Rate limit</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                {canManage ? (
                  <th scope="col">
                    <span className="cs-visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {items.map((key) => (
                <tr key={key.id} data-testid={`apikey-row-${key.id}`} className={key.revokedAt ? 'cs-apikey-table__row--revoked' : undefined}>
                  <th scope="row">{key.name}</th>
                  <td>
                    <code>{key.prefix}…</code>
                  </td>
                  <td>{key.roles.join(', ')}</td>
                  <td>{key.rateLimitPerMinute} / min</td>
                  <DateCell iso={key.createdAt} />
                  <td title={key.lastUsedAt ? new Date(key.lastUsedAt).toLocaleString() : undefined}>{key.lastUsedAt ? relativeTime(key.lastUsedAt) : <span className="cs-muted">Never</span>}</td>
                  <td title={key.revokedAt ? new Date(key.revokedAt).toLocaleString() : undefined}>
                    {key.revokedAt ? <span className="cs-apikey-status cs-apikey-status--revoked">Revoked {relativeTime(key.revokedAt)}</span> : <span className="cs-apikey-status">Active</span>}
                  </td>
                  {canManage ? (
                    <td>
                      {key.revokedAt ? null : (
                        <button type="button" className="cs-button cs-button--small cs-button--danger" onClick={() => setRevoking(key)} data-testid={`apikey-revoke-${key.id}`}>
                          Revoke
                        </button>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </main>
      {creating ? (
        <NewApiKeyDialog
          api={api}
          onClose={() => setCreating(false)}
          onCreated={(result) => {
            setCreating(false);
            setCreated(result);
            update((current) => [result.apiKey, ...current]);
          }}
        />
      ) : null}
      {revoking ? (
        <RevokeApiKeyDialog
          apiKey={revoking}
          api={api}
          onClose={() => setRevoking(null)}
          onRevoked={(revoked) => {
            setRevoking(null);
            update((current) => current.map((item) => (item.id === revoked.id ? revoked : item)));
            setNotice(`Revoked “${revoked.name}”. Servers using it are refused from now on.`);
          }}
        />
      ) : null}
    </div>
  );
}
