import type { VersionSummary } from '../store/workflow-slice.ts';
import { VersionStatusBadge } from '../versions/VersionStatusBadge.tsx';
import { when, who, type VersionViewer } from '../versions/version-status.ts';

/** How the review of a version ended (or that it is not in review), with the reviewer's comment. */
export function ReviewOutcome({ version, viewer, nameOf }: { version: VersionSummary; viewer: VersionViewer; nameOf(userId: string): string }) {
  return (
    <div className="cs-review-outcome" data-testid="review-outcome" data-status={version.status}>
      <p>
        <VersionStatusBadge status={version.status} />{' '}
        {version.status === 'draft' ? 'Not submitted for review yet.' : null}
        {version.reviewedAt ? (
          <>
            {version.status === 'rejected' ? 'Rejected' : 'Approved'} by <strong>{who(version.reviewedBy, viewer, nameOf)}</strong> · {when(version.reviewedAt)}
          </>
        ) : null}
      </p>
      {version.reviewComment ? <blockquote className="cs-task-outcome__comment">{version.reviewComment}</blockquote> : null}
      {version.publishedAt ? (
        <p className="cs-muted">
          Published by {who(version.publishedBy, viewer, nameOf)} · {when(version.publishedAt)}
          {version.live ? ' · live now' : ''}
        </p>
      ) : null}
    </div>
  );
}
