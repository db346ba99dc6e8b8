import { canonicalJson, CountersignError } from '@countersign/shared';
import { getPath, isAbsent } from './field-path.ts';
import { compilePattern, matchesFormat } from './formats.ts';
import type { Format, RuleOf } from './rule-schema.ts';
import { finding, show, type Finding } from './violation.ts';

const FORMAT_NAMES: Record<Format, string> = {
  iban: 'a valid IBAN',
  email: 'an email address',
  currency: 'an ISO 4217 currency code',
  date: 'a date (YYYY-MM-DD)',
  'vat-id': 'an EU VAT number',
  regex: 'in the expected format',
};

/** `required`: the field is present (not missing, null or blank text). */
export function checkRequired(rule: RuleOf<'required'>, input: unknown): Finding[] {
  return isAbsent(getPath(input, rule.field)) ? [finding(rule.field, `${rule.field} is required`)] : [];
}

/** `format`: a present field is text in the format; anything but text fails. */
export function checkFormat(rule: RuleOf<'format'>, input: unknown): Finding[] {
  const value = getPath(input, rule.field);
  if (isAbsent(value)) return [];
  let regex: RegExp | undefined;
  if (rule.format === 'regex') {
    // The save-time check refuses these; a config that skipped it is a config error, not bad data.
    const compiled = compilePattern(rule.pattern ?? '');
    if (rule.pattern === undefined || typeof compiled === 'string') {
      throw new CountersignError('INVALID_CONFIG', `Rule for ${rule.field}: the regex pattern is missing or invalid`);
    }
    regex = compiled;
  }
  if (typeof value === 'string' && matchesFormat(value, rule.format, regex)) return [];
  return [finding(rule.field, `${rule.field} must be ${FORMAT_NAMES[rule.format]}, got ${show(value)}`, value)];
}

/** `range`: a present field is a finite number within min..max (inclusive), whole when `integer`. */
export function checkRange(rule: RuleOf<'range'>, input: unknown): Finding[] {
  const value = getPath(input, rule.field);
  if (isAbsent(value)) return [];
  // Text such as "100" is not a number here: amounts arrive as numbers, and guessing hides bad data.
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return [finding(rule.field, `${rule.field} must be a number, got ${show(value)}`, value)];
  }
  if (rule.integer === true && !Number.isInteger(value)) {
    return [finding(rule.field, `${rule.field} must be a whole number, got ${value}`, value)];
  }
  if (rule.min !== undefined && value < rule.min) {
    return [finding(rule.field, `${rule.field} must be at least ${rule.min}, got ${value}`, value)];
  }
  if (rule.max !== undefined && value > rule.max) {
    return [finding(rule.field, `${rule.field} must be at most ${rule.max}, got ${value}`, value)];
  }
  return [];
}

/** Whether two values are equal as JSON (key order ignored). */
function jsonEqual(a: unknown, b: unknown): boolean {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
}

/** `one-of`: a present field equals one of the values, compared as JSON. */
export function checkOneOf(rule: RuleOf<'one-of'>, input: unknown): Finding[] {
  const value = getPath(input, rule.field);
  if (isAbsent(value) || rule.values.some((allowed) => jsonEqual(allowed, value))) return [];
  const allowed = rule.values.map(show).join(', ');
  return [finding(rule.field, `${rule.field} must be one of ${allowed}, got ${show(value)}`, value)];
}
