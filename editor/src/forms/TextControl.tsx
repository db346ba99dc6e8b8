import { ariaOf, placeholderOf, type ControlProps } from './control-props.ts';
import type { FieldOf } from './field-model.ts';
import { formatPlaceholder } from './field-hints.ts';

const INPUT_TYPES: Record<string, string> = { uri: 'url', url: 'url', email: 'email' };

/** A text field: one line, or a text area for long text such as code. */
export function TextControl(props: ControlProps<FieldOf<'string'>>) {
  const { id, field, value, onChange, readOnly } = props;
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);
  const common = {
    id,
    value: text,
    readOnly,
    placeholder: placeholderOf(field.default) ?? formatPlaceholder(field.format),
    ...ariaOf(props),
    onChange: (event: { currentTarget: { value: string } }) => onChange(event.currentTarget.value),
  };
  if (field.multiline) return <textarea {...common} rows={8} spellCheck={false} className="cs-input cs-input--code" />;
  const type = (field.format !== undefined ? INPUT_TYPES[field.format] : undefined) ?? 'text';
  const options = props.suggestions ?? [];
  if (options.length === 0) return <input {...common} type={type} className="cs-input" />;
  // A list to pick from, while any text stays allowed (e.g. a credential's name instead of its id).
  const listId = `${id}-options`;
  return (
    <>
      <input {...common} type={type} className="cs-input" list={listId} autoComplete="off" />
      <datalist id={listId}>
        {options.map((option) => (
          <option key={option.value} value={option.value} label={option.label} />
        ))}
      </datalist>
    </>
  );
}
