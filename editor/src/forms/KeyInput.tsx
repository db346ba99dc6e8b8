import { useEffect, useRef, useState } from 'react';

/** Props of {@link KeyInput}. */
export interface KeyInputProps {
  id: string;
  value: string;
  label: string;
  /** Why `name` cannot be used, or null when it can. */
  problemWith(name: string): string | null;
  onRename(name: string): void;
  readOnly: boolean;
  autoFocus: boolean;
}

/**
 * The name of a map entry. The rename is applied when the user leaves the field or presses Enter
 * (not per keystroke, which would move the entry's value under a half-typed key); Escape reverts.
 */
export function KeyInput({ id, value, label, problemWith, onRename, readOnly, autoFocus }: KeyInputProps) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const ref = useRef<HTMLInputElement>(null);
  if (seen !== value) {
    setSeen(value);
    setDraft(value);
  }
  useEffect(() => {
    if (!autoFocus) return;
    ref.current?.focus();
    ref.current?.select();
  }, [autoFocus]);
  const problem = draft === value ? null : problemWith(draft);
  const commit = (): void => {
    if (draft !== value && problem === null) onRename(draft);
  };
  return (
    <>
      <input
        id={id}
        ref={ref}
        className="cs-input cs-key"
        value={draft}
        readOnly={readOnly}
        aria-label={label}
        aria-invalid={problem !== null || undefined}
        aria-describedby={problem !== null ? `${id}-problem` : undefined}
        spellCheck={false}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          } else if (event.key === 'Escape' && draft !== value) {
            event.preventDefault();
            event.stopPropagation();
            setDraft(value);
          }
        }}
      />
      {problem !== null && (
        <p id={`${id}-problem`} role="alert" className="cs-issue cs-key-problem">
          {problem}
        </p>
      )}
    </>
  );
}
