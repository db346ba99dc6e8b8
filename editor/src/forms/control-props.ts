import type { FieldModel } from './field-model.ts';

/** What every typed control gets from its field row. */
export interface ControlProps<F extends FieldModel = FieldModel> {
  id: string;
  field: F;
  value: unknown;
  /** Reports the new value; undefined means "no value" (the key is removed). */
  onChange(value: unknown): void;
  label: string;
  required: boolean;
  readOnly: boolean;
  invalid: boolean;
  describedBy: string | undefined;
  /** Values a text control offers to pick from (it still takes any text). */
  suggestions?: readonly { value: string; label: string }[] | undefined;
}

/** The ARIA attributes every control sets from its {@link ControlProps}. */
export function ariaOf(props: ControlProps): {
  'aria-required': true | undefined;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
} {
  return {
    'aria-required': props.required || undefined,
    'aria-invalid': props.invalid || undefined,
    'aria-describedby': props.describedBy,
  };
}

/** A default or example value as placeholder text. */
export function placeholderOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
