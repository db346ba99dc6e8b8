import { useId, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import type { VersionSummary } from '../store/workflow-slice.ts';
import { isAuthor, viewerCan, type VersionViewer } from '../versions/version-status.ts';
import { reviewError, type ReviewError } from './review-error.ts';
import { DecisionControls } from '../forms/DecisionControls.tsx';

/** Props of {@link ReviewDecision}. */
export interface ReviewDecisionProps {
  api: Pick<ApiClient, 'approveVersion' | 'rejectVersion'>;
  workflowId: string;
  version: VersionSummary;
  viewer: VersionViewer;
  /** The version as the server recorded the decision. */
  onDecided(version: VersionSummary): void;
  /** The version changed elsewhere: load it again. */
  onStale(): void;
}

/**
 * Approve (optional comment) or reject (comment required) a version in review. Its author sees
 * "Waiting for another reviewer" instead; a refusal of the server is shown inline with its reason.
 */
export function ReviewDecision({ api, workflowId, version, viewer, onDecided, onStale }: ReviewDecisionProps) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const [error, setError] = useState<ReviewError | null>(null);
  const inFlight = useRef(false);
  const id = useId();
  const trimmed = comment.trim();

  if (isAuthor(version, viewer)) {
    return (
      <div className="cs-review-decision__notice" data-testid="review-author-notice" role="status">
        <strong>Waiting for another reviewer.</strong> You authored version {version.version}: four eyes means someone else must approve it.
      </div>
    );
  }
  if (!viewerCan(viewer, 'version.review')) {
    return <p className="cs-muted">Waiting for a reviewer: approving or rejecting a version needs the reviewer role.</p>;
  }

  const decide = async (decision: 'approve' | 'reject'): Promise<void> => {
    if (inFlight.current || (decision === 'reject' && trimmed === '')) return;
    inFlight.current = true;
    setBusy(decision);
    setError(null);
    try {
      const decided =
        decision === 'approve'
          ? await api.approveVersion(workflowId, version.version, trimmed === '' ? undefined : trimmed)
          : await api.rejectVersion(workflowId, version.version, trimmed);
      onDecided(decided);
    } catch (caught) {
      const refused = reviewError(caught);
      setError(refused);
      if (refused.stale) onStale();
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
        testIds={{ comment: 'review-comment', approve: 'review-approve', reject: 'review-reject' }}
        error={
          error ? (
            <div className="cs-decision__error" role="alert" data-testid="review-error">
              <strong>{error.title}:</strong> {error.message}
            </div>
          ) : null
        }
      />
    </form>
  );
}
