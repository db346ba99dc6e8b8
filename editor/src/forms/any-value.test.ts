import { describe, expect, it } from 'vitest';
import { convertAny, fitsAnyType, inferAnyType } from './any-value.ts';

describe('untyped values', () => {
  it('infers an editor from the value', () => {
    expect([undefined, 'x', 1, true, null, [1], { a: 1 }].map(inferAnyType)).toEqual(['text', 'text', 'number', 'boolean', 'json', 'json', 'json']);
    expect(fitsAnyType('json', 'x')).toBe(true);
    expect(fitsAnyType('number', 'x')).toBe(false);
  });

  it('converts between editors, keeping what it can', () => {
    expect(convertAny('12', 'number')).toBe(12);
    expect(convertAny('abc', 'number')).toBe(0);
    expect(convertAny(12, 'text')).toBe('12');
    expect(convertAny({ a: 1 }, 'text')).toBe('{"a":1}');
    expect(convertAny('true', 'boolean')).toBe(true);
    expect(convertAny('[1,2]', 'json')).toEqual([1, 2]);
    expect(convertAny(undefined, 'json')).toBeNull();
  });
});
