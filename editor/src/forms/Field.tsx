import { isGroup, isScalar } from './field-model.ts';
import { fieldId } from './field-labels.ts';
import type { FieldProps } from './field-props.ts';
import { toExpression, fromExpression } from './expression-mode.ts';
import { useFormContext } from './form-context.ts';
import { FxToggle } from './FxToggle.tsx';
import { GroupField } from './GroupField.tsx';
import { ScalarField } from './ScalarField.tsx';
import { useExpressionMode } from './use-expression-mode.ts';
import { getIn } from './value-path.ts';

const renderField = (props: FieldProps) => <Field {...props} />;

/** One field of a schema form, chosen by its kind; any field can hold a `{{ }}` expression instead. */
export function Field(props: FieldProps) {
  const { path, field, label } = props;
  const item = props.item === true;
  const form = useFormContext();
  const value = getIn(form.root, path);
  const mode = useExpressionMode(value);
  const id = fieldId(form.idPrefix, path);
  const emit = (next: unknown): void => {
    // An optional text field left empty is no value at all (schemas often say minLength 1); an item
    // left empty must not take its row (the one the user is typing in) with it.
    const cleared = next === '' && !props.required && !item && field.kind === 'string' ? undefined : next;
    const cleaned = cleared === undefined && item ? null : cleared;
    mode.own(cleaned);
    form.update(path, cleaned);
  };
  const toggle = (): void => {
    const next = mode.on ? fromExpression(value, field) : toExpression(value);
    mode.set(!mode.on);
    if (!Object.is(next, value)) emit(next);
  };
  // Groups are edited as a whole by expression only when asked; one-control fields always offer it.
  const literal = path.length > 0 && form.literalFields.has(String(path[0]));
  const offersFx = !literal && (props.allowExpression ?? true) && (isScalar(field) || isGroup(field) || mode.on);
  const fx = offersFx ? <FxToggle on={mode.on} label={label} disabled={form.readOnly} onToggle={toggle} /> : null;
  const shell = { ...props, id, value, emit, fx };
  if (mode.on || !isGroup(field)) return <ScalarField {...shell} expression={mode.on} />;
  return <GroupField {...shell} renderField={renderField} />;
}
