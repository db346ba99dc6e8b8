// One earlier invoice against the candidate. Every rule is scoped to the same (entity, vendor): the
// callers bucket or filter history that way, and an invoice to another entity is another payment.
// Rules, strongest first (one finding per earlier invoice, the strongest that matches):
//   - `exact` / `normalised-number` -> duplicate: the numbers are equal after normalising. The spec
//     lists normalised equality both as the exact duplicate (block) and under "fuzzy" (flag); with
//     the same entity and vendor the block wins. `exact` when the raw numbers are equal ignoring case
//     and whitespace. The number alone decides, as the spec says (so a vendor that restarts its
//     numbering every January is blocked a year later; the one-year benchmark cannot show that).
//   - `number-distance-1` -> suspect: normalised numbers at OSA distance 1 (transposition,
//     substitution, insertion, deletion). By default only with the same amount in the same currency
//     and dates within the window, and on the same date when the vendor bills this amount routinely
//     (`distanceOneNeedsSameAmount`, `recurring-amounts.ts`): sequential numbering puts every invoice
//     one edit from its neighbours, while a mistyped or mis-scanned copy keeps its document's amount
//     and date. The spec as written flags one edit alone: on the benchmark 94% of all its findings
//     (10,095 of 10,771) were such neighbours.
//   - `amount-date-window` -> suspect: same currency, amounts within the tolerance, dates within the
//     window, whatever the numbers. When the vendor bills amounts like this one routinely around that
//     date, only the same amount on the same date (one document entered twice under two numbers).
import { isDistanceOne } from './damerau-levenshtein.ts';
import type { DuplicateCheckSettings, DuplicateFinding } from './duplicate-types.ts';
import { daysApart, sameAmount, similarAmount, type PreparedInvoice } from './prepare-invoice.ts';
import { billedRoutinelyBesides } from './recurring-amounts.ts';

const quoted = (candidate: PreparedInvoice, prior: PreparedInvoice): string => `'${candidate.facts.invoiceNumber}' vs '${prior.facts.invoiceNumber}'`;

/**
 * The strongest rule by which `candidate` duplicates `prior`, or undefined; no entity/vendor check.
 * `around` is `similarAmountsAround(candidate, ...)` over the same history. Runs for every pair of a
 * vendor's history, so strings are built only for a finding.
 */
export function matchInvoice(candidate: PreparedInvoice, prior: PreparedInvoice, settings: DuplicateCheckSettings, around: readonly PreparedInvoice[]): DuplicateFinding | undefined {
  const invoiceId = prior.facts.id;
  const days = daysApart(candidate, prior);
  const inWindow = days <= settings.dateWindowDays; // NaN (bad date) fails
  // An empty key ('---') carries no information: no number rule for it.
  if (candidate.normalised !== '' && prior.normalised !== '') {
    if (candidate.normalised === prior.normalised) {
      const exact = candidate.compact === prior.compact;
      const detail = exact ? `same invoice number ${quoted(candidate, prior)}` : `same normalised invoice number ${candidate.normalised} (${quoted(candidate, prior)})`;
      return { invoiceId, verdict: 'duplicate', rule: exact ? 'exact' : 'normalised-number', detail };
    }
    if (isDistanceOne(candidate.normalised, prior.normalised)) {
      if (!settings.distanceOneNeedsSameAmount) {
        return { invoiceId, verdict: 'suspect', rule: 'number-distance-1', detail: `invoice numbers one edit apart: ${candidate.normalised} vs ${prior.normalised} (${quoted(candidate, prior)})` };
      }
      // The figures of one document: the same amount, dated alike; the same day when the vendor bills such amounts routinely.
      if (sameAmount(candidate, prior) && inWindow && (days === 0 || !billedRoutinelyBesides(around, prior))) {
        const detail = `invoice numbers one edit apart: ${candidate.normalised} vs ${prior.normalised} (${quoted(candidate, prior)}), same amount ${candidate.facts.amount} ${candidate.currency}, dates ${days} day(s) apart`;
        return { invoiceId, verdict: 'suspect', rule: 'number-distance-1', detail };
      }
    }
  }
  if (!inWindow || !similarAmount(candidate, prior, settings.amountToleranceBps)) return undefined;
  const amounts = `amount ${candidate.facts.amount} vs ${prior.facts.amount} ${candidate.currency}`;
  if (!billedRoutinelyBesides(around, prior)) {
    const detail = `${amounts} within ${settings.amountToleranceBps / 100}%, dates ${days} day(s) apart (${quoted(candidate, prior)})`;
    return { invoiceId, verdict: 'suspect', rule: 'amount-date-window', detail };
  }
  if (sameAmount(candidate, prior) && days === 0) {
    const detail = `${amounts} on the same date under another number (${quoted(candidate, prior)}); the vendor bills similar amounts around this date`;
    return { invoiceId, verdict: 'suspect', rule: 'amount-date-window', detail };
  }
  return undefined;
}
