/** The editors an untyped ("any JSON") field offers. */
export type AnyType = 'text' | 'number' | 'boolean' | 'json';

/** The choices of an untyped field's type switch, in order. */
export const ANY_TYPES: readonly { type: AnyType; label: string }[] = [
  { type: 'text', label: 'Text' },
  { type: 'number', label: 'Number' },
  { type: 'boolean', label: 'Yes/no' },
  { type: 'json', label: 'JSON' },
];

/** The editor that suits a value: text for strings and empty fields, JSON for objects, arrays and null. */
export function inferAnyType(value: unknown): AnyType {
  if (value === undefined || typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'json';
}

/** Whether the editor `type` can show `value` as it is. */
export function fitsAnyType(type: AnyType, value: unknown): boolean {
  return value === undefined || type === 'json' || inferAnyType(value) === type;
}

/** `value` converted for the editor `type`, keeping what can be kept ("12" becomes 12, 12 becomes "12"). */
export function convertAny(value: unknown, type: AnyType): unknown {
  switch (type) {
    case 'text':
      return value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    case 'number': {
      const n = Number(value);
      return typeof value !== 'object' && value !== '' && Number.isFinite(n) ? n : 0;
    }
    case 'boolean':
      return value === true || value === 'true' || (typeof value === 'number' && value !== 0);
    case 'json':
      if (typeof value !== 'string') return value ?? null;
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return value;
      }
    default: {
      const never: never = type;
      return never;
    }
  }
}
