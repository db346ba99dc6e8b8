import { ariaOf, placeholderOf, type ControlProps } from './control-props.ts';
import type { EnumValue, FieldOf } from './field-model.ts';

function show(option: EnumValue): string {
  return typeof option === 'string' ? option : JSON.stringify(option);
}

/** A select over the schema's `enum` values; its empty choice means "use the default" or "none". */
export function EnumControl(props: ControlProps<FieldOf<'enum'>>) {
  const { id, field, value, onChange, readOnly, required } = props;
  const index = field.options.findIndex((option) => option === value);
  const known = value === undefined || index !== -1;
  const empty =
    field.default !== undefined ? `Default (${placeholderOf(field.default) ?? ''})` : required ? 'Select…' : '—';
  return (
    <select
      id={id}
      className="cs-input cs-select"
      value={value === undefined ? '' : known ? String(index) : 'unknown'}
      disabled={readOnly}
      {...ariaOf(props)}
      onChange={(event) => {
        const chosen = event.currentTarget.value;
        onChange(chosen === '' ? undefined : field.options[Number(chosen)]);
      }}
    >
      {(value === undefined || !required || field.default !== undefined) && <option value="">{empty}</option>}
      {field.options.map((option, i) => (
        <option key={show(option)} value={String(i)}>
          {show(option)}
        </option>
      ))}
      {!known && (
        <option value="unknown" disabled>
          {`${JSON.stringify(value)} (not allowed)`}
        </option>
      )}
    </select>
  );
}
