import { useId, useMemo, useRef } from 'react';
import type { ExpressionContext } from './expression-context.ts';
import { Field } from './Field.tsx';
import { propertyLabel } from './field-labels.ts';
import { FormContext, type FieldSuggestion, type FormContextValue } from './form-context.ts';
import { unclaimedIssues, type FormIssue } from './issue-paths.ts';
import { IssueList } from './IssueList.tsx';
import { schemaToModel } from './schema-to-model.ts';
import { isRecord, setIn, type ValuePath } from './value-path.ts';
import './forms.css';

const NO_SUGGESTIONS: Readonly<Record<string, readonly FieldSuggestion[]>> = {};

/** Props of {@link SchemaForm}. */
export interface SchemaFormProps {
  /** The node type's config schema (JSON Schema from `z.toJSONSchema`). */
  schema: Record<string, unknown>;
  /** The node's config. */
  value: Record<string, unknown>;
  /** Called with a new object; the given value is never mutated. */
  onChange(next: Record<string, unknown>): void;
  /** Issues for this node, with paths relative to the config (e.g. ['url'] or ['fields', 'amount']). */
  issues: FormIssue[];
  expressionContext: ExpressionContext;
  readOnly?: boolean;
  /** Prefix of input ids, unique per form when two editors share a page (default: a React id). */
  idPrefix?: string;
  /** Top-level fields the runtime takes literally (e.g. code): no expression toggle there. */
  literalFields?: readonly string[];
  /** Values to offer in top-level text fields (e.g. the tenant's credentials in a credential field). */
  suggestions?: Readonly<Record<string, readonly FieldSuggestion[]>>;
}

/** A node's config form, generated from its JSON Schema; every field can also hold a `{{ }}` expression. */
export function SchemaForm({ schema, value, onChange, issues, expressionContext, readOnly = false, idPrefix, literalFields, suggestions = NO_SUGGESTIONS }: SchemaFormProps) {
  const literal = useMemo(() => new Set(literalFields ?? []), [literalFields]);
  const model = useMemo(() => schemaToModel(schema), [schema]);
  const reactId = useId();
  const prefix = idPrefix ?? `cs-form-${reactId.replace(/[^\w-]/g, '')}`;
  // Several updates in one event (rename, then edit) must each build on the previous one.
  const latest = useRef(value);
  latest.current = value;
  const context = useMemo<FormContextValue>(
    () => ({
      root: value,
      update(path: ValuePath, next: unknown) {
        const updated = setIn(latest.current, path, next);
        const root = isRecord(updated) ? updated : {};
        latest.current = root;
        onChange(root);
      },
      issues,
      expressionContext,
      readOnly,
      idPrefix: prefix,
      literalFields: literal,
      suggestions,
    }),
    [value, onChange, issues, expressionContext, readOnly, prefix, literal, suggestions],
  );
  const keys = model.kind === 'object' ? model.properties.map((property) => property.key) : null;
  const unclaimed = keys === null ? issues.filter((issue) => issue.path.length === 0) : unclaimedIssues(issues, keys);
  return (
    <FormContext.Provider value={context}>
      <div className="cs-form" data-readonly={readOnly || undefined}>
        <IssueList id={`${prefix}-issues`} issues={unclaimed} base={[]} />
        {model.kind === 'object' ? (
          model.properties.length === 0 ? (
            <p className="cs-help">This node has no settings.</p>
          ) : (
            model.properties.map((property) => (
              <Field key={property.key} path={[property.key]} field={property.field} label={propertyLabel(property.key, property.field)} required={property.required} />
            ))
          )
        ) : (
          <Field path={[]} field={model} label={model.title ?? 'Configuration'} required allowExpression={false} showIssues={false} />
        )}
      </div>
    </FormContext.Provider>
  );
}
