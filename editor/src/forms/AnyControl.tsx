import { useState } from 'react';
import { ANY_TYPES, convertAny, fitsAnyType, inferAnyType, type AnyType } from './any-value.ts';
import { BooleanControl } from './BooleanControl.tsx';
import type { ControlProps } from './control-props.ts';
import type { FieldModel } from './field-model.ts';
import { JsonControl } from './JsonControl.tsx';
import { NumberControl } from './NumberControl.tsx';
import { TextControl } from './TextControl.tsx';

/** An untyped field (schema `{}`): a small type switch (text, number, yes/no, JSON) and the matching control. */
export function AnyControl(props: ControlProps<FieldModel>) {
  const { value, onChange, label, readOnly } = props;
  const [chosen, setChosen] = useState<AnyType>(inferAnyType(value));
  // A value changed from outside may no longer fit the chosen editor: follow the value then.
  const type = fitsAnyType(chosen, value) ? chosen : inferAnyType(value);
  const { field } = props;
  const meta = { title: field.title, description: field.description };
  const control = (() => {
    switch (type) {
      case 'text':
        return <TextControl {...props} field={{ ...meta, kind: 'string', multiline: false }} />;
      case 'number':
        return <NumberControl {...props} field={{ ...meta, kind: 'number', integer: false }} />;
      case 'boolean':
        return <BooleanControl {...props} field={{ ...meta, kind: 'boolean' }} />;
      case 'json':
        return <JsonControl {...props} />;
      default: {
        const never: never = type;
        return never;
      }
    }
  })();
  return (
    <div className="cs-any">
      <select
        className="cs-input cs-select cs-any-type"
        aria-label={`Type of ${label}`}
        value={type}
        disabled={readOnly}
        onChange={(event) => {
          const picked = event.currentTarget.value;
          const next = ANY_TYPES.find((option) => option.type === picked)?.type ?? 'text';
          setChosen(next);
          onChange(convertAny(value, next));
        }}
      >
        {ANY_TYPES.map((option) => (
          <option key={option.type} value={option.type}>
            {option.label}
          </option>
        ))}
      </select>
      <div className="cs-any-control">{control}</div>
    </div>
  );
}
