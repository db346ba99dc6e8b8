import { describe, expect, it } from 'vitest';
import type { FieldModel, UnionOption } from './field-model.ts';
import { accepts, emptyValue, matchOption } from './value-match.ts';

const caseItem: FieldModel = {
  kind: 'object',
  properties: [
    { key: 'port', required: true, field: { kind: 'string', multiline: false } },
    { key: 'equals', required: true, field: { kind: 'any' } },
    { key: 'note', required: false, field: { kind: 'string', multiline: false } },
  ],
};

describe('accepts / matchOption', () => {
  it('picks the union option that fits, using const properties as discriminators', () => {
    const options: UnionOption[] = [
      { label: 'Card', field: { kind: 'object', properties: [{ key: 'type', required: true, field: { kind: 'enum', options: ['card'] } }] } },
      { label: 'Bank', field: { kind: 'object', properties: [{ key: 'type', required: true, field: { kind: 'enum', options: ['bank'] } }] } },
      { label: 'Text', field: { kind: 'string', multiline: false } },
    ];
    expect(matchOption(options, { type: 'bank' })).toBe(1);
    expect(matchOption(options, 'x')).toBe(2);
    expect(matchOption(options, '{{ $input.pay }}')).toBe(0);
    expect(matchOption(options, 42)).toBe(0);
    expect(accepts({ kind: 'number', integer: true }, 1.5)).toBe(false);
  });
});

describe('emptyValue', () => {
  it('builds new items from defaults and required properties', () => {
    expect(emptyValue(caseItem)).toEqual({ port: '', equals: '' });
    expect(emptyValue({ kind: 'number', integer: true, minimum: 5 })).toBe(5);
    expect(emptyValue({ kind: 'enum', options: ['a', 'b'], default: 'b' })).toBe('b');
    expect(emptyValue({ kind: 'record', values: { kind: 'any' } })).toEqual({});
  });
});
