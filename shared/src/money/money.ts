import { z } from 'zod';
import { CountersignError } from '../errors/index.ts';
import { formatMoney } from './format.ts';

/** An ISO 4217 alphabetic currency code, e.g. "EUR". */
export const CurrencyCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO 4217 code, e.g. "EUR"');

/** An amount in integer minor units (cents, yen, fils) of a currency: no floats in policy or posting. */
export const MoneySchema = z.strictObject({
  amount: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  currency: CurrencyCodeSchema,
});

/** An amount in integer minor units plus its ISO 4217 currency code. */
export type Money = z.output<typeof MoneySchema>;

/** Builds a Money value, refusing fractional or unsafe amounts and malformed codes. */
export function money(amount: number, currency: string): Money {
  const parsed = MoneySchema.safeParse({ amount, currency });
  if (!parsed.success) {
    throw new CountersignError('INVALID_INPUT', `Not a money value: ${String(amount)} ${currency}`, {
      details: { amount, currency, issues: parsed.error.issues.map((issue) => issue.message) },
    });
  }
  return parsed.data;
}

/** Throws unless the result of integer arithmetic is still exact in a JS number. */
export function checkedAmount(amount: number | bigint, currency: string): number {
  const value = typeof amount === 'bigint' ? amount : BigInt(amount);
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new CountersignError('INVALID_INPUT', `Amount overflows the safe integer range (${value.toString()} minor units of ${currency})`, {
      details: { amount: value.toString(), currency },
    });
  }
  return Number(value);
}

/** Throws CURRENCY_MISMATCH unless both amounts share a currency; comparing across currencies needs a rate. */
function sameCurrency(verb: string, left: Money, right: Money): string {
  if (left.currency !== right.currency) {
    throw new CountersignError(
      'CURRENCY_MISMATCH',
      `Cannot ${verb} ${formatMoney(left)} with ${formatMoney(right)} without an exchange rate`,
      { details: { operation: verb, left, right } },
    );
  }
  return left.currency;
}

/** `a + b` in one currency; mixed currencies are a CURRENCY_MISMATCH, overflow an error. */
export function addMoney(a: Money, b: Money): Money {
  const currency = sameCurrency('add', a, b);
  return { amount: checkedAmount(BigInt(a.amount) + BigInt(b.amount), currency), currency };
}

/** `a - b` in one currency; mixed currencies are a CURRENCY_MISMATCH, overflow an error. */
export function subtractMoney(a: Money, b: Money): Money {
  const currency = sameCurrency('subtract', a, b);
  return { amount: checkedAmount(BigInt(a.amount) - BigInt(b.amount), currency), currency };
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`; mixed currencies are a CURRENCY_MISMATCH. */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency('compare', a, b);
  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;
}

/**
 * The total of a list in one currency. An empty list has no currency of its own, so it needs
 * `currency` (its total is zero); mixed currencies are a CURRENCY_MISMATCH.
 */
export function sumMoney(list: readonly Money[], currency?: string): Money {
  const target = currency ?? list[0]?.currency;
  if (target === undefined) throw new CountersignError('INVALID_INPUT', 'Cannot sum an empty list of amounts without a currency');
  let total = 0n;
  for (const item of list) {
    // The running total is the left side, so the message names what was summed so far.
    if (item.currency !== target) sameCurrency('sum', { amount: Number(total), currency: target }, item);
    total += BigInt(item.amount);
  }
  return { amount: checkedAmount(total, target), currency: CurrencyCodeSchema.parse(target) };
}
