import type { FieldOf } from './field-model.ts';

const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;

/** Example text shown in an empty field of a string format, when the schema has no default. */
export function formatPlaceholder(format: string | undefined): string | undefined {
  if (format === 'uri' || format === 'url') return 'https://…';
  if (format === 'date-time') return '2025-02-01T09:00:00Z';
  if (format === 'email') return 'name@example.com';
  return undefined;
}

/**
 * A soft, live hint about text that the runtime will probably refuse (the runtime's issues stay the
 * authority). Templates are skipped: they are checked when the run resolves them.
 */
export function stringHint(field: FieldOf<'string'>, value: unknown): string | null {
  if (typeof value !== 'string' || value === '' || value.includes('{{')) return null;
  if ((field.format === 'uri' || field.format === 'url') && !/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(value)) {
    return 'Expected an address such as https://example.com/path';
  }
  if (field.format === 'date-time' && (!DATE_TIME.test(value) || Number.isNaN(Date.parse(value)))) {
    return 'Expected an ISO date and time with a time zone, e.g. 2025-02-01T09:00:00Z';
  }
  if (field.maxLength !== undefined && value.length > field.maxLength) return `At most ${field.maxLength} characters`;
  if (field.pattern !== undefined && !matches(field.pattern, value)) return 'Does not have the expected form';
  return null;
}

function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true; // A pattern this browser cannot compile is the runtime's to check.
  }
}

/** A soft, live hint about a number outside its bounds or not whole where it must be. */
export function numberHint(field: FieldOf<'number'>, value: unknown): string | null {
  if (typeof value !== 'number') return null;
  if (field.integer && !Number.isInteger(value)) return 'Must be a whole number';
  if (field.minimum !== undefined && value < field.minimum) return `At least ${field.minimum}`;
  if (field.maximum !== undefined && value > field.maximum) return `At most ${field.maximum}`;
  return null;
}

/** The bounds of a number field as help text, e.g. "1 to 300000", or undefined when unbounded. */
export function boundsText(field: FieldOf<'number'>): string | undefined {
  const { minimum: min, maximum: max } = field;
  if (min !== undefined && max !== undefined) return `${min} to ${max}`;
  if (min !== undefined) return `at least ${min}`;
  if (max !== undefined) return `at most ${max}`;
  return undefined;
}
