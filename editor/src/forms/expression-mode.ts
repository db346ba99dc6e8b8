import { isTemplate, parseTemplate } from '@countersign/shared';
import type { FieldModel } from './field-model.ts';
import { accepts } from './value-match.ts';

/**
 * The value a field holds after its "fx" toggle is switched on. Text stays as it is (plain text is a
 * template without expressions); any other literal becomes `{{ literal }}`, so nothing typed is lost.
 * An empty field stays empty until the user writes an expression.
 */
export function toExpression(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string') return value;
  return `{{ ${JSON.stringify(value)} }}`;
}

/**
 * The value a field holds after its "fx" toggle is switched off: the literal of a `{{ literal }}` the
 * field accepts, plain text for a text field, and otherwise nothing (the key is removed).
 */
export function fromExpression(value: unknown, field: FieldModel): unknown {
  if (typeof value !== 'string') return value;
  if (!isTemplate(value)) return field.kind === 'string' || field.kind === 'any' ? value : undefined;
  const parsed = parseTemplate(value);
  const only = parsed.parts.find((part) => part.kind === 'expr');
  if (!parsed.single || only === undefined || only.kind !== 'expr') return undefined;
  try {
    const literal: unknown = JSON.parse(only.source);
    return accepts(field, literal) ? literal : undefined;
  } catch {
    return undefined;
  }
}
