import { describe, expect, it } from 'vitest';
import { checkFormat, checkOneOf, checkRange, checkRequired } from './field-checks.ts';
import type { RuleOf } from './rule-schema.ts';

describe('field checks', () => {
  it('required: present passes; missing, null or blank fails', () => {
    const rule = { check: 'required', field: 'invoice.vendor.id' } as const;
    expect(checkRequired(rule, { invoice: { vendor: { id: 'V1' } } })).toEqual([]);
    expect(checkRequired(rule, { invoice: { vendor: { id: 0 } } })).toEqual([]);
    expect(checkRequired(rule, { invoice: {} })).toEqual([{ field: 'invoice.vendor.id', message: 'invoice.vendor.id is required' }]);
    expect(checkRequired(rule, { invoice: { vendor: { id: ' ' } } })).toHaveLength(1);
    expect(checkRequired(rule, null)).toHaveLength(1);
  });

  it('format: checks present text, skips absent, fails non-text', () => {
    const rule = { check: 'format', field: 'iban', format: 'iban' } as const;
    expect(checkFormat(rule, { iban: 'DE89370400440532013000' })).toEqual([]);
    expect(checkFormat(rule, {})).toEqual([]);
    expect(checkFormat(rule, { iban: 'DE89370400440532013001' })).toEqual([
      { field: 'iban', message: 'iban must be a valid IBAN, got "DE89370400440532013001"', actual: 'DE89370400440532013001' },
    ]);
    expect(checkFormat({ check: 'format', field: 'due', format: 'date' }, { due: 20250115 })).toHaveLength(1);
  });

  it('format regex: unanchored unless the pattern anchors', () => {
    const rule = { check: 'format', field: 'number', format: 'regex', pattern: '^INV-\\d{4}$' } as const;
    expect(checkFormat(rule, { number: 'INV-0042' })).toEqual([]);
    expect(checkFormat(rule, { number: 'INV-42' })).toHaveLength(1);
    expect(checkFormat({ ...rule, pattern: 'INV' }, { number: 'X-INV-1' })).toEqual([]);
  });

  it('format regex: a pattern that skipped the save-time check is a config error', () => {
    expect(() => checkFormat({ check: 'format', field: 'n', format: 'regex', pattern: '(' }, { n: 'x' })).toThrow(/regex pattern/);
  });

  it('range: bounds are inclusive; integers when asked; text is not a number', () => {
    const rule = { check: 'range', field: 'amount', min: 1, max: 100000, integer: true } as const;
    expect(checkRange(rule, { amount: 1 })).toEqual([]);
    expect(checkRange(rule, { amount: 100000 })).toEqual([]);
    expect(checkRange(rule, {})).toEqual([]);
    expect(checkRange(rule, { amount: 0 })[0]?.message).toBe('amount must be at least 1, got 0');
    expect(checkRange(rule, { amount: 100001 })[0]?.message).toBe('amount must be at most 100000, got 100001');
    expect(checkRange(rule, { amount: 10.5 })[0]?.message).toBe('amount must be a whole number, got 10.5');
    expect(checkRange(rule, { amount: '50' })[0]).toMatchObject({ message: 'amount must be a number, got "50"', actual: '50' });
  });

  it('one-of: compares as JSON', () => {
    const rule: RuleOf<'one-of'> = { check: 'one-of', field: 'currency', values: ['EUR', 'USD'] };
    expect(checkOneOf(rule, { currency: 'EUR' })).toEqual([]);
    expect(checkOneOf(rule, {})).toEqual([]);
    expect(checkOneOf(rule, { currency: 'GBP' })).toEqual([{ field: 'currency', message: 'currency must be one of "EUR", "USD", got "GBP"', actual: 'GBP' }]);
    expect(checkOneOf({ check: 'one-of', field: 'tier', values: [1, 2] }, { tier: '1' })).toHaveLength(1);
  });
});
