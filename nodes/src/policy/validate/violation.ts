import type { Rule } from './rule-schema.ts';

/** One failed check, as listed in the node's output. */
export interface Violation {
  /** Index of the rule in the config. */
  rule: number;
  check: Rule['check'];
  /** The path of the field that failed (for a line of a sum: lines.2.netAmount). */
  field: string;
  message: string;
  /** The offending value, when there is one. */
  actual?: unknown;
}

/** What a check reports; the evaluator adds the rule index, the check and any custom message. */
export type Finding = Omit<Violation, 'rule' | 'check'>;

/** A finding, with `actual` only when a value was seen. */
export function finding(field: string, message: string, actual?: unknown): Finding {
  return actual === undefined ? { field, message } : { field, message, actual };
}

/** A short, bounded rendering of a value for messages. */
export function show(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
