import { describe, expect, it } from 'vitest';
import type { FieldModel } from './field-model.ts';
import { fromExpression, toExpression } from './expression-mode.ts';

const number: FieldModel = { kind: 'number', integer: true };
const boolean: FieldModel = { kind: 'boolean' };
const text: FieldModel = { kind: 'string', multiline: false };

describe('fx toggle conversions', () => {
  it('turns literals into expressions and keeps text as it is', () => {
    expect(toExpression(5)).toBe('{{ 5 }}');
    expect(toExpression(true)).toBe('{{ true }}');
    expect(toExpression({ a: 1 })).toBe('{{ {"a":1} }}');
    expect(toExpression('Invoice {{ $input.id }}')).toBe('Invoice {{ $input.id }}');
    expect(toExpression(undefined)).toBeUndefined();
    expect(toExpression('')).toBeUndefined();
  });

  it('turns literal expressions back into values the field accepts, and drops the rest', () => {
    expect(fromExpression('{{ 5 }}', number)).toBe(5);
    expect(fromExpression('{{ 5.5 }}', number)).toBeUndefined();
    expect(fromExpression('{{ false }}', boolean)).toBe(false);
    expect(fromExpression('{{ $input.ok }}', boolean)).toBeUndefined();
    expect(fromExpression('plain', text)).toBe('plain');
    expect(fromExpression('a {{ 1 }}', text)).toBeUndefined();
    expect(fromExpression('plain', number)).toBeUndefined();
    expect(fromExpression(undefined, number)).toBeUndefined();
  });
});
