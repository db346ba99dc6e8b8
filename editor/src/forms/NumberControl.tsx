import { useState } from 'react';
import { ariaOf, placeholderOf, type ControlProps } from './control-props.ts';
import type { FieldOf } from './field-model.ts';

function toText(value: unknown): string {
  return typeof value === 'number' ? String(value) : '';
}

function parse(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** A number field with the schema's bounds; clearing it removes the value. */
export function NumberControl(props: ControlProps<FieldOf<'number'>>) {
  const { id, field, value, onChange, readOnly } = props;
  // The text is kept apart from the value so "1." or "-" can be typed on the way to a number.
  const [draft, setDraft] = useState({ text: toText(value), value });
  let text = draft.text;
  if (!Object.is(draft.value, value)) {
    if (parse(draft.text) !== value) text = toText(value);
    setDraft({ text, value });
  }
  return (
    <input
      id={id}
      type="number"
      className="cs-input cs-input--number"
      value={text}
      min={field.minimum}
      max={field.maximum}
      step={field.integer ? 1 : 'any'}
      inputMode={field.integer ? 'numeric' : 'decimal'}
      readOnly={readOnly}
      placeholder={placeholderOf(field.default)}
      {...ariaOf(props)}
      onChange={(event) => {
        const next = event.currentTarget.value;
        const parsed = parse(next);
        setDraft({ text: next, value: parsed });
        onChange(parsed);
      }}
    />
  );
}
