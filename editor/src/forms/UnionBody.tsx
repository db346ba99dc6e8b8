import { useState } from 'react';
import type { FieldOf } from './field-model.ts';
import { isGroup } from './field-model.ts';
import type { RenderField } from './field-props.ts';
import { accepts, emptyValue, matchOption } from './value-match.ts';
import type { ValuePath } from './value-path.ts';

/** Props of {@link UnionBody}. */
export interface UnionBodyProps {
  id: string;
  path: ValuePath;
  field: FieldOf<'union'>;
  label: string;
  required: boolean;
  value: unknown;
  emit(value: unknown): void;
  readOnly: boolean;
  renderField: RenderField;
}

/** An `anyOf` field: a small type switch, and the field of the chosen alternative at the same path. */
export function UnionBody({ id, path, field, label, required, value, emit, readOnly, renderField }: UnionBodyProps) {
  // Several alternatives may accept a value (an empty object, any JSON): remember the user's pick.
  const [picked, setPicked] = useState<number | null>(null);
  const pickedOption = picked === null ? undefined : field.options[picked];
  const index = pickedOption !== undefined && accepts(pickedOption.field, value) ? (picked ?? 0) : matchOption(field.options, value);
  const option = field.options[index];
  return (
    <>
      <select
        id={`${id}-type`}
        className="cs-input cs-select cs-union-type"
        aria-label={`Type of ${label}`}
        value={String(index)}
        disabled={readOnly}
        onChange={(event) => {
          const next = Number(event.currentTarget.value);
          const chosen = field.options[next];
          if (chosen === undefined) return;
          setPicked(next);
          if (value === undefined || !accepts(chosen.field, value)) emit(emptyValue(chosen.field));
        }}
      >
        {field.options.map((alternative, i) => (
          <option key={alternative.label} value={String(i)}>
            {alternative.label}
          </option>
        ))}
      </select>
      {option !== undefined &&
        renderField({
          path,
          field: option.field,
          label: `${label} (${option.label})`,
          required,
          hideLabel: !isGroup(option.field),
          allowExpression: false,
          showIssues: false,
        })}
    </>
  );
}
