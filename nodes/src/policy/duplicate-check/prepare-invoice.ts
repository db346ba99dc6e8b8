// An invoice with its comparison keys computed once, and the amount and date comparisons the rules
// share. Amounts are compared in integers only, and never across currencies (finance-controls.md:
// comparing two currencies without an FX rate is an error, not a guess).
import type { InvoiceFacts } from './duplicate-types.ts';
import { compactInvoiceNumber, normaliseInvoiceNumber } from './normalise-invoice-number.ts';

/** An invoice with its comparison keys computed once. */
export interface PreparedInvoice {
  facts: InvoiceFacts;
  compact: string;
  normalised: string;
  currency: string;
  /** Days since 1970-01-01, NaN when `invoiceDate` is not a valid YYYY-MM-DD date. */
  day: number;
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return Number.NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2026-02-31 over to March: refuse dates that do not round-trip.
  return new Date(ms).getUTCDate() === day && new Date(ms).getUTCMonth() === month - 1 ? ms / DAY_MS : Number.NaN;
}

/** Computes the comparison keys of `facts`. */
export function prepareInvoice(facts: InvoiceFacts): PreparedInvoice {
  return {
    facts,
    compact: compactInvoiceNumber(facts.invoiceNumber),
    normalised: normaliseInvoiceNumber(facts.invoiceNumber),
    currency: facts.currency.toUpperCase(),
    day: dayNumber(facts.invoiceDate),
  };
}

/** Same currency and |a - b| <= bps/10000 of the larger absolute amount. */
export function similarAmount(a: PreparedInvoice, b: PreparedInvoice, toleranceBps: number): boolean {
  if (a.currency !== b.currency) return false;
  const [x, y] = [a.facts.amount, b.facts.amount];
  return Math.abs(x - y) * 10_000 <= Math.max(Math.abs(x), Math.abs(y)) * toleranceBps;
}

/** Same currency and the same amount in minor units. */
export function sameAmount(a: PreparedInvoice, b: PreparedInvoice): boolean {
  return a.currency === b.currency && a.facts.amount === b.facts.amount;
}

/** Days between the invoice dates; NaN when either date is invalid, so every window test fails. */
export function daysApart(a: PreparedInvoice, b: PreparedInvoice): number {
  return Math.abs(a.day - b.day);
}
