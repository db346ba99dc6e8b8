import { useEffect } from 'react';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context.tsx';
import { hasUnversionedChanges, shortHash } from '../store/workflow-slice.ts';
import type { VersionViewer } from '../versions/version-status.ts';
import { VersionRow } from '../versions/VersionRow.tsx';

/** Props of {@link VersionsPanel}. */
export interface VersionsPanelProps {
  viewer: VersionViewer;
  onOpenReview?: ((version: number) => void) | undefined;
}

/**
 * The Versions tab: whether the draft is in a version, then every version with its status, who
 * saved, submitted, reviewed and published it, the live one marked, and what the viewer can do next.
 */
export function VersionsPanel({ viewer, onOpenReview }: VersionsPanelProps) {
  const store = useEditorStoreApi();
  const versions = useEditorStore((state) => state.versions);
  const changed = useEditorStore(hasUnversionedChanges);
  const draftHash = useEditorStore((state) => state.draftHash);
  const userNames = useEditorStore((state) => state.userNames);
  useEffect(() => {
    void store.getState().loadUserNames();
  }, [store]);
  return (
    <div className="cs-versions">
      <p className="cs-versions__draft">
        {versions.length === 0
          ? 'No version yet: save one to run the workflow and send it for review.'
          : changed
            ? `The draft has changes that are not in v${versions[0]?.version ?? ''}: save a version to submit them.`
            : `The draft is the same as v${versions[0]?.version ?? ''}${draftHash ? ` (${shortHash(draftHash)})` : ''}.`}
      </p>
      {versions.length > 0 ? (
        <ol className="cs-versions__list" aria-label="Versions">
          {versions.map((version) => (
            <VersionRow key={version.version} version={version} viewer={viewer} onOpenReview={onOpenReview} nameOf={(id) => userNames[id] ?? id} />
          ))}
        </ol>
      ) : null}
      <button type="button" className="cs-button cs-button--small" onClick={() => void store.getState().refreshVersions()}>
        Refresh
      </button>
    </div>
  );
}
