import { CountersignError } from '@countersign/shared';
import { describe, expect, it } from 'vitest';
import { evaluateUnaryTest } from './evaluate-test.ts';
import { parseUnaryTest, type UnaryTest } from './unary-test.ts';

function parse(text: string): UnaryTest {
  const result = parseUnaryTest(text);
  if (!result.ok) throw new Error(result.message);
  return result.test;
}

const passes = (text: string, value: unknown) => evaluateUnaryTest(parse(text), value, 'amount');

describe('unary tests', () => {
  it('parses the FEEL subset', () => {
    expect(parse(' - ')).toEqual({ kind: 'any' });
    expect(parse('< 500000')).toEqual({ kind: 'tests', negated: false, type: 'number', items: [{ kind: 'compare', op: '<', value: 500000 }] });
    expect(parse('[500000..5000000)')).toMatchObject({ items: [{ kind: 'range', low: 500000, high: 5000000, lowClosed: true, highClosed: false }] });
    expect(parse('"CC10","CC20"')).toMatchObject({ type: 'string', items: [{ value: 'CC10' }, { value: 'CC20' }] });
    expect(parse('not("X \\"quoted\\"")')).toMatchObject({ negated: true, items: [{ op: '=', value: 'X "quoted"' }] });
    expect(parse('true')).toMatchObject({ type: 'boolean' });
    expect(parse('-5, >= 10.5')).toMatchObject({ items: [{ value: -5 }, { op: '>=', value: 10.5 }] });
  });

  it('evaluates comparisons, ranges, lists and negation', () => {
    expect([passes('< 500000', 499999), passes('< 500000', 500000)]).toEqual([true, false]);
    expect([passes('<= 5', 5), passes('> 5', 5), passes('>= 5', 5), passes('= 5', 5), passes('!= 5', 5)]).toEqual([true, false, true, true, false]);
    expect([passes('[1..3]', 1), passes('(1..3]', 1), passes('[1..3)', 3), passes('(1..3)', 2)]).toEqual([true, false, false, true]);
    expect([passes('10, 20', 20), passes('10, 20', 15), passes('not(10, 20)', 15), passes('-', undefined)]).toEqual([true, false, true, true]);
    expect(evaluateUnaryTest(parse('"CC10","CC20"'), 'CC20', 'costCenter')).toBe(true);
    expect(evaluateUnaryTest(parse('false'), false, 'urgent')).toBe(true);
  });

  it('refuses a type mismatch or a missing value, naming the input', () => {
    expect(() => passes('< 500000', '100')).toThrow(CountersignError);
    expect(() => passes('< 500000', '100')).toThrow('Input "amount" is a string ("100") but its rules test number values');
    expect(() => passes('"CC10"', 10)).toThrow(/number values|string values/);
    expect(() => passes('< 5', undefined)).toThrow('Input "amount" is nothing');
    expect(() => passes('< 5', Number.NaN)).toThrow(/POLICY|number/);
  });

  it('reports malformed cells with a position', () => {
    const message = (text: string) => {
      const result = parseUnaryTest(text);
      return result.ok ? 'parsed' : result.message;
    };
    expect(message('')).toMatch(/Empty cell/);
    expect(message('< "x"')).toMatch(/"<" compares numbers only at position 3/);
    expect(message('[5..1]')).toMatch(/empty/);
    expect(message('[1..2')).toMatch(/Expected "\]" or "\)"/);
    expect(message('CC10')).toMatch(/Expected a number, a "quoted string"/);
    expect(message('"a", 1')).toMatch(/mixes string and number/);
    expect(message('< 5 6')).toMatch(/Unexpected text at position 5/);
    expect(message('not(1')).toMatch(/Expected "\)"/);
  });
});
