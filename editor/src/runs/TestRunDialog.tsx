import { useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { parseJsonInput } from './parse-json-input.ts';
import { useFocusTrap } from './use-focus-trap.ts';

/** Props of the test-run dialog. */
export interface TestRunDialogProps {
  open: boolean;
  /** The last run's input, shown pretty-printed to start from (nothing when undefined). */
  initialInput: unknown;
  /** Called with the parsed input (undefined when the text is empty). */
  onStart(input: unknown): void;
  onClose(): void;
  /** A start request is in flight: the start button waits. */
  busy?: boolean;
  /** Why the last start failed, shown in the dialog. */
  error?: string | null;
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

function prettyJson(value: unknown): string {
  if (value === undefined) return '{}';
  try {
    return JSON.stringify(value, null, 2) ?? '{}';
  } catch {
    return '{}';
  }
}

/** The "Test run" modal: input JSON checked as you type, started with the button or Ctrl/Cmd+Enter. */
export function TestRunDialog(props: TestRunDialogProps) {
  // Mounted only while open, so each opening starts from the latest `initialInput`.
  return props.open ? <TestRunDialogBody {...props} /> : null;
}

function TestRunDialogBody({ initialInput, onStart, onClose, busy = false, error }: TestRunDialogProps) {
  const [text, setText] = useState(() => prettyJson(initialInput));
  const parsed = useMemo(() => parseJsonInput(text), [text]);
  const dialog = useRef<HTMLDivElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  useFocusTrap(dialog, onClose, textarea);

  const start = (): void => {
    if (parsed.ok && !busy) onStart(parsed.value);
  };
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    start();
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      start();
    }
  };

  return (
    <div className="cs-dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div ref={dialog} className="cs-dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-hint`} onKeyDown={onKeyDown}>
        <form onSubmit={onSubmit}>
          <h2 id={`${id}-title`} className="cs-dialog__title">Test run</h2>
          <p id={`${id}-hint`} className="cs-dialog__hint">
            The input the trigger receives, as JSON. {IS_MAC ? '⌘' : 'Ctrl'}+Enter starts the run.
          </p>
          <label className="cs-dialog__label" htmlFor={`${id}-input`}>Input JSON</label>
          <textarea
            ref={textarea}
            id={`${id}-input`}
            className="cs-dialog__json"
            value={text}
            onChange={(event) => setText(event.target.value)}
            spellCheck={false}
            rows={14}
            aria-invalid={!parsed.ok}
            aria-describedby={`${id}-status`}
          />
          <p id={`${id}-status`} className={parsed.ok ? 'cs-dialog__status' : 'cs-dialog__status cs-dialog__status--invalid'} aria-live="polite">
            {parsed.ok
              ? parsed.empty
                ? 'Empty: the run starts without input.'
                : 'Valid JSON.'
              : `Line ${parsed.line}, column ${parsed.column}: ${parsed.message}`}
          </p>
          {error ? (
            <p className="cs-dialog__error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="cs-dialog__actions">
            <button type="button" className="cs-run-button" disabled={!parsed.ok || parsed.empty} onClick={() => parsed.ok && setText(prettyJson(parsed.value))}>
              Format
            </button>
            <span className="cs-dialog__spacer" />
            <button type="button" className="cs-run-button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="cs-run-button cs-run-button--primary" disabled={!parsed.ok || busy} aria-busy={busy}>
              {busy ? 'Starting…' : 'Start run'}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
