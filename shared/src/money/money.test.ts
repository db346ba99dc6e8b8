import { describe, expect, it } from 'vitest';
import { CountersignError } from '../errors/index.ts';
import { addMoney, compareMoney, convertMoney, formatMoney, minorUnitExponent, money, MoneySchema, subtractMoney, sumMoney } from './index.ts';

const eur = (amount: number) => money(amount, 'EUR');
const usd = (amount: number) => money(amount, 'USD');

/** The CountersignError thrown by `action`, so tests can assert on code, message and details. */
function thrown(action: () => unknown): CountersignError {
  try {
    action();
  } catch (error) {
    if (error instanceof CountersignError) return error;
    throw error;
  }
  throw new Error('expected a CountersignError');
}

describe('money', () => {
  it('accepts integer minor units and ISO codes only', () => {
    expect(MoneySchema.safeParse({ amount: 10050, currency: 'EUR' }).success).toBe(true);
    expect(MoneySchema.safeParse({ amount: 100.5, currency: 'EUR' }).success).toBe(false);
    expect(MoneySchema.safeParse({ amount: 1, currency: 'eur' }).success).toBe(false);
    expect(MoneySchema.safeParse({ amount: Number.MAX_SAFE_INTEGER + 1, currency: 'EUR' }).success).toBe(false);
    expect(thrown(() => money(1.5, 'EUR')).code).toBe('INVALID_INPUT');
  });

  it('adds, subtracts, compares and sums in one currency', () => {
    expect(addMoney(eur(10000), eur(-2550))).toEqual(eur(7450));
    expect(subtractMoney(eur(10000), eur(12000))).toEqual(eur(-2000));
    expect([compareMoney(eur(1), eur(2)), compareMoney(eur(2), eur(2)), compareMoney(eur(3), eur(2))]).toEqual([-1, 0, 1]);
    expect(sumMoney([eur(100), eur(250), eur(-50)])).toEqual(eur(300));
    expect(sumMoney([], 'JPY')).toEqual(money(0, 'JPY'));
    expect(thrown(() => sumMoney([])).code).toBe('INVALID_INPUT');
  });

  it('refuses mixed currencies without a rate, naming both amounts', () => {
    const error = thrown(() => compareMoney(eur(10000), usd(9000)));
    expect(error.code).toBe('CURRENCY_MISMATCH');
    expect(error.message).toBe('Cannot compare 100.00 EUR with 90.00 USD without an exchange rate');
    expect(error.details).toMatchObject({ left: eur(10000), right: usd(9000) });
    expect(thrown(() => addMoney(eur(1), usd(1))).code).toBe('CURRENCY_MISMATCH');
    expect(thrown(() => subtractMoney(eur(1), usd(1))).code).toBe('CURRENCY_MISMATCH');
    expect(thrown(() => sumMoney([eur(100), eur(50), usd(1)])).message).toBe('Cannot sum 1.50 EUR with 0.01 USD without an exchange rate');
    expect(thrown(() => sumMoney([eur(1)], 'USD')).code).toBe('CURRENCY_MISMATCH');
  });

  it('throws on overflow instead of losing cents', () => {
    const max = money(Number.MAX_SAFE_INTEGER, 'EUR');
    expect(thrown(() => addMoney(max, eur(1))).code).toBe('INVALID_INPUT');
    expect(thrown(() => subtractMoney(money(-Number.MAX_SAFE_INTEGER, 'EUR'), eur(1))).code).toBe('INVALID_INPUT');
    expect(thrown(() => sumMoney([max, max])).code).toBe('INVALID_INPUT');
    // Intermediate totals may pass the limit as long as the final total fits (BigInt accumulator).
    expect(sumMoney([max, eur(10), eur(-10)])).toEqual(max);
  });

  it('formats with the ISO 4217 exponent of the currency', () => {
    expect([minorUnitExponent('JPY'), minorUnitExponent('KWD'), minorUnitExponent('BHD'), minorUnitExponent('EUR')]).toEqual([0, 3, 3, 2]);
    expect(formatMoney(eur(123450))).toBe('1234.50 EUR');
    expect(formatMoney(eur(-5))).toBe('-0.05 EUR');
    expect(formatMoney(money(500, 'JPY'))).toBe('500 JPY');
    expect(formatMoney(money(1250, 'KWD'))).toBe('1.250 KWD');
    expect(formatMoney(money(7, 'BHD'))).toBe('0.007 BHD');
  });
});

describe('convertMoney', () => {
  it('converts with integer arithmetic between minor-unit scales', () => {
    expect(convertMoney(eur(10000), { from: 'EUR', to: 'USD', rate: '1.0842' })).toEqual(usd(10842));
    expect(convertMoney(eur(10000), { from: 'EUR', to: 'JPY', rate: '162.35' })).toEqual(money(16235, 'JPY'));
    expect(convertMoney(money(16235, 'JPY'), { from: 'JPY', to: 'EUR', rate: '0.00616' })).toEqual(eur(10001));
    expect(convertMoney(eur(100), { from: 'EUR', to: 'KWD', rate: '0.333' })).toEqual(money(333, 'KWD'));
    // 0.1 + 0.2 style float drift cannot happen: 3 x 0.1 is exactly 0.3.
    expect(convertMoney(usd(3), { from: 'USD', to: 'EUR', rate: '0.1' })).toEqual(eur(0));
    expect(convertMoney(usd(30), { from: 'USD', to: 'EUR', rate: '0.1' })).toEqual(eur(3));
  });

  it('rounds half to even, symmetrically for negative amounts', () => {
    const half = (amount: number) => convertMoney(eur(amount), { from: 'EUR', to: 'USD', rate: '0.5' }).amount;
    expect([half(1), half(3), half(5), half(7)]).toEqual([0, 2, 2, 4]);
    expect([half(-1), half(-3), half(-5)]).toEqual([0, -2, -2]);
    expect(convertMoney(eur(1), { from: 'EUR', to: 'USD', rate: '0.51' }).amount).toBe(1);
  });

  it('refuses a rate for another currency, a zero or float-like rate, and overflow', () => {
    expect(thrown(() => convertMoney(usd(1), { from: 'EUR', to: 'GBP', rate: '0.85' })).code).toBe('CURRENCY_MISMATCH');
    expect(thrown(() => convertMoney(eur(1), { from: 'EUR', to: 'GBP', rate: '0' })).code).toBe('INVALID_INPUT');
    expect(thrown(() => convertMoney(eur(1), { from: 'EUR', to: 'GBP', rate: '1e3' })).code).toBe('INVALID_INPUT');
    expect(thrown(() => convertMoney(money(Number.MAX_SAFE_INTEGER, 'EUR'), { from: 'EUR', to: 'JPY', rate: '160' })).code).toBe('INVALID_INPUT');
  });
});
