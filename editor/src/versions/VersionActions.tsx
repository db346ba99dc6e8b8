import { useEditorStore, useEditorStoreApi } from '../store/editor-context.tsx';
import type { VersionSummary } from '../store/workflow-slice.ts';
import { SubmitVersionControl } from './SubmitVersionControl.tsx';
import { isAuthor, viewerCan, type VersionViewer } from './version-status.ts';

/** Props of {@link VersionActions}. */
export interface VersionActionsProps {
  version: VersionSummary;
  viewer: VersionViewer;
  /** Opens the review screen of a version (absent in a host without one: no Review button). */
  onOpenReview?: ((version: number) => void) | undefined;
}

/** What the viewer can do with a version now: submit a draft, review one in review (never their own), publish an approved one. */
export function VersionActions({ version, viewer, onOpenReview }: VersionActionsProps) {
  const store = useEditorStoreApi();
  const busy = useEditorStore((state) => state.versionActionBusy === version.version);
  const readOnly = useEditorStore((state) => state.readOnly);
  const author = isAuthor(version, viewer);
  const reviewer = viewerCan(viewer, 'version.review');

  switch (version.status) {
    case 'draft':
      if (readOnly || !viewerCan(viewer, 'version.submit')) return <p className="cs-version-row__hint">Not submitted for review yet.</p>;
      return <SubmitVersionControl version={version.version} />;
    case 'in_review':
      return (
        <div className="cs-version-row__actions">
          {author ? (
            <span className="cs-version-row__hint" data-testid="version-waiting">
              Waiting for another reviewer
            </span>
          ) : !reviewer ? (
            <span className="cs-version-row__hint">Waiting for a reviewer</span>
          ) : null}
          {onOpenReview ? (
            <button type="button" className={`cs-button cs-button--small${reviewer && !author ? ' cs-button--primary' : ''}`} data-testid="open-review" onClick={() => onOpenReview(version.version)}>
              {reviewer && !author ? 'Review' : 'View changes'}
            </button>
          ) : null}
        </div>
      );
    case 'approved':
      return (
        <div className="cs-version-row__actions">
          {!readOnly && viewerCan(viewer, 'version.publish') ? (
            <button
              type="button"
              className="cs-button cs-button--small cs-button--primary"
              data-testid="publish-version"
              disabled={busy}
              title="Production runs and webhooks use this version from now on"
              onClick={() => void store.getState().publishVersion(version.version)}
            >
              {busy ? 'Publishing…' : 'Publish'}
            </button>
          ) : (
            <span className="cs-version-row__hint">Approved: waiting to be published</span>
          )}
        </div>
      );
    case 'published':
    case 'rejected':
      return (
        <div className="cs-version-row__actions">
          {version.status === 'published' && !version.live ? <span className="cs-version-row__hint">Superseded: production uses a newer version</span> : null}
          {onOpenReview ? (
            <button type="button" className="cs-button cs-button--small cs-button--ghost" onClick={() => onOpenReview(version.version)}>
              View changes
            </button>
          ) : null}
        </div>
      );
    default: {
      const unreachable: never = version.status;
      return unreachable;
    }
  }
}
