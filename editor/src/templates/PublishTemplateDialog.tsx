import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { PublishTemplateRequest, TemplateDto, TenantDto, WorkflowSummaryDto } from '@countersign/shared';
import type { ApiClient } from '../api/api-client.ts';
import { ApiError, errorMessage } from '../api/api-error.ts';
import { useFocusTrap } from '../runs/index.ts';
import { parseJsonText } from './template-form.ts';

const EXAMPLE_PARAMETERS = JSON.stringify({ type: 'object', properties: { erpUrl: { type: 'string', format: 'uri', title: 'ERP URL' } }, required: ['erpUrl'] }, null, 2);
const EXAMPLE_PLACEHOLDERS = JSON.stringify([{ nodeId: 'post-to-erp', path: ['url'], value: '{{param:erpUrl}}' }], null, 2);

/** The partner admin's "Publish as template": one of its published workflows, with name, category, parameters schema, placeholders and audience. */
export function PublishTemplateDialog({ api, templates, onPublished, onClose }: { api: ApiClient; templates: TemplateDto[]; onPublished(template: TemplateDto): void; onClose(): void }) {
  const id = useId();
  const ref = useRef<HTMLFormElement>(null);
  const [workflows, setWorkflows] = useState<WorkflowSummaryDto[]>([]);
  const [clients, setClients] = useState<TenantDto[]>([]);
  const [workflowId, setWorkflowId] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState('');
  const [parameters, setParameters] = useState(EXAMPLE_PARAMETERS);
  const [placeholders, setPlaceholders] = useState(EXAMPLE_PLACEHOLDERS);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useFocusTrap(ref, onClose);

  useEffect(() => {
    let active = true;
    api.listWorkflows().then((items) => active && setWorkflows(items.filter((w) => w.publishedVersion !== null)), (e: unknown) => active && setError(errorMessage(e)));
    api.listClientTenants().then((items) => active && setClients(items), (e: unknown) => active && setError(errorMessage(e)));
    return () => {
      active = false;
    };
  }, [api]);

  const pickTemplate = (next: string): void => {
    setTemplateId(next);
    const existing = templates.find((t) => t.id === next);
    if (!existing) return;
    setName(existing.name);
    setDescription(existing.description);
    setCategory(existing.category);
    setParameters(JSON.stringify(existing.parameters, null, 2));
    setChosen(existing.audience === 'all' ? null : existing.audience);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const workflow = workflows.find((w) => w.id === workflowId);
    const schema = parseJsonText(parameters, 'object');
    const places = parseJsonText(placeholders, 'array');
    if (!workflow || workflow.publishedVersion === null) return setError('Pick a published workflow');
    if ('error' in schema) return setError(`Parameters schema: ${schema.error}`);
    if ('error' in places) return setError(`Placeholders: ${places.error}`);
    if (chosen !== null && chosen.length === 0) return setError('Choose at least one client, or publish to all clients');
    setBusy(true);
    setError(null);
    const body = {
      ...(templateId ? { templateId } : {}),
      workflowId: workflow.id,
      version: workflow.publishedVersion,
      name: name.trim(),
      description,
      category: category.trim(),
      parameters: schema.value,
      placeholders: places.value,
      audience: chosen ?? 'all',
    } as PublishTemplateRequest;
    try {
      onPublished(await api.publishTemplate(body));
    } catch (caught) {
      // 400 and 422 name the fields: body.parameters.properties.x, body.placeholders.0.path...
      const where = caught instanceof ApiError && caught.issues.length > 0 ? ` (at ${caught.issues.map((i) => i.path.slice(1).join('.')).join('; ')})` : '';
      setError(`${errorMessage(caught)}${where}`);
      setBusy(false);
    }
  };

  const toggle = (clientId: string): void => setChosen((current) => (current ?? []).includes(clientId) ? (current ?? []).filter((x) => x !== clientId) : [...(current ?? []), clientId]);
  const field = (label: string, key: string, control: ReactNode) => (
    <div className="cs-template-dialog__field">
      <label className="cs-dialog__label" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      {control}
    </div>
  );

  return (
    <div className="cs-dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <form ref={ref} className="cs-dialog cs-template-dialog cs-template-dialog--wide" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)}>
        <h2 id={`${id}-title`} className="cs-dialog__title">
          Publish as template
        </h2>
        <p className="cs-dialog__hint">Clients get a draft with their parameters substituted for each {'{{param:<name>}}'} placeholder; each client reviews it before it runs.</p>
        {field('Published workflow', 'workflow', (
          <select id={`${id}-workflow`} className="cs-input" required value={workflowId} onChange={(e) => setWorkflowId(e.target.value)} data-testid="template-publish-workflow">
            <option value="">Choose…</option>
            {workflows.map((w) => <option key={w.id} value={w.id}>{`${w.name} (v${w.publishedVersion})`}</option>)}
          </select>
        ))}
        {field('Template', 'template', (
          <select id={`${id}-template`} className="cs-input" value={templateId} onChange={(e) => pickTemplate(e.target.value)}>
            <option value="">A new template</option>
            {templates.map((t) => <option key={t.id} value={t.id}>{`Next version of ${t.name} (now v${t.version})`}</option>)}
          </select>
        ))}
        {field('Name', 'name', <input id={`${id}-name`} className="cs-input" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />)}
        {field('Category', 'category', <input id={`${id}-category`} className="cs-input" required maxLength={100} value={category} onChange={(e) => setCategory(e.target.value)} placeholder="e.g. Accounts payable" />)}
        {field('Description', 'description', <textarea id={`${id}-description`} className="cs-input" rows={2} maxLength={5000} value={description} onChange={(e) => setDescription(e.target.value)} />)}
        {field('Parameters (JSON Schema)', 'parameters', <textarea id={`${id}-parameters`} className="cs-dialog__json" rows={8} spellCheck={false} value={parameters} onChange={(e) => setParameters(e.target.value)} />)}
        {field('Placeholders (node, config path, value)', 'placeholders', <textarea id={`${id}-placeholders`} className="cs-dialog__json" rows={5} spellCheck={false} value={placeholders} onChange={(e) => setPlaceholders(e.target.value)} />)}
        <fieldset className="cs-template-dialog__audience">
          <legend className="cs-dialog__label">Audience</legend>
          <label>
            <input type="radio" name={`${id}-audience`} checked={chosen === null} onChange={() => setChosen(null)} /> All clients
          </label>
          <label>
            <input type="radio" name={`${id}-audience`} checked={chosen !== null} onChange={() => setChosen([])} /> Chosen clients
          </label>
          {chosen !== null
            ? clients.map((client) => (
                <label key={client.id} className="cs-template-dialog__client">
                  <input type="checkbox" checked={chosen.includes(client.id)} onChange={() => toggle(client.id)} /> {client.name}
                </label>
              ))
            : null}
        </fieldset>
        {error ? <p className="cs-error-text" role="alert">{error}</p> : null}
        <div className="cs-template-dialog__actions">
          <button type="button" className="cs-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="cs-button cs-button--primary" data-testid="template-publish" disabled={busy}>
            {busy ? 'Publishing…' : 'Publish'}
          </button>
        </div>
      </form>
    </div>
  );
}
