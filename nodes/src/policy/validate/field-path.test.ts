import { describe, expect, it } from 'vitest';
import { getPath, isAbsent, isValidPath } from './field-path.ts';

describe('field paths', () => {
  const input = { invoice: { vendor: { id: 'V1' } }, lines: [{ netAmount: 5 }] };

  it('reads nested fields and array indexes', () => {
    expect(getPath(input, 'invoice.vendor.id')).toBe('V1');
    expect(getPath(input, 'lines.0.netAmount')).toBe(5);
    expect(getPath(input, 'invoice.missing.id')).toBeUndefined();
  });

  it('reads own properties only', () => {
    expect(getPath(input, 'invoice.constructor')).toBeUndefined();
    expect(getPath(input, '__proto__')).toBeUndefined();
  });

  it('refuses empty segments', () => {
    expect(isValidPath('invoice.vendor.id')).toBe(true);
    expect(isValidPath('invoice..id')).toBe(false);
    expect(isValidPath('.id')).toBe(false);
    expect(isValidPath('')).toBe(false);
  });

  it('treats missing, null and blank text as absent, but not 0 or false', () => {
    expect([undefined, null, '', '  '].map(isAbsent)).toEqual([true, true, true, true]);
    expect([0, false, [], 'x'].map(isAbsent)).toEqual([false, false, false, false]);
  });
});
