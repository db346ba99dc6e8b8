import type { ReactNode } from 'react';
import type { FieldModel } from './field-model.ts';
import type { ValuePath } from './value-path.ts';

/** Props of one field of a form: where its value lives and how it is presented. */
export interface FieldProps {
  path: ValuePath;
  field: FieldModel;
  label: string;
  required: boolean;
  /** The label is read by screen readers only (record values, union alternatives). */
  hideLabel?: boolean;
  /** Extra buttons in the field's head (move/remove of list items). */
  actions?: ReactNode;
  /** Whether the field gets an "fx" toggle (default true). */
  allowExpression?: boolean;
  /**
   * The field is a list item or a map entry's value: it always exists, so it is not marked required,
   * and clearing it leaves null (or empty text) instead of removing the item under the user's cursor.
   */
  item?: boolean;
  /** Whether the field lists its own issues (false where an enclosing field already does). */
  showIssues?: boolean;
}

/** What a field shell gets besides its props: its id, value, a way to set it, its fx toggle. */
export interface ShellProps extends FieldProps {
  id: string;
  value: unknown;
  emit(value: unknown): void;
  fx: ReactNode;
}

/** Renders a child field; passed down so groups need not import the field dispatcher (no import cycle). */
export type RenderField = (props: FieldProps) => ReactNode;
