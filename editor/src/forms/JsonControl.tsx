import { useRef, useState } from 'react';
import { ariaOf, type ControlProps } from './control-props.ts';
import type { FieldModel } from './field-model.ts';

function toText(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

/** A JSON text area, the fallback for schema parts the form cannot render: parse errors show as you type. */
export function JsonControl(props: ControlProps<FieldModel>) {
  const { id, value, onChange, readOnly } = props;
  const emitted = useRef<unknown>(value);
  const [draft, setDraft] = useState({ text: toText(value), value, error: null as string | null });
  let { text, error } = draft;
  if (!Object.is(draft.value, value)) {
    // A change from outside (undo, another field) replaces the text; our own keeps the user's formatting.
    // (An emptied text area may come back as null, from a list item or a map entry: still ours.)
    const ours = Object.is(emitted.current, value) || (text.trim() === '' && (value === null || value === undefined));
    if (!ours) {
      text = toText(value);
      error = null;
    }
    setDraft({ text, value, error });
  }
  const errorId = `${id}-json-error`;
  const aria = ariaOf(props);
  return (
    <>
      <textarea
        id={id}
        className="cs-input cs-input--code"
        rows={Math.min(10, Math.max(3, text.split('\n').length))}
        spellCheck={false}
        value={text}
        readOnly={readOnly}
        placeholder={'JSON, e.g. {"key": 1}'}
        {...aria}
        aria-invalid={aria['aria-invalid'] ?? (error !== null || undefined)}
        aria-describedby={[aria['aria-describedby'], error !== null ? errorId : undefined].filter(Boolean).join(' ') || undefined}
        onChange={(event) => {
          const next = event.currentTarget.value;
          if (next.trim() === '') {
            emitted.current = undefined;
            setDraft({ text: next, value: undefined, error: null });
            onChange(undefined);
            return;
          }
          try {
            const parsed: unknown = JSON.parse(next);
            emitted.current = parsed;
            setDraft({ text: next, value: parsed, error: null });
            onChange(parsed);
          } catch (thrown) {
            setDraft({ text: next, value, error: thrown instanceof Error ? thrown.message : 'Invalid JSON' });
          }
        }}
      />
      {error !== null && (
        <p id={errorId} role="alert" className="cs-issue">
          {`Not valid JSON: ${error}`}
        </p>
      )}
    </>
  );
}
