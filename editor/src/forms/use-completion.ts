import { useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { applyCompletion, completionsAt, type Completion } from './completion.ts';
import type { ExpressionContext } from './expression-context.ts';

type TextElement = HTMLInputElement | HTMLTextAreaElement;

/** The state and handlers of an input with expression completion. */
export interface CompletionState {
  completion: Completion | null;
  active: number;
  /** Accepts the item at `index` (mouse or keyboard). */
  pick(index: number): void;
  onInput(element: TextElement): void;
  onKeyDown(event: KeyboardEvent<TextElement>): void;
  /** The caret moved without typing (click, arrow keys): close the list. */
  onCaretMove(element: TextElement): void;
  close(): void;
}

const CARET_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/**
 * Completion as a small state machine: closed, or open at a caret with an active item. It opens on
 * typing (or Ctrl+Space), follows the caret, and closes on Escape, blur or a caret moved by hand.
 */
export function useCompletion(
  ref: RefObject<TextElement | null>,
  value: string,
  onChange: (next: string) => void,
  context: ExpressionContext,
): CompletionState {
  const [open, setOpen] = useState(false);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const pendingCaret = useRef<number | null>(null);

  useLayoutEffect(() => {
    const element = ref.current;
    if (pendingCaret.current === null || element === null) return;
    element.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  }, [ref, value]);

  const completion = open ? completionsAt(value, caret, context) : null;
  const count = completion?.items.length ?? 0;
  const current = Math.min(active, Math.max(0, count - 1));

  const pick = (index: number): void => {
    const item = completion?.items[index];
    if (completion === null || item === undefined) return;
    const next = applyCompletion(value, completion, item);
    pendingCaret.current = next.caret;
    setCaret(next.caret);
    setActive(0);
    // `$node["` and `.` lead to another list (labels, fields); anything else is complete.
    setOpen(/(\[\s*["']?|\.)$/.test(item.insert));
    onChange(next.text);
  };

  const onKeyDown = (event: KeyboardEvent<TextElement>): void => {
    if (event.key === ' ' && event.ctrlKey) {
      event.preventDefault();
      setCaret(event.currentTarget.selectionStart ?? value.length);
      setOpen(true);
      return;
    }
    if (completion === null) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((current + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      pick(current);
    } else if (event.key === 'Escape') {
      // Escape closes the list only, not the panel or dialog around the input.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  return {
    completion,
    active: current,
    pick,
    onInput(element) {
      setCaret(element.selectionStart ?? element.value.length);
      setActive(0);
      setOpen(true);
    },
    onKeyDown,
    onCaretMove(element) {
      setCaret(element.selectionStart ?? 0);
      setOpen(false);
    },
    close: () => setOpen(false),
  };
}

/** Whether a key only moves the caret (so the list should close). */
export function isCaretKey(key: string): boolean {
  return CARET_KEYS.has(key);
}
