import { useEditorStore, useEditorStoreApi } from '../store/editor-context.tsx';

const time = (ms: number): string => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** The draft's save state: Saved · 12:03 / Saving… / Unsaved — N issues / Error: … (with retry). */
export function SaveIndicator() {
  const store = useEditorStoreApi();
  const saveState = useEditorStore((state) => state.saveState);
  const lastSavedAt = useEditorStore((state) => state.lastSavedAt);
  const saveError = useEditorStore((state) => state.saveError);
  const issueCount = useEditorStore((state) => state.issues.length);
  const readOnly = useEditorStore((state) => state.readOnly);
  if (readOnly) return <span className="cs-save" data-state="readonly">Read-only</span>;

  let text: string;
  switch (saveState) {
    case 'saved':
      text = lastSavedAt === null ? 'Saved' : `Saved · ${time(lastSavedAt)}`;
      break;
    case 'saving':
      text = 'Saving…';
      break;
    case 'unsaved':
      text = issueCount > 0 ? `Unsaved — ${issueCount} issue${issueCount === 1 ? '' : 's'}` : 'Unsaved';
      break;
    case 'error':
      text = `Error: ${saveError ?? 'not saved'}`;
      break;
    default: {
      const unreachable: never = saveState;
      text = unreachable;
    }
  }
  const title =
    saveState === 'unsaved' && issueCount > 0
      ? 'The runtime stores a draft only when it is valid. Your changes are kept in this browser and saved as soon as the issues are fixed.'
      : undefined;
  return (
    <span className="cs-save" data-state={saveState} role="status" aria-live="polite" title={title}>
      <span className="cs-save__dot" aria-hidden="true" />
      <span className="cs-save__text">{text}</span>
      {saveState === 'error' ? (
        <button type="button" className="cs-button cs-button--small cs-button--ghost" onClick={() => void store.getState().saveNow()}>
          Retry
        </button>
      ) : null}
    </span>
  );
}
