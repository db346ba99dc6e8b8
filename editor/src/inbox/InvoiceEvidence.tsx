import { useMemo } from 'react';
import { JsonTree } from '../runs/index.ts';
import { evidenceFields } from './evidence-fields.ts';

/** The run's input (the invoice as received) as a key/value list, with the raw JSON one click away. */
export function InvoiceEvidence({ input }: { input: unknown }) {
  const fields = useMemo(() => evidenceFields(input), [input]);
  return (
    <div className="cs-invoice">
      {fields.length === 0 ? (
        <p className="cs-muted">The run's input is not a record; it is shown as received below.</p>
      ) : (
        <dl className="cs-invoice__fields">
          {fields.map((field) => (
            <div key={field.path} className={`cs-invoice__field cs-invoice__field--${field.kind}`}>
              <dt>{field.label}</dt>
              <dd>{field.kind === 'records' ? <JsonTree value={field.nested} name={field.text} openDepth={0} /> : field.text}</dd>
            </div>
          ))}
        </dl>
      )}
      <details className="cs-invoice__raw" open={fields.length === 0}>
        <summary>Raw input (JSON)</summary>
        <JsonTree value={input} name="input" openDepth={2} />
      </details>
    </div>
  );
}
