import { ariaOf, type ControlProps } from './control-props.ts';
import type { FieldOf } from './field-model.ts';

/** A checkbox styled as a switch; with no value it shows the schema's default. */
export function BooleanControl(props: ControlProps<FieldOf<'boolean'>>) {
  const { id, field, value, onChange, readOnly } = props;
  const checked = typeof value === 'boolean' ? value : field.default === true;
  return (
    <input
      id={id}
      type="checkbox"
      className="cs-switch"
      checked={checked}
      disabled={readOnly}
      {...ariaOf(props)}
      onChange={(event) => onChange(event.currentTarget.checked)}
    />
  );
}
