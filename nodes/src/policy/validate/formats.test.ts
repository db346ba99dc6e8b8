import { describe, expect, it } from 'vitest';
import { compilePattern, isCurrencyCode, isEmail, isEuVatId, isIban, isIsoDate } from './formats.ts';

describe('formats', () => {
  it('checks the IBAN mod-97 checksum', () => {
    expect(isIban('DE89370400440532013000')).toBe(true);
    expect(isIban('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(isIban('GB82WEST12345698765432')).toBe(true);
    expect(isIban('DE89370400440532013001')).toBe(false);
    expect(isIban('DE98370400440532013000')).toBe(false);
    expect(isIban('DE89')).toBe(false);
  });

  it('accepts calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate('2025-01-15T00:00:00Z')).toBe(false);
  });

  it('checks EU VAT id shapes per country', () => {
    expect(isEuVatId('DE123456789')).toBe(true);
    expect(isEuVatId('NL123456789B01')).toBe(true);
    expect(isEuVatId('ATU12345678')).toBe(true);
    expect(isEuVatId('fr 12 345678901')).toBe(true);
    expect(isEuVatId('DE12345678')).toBe(false);
    expect(isEuVatId('US123456789')).toBe(false);
  });

  it('checks email and currency shapes', () => {
    expect(isEmail('ap@example.com')).toBe(true);
    expect(isEmail('ap@example')).toBe(false);
    expect(isEmail('a p@example.com')).toBe(false);
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('eur')).toBe(false);
    expect(isCurrencyCode('EURO')).toBe(false);
  });

  it('compiles patterns or says why not', () => {
    expect(compilePattern('^INV-\\d+$')).toBeInstanceOf(RegExp);
    expect(typeof compilePattern('(')).toBe('string');
  });
});
