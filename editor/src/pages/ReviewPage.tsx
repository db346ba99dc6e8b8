import { useMemo } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { AppHeader } from '../app/AppHeader.tsx';
import type { Session } from '../app/session.ts';
import { useUsers } from '../inbox/use-users.ts';
import { ReviewScreen } from '../review/ReviewScreen.tsx';
import '../inbox/inbox.css';
import './pages.css';

/** Props of {@link ReviewPage}. */
export interface ReviewPageProps {
  api: ApiClient;
  session: Session;
  workflowId: string;
  version: number;
  onSignOut(): void;
}

/** The change-control review of a version (route `/workflows/:id/review/:version`). */
export function ReviewPage({ api, session, workflowId, version, onSignOut }: ReviewPageProps) {
  const { nameOf } = useUsers(api);
  const viewer = useMemo(() => ({ userId: session.user.id, roles: session.user.roles }), [session.user]);
  return (
    <div className="cs-app-page">
      <AppHeader user={session.user} api={api} current="workflows" onSignOut={onSignOut} />
      <ReviewScreen key={`${workflowId}@${version}`} api={api} workflowId={workflowId} version={version} viewer={viewer} nameOf={nameOf} />
    </div>
  );
}
