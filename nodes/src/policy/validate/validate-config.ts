import type { ValidationIssue } from '@countersign/shared';
import { isValidPath } from './field-path.ts';
import { compilePattern } from './formats.ts';
import type { Rule, ValidateConfig } from './rule-schema.ts';

/** The config fields of a rule that hold paths into the input (itemField is relative to a line). */
function pathFields(rule: Rule): [string, string][] {
  switch (rule.check) {
    case 'sum':
      return [['items', rule.items], ['itemField', rule.itemField], ['equalsField', rule.equalsField]];
    case 'compare':
      return [['field', rule.field], ['otherField', rule.otherField]];
    case 'required':
    case 'format':
    case 'range':
    case 'one-of':
      return [['field', rule.field]];
    default: {
      const unreachable: never = rule;
      throw new Error(`Unknown check ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Issues of one rule beyond its paths. */
function ruleIssues(rule: Rule, at: (...path: (string | number)[]) => (string | number)[]): ValidationIssue[] {
  if (rule.check === 'format') {
    if (rule.format === 'regex' && rule.pattern === undefined) {
      return [{ code: 'invalid_regex', path: at('pattern'), message: 'The regex format needs a pattern' }];
    }
    if (rule.format !== 'regex' && rule.pattern !== undefined) {
      return [{ code: 'unused_pattern', path: at('pattern'), message: `A pattern is only used by the regex format, not ${rule.format}` }];
    }
    const compiled = rule.pattern === undefined ? undefined : compilePattern(rule.pattern);
    if (typeof compiled === 'string') return [{ code: 'invalid_regex', path: at('pattern'), message: `Invalid regular expression: ${compiled}` }];
  }
  if (rule.check === 'range') {
    if (rule.min === undefined && rule.max === undefined) {
      return [{ code: 'invalid_range', path: at(), message: 'Give a minimum, a maximum or both' }];
    }
    if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
      return [{ code: 'invalid_range', path: at('min'), message: `The minimum ${rule.min} is above the maximum ${rule.max}` }];
    }
  }
  if (rule.check === 'one-of' && rule.values.length === 0) {
    return [{ code: 'empty_values', path: at('values'), message: 'List at least one allowed value' }];
  }
  return [];
}

/** Save-time checks of a parsed config: paths, regex patterns, ranges and value lists, pinned per rule field. */
export function validateConfig(config: ValidateConfig): ValidationIssue[] {
  return config.rules.flatMap((rule, index) => {
    const at = (...path: (string | number)[]) => ['rules', index, ...path];
    const pathIssues = pathFields(rule)
      .filter(([, path]) => !isValidPath(path))
      .map(([key, path]): ValidationIssue => ({
        code: 'invalid_path',
        path: at(key),
        message: path.trim() === '' ? 'Enter a field path, e.g. invoice.vendor.id' : `"${path}" has an empty segment; write paths like invoice.vendor.id`,
      }));
    return [...pathIssues, ...ruleIssues(rule, at)];
  });
}
