import { describe, expect, it } from 'vitest';
import { compactInvoiceNumber, normaliseInvoiceNumber } from './normalise-invoice-number.ts';

describe('normaliseInvoiceNumber', () => {
  it('uppercases, strips non-alphanumerics and maps O, I, B to digits', () => {
    expect(normaliseInvoiceNumber('inv-1001')).toBe('1NV1001');
    expect(normaliseInvoiceNumber('INV 2026/00O1')).toBe('1NV20260001');
    expect(normaliseInvoiceNumber('A/123/26')).toBe('A12326');
    expect(normaliseInvoiceNumber('IO8-B')).toBe('108');
  });

  it('drops one trailing letter after a digit, before mapping OCR letters', () => {
    expect(normaliseInvoiceNumber('INV-1001A')).toBe(normaliseInvoiceNumber('INV1001'));
    // A suffix B is a suffix, not an 8.
    expect(normaliseInvoiceNumber('INV-1001B')).toBe(normaliseInvoiceNumber('INV1001'));
    // Only a letter right after a digit is a suffix; the B here is then read as an 8.
    expect(normaliseInvoiceNumber('INV-1001AB')).toBe('1NV1001A8');
    expect(normaliseInvoiceNumber('ABC')).toBe('A8C');
  });

  it('turns a number of punctuation only into an empty key', () => {
    expect(normaliseInvoiceNumber(' -/- ')).toBe('');
  });

  it('compacts by case and whitespace only', () => {
    expect(compactInvoiceNumber(' inv 1001 ')).toBe('INV1001');
    expect(compactInvoiceNumber('INV-1001')).toBe('INV-1001');
  });
});
