import type { ApiClient } from '../api/api-client.ts';
import { AppHeader } from '../app/AppHeader.tsx';
import type { Session } from '../app/session.ts';
import { DelegationPanel } from '../inbox/DelegationPanel.tsx';
import { TaskDetail } from '../inbox/TaskDetail.tsx';
import { TaskList } from '../inbox/TaskList.tsx';
import { useRunSocket } from '../inbox/use-run-socket.ts';
import { useUsers } from '../inbox/use-users.ts';
import '../inbox/inbox.css';
import './pages.css';

/** Props of {@link InboxPage}. */
export interface InboxPageProps {
  api: ApiClient;
  session: Session;
  /** The task open in the detail pane (from the URL), if any. */
  taskId: string | null;
  onSignOut(): void;
}

/** The approver's inbox: tasks with SLA clocks, the selected task's evidence and decision, and delegations. */
export function InboxPage({ api, session, taskId, onSignOut }: InboxPageProps) {
  const { users, nameOf } = useUsers(api);
  const socket = useRunSocket(session.token, onSignOut);
  return (
    <div className="cs-app-page">
      <AppHeader user={session.user} api={api} current="inbox" onSignOut={onSignOut} />
      <main className="cs-inbox">
        <div className="cs-inbox__side">
          <TaskList api={api} selectedId={taskId} />
          <DelegationPanel api={api} user={session.user} users={users} nameOf={nameOf} />
        </div>
        <section className="cs-inbox__detail" aria-label="Task">
          {taskId === null ? (
            <div className="cs-card cs-inbox__placeholder">
              <p className="cs-inbox__placeholder-title">Select a task</p>
              <p className="cs-muted">Its invoice, the policy checks, the decisions so far and where the run stands appear here, with Approve and Reject.</p>
            </div>
          ) : (
            <TaskDetail key={taskId} api={api} socket={socket} taskId={taskId} user={session.user} nameOf={nameOf} />
          )}
        </section>
      </main>
    </div>
  );
}
