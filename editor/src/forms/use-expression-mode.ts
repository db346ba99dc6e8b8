import { isTemplate } from '@countersign/shared';
import { useRef, useState } from 'react';

/** Whether a field shows its expression input, and how to change that. */
export interface ExpressionMode {
  on: boolean;
  set(on: boolean): void;
  /** Records a value this field emitted, so it is not taken for an outside change. */
  own(value: unknown): void;
}

/**
 * A field is in expression mode when its value is a template, or the user switched "fx" on. Typing
 * `{{` into a plain text field does not switch it (that would steal the focus); a template arriving
 * from outside (load, undo, another node's config) does, and a plain value from outside switches it back.
 */
export function useExpressionMode(value: unknown): ExpressionMode {
  const [state, setState] = useState({ on: isTemplate(value), seen: value });
  const emitted = useRef<unknown>(value);
  let on = state.on;
  if (!Object.is(state.seen, value)) {
    if (!Object.is(emitted.current, value)) on = isTemplate(value);
    // Adjusting state while rendering: React re-renders at once, without an extra paint.
    setState({ on, seen: value });
  }
  return {
    on,
    set: (next) => setState((s) => ({ ...s, on: next })),
    own: (next) => {
      emitted.current = next;
    },
  };
}
