import { shortHash, type VersionSummary } from '../store/workflow-slice.ts';
import { findingsSummary } from '../store/lint-badges.ts';
import { LiveMarker } from './LiveMarker.tsx';
import { VersionActions } from './VersionActions.tsx';
import { VersionStatusBadge } from './VersionStatusBadge.tsx';
import { when, who, type VersionViewer } from './version-status.ts';

/** Props of {@link VersionRow}. */
export interface VersionRowProps {
  version: VersionSummary;
  viewer: VersionViewer;
  onOpenReview?: ((version: number) => void) | undefined;
  /** A user's name by id (the id when unknown). */
  nameOf?(userId: string): string;
}

/** One version in the Versions tab: number, hash, status, live marker, who did what and when, the review comment, and its actions. */
export function VersionRow({ version, viewer, onOpenReview, nameOf = (id) => id }: VersionRowProps) {
  const trail: { key: string; text: string; iso: string }[] = [{ key: 'saved', text: `Saved by ${who(version.createdBy, viewer, nameOf)}`, iso: version.createdAt }];
  if (version.submittedAt) trail.push({ key: 'submitted', text: `Submitted by ${who(version.submittedBy, viewer, nameOf)}`, iso: version.submittedAt });
  if (version.reviewedAt) trail.push({ key: 'reviewed', text: `${version.status === 'rejected' ? 'Rejected' : 'Approved'} by ${who(version.reviewedBy, viewer, nameOf)}`, iso: version.reviewedAt });
  if (version.publishedAt) trail.push({ key: 'published', text: `Published by ${who(version.publishedBy, viewer, nameOf)}`, iso: version.publishedAt });
  const summary = findingsSummary(version.lint);

  return (
    <li className="cs-version-row" data-testid="version-row" data-version={version.version} data-live={version.live ? 'true' : undefined}>
      <div className="cs-version-row__head">
        <span className="cs-versions__number">v{version.version}</span>
        <code className="cs-versions__hash" title={version.hash}>
          {shortHash(version.hash)}
        </code>
        {version.live ? <LiveMarker /> : null}
        <VersionStatusBadge status={version.status} />
      </div>
      <ul className="cs-version-row__trail">
        {trail.map((step) => (
          <li key={step.key}>
            {step.text} · <time dateTime={step.iso}>{when(step.iso)}</time>
          </li>
        ))}
      </ul>
      {version.reviewComment ? (
        <blockquote className="cs-version-row__comment" data-testid="version-review-comment">
          {version.reviewComment}
        </blockquote>
      ) : null}
      {version.status !== 'draft' && summary ? <p className="cs-version-row__hint">Control lint at submission: {summary}</p> : null}
      <VersionActions version={version} viewer={viewer} onOpenReview={onOpenReview} />
    </li>
  );
}
