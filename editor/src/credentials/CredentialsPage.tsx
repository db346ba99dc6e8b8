import { useId, useState } from 'react';
import { can, type CredentialDto } from '@countersign/shared';
import type { ApiClient } from '../api/api-client.ts';
import { errorMessage } from '../api/api-error.ts';
import { AppHeader } from '../app/AppHeader.tsx';
import { relativeTime } from '../app/format-time.ts';
import type { Session } from '../app/session.ts';
import { SettingsNav } from '../settings/SettingsNav.tsx';
import { kindLabel } from './credential-form.ts';
import type { CredentialsApi } from './credentials-api.ts';
import { DeleteCredentialDialog } from './DeleteCredentialDialog.tsx';
import { NewCredentialDialog } from './NewCredentialDialog.tsx';
import { ReplaceValueDialog } from './ReplaceValueDialog.tsx';
import '../pages/pages.css';
import '../settings/settings.css';
import './credentials.css';
import { loadFailure, useList } from '../app/use-list.ts';

/** What the page calls: the credentials API, and the open task count of the header. */
export type CredentialsPageApi = CredentialsApi & Pick<ApiClient, 'listTasks'>;


type Dialog = { kind: 'new' } | { kind: 'replace'; credential: CredentialDto } | { kind: 'delete'; credential: CredentialDto } | null;

const EMPTY = "No credentials yet. Add the API token or password a connector sends, then pick it in the HTTP step's Credential field.";

/** A time cell: relative, with the exact time on hover. */
function TimeCell({ iso, fallback }: { iso: string | null; fallback: string }) {
  if (iso === null) return <td className="cs-muted">{fallback}</td>;
  return <td title={new Date(iso).toLocaleString()}>{relativeTime(iso)}</td>;
}

/**
 * Settings → Credentials: the tenant's connector credentials (never their values). Admins add them,
 * replace a value, delete one no version needs, and re-seal all under the current key; designers read.
 */
export function CredentialsPage({ api, session, onSignOut }: { api: CredentialsPageApi; session: Session; onSignOut(): void }) {
  const { state, reload: load } = useList(api.listCredentials);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState('');
  const [rotating, setRotating] = useState(false);
  const [rotateError, setRotateError] = useState<string | null>(null);
  const keysTitle = useId();
  const manage = can(session.user.roles, 'credential.manage');
  const readOnly = !manage && can(session.user.roles, 'credential.read');


  const changed = (message: string): void => {
    setDialog(null);
    setNotice(message);
    load();
  };

  const rotate = async (): Promise<void> => {
    setRotating(true);
    setRotateError(null);
    try {
      const { rotated, currentKeyId } = await api.rotateCredentialKey();
      changed(`${rotated} credential${rotated === 1 ? '' : 's'} re-sealed under key ${currentKeyId}.`);
    } catch (error) {
      setRotateError(errorMessage(error));
    } finally {
      setRotating(false);
    }
  };

  const items = state.kind === 'ready' ? state.items : [];
  const keyIds = [...new Set(items.map((credential) => credential.keyId))].sort();

  return (
    <div className="cs-app-page">
      <AppHeader user={session.user} api={api} current="settings" onSignOut={onSignOut} />
      <main className="cs-list">
        <SettingsNav current="credentials" />
        <div className="cs-list__head">
          <h1>Credentials</h1>
          {manage ? (
            <button type="button" className="cs-button cs-button--primary" data-testid="credential-new" onClick={() => setDialog({ kind: 'new' })}>
              New credential
            </button>
          ) : null}
        </div>
        <p className="cs-muted cs-credentials__intro">Secrets that HTTP steps send and that webhook triggers check. Values are encrypted at rest and never shown again.</p>
        {readOnly ? (
          <p className="cs-credentials__note" data-testid="credential-read-only">
            Only admins add, replace or delete credentials. You can pick any of these by name in a step&apos;s Credential field.
          </p>
        ) : null}
        {/* Present before it speaks, so that screen readers announce each change. */}
        <p className="cs-credentials__status" role="status">
          {notice}
        </p>
        {state.kind === 'loading' ? <p className="cs-muted">Loading credentials…</p> : null}
        {state.kind === 'error' ? (
          <p className="cs-error-text" role="alert">
            {loadFailure(state.error, 'Credentials')}
          </p>
        ) : null}
        {state.kind === 'ready' && items.length === 0 ? <p className="cs-card cs-credentials__empty cs-muted">{EMPTY}</p> : null}
        {items.length > 0 ? (
          <table className="cs-card cs-list__table cs-credentials__table" data-testid="credentials-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Last used</th>
                <th scope="col">Created</th>
                {manage ? (
                  <th scope="col">
                    <span className="cs-visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {items.map((credential) => (
                <tr key={credential.id} data-testid={`credential-row-${credential.id}`}>
                  <td className="cs-credentials__name">{credential.name}</td>
                  <td>{kindLabel(credential)}</td>
                  <TimeCell iso={credential.lastUsedAt} fallback="Never" />
                  <TimeCell iso={credential.createdAt} fallback="–" />
                  {manage ? (
                    <td>
                      <div className="cs-credentials__actions">
                        <button type="button" className="cs-button cs-button--small" data-testid={`credential-replace-${credential.id}`} onClick={() => setDialog({ kind: 'replace', credential })}>
                          Replace value<span className="cs-visually-hidden"> of {credential.name}</span>
                        </button>
                        <button type="button" className="cs-button cs-button--small cs-button--danger" data-testid={`credential-delete-${credential.id}`} onClick={() => setDialog({ kind: 'delete', credential })}>
                          Delete<span className="cs-visually-hidden"> {credential.name}</span>
                        </button>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {manage && items.length > 0 ? (
          <section className="cs-credentials__keys" aria-labelledby={keysTitle}>
            <h2 id={keysTitle}>Encryption key</h2>
            <p className="cs-muted">
              Sealed under key{keyIds.length === 1 ? '' : 's'} {keyIds.join(', ')}. After the operator adds a new key to the runtime, re-seal the values under it so the old key can be retired.
            </p>
            <button type="button" className="cs-button" data-testid="credential-rotate" disabled={rotating} onClick={() => void rotate()}>
              {rotating ? 'Re-sealing…' : 'Re-seal under the current key'}
            </button>
            {rotateError ? (
              <p className="cs-error-text" role="alert">
                Re-sealing failed: {rotateError}
              </p>
            ) : null}
          </section>
        ) : null}
      </main>
      {dialog?.kind === 'new' ? <NewCredentialDialog api={api} onClose={() => setDialog(null)} onCreated={(credential) => changed(`Added “${credential.name}”.`)} /> : null}
      {dialog?.kind === 'replace' ? (
        <ReplaceValueDialog api={api} credential={dialog.credential} onClose={() => setDialog(null)} onReplaced={(credential) => changed(`Replaced the value of “${credential.name}”.`)} />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteCredentialDialog api={api} credential={dialog.credential} onClose={() => setDialog(null)} onDeleted={(credential) => changed(`Deleted “${credential.name}”.`)} />
      ) : null}
    </div>
  );
}
