import { useState } from 'react';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context.tsx';

/** The workflow's name in the top bar: click (or Enter) to rename; Enter or leaving the field saves, Escape cancels. */
export function WorkflowName() {
  const store = useEditorStoreApi();
  const name = useEditorStore((state) => state.workflow?.name ?? '');
  const readOnly = useEditorStore((state) => state.readOnly);
  const [draft, setDraft] = useState<string | null>(null);
  if (draft === null || readOnly) {
    return (
      <h1 className="cs-topbar__name">
        {readOnly ? (
          name || '…'
        ) : (
          <button type="button" className="cs-topbar__rename" title="Rename the workflow" onClick={() => setDraft(name)}>
            {name || '…'}
          </button>
        )}
      </h1>
    );
  }
  const commit = async (): Promise<void> => {
    const next = draft.trim();
    setDraft(null);
    if (next !== '' && next !== name) await store.getState().rename(next);
  };
  return (
    <input
      className="cs-input cs-topbar__name-input"
      aria-label="Workflow name"
      value={draft}
      maxLength={200}
      autoFocus
      onChange={(event) => setDraft(event.target.value)}
      onBlur={() => void commit()}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
        if (event.key === 'Escape') {
          event.stopPropagation();
          setDraft(null);
        }
      }}
    />
  );
}
