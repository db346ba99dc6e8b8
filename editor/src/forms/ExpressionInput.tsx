import { useMemo, useRef } from 'react';
import { CompletionList, optionId } from './CompletionList.tsx';
import { diagnoseTemplate } from './expression-diagnostics.ts';
import type { ExpressionContext } from './expression-context.ts';
import { isCaretKey, useCompletion } from './use-completion.ts';
import { useDebouncedValue } from './use-debounced-value.ts';

/** Props of {@link ExpressionInput}. */
export interface ExpressionInputProps {
  id: string;
  value: string;
  onChange(value: string): void;
  context: ExpressionContext;
  multiline?: boolean;
  readOnly?: boolean;
  placeholder?: string;
  'aria-label'?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'aria-required'?: boolean;
}

// Long enough not to flash errors at every keystroke, short enough to feel live.
const DIAGNOSE_AFTER_MS = 200;

/** A text field for `{{ }}` templates: completion of `$input`, `$node["..."]` and friends, and live syntax checks. */
export function ExpressionInput(props: ExpressionInputProps) {
  const { id, value, onChange, context, multiline = false, readOnly = false } = props;
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const state = useCompletion(ref, value, onChange, context);
  const settled = useDebouncedValue(value, DIAGNOSE_AFTER_MS);
  const diagnostics = useMemo(() => diagnoseTemplate(settled, context.upstreamLabels), [settled, context.upstreamLabels]);
  const listId = `${id}-completions`;
  const diagnosticsId = `${id}-diagnostics`;
  const open = state.completion !== null && !readOnly;
  const describedBy = [props['aria-describedby'], diagnostics.length > 0 ? diagnosticsId : undefined].filter(Boolean).join(' ');
  const shared = {
    id,
    ref,
    value,
    readOnly,
    placeholder: props.placeholder ?? '{{ $input.field }}',
    className: 'cs-input cs-expression',
    spellCheck: false,
    autoComplete: 'off',
    role: 'combobox',
    'aria-label': props['aria-label'],
    'aria-describedby': describedBy === '' ? undefined : describedBy,
    'aria-invalid': props['aria-invalid'] === true || diagnostics.some((d) => d.severity === 'error') || undefined,
    'aria-required': props['aria-required'],
    'aria-autocomplete': 'list' as const,
    'aria-expanded': open,
    'aria-controls': open ? listId : undefined,
    'aria-activedescendant': open ? optionId(listId, state.active) : undefined,
    onChange: (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
      onChange(event.currentTarget.value);
      state.onInput(event.currentTarget);
    },
    onKeyDown: state.onKeyDown,
    onKeyUp: (event: { key: string; currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
      if (isCaretKey(event.key)) state.onCaretMove(event.currentTarget);
    },
    onClick: (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => state.onCaretMove(event.currentTarget),
    onBlur: state.close,
  };
  return (
    <div className="cs-expression-wrap">
      <div className="cs-expression-anchor">
        {multiline ? <textarea rows={3} {...shared} /> : <input type="text" {...shared} />}
        {open && state.completion !== null && (
          <CompletionList id={listId} items={state.completion.items} active={state.active} onPick={state.pick} />
        )}
      </div>
      {diagnostics.length > 0 && (
        <div id={diagnosticsId} className="cs-diagnostics">
          {diagnostics.map((d) => (
            <p key={d.message} role={d.severity === 'error' ? 'alert' : 'status'} className={`cs-diagnostic cs-diagnostic--${d.severity}`}>
              {d.message}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
