import { describe, expect, it } from 'vitest';
import { parameterAt, placeholderNames, substituteParameters } from './substitute-parameters.ts';

describe('substituteParameters', () => {
  const template = {
    url: '{{param:erpUrl}}',
    limit: '{{ param:limit }}',
    flag: '{{param:strict}}',
    when: ['< {{param:limit}}', 'role:{{param:role}}'],
    credentialId: '{{param:credential}}',
    list: ['{{param:credential}}', 'kept'],
    expression: '{{ $input.amount }}',
  };

  it('replaces an exact placeholder by the value with its JSON type, and text inside longer strings', () => {
    const { value } = substituteParameters(template, { erpUrl: 'https://erp.test', limit: 1_000_000, strict: false, role: 'controller', credential: 'cred-1' });
    expect(value).toEqual({
      url: 'https://erp.test',
      limit: 1_000_000,
      flag: false,
      when: ['< 1000000', 'role:controller'],
      credentialId: 'cred-1',
      list: ['cred-1', 'kept'],
      expression: '{{ $input.amount }}',
    });
  });

  it('removes a value that is exactly the placeholder of a parameter without a value, and leaves empty text inside strings', () => {
    const { value } = substituteParameters(template, { erpUrl: 'x', limit: 1, strict: true });
    expect(value).toMatchObject({ when: ['< 1', 'role:'], list: ['kept'] });
    expect('credentialId' in (value as object)).toBe(false);
  });

  it('never changes its input and records where each parameter went', () => {
    const copy = structuredClone(template);
    const { uses } = substituteParameters(template, { erpUrl: 'x' });
    expect(template).toEqual(copy);
    expect(parameterAt(uses, ['url'])).toBe('erpUrl');
    expect(parameterAt(uses, ['when', 1])).toBe('role');
    expect(parameterAt(uses, ['url', 'host'])).toBe('erpUrl');
    expect(parameterAt(uses, ['expression'])).toBeUndefined();
  });

  it('lists the parameters a value refers to', () => {
    expect(placeholderNames(template)).toEqual(['credential', 'erpUrl', 'limit', 'role', 'strict']);
    expect(placeholderNames({ a: '{{ $input.x }}', b: '{{param:}}', c: '{{param:1x}}' })).toEqual([]);
  });
});
