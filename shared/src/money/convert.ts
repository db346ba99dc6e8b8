import { z } from 'zod';
import { CountersignError } from '../errors/index.ts';
import { minorUnitExponent } from './currency.ts';
import { formatMoney } from './format.ts';
import { checkedAmount, CurrencyCodeSchema, type Money } from './money.ts';

/** An FX rate: 1 unit of `from` buys `rate` units of `to`. The rate is a decimal string, never a float. */
export const ExchangeRateSchema = z.object({
  from: CurrencyCodeSchema,
  to: CurrencyCodeSchema,
  rate: z.string().regex(/^\d+(\.\d+)?$/, 'Use a positive decimal string, e.g. "1.0842"'),
  /** Where the rate came from (e.g. "ECB"), for the audit trail. */
  source: z.string().optional(),
  /** The rate's date or time (ISO 8601). */
  asOf: z.string().optional(),
});

/** An FX rate as a decimal string; see {@link ExchangeRateSchema}. */
export type ExchangeRate = z.output<typeof ExchangeRateSchema>;

/** `numerator / denominator` rounded half to even (banker's rounding); denominator > 0. */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  const twiceRemainder = (magnitude % denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/**
 * Converts `m` into `rate.to` with exact integer arithmetic: the amount times the rate's digits,
 * rescaled between the two currencies' minor units, rounded once, half to even. `m` must be in
 * `rate.from` (else CURRENCY_MISMATCH); a zero rate or an overflowing result is an error.
 */
export function convertMoney(m: Money, rate: ExchangeRate): Money {
  const parsed = ExchangeRateSchema.safeParse(rate);
  if (!parsed.success) throw new CountersignError('INVALID_INPUT', `Not an exchange rate: ${parsed.error.issues[0]?.message ?? 'invalid'}`, { details: { rate } });
  const { from, to } = parsed.data;
  if (m.currency !== from) {
    throw new CountersignError('CURRENCY_MISMATCH', `Cannot convert ${formatMoney(m)} with a ${from}->${to} rate`, { details: { money: m, rate } });
  }
  const [whole = '0', fraction = ''] = parsed.data.rate.split('.');
  const rateDigits = BigInt(whole + fraction);
  if (rateDigits === 0n) throw new CountersignError('INVALID_INPUT', `A ${from}->${to} rate of zero converts nothing`, { details: { rate } });
  // amount_to = amount_from * rateDigits / 10^fraction.length * 10^(expTo - expFrom)
  const shift = minorUnitExponent(to) - minorUnitExponent(from) - fraction.length;
  const numerator = BigInt(m.amount) * rateDigits * (shift > 0 ? 10n ** BigInt(shift) : 1n);
  const denominator = shift < 0 ? 10n ** BigInt(-shift) : 1n;
  return { amount: checkedAmount(divideHalfEven(numerator, denominator), to), currency: to };
}
