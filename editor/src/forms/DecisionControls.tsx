import type { ReactNode } from 'react';

/** The most a decision comment may hold (the API's limit). */
export const DECISION_COMMENT_MAX = 2000;

/** Props of {@link DecisionControls}. */
export interface DecisionControlsProps {
  id: string;
  comment: string;
  onComment(value: string): void;
  busy: 'approve' | 'reject' | null;
  onDecide(decision: 'approve' | 'reject'): void;
  testIds: { comment: string; approve: string; reject: string };
  /** Shown under the comment box. */
  hint?: ReactNode;
  /** The server's refusal, shown above the buttons. */
  error?: ReactNode;
}

/**
 * The comment box and Approve / Reject buttons of a decision (an approval task's or a version
 * review's): a rejection needs a comment, and both buttons wait while a decision is being sent.
 */
export function DecisionControls({ id, comment, onComment, busy, onDecide, testIds, hint, error }: DecisionControlsProps) {
  const empty = comment.trim() === '';
  return (
    <>
      <label htmlFor={`${id}-comment`} className="cs-decision__label">
        Comment <span className="cs-muted">(required to reject; recorded in the audit trail)</span>
      </label>
      <textarea
        id={`${id}-comment`}
        className="cs-input cs-decision__comment"
        data-testid={testIds.comment}
        rows={3}
        maxLength={DECISION_COMMENT_MAX}
        value={comment}
        disabled={busy !== null}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onComment(event.target.value)}
      />
      {hint ? (
        <p id={`${id}-hint`} className="cs-muted cs-decision__hint">
          {hint}
        </p>
      ) : null}
      {error}
      <div className="cs-decision__actions">
        <button type="button" className="cs-button cs-button--primary" data-testid={testIds.approve} disabled={busy !== null} onClick={() => onDecide('approve')}>
          {busy === 'approve' ? 'Approving…' : '✓ Approve'}
        </button>
        <button
          type="button"
          className="cs-button cs-button--danger"
          data-testid={testIds.reject}
          disabled={busy !== null || empty}
          title={empty ? 'Write the reason in the comment first' : undefined}
          onClick={() => onDecide('reject')}
        >
          {busy === 'reject' ? 'Rejecting…' : '✕ Reject'}
        </button>
      </div>
    </>
  );
}
