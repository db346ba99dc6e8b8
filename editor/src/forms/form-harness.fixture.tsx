import { useState } from 'react';
import type { FormIssue } from './issue-paths.ts';
import { SchemaForm } from './SchemaForm.tsx';

/** Props of {@link FormHarness}. */
export interface FormHarnessProps {
  schema: Record<string, unknown>;
  initial: Record<string, unknown>;
  issues?: FormIssue[];
  upstreamLabels?: string[];
  readOnly?: boolean;
  literalFields?: string[];
  /** Sees every value the form reports. */
  spy(next: Record<string, unknown>): void;
}

/** A SchemaForm whose value lives in React state, as in the editor's store, for component tests. */
export function FormHarness({ schema, initial, issues = [], upstreamLabels = ['Fetch invoice', 'Approve'], readOnly, literalFields, spy }: FormHarnessProps) {
  const [value, setValue] = useState(initial);
  const [context] = useState({ upstreamLabels, inputFields: ['amount', 'currency'] });
  return (
    <SchemaForm
      schema={schema}
      value={value}
      onChange={(next) => {
        spy(next);
        setValue(next);
      }}
      issues={issues}
      expressionContext={context}
      readOnly={readOnly}
      literalFields={literalFields}
      idPrefix="t"
    />
  );
}
