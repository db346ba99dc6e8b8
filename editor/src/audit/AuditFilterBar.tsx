import { useId, useState, type FormEvent } from 'react';
import { emptyFilterForm, type AuditFilterForm } from './audit-filters.ts';

const TEXT_FIELDS: { key: Exclude<keyof AuditFilterForm, 'from' | 'to'>; label: string; placeholder: string }[] = [
  { key: 'actor', label: 'Actor', placeholder: 'e.g. demo-reviewer' },
  { key: 'action', label: 'Action', placeholder: 'e.g. version.approved' },
  { key: 'targetType', label: 'Target type', placeholder: 'e.g. version' },
  { key: 'targetId', label: 'Target id', placeholder: 'e.g. ap-invoice-intake@2' },
  { key: 'runId', label: 'Run id', placeholder: 'e.g. 3f2c…' },
];

/** Props of {@link AuditFilterBar}. */
export interface AuditFilterBarProps {
  initial: AuditFilterForm;
  onApply(form: AuditFilterForm): void;
}

/** The audit filters: time range, actor, action, target type and id, run id; applied on submit, cleared at once. */
export function AuditFilterBar({ initial, onApply }: AuditFilterBarProps) {
  const [form, setForm] = useState(initial);
  const id = useId();
  const set = (key: keyof AuditFilterForm, value: string): void => setForm((previous) => ({ ...previous, [key]: value }));
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onApply(form);
  };
  const clear = (): void => {
    const empty = emptyFilterForm();
    setForm(empty);
    onApply(empty);
  };
  return (
    <form className="cs-card cs-audit-filters" onSubmit={submit} aria-label="Filter the audit trail">
      <label htmlFor={`${id}-from`}>
        From
        <input id={`${id}-from`} type="datetime-local" className="cs-input" value={form.from} onChange={(event) => set('from', event.target.value)} />
      </label>
      <label htmlFor={`${id}-to`}>
        To
        <input id={`${id}-to`} type="datetime-local" className="cs-input" value={form.to} onChange={(event) => set('to', event.target.value)} />
      </label>
      {TEXT_FIELDS.map((field) => (
        <label key={field.key} htmlFor={`${id}-${field.key}`}>
          {field.label}
          <input
            id={`${id}-${field.key}`}
            className="cs-input"
            data-testid={`audit-filter-${field.key}`}
            value={form[field.key]}
            placeholder={field.placeholder}
            onChange={(event) => set(field.key, event.target.value)}
          />
        </label>
      ))}
      <div className="cs-audit-filters__actions">
        <button type="submit" className="cs-button cs-button--primary" data-testid="audit-apply">
          Apply
        </button>
        <button type="button" className="cs-button" onClick={clear}>
          Clear
        </button>
      </div>
    </form>
  );
}
