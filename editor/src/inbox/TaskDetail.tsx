import { can, type UserDto } from '@countersign/shared';
import { useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { JsonTree, type SocketClient } from '../runs/index.ts';
import type { DecisionError } from './decision-error.ts';
import { DecisionChain } from './DecisionChain.tsx';
import { DecisionErrorNotice } from './DecisionErrorNotice.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { InvoiceEvidence } from './InvoiceEvidence.tsx';
import { PolicyResultCard } from './PolicyResultCard.tsx';
import { RunPosition } from './RunPosition.tsx';
import { TaskOutcome } from './TaskOutcome.tsx';
import { TaskSummary } from './TaskSummary.tsx';
import { useTaskDetail } from './use-task-detail.ts';

/** Props of {@link TaskDetail}. */
export interface TaskDetailProps {
  api: Pick<ApiClient, 'getTask' | 'decideTask' | 'getRun' | 'getVersion'>;
  socket: SocketClient | null;
  taskId: string;
  user: UserDto;
  nameOf(userId: string): string;
}

/** The detail pane of a task: summary, decision (or how it ended), the evidence, the chain so far and where the run stands. */
export function TaskDetail({ api, socket, taskId, user, nameOf }: TaskDetailProps) {
  const { state, reload, applyDecision } = useTaskDetail(api, taskId);
  // A refusal because the task closed meanwhile outlives the form: it says why the click did nothing.
  const [staleRefusal, setStaleRefusal] = useState<DecisionError | null>(null);
  const onStale = (error: DecisionError): void => {
    setStaleRefusal(error);
    reload();
  };
  if (state.kind === 'loading') return <p className="cs-muted cs-task-detail__loading">Loading the task…</p>;
  if (state.kind === 'error') {
    return (
      <div className="cs-card cs-task-detail__missing" role="alert">
        <p className="cs-error-text">The task could not be loaded: {state.message}</p>
        <button type="button" className="cs-button cs-button--small" onClick={reload}>
          Try again
        </button>
      </div>
    );
  }
  const { task } = state;
  const { evidence } = task;
  return (
    <article className="cs-task-detail" data-task-id={task.id} aria-label={`Task ${task.title}`}>
      <TaskSummary task={task} nameOf={nameOf} />
      <section className="cs-task-detail__section cs-task-detail__decision" aria-label="Decision">
        {task.status === 'open' && can(user.roles, 'task.decide') ? (
          <DecisionForm key={task.id} api={api} taskId={task.id} onDecided={applyDecision} onStale={onStale} />
        ) : task.status === 'open' ? (
          <p className="cs-muted">You can read this task; deciding it needs the approver role.</p>
        ) : (
          <>
            {staleRefusal ? <DecisionErrorNotice error={staleRefusal} /> : null}
            <TaskOutcome task={task} userId={user.id} nameOf={nameOf} />
          </>
        )}
      </section>
      <section className="cs-task-detail__section" aria-labelledby="cs-evidence-invoice">
        <h3 id="cs-evidence-invoice" className="cs-section-title">Invoice</h3>
        <InvoiceEvidence input={evidence.input} />
      </section>
      <section className="cs-task-detail__section" aria-labelledby="cs-evidence-policies">
        <h3 id="cs-evidence-policies" className="cs-section-title">Policy checks</h3>
        {evidence.policyResults.length === 0 ? <p className="cs-muted">No policy step ran before this approval.</p> : null}
        {evidence.policyResults.map((result) => (
          <PolicyResultCard key={result.nodeId} result={result} />
        ))}
        <details className="cs-task-detail__step-input">
          <summary>What reached this approval step (JSON)</summary>
          <JsonTree value={evidence.stepInput} name="input" openDepth={1} />
        </details>
      </section>
      <section className="cs-task-detail__section" aria-labelledby="cs-evidence-chain">
        <h3 id="cs-evidence-chain" className="cs-section-title">Approval chain so far</h3>
        <DecisionChain decisions={evidence.decisions} nameOf={nameOf} />
      </section>
      <section className="cs-task-detail__section" aria-labelledby="cs-evidence-run">
        <h3 id="cs-evidence-run" className="cs-section-title">Where the run is</h3>
        <RunPosition key={task.runId} api={api} socket={socket} runId={task.runId} nodeId={task.nodeId} />
      </section>
    </article>
  );
}
