import { Link } from '../app/Link.tsx';
import { workflowPath } from '../app/router.ts';
import { shortHash } from '../store/workflow-slice.ts';
import { LiveMarker } from '../versions/LiveMarker.tsx';
import { VersionStatusBadge } from '../versions/VersionStatusBadge.tsx';
import { when, who, type VersionViewer } from '../versions/version-status.ts';
import type { ReviewData } from './use-review-data.ts';
import { changeCounts } from './review-model.ts';

/** The review's heading: which version against which, its status, who wrote and submitted it, and the size of the change. */
export function ReviewHeader({ data, viewer, nameOf }: { data: ReviewData; viewer: VersionViewer; nameOf(userId: string): string }) {
  const { workflow, target, base, diff } = data;
  const counts = changeCounts(diff);
  const against = base === null ? 'a first version: every step is new' : `compared with v${base.version}${base.live ? ' (live in production)' : ' (the previous version; none is live)'}`;
  const facts = [
    counts.changed > 0 ? `${counts.changed} step${counts.changed === 1 ? '' : 's'} changed` : '',
    counts.added > 0 ? `${counts.added} added` : '',
    counts.removed > 0 ? `${counts.removed} removed` : '',
    counts.layout > 0 ? `${counts.layout} moved only` : '',
    counts.edges > 0 ? `${counts.edges} wire${counts.edges === 1 ? '' : 's'}` : '',
    counts.settings > 0 ? `${counts.settings} setting${counts.settings === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return (
    <header className="cs-review__head">
      <div className="cs-review__title-row">
        <h1 className="cs-review__title">
          Review v{target.version} · {workflow.name}
        </h1>
        <VersionStatusBadge status={target.status} />
        {target.live ? <LiveMarker /> : null}
        <Link href={workflowPath(workflow.id)} className="cs-review__back">
          Open the workflow
        </Link>
      </div>
      <p className="cs-review__facts">
        <span>{against}</span>
        <span>
          saved by {who(target.createdBy, viewer, nameOf)} · {when(target.createdAt)}
        </span>
        {target.submittedAt ? (
          <span>
            submitted by {who(target.submittedBy, viewer, nameOf)} · {when(target.submittedAt)}
          </span>
        ) : null}
        <code title={target.hash}>{shortHash(target.hash)}</code>
      </p>
      <p className="cs-review__summary" data-testid="review-summary">
        {diff.behaviourUnchanged ? 'Only the layout changed: what runs is the same.' : facts.length > 0 ? facts.join(' · ') : 'No change.'}
      </p>
    </header>
  );
}
