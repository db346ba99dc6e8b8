import { isTemplate } from '@countersign/shared';
import type { FieldModel, UnionOption } from './field-model.ts';
import { assertNever } from './field-model.ts';
import { isRecord } from './value-path.ts';

/** Whether `value` has the shape `field` describes (shallowly for groups): used to pick a union's option. */
export function accepts(field: FieldModel, value: unknown): boolean {
  switch (field.kind) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && (!field.integer || Number.isInteger(value));
    case 'enum':
      return field.options.some((option) => option === value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'object':
      // Discriminated unions: every single-valued (const) property present must match.
      return (
        isRecord(value) &&
        field.properties.every(({ key, field: sub }) => sub.kind !== 'enum' || sub.options.length !== 1 || !(key in value) || value[key] === sub.options[0])
      );
    case 'record':
      return isRecord(value);
    case 'array':
      return Array.isArray(value);
    case 'union':
      return field.options.some((option) => accepts(option.field, value));
    case 'any':
    case 'json':
      return true;
    default:
      return assertNever(field);
  }
}

/** The index of the first union option that accepts `value` (0 when none does). */
export function matchOption(options: readonly UnionOption[], value: unknown): number {
  if (value === undefined || isTemplate(value)) return 0;
  const index = options.findIndex((option) => accepts(option.field, value));
  return index === -1 ? 0 : index;
}

/** A fresh value for a new array item or a union switched to `field`: its default, else an empty value. */
export function emptyValue(field: FieldModel, depth = 0): unknown {
  if (field.default !== undefined) return structuredClone(field.default);
  if (depth > 8) return null;
  switch (field.kind) {
    case 'string':
    case 'any':
      return '';
    case 'number':
      return field.minimum !== undefined && field.minimum > 0 ? field.minimum : 0;
    case 'enum':
      return field.options[0] ?? null;
    case 'boolean':
      return false;
    case 'null':
    case 'json':
      return null;
    case 'object':
      return Object.fromEntries(field.properties.filter((p) => p.required).map((p) => [p.key, emptyValue(p.field, depth + 1)]));
    case 'record':
      return {};
    case 'array':
      return [];
    case 'union':
      return field.options[0] === undefined ? null : emptyValue(field.options[0].field, depth + 1);
    default:
      return assertNever(field);
  }
}
