// One earlier invoice against the candidate. Every rule is scoped to the same (entity, vendor): the
// index buckets history that way, and an invoice to another entity is another payment, not a
// duplicate. Rules, strongest first (one finding per earlier invoice, the strongest that matches):
//   - normalised numbers equal -> duplicate. The spec lists normalised equality both as "exact"
//     (block) and under "fuzzy" (flag); with the same entity and vendor the block wins. The rule is
//     `exact` when the raw numbers are equal ignoring case and whitespace, else `normalised-number`.
//   - normalised numbers at OSA distance 1 (transposition, substitution, insertion, deletion) -> suspect
//     (with `distanceOneNeedsSimilarAmount`, only when the amounts also pass the amount test).
//   - same currency, amounts within the tolerance, invoice dates within the window -> suspect.
//     Amounts in different currencies are never compared.
import { isDistanceOne } from './damerau-levenshtein.ts';
import type { DuplicateCheckSettings, DuplicateFinding, InvoiceFacts } from './duplicate-types.ts';
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

/** Same currency and |a - b| <= bps/10000 of the larger absolute amount, in integers only. */
function similarAmount(a: PreparedInvoice, b: PreparedInvoice, settings: DuplicateCheckSettings): boolean {
  if (a.currency !== b.currency) return false;
  const [x, y] = [a.facts.amount, b.facts.amount];
  return Math.abs(x - y) * 10_000 <= Math.max(Math.abs(x), Math.abs(y)) * settings.amountToleranceBps;
}

/** The strongest rule by which `candidate` duplicates `prior`, or undefined; no entity/vendor check. */
export function matchInvoice(candidate: PreparedInvoice, prior: PreparedInvoice, settings: DuplicateCheckSettings): DuplicateFinding | undefined {
  const invoiceId = prior.facts.id;
  const numbers = `'${candidate.facts.invoiceNumber}' vs '${prior.facts.invoiceNumber}'`;
  // An empty key ('---') carries no information: no number rule for it.
  if (candidate.normalised !== '' && prior.normalised !== '') {
    if (candidate.normalised === prior.normalised) {
      const exact = candidate.compact === prior.compact;
      const detail = exact ? `same invoice number ${numbers}` : `same normalised invoice number ${candidate.normalised} (${numbers})`;
      return { invoiceId, verdict: 'duplicate', rule: exact ? 'exact' : 'normalised-number', detail };
    }
    const amountAgrees = !settings.distanceOneNeedsSimilarAmount || similarAmount(candidate, prior, settings);
    if (amountAgrees && isDistanceOne(candidate.normalised, prior.normalised)) {
      return { invoiceId, verdict: 'suspect', rule: 'number-distance-1', detail: `invoice numbers one edit apart: ${candidate.normalised} vs ${prior.normalised} (${numbers})` };
    }
  }
  if (!similarAmount(candidate, prior, settings)) return undefined;
  const days = Math.abs(candidate.day - prior.day);
  if (!(days <= settings.dateWindowDays)) return undefined; // NaN (bad date) fails too
  return {
    invoiceId,
    verdict: 'suspect',
    rule: 'amount-date-window',
    detail: `amount ${candidate.facts.amount} vs ${prior.facts.amount} ${candidate.currency} within ${settings.amountToleranceBps / 100}%, dates ${days} day(s) apart (${numbers})`,
  };
}
