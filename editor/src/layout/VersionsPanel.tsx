import { useEditorStore, useEditorStoreApi } from '../store/editor-context.tsx';
import { hasUnversionedChanges, shortHash } from '../store/workflow-slice.ts';

const when = (iso: string): string => new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });

/** The Versions tab: immutable versions (number, short hash, created, author) and whether the draft is in one. */
export function VersionsPanel({ currentUserId }: { currentUserId?: string | undefined }) {
  const store = useEditorStoreApi();
  const versions = useEditorStore((state) => state.versions);
  const changed = useEditorStore(hasUnversionedChanges);
  const draftHash = useEditorStore((state) => state.draftHash);
  return (
    <div className="cs-versions">
      <p className="cs-versions__draft">
        {versions.length === 0
          ? 'No version yet: save one to run the workflow and send it for review.'
          : changed
            ? `The draft has changes that are not in v${versions[0]?.version ?? ''}.`
            : `The draft is the same as v${versions[0]?.version ?? ''}${draftHash ? ` (${shortHash(draftHash)})` : ''}.`}
      </p>
      {versions.length > 0 ? (
        <ol className="cs-versions__list" aria-label="Versions">
          {versions.map((version) => (
            <li key={version.version} className="cs-versions__row">
              <span className="cs-versions__number">v{version.version}</span>
              <code className="cs-versions__hash" title={version.hash}>
                {shortHash(version.hash)}
              </code>
              <span className={`cs-chip cs-chip--${version.status}`}>{version.status}</span>
              <span className="cs-versions__meta">
                <time dateTime={version.createdAt}>{when(version.createdAt)}</time> · {version.createdBy === currentUserId ? 'you' : version.createdBy}
              </span>
            </li>
          ))}
        </ol>
      ) : null}
      <button type="button" className="cs-button cs-button--small" onClick={() => void store.getState().refreshVersions()}>
        Refresh
      </button>
    </div>
  );
}
