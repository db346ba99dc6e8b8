import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { TemplateDto } from '@countersign/shared';
import type { ApiClient } from '../api/api-client.ts';
import { errorMessage, isValidationError } from '../api/api-error.ts';
import { navigate, workflowPath } from '../app/router.ts';
import { SchemaForm, type ExpressionContext, type FormIssue } from '../forms/index.ts';
import { useFocusTrap } from '../runs/index.ts';
import { initialParameterValues, parameterFormIssues } from './template-form.ts';
import { DialogFooter } from '../layout/DialogFooter.tsx';

// Parameters are values, not expressions: no field offers {{ }} and completion has nothing to offer.
const NO_EXPRESSIONS: ExpressionContext = { upstreamLabels: [], inputFields: [] };

/** The "Use template" form, generated from the template's parameters schema: creates the workflow and opens its editor. */
export function UseTemplateDialog({ api, template, onClose }: { api: Pick<ApiClient, 'instantiateTemplate'>; template: TemplateDto; onClose(): void }) {
  const id = useId();
  const ref = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(template.name);
  const [values, setValues] = useState(() => initialParameterValues(template.parameters));
  const [issues, setIssues] = useState<FormIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const schema = template.parameters as unknown as Record<string, unknown>;
  const literal = useMemo(() => Object.keys(template.parameters.properties), [template.parameters]);
  useFocusTrap(ref, onClose);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const workflow = await api.instantiateTemplate(template.id, { parameters: values, ...(name.trim() ? { name: name.trim() } : {}) });
      navigate(workflowPath(workflow.id));
    } catch (caught) {
      if (isValidationError(caught)) {
        const split = parameterFormIssues(caught.issues);
        setIssues(split.fields);
        setError(split.general.length > 0 ? split.general.join(' ') : 'Check the highlighted parameters.');
      } else setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <div className="cs-dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <form ref={ref} className="cs-dialog cs-template-dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)} noValidate>
        <h2 id={`${id}-title`} className="cs-dialog__title">
          Use “{template.name}” v{template.version}
        </h2>
        <p className="cs-dialog__hint">Creates a draft workflow in your tenant. It runs in production only after your own review and publication.</p>
        <label className="cs-dialog__label" htmlFor={`${id}-name`}>
          Workflow name
        </label>
        <input id={`${id}-name`} className="cs-input cs-template-dialog__input" maxLength={200} value={name} onChange={(event) => setName(event.target.value)} />
        <div className="cs-template-dialog__parameters" data-testid="template-parameters">
          <SchemaForm schema={schema} value={values} onChange={setValues} issues={issues} expressionContext={NO_EXPRESSIONS} literalFields={literal} idPrefix={`${id.replace(/[^\w-]/g, '')}-p`} />
        </div>
        <DialogFooter error={error} busy={busy} submitLabel="Create workflow" busyLabel="Creating…" submitTestId="template-instantiate" onCancel={onClose} className="cs-template-dialog__actions" />
      </form>
    </div>
  );
}
