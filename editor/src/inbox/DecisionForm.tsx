import type { Decision, TaskDto } from '@countersign/shared';
import { useId, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { decisionError, type DecisionError } from './decision-error.ts';
import { DecisionErrorNotice } from './DecisionErrorNotice.tsx';
import { notifyTasksChanged } from './task-events.ts';
import { DECISION_COMMENT_MAX, DecisionControls } from '../forms/DecisionControls.tsx';

/** Props of {@link DecisionForm}. */
export interface DecisionFormProps {
  api: Pick<ApiClient, 'decideTask'>;
  taskId: string;
  /** The task as the server recorded the decision. */
  onDecided(task: TaskDto): void;
  /** The task changed elsewhere (409/404): show it as it is now, keeping the reason in view. */
  onStale(error: DecisionError): void;
}

/**
 * Approve or reject with a comment (a rejection needs one). One request at a time: both buttons are
 * disabled while it runs, and a refusal (e.g. segregation of duties) is shown inline with its reason.
 */
export function DecisionForm({ api, taskId, onDecided, onStale }: DecisionFormProps) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<Decision | null>(null);
  const [error, setError] = useState<DecisionError | null>(null);
  // State updates are not synchronous: a ref stops a double click from sending twice.
  const inFlight = useRef(false);
  const id = useId();
  const trimmed = comment.trim();

  const decide = async (decision: Decision): Promise<void> => {
    if (inFlight.current || (decision === 'reject' && trimmed === '')) return;
    inFlight.current = true;
    setBusy(decision);
    setError(null);
    try {
      const task = await api.decideTask(taskId, trimmed === '' ? { decision } : { decision, comment: trimmed });
      notifyTasksChanged();
      onDecided(task);
    } catch (caught) {
      const refused = decisionError(caught);
      setError(refused);
      if (refused.stale) {
        notifyTasksChanged();
        onStale(refused);
      }
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
  };

  return (
    <form className="cs-decision" aria-busy={busy !== null} onSubmit={(event) => event.preventDefault()}>
      <DecisionControls
        id={id}
        comment={comment}
        onComment={setComment}
        busy={busy}
        onDecide={(decision) => void decide(decision)}
        testIds={{ comment: 'task-comment', approve: 'task-approve', reject: 'task-reject' }}
        hint={trimmed === '' ? 'Give the reason to reject.' : `${comment.length} / ${DECISION_COMMENT_MAX}`}
        error={error ? <DecisionErrorNotice error={error} /> : null}
      />
    </form>
  );
}
