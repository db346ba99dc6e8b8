import { createContext, useContext } from 'react';
import type { ExpressionContext } from './expression-context.ts';
import type { FormIssue } from './issue-paths.ts';
import type { ValuePath } from './value-path.ts';

/** A value offered in a text field: what it sets, and how it reads (e.g. a credential's id and name). */
export interface FieldSuggestion {
  value: string;
  label: string;
}

/** What every field of one form shares: the whole value, one way to change it, the issues. */
export interface FormContextValue {
  root: Record<string, unknown>;
  /** Sets the value at `path` (undefined removes an object key) and reports the new root. */
  update(path: ValuePath, value: unknown): void;
  issues: readonly FormIssue[];
  expressionContext: ExpressionContext;
  readOnly: boolean;
  idPrefix: string;
  /** Top-level fields taken literally: their values are never expressions. */
  literalFields: ReadonlySet<string>;
  /** Values offered in top-level text fields, by field name. */
  suggestions: Readonly<Record<string, readonly FieldSuggestion[]>>;
}

/** The context a {@link SchemaForm} provides to its fields. */
export const FormContext = createContext<FormContextValue | null>(null);

/** The enclosing form's context; fields only render inside a SchemaForm. */
export function useFormContext(): FormContextValue {
  const value = useContext(FormContext);
  if (value === null) throw new Error('Form fields must be rendered inside <SchemaForm>');
  return value;
}
