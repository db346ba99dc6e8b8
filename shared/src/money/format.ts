import { minorUnitExponent } from './currency.ts';
import type { Money } from './money.ts';

/**
 * Locale-neutral text of an amount, e.g. "1234.50 EUR", "-500 JPY", "1.250 KWD": digits from the
 * currency's ISO 4217 exponent, no grouping, so audit logs and error messages read the same everywhere.
 */
export function formatMoney(m: Money): string {
  const exponent = minorUnitExponent(m.currency);
  const digits = BigInt(Math.abs(m.amount)).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent === 0 ? '' : `.${digits.slice(digits.length - exponent)}`;
  return `${m.amount < 0 ? '-' : ''}${whole}${fraction} ${m.currency}`;
}
