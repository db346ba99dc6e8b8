import { describe, expect, it } from 'vitest';
import { validateConfigSchema } from './rule-schema.ts';
import { validateConfig } from './validate-config.ts';

const issuesOf = (rules: unknown[]) => validateConfig(validateConfigSchema.parse({ rules }));

describe('policy.validate save-time checks', () => {
  it('accepts a sound config', () => {
    expect(
      issuesOf([
        { check: 'required', field: 'invoice.vendor.id' },
        { check: 'format', field: 'number', format: 'regex', pattern: '^INV-\\d{4}$' },
        { check: 'range', field: 'amount', min: 0 },
        { check: 'one-of', field: 'currency', values: ['EUR'] },
        { check: 'sum', items: 'lines', itemField: 'netAmount', equalsField: 'totals.lineTotal' },
        { check: 'compare', field: 'dueDate', op: '>=', otherField: 'issueDate' },
      ]),
    ).toEqual([]);
  });

  it('pins an invalid or missing regex, and a pattern on another format, at the pattern', () => {
    const issues = issuesOf([
      { check: 'format', field: 'a', format: 'regex', pattern: '(unclosed' },
      { check: 'format', field: 'a', format: 'regex' },
      { check: 'format', field: 'a', format: 'iban', pattern: 'x' },
    ]);
    expect(issues.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'invalid_regex', path: ['rules', 0, 'pattern'] },
      { code: 'invalid_regex', path: ['rules', 1, 'pattern'] },
      { code: 'unused_pattern', path: ['rules', 2, 'pattern'] },
    ]);
    expect(issues[0]?.message).toMatch(/^Invalid regular expression/);
  });

  it('refuses min > max and a range without bounds', () => {
    expect(issuesOf([{ check: 'range', field: 'a', min: 10, max: 1 }, { check: 'range', field: 'a' }])).toEqual([
      { code: 'invalid_range', path: ['rules', 0, 'min'], message: 'The minimum 10 is above the maximum 1' },
      { code: 'invalid_range', path: ['rules', 1], message: 'Give a minimum, a maximum or both' },
    ]);
    expect(issuesOf([{ check: 'range', field: 'a', min: 5, max: 5 }])).toEqual([]);
  });

  it('refuses an empty list of values', () => {
    expect(issuesOf([{ check: 'one-of', field: 'a', values: [] }])).toMatchObject([{ code: 'empty_values', path: ['rules', 0, 'values'] }]);
  });

  it('pins paths with empty segments at their own field', () => {
    const issues = issuesOf([
      { check: 'required', field: 'invoice..id' },
      { check: 'sum', items: '.lines', itemField: 'net.', equalsField: '' },
      { check: 'compare', field: 'a', op: '<', otherField: 'b..c' },
    ]);
    expect(issues.map(({ path }) => path)).toEqual([
      ['rules', 0, 'field'],
      ['rules', 1, 'items'],
      ['rules', 1, 'itemField'],
      ['rules', 1, 'equalsField'],
      ['rules', 2, 'otherField'],
    ]);
    expect(issues.every(({ code }) => code === 'invalid_path')).toBe(true);
  });

  it('leaves shape errors to the schema: unknown checks, typos, no rules', () => {
    const paths = (config: unknown) => validateConfigSchema.safeParse(config).error?.issues.map((issue) => issue.path);
    expect(paths({ rules: [{ check: 'nope', field: 'a' }] })).toEqual([['rules', 0, 'check']]);
    expect(paths({ rules: [{ check: 'required', feild: 'a' }] })).toEqual([['rules', 0, 'field'], ['rules', 0]]);
    expect(paths({ rules: [] })).toEqual([['rules']]);
    expect(paths({ rules: [{ check: 'sum', items: 'l', itemField: 'n', equalsField: 't', tolerance: 0.5 }] })).toEqual([['rules', 0, 'tolerance']]);
  });
});
