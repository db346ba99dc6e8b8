import { useId, useRef, useState, type FormEvent } from 'react';
import { CURRENT_SCHEMA_VERSION } from '@countersign/shared';
import type { ApiClient } from '../api/api-client.ts';
import { errorMessage } from '../api/api-error.ts';
import { navigate } from '../app/router.ts';
import { useFocusTrap } from '../runs/index.ts';

/** Asks for a name, creates an empty workflow and opens it in the editor. */
export function NewWorkflowDialog({ api, onClose }: { api: ApiClient; onClose(): void }) {
  const id = useId();
  const ref = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useFocusTrap(ref, onClose);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const workflow = await api.createWorkflow({ name: name.trim(), graph: { schemaVersion: CURRENT_SCHEMA_VERSION, nodes: [], edges: [], settings: {} } });
      navigate(`/workflows/${encodeURIComponent(workflow.id)}`);
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <div className="cs-dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <form ref={ref} className="cs-dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)}>
        <h2 id={`${id}-title`} className="cs-dialog__title">
          New workflow
        </h2>
        <label className="cs-field__label" htmlFor={`${id}-name`}>
          Name
        </label>
        <input id={`${id}-name`} className="cs-input" required maxLength={200} value={name} onChange={(event) => setName(event.target.value)} placeholder="e.g. Vendor onboarding" autoFocus />
        {error ? <p className="cs-error-text" role="alert">{error}</p> : null}
        <div className="cs-dialog__actions">
          <button type="button" className="cs-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="cs-button cs-button--primary" disabled={busy || name.trim() === ''}>
            {busy ? 'Creating…' : 'Create and open'}
          </button>
        </div>
      </form>
    </div>
  );
}
