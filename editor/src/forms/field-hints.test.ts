import { describe, expect, it } from 'vitest';
import { boundsText, numberHint, stringHint } from './field-hints.ts';
import { fieldId, itemLabel, propertyLabel } from './field-labels.ts';

describe('field hints', () => {
  it('flags text the runtime will likely refuse, but never templates', () => {
    const url = { kind: 'string', multiline: false, format: 'uri' } as const;
    expect(stringHint(url, 'erp.example.com')).toMatch(/address/);
    expect(stringHint(url, 'https://erp.example.com/api')).toBeNull();
    expect(stringHint(url, '{{ $input.url }}')).toBeNull();
    const when = { kind: 'string', multiline: false, format: 'date-time' } as const;
    expect(stringHint(when, '2025-02-01')).toMatch(/time zone/);
    expect(stringHint(when, '2025-02-01T09:00:00Z')).toBeNull();
    expect(stringHint({ kind: 'string', multiline: false, pattern: '^[a-z]+$' }, 'A1')).toMatch(/form/);
  });

  it('describes and checks number bounds', () => {
    const timeout = { kind: 'number', integer: true, minimum: 1, maximum: 300000 } as const;
    expect(boundsText(timeout)).toBe('1 to 300000');
    expect(numberHint(timeout, 0)).toBe('At least 1');
    expect(numberHint(timeout, 1.5)).toBe('Must be a whole number');
    expect(numberHint(timeout, 10)).toBeNull();
  });
});

describe('field labels and ids', () => {
  it('names properties, list items and DOM ids', () => {
    expect(propertyLabel('timeoutMs', { kind: 'any' })).toBe('Timeout ms');
    expect(propertyLabel('url', { kind: 'any', title: 'URL' })).toBe('URL');
    expect(itemLabel({ kind: 'any', title: 'Cases' }, { kind: 'any' }, 1)).toBe('Case 2');
    expect(itemLabel({ kind: 'any', title: 'Status' }, { kind: 'any' }, 0)).toBe('Item 1');
    expect(fieldId('f', ['headers', 'X Id.v', 0])).toBe('f.headers.X_20Id_v.0');
  });
});
