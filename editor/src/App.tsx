import { lazy, Suspense, useEffect, useMemo } from 'react';
import { createApiClient } from './api/api-client.ts';
import { navigate, useRoute } from './app/router.ts';
import { appSession, useSession } from './app/session.ts';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { WorkflowListPage } from './pages/WorkflowListPage.tsx';
import { BrandingRoot } from './branding/BrandingRoot.tsx';
import { useAppBranding } from './branding/use-app-branding.ts';
import { PartnerBanner } from './clients/PartnerBanner.tsx';

// The canvas (React Flow, dagre, forms) loads only when a workflow is opened.
const WorkflowEditorPage = lazy(async () => ({ default: (await import('./pages/WorkflowEditorPage.tsx')).WorkflowEditorPage }));
// The inbox shows a read-only React Flow view of each task's run: loaded on demand too.
const InboxPage = lazy(async () => ({ default: (await import('./pages/InboxPage.tsx')).InboxPage }));
// The review screen draws two read-only canvases; the audit page is only for auditors and reviewers.
const ReviewPage = lazy(async () => ({ default: (await import('./pages/ReviewPage.tsx')).ReviewPage }));
const AuditPage = lazy(async () => ({ default: (await import('./pages/AuditPage.tsx')).AuditPage }));
const TemplatesPage = lazy(async () => ({ default: (await import('./templates/TemplatesPage.tsx')).TemplatesPage }));
const ClientsPage = lazy(async () => ({ default: (await import('./clients/ClientsPage.tsx')).ClientsPage }));
// Settings: for admins (and designers, who read credentials).
const CredentialsPage = lazy(async () => ({ default: (await import('./credentials/CredentialsPage.tsx')).CredentialsPage }));
const ApiKeysPage = lazy(async () => ({ default: (await import('./settings/ApiKeysPage.tsx')).ApiKeysPage }));
const BrandingSettingsPage = lazy(async () => ({ default: (await import('./settings/BrandingSettingsPage.tsx')).BrandingSettingsPage }));

const signOut = (): void => {
  appSession.signOut();
  const here = `${window.location.pathname}${window.location.search}`;
  navigate(here.startsWith('/sign-in') ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`, { replace: true });
};

/** The Countersign app: sign-in, the workflow list, the editor, the approval inbox, version reviews and the audit trail, routed by the history API. */
export function App() {
  const route = useRoute();
  const session = useSession();
  const token = session?.token ?? null;
  // A 401 means the token expired or was revoked: back to sign-in, then back here.
  const api = useMemo(() => createApiClient({ baseUrl: '', token, onUnauthorized: signOut }), [token]);
  // The host's branding before sign-in, the tenant's after (nothing is drawn until it has loaded).
  const branding = useAppBranding(api, token);

  useEffect(() => {
    if (session === null && route.name !== 'sign-in') {
      const here = `${window.location.pathname}${window.location.search}`;
      navigate(here === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`, { replace: true });
    }
    if (session !== null && route.name === 'sign-in') navigate(route.next ?? '/', { replace: true });
  }, [session, route]);

  let page = null;
  if (route.name === 'sign-in') page = session ? null : <SignInPage session={appSession} next={route.next} />;
  else if (session === null) page = null;
  else if (route.name === 'workflows') page = <WorkflowListPage api={api} session={session} onSignOut={signOut} />;
  else if (route.name === 'workflow') page = <WorkflowEditorPage workflowId={route.workflowId} runId={route.runId} session={session} onSignOut={signOut} />;
  else if (route.name === 'inbox') page = <InboxPage api={api} session={session} taskId={route.taskId} onSignOut={signOut} />;
  else if (route.name === 'review') page = <ReviewPage api={api} session={session} workflowId={route.workflowId} version={route.version} onSignOut={signOut} />;
  else if (route.name === 'audit') page = <AuditPage api={api} session={session} runId={route.runId} onSignOut={signOut} />;
  else if (route.name === 'templates') page = <TemplatesPage api={api} session={session} onSignOut={signOut} />;
  else if (route.name === 'clients') page = <ClientsPage api={api} session={session} onSignOut={signOut} />;
  else if (route.name === 'settings' && route.section === 'credentials') page = <CredentialsPage api={api} session={session} onSignOut={signOut} />;
  else if (route.name === 'settings' && route.section === 'api-keys') page = <ApiKeysPage api={api} session={session} onSignOut={signOut} />;
  else if (route.name === 'settings') page = <BrandingSettingsPage api={api} session={session} onSignOut={signOut} />;
  else page = <NotFoundPage path={route.path} />;

  return (
    <BrandingRoot branding={branding} className="cs-app">
      {session?.partner && route.name !== 'sign-in' ? <PartnerBanner session={session} store={appSession} /> : null}
      <Suspense fallback={<p className="cs-app__loading">Loading…</p>}>{page}</Suspense>
    </BrandingRoot>
  );
}
