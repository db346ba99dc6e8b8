import { can } from '@countersign/shared';
import { useCallback, useState } from 'react';
import { navigate, reviewPath } from '../app/router.ts';
import type { Session } from '../app/session.ts';
import { UserMenu } from '../app/UserMenu.tsx';
import { TemplateBanner } from '../templates/TemplateBanner.tsx';
import { WorkflowEditor, type WorkflowEditorEvent } from '../WorkflowEditor.tsx';

/** The editor page of the app: the same `<WorkflowEditor>` partners embed, with the app's user menu (read-only for who may not edit); `runId` (from `?run=`) is shown on open. */
export function WorkflowEditorPage({ workflowId, runId = null, session, onSignOut }: { workflowId: string; runId?: string | null; session: Session; onSignOut(): void }) {
  const onEvent = useCallback(
    (event: WorkflowEditorEvent) => {
      if (event.type === 'unauthorized') onSignOut();
    },
    [onSignOut],
  );
  // An upgrade from a newer template version replaces the draft: a fresh editor instance loads it.
  const [loads, setLoads] = useState(0);
  const canWrite = can(session.user.roles, 'workflow.write');
  return (
    <div className="cs-app-page cs-app-page--editor">
      <TemplateBanner token={session.token} workflowId={workflowId} canUpgrade={canWrite} onUpgraded={() => setLoads((n) => n + 1)} onUnauthorized={onSignOut} />
      <WorkflowEditor
        key={loads}
        apiBaseUrl=""
        token={session.token}
        workflowId={workflowId}
        runId={runId ?? undefined}
        readOnly={!canWrite}
        onEvent={onEvent}
        onBack={() => navigate('/')}
        userMenu={<UserMenu user={session.user} onSignOut={onSignOut} />}
        currentUserId={session.user.id}
        currentUserRoles={session.user.roles}
        onOpenReview={(version) => navigate(reviewPath(workflowId, version))}
      />
    </div>
  );
}
