import type { ChainDecisionDto } from '@countersign/shared';
import { formatTime } from '../runs/index.ts';

/** The decisions taken so far in the run's approval chain: who, on behalf of whom, when, and the comment. */
export function DecisionChain({ decisions, nameOf }: { decisions: ChainDecisionDto[]; nameOf(userId: string): string }) {
  if (decisions.length === 0) return <p className="cs-muted">No decision has been taken in this chain yet.</p>;
  return (
    <ol className="cs-chain">
      {decisions.map((decision) => (
        <li key={decision.taskId} className={`cs-chain__item cs-chain__item--${decision.decision}`} data-testid="chain-decision">
          <div className="cs-chain__line">
            <strong>{decision.decision === 'approve' ? '✓ Approved' : '✕ Rejected'}</strong> by {decision.decidedByName}
            {decision.onBehalfOf ? <span> on behalf of {nameOf(decision.onBehalfOf)}</span> : null}
            <span className="cs-muted">
              {' '}
              · level {decision.level} · <time dateTime={decision.at}>{formatTime(decision.at)}</time>
            </span>
          </div>
          {decision.comment ? <blockquote className="cs-chain__comment">{decision.comment}</blockquote> : null}
        </li>
      ))}
    </ol>
  );
}
