// Whether the vendor bills amounts like the candidate's routinely around its date. The amount-and-
// date rule of the spec (same vendor, +-1%, +-7 days) is strong evidence for a vendor whose amounts
// are spread out and weak for one that bills similar amounts often: there a second invoice within a
// week and 1% is what ordinary billing looks like (the synthetic benchmark's largest vendor, with
// ~3 invoices a day, gives about a dozen such coincidences a month). So when the history holds ANOTHER invoice of the vendor within
// `recurrenceWindowDays` at an amount within the tolerance, a near amount alone no longer flags; the
// fuzzy rules then ask for the same amount on the same date (one document entered twice). Copies
// of the matched invoice under its own number do not count as other billing: an invoice blocked as
// an exact duplicate stays in the history and must not hide a third, re-numbered copy.
import type { DuplicateCheckSettings } from './duplicate-types.ts';
import { daysApart, similarAmount, type PreparedInvoice } from './prepare-invoice.ts';

/** The vendor's invoices dated within the recurrence window of `candidate` at a similar amount ([] when the test is off). */
export function similarAmountsAround(candidate: PreparedInvoice, priors: Iterable<PreparedInvoice>, settings: DuplicateCheckSettings): PreparedInvoice[] {
  if (settings.recurrenceWindowDays <= 0) return [];
  const around: PreparedInvoice[] = [];
  for (const prior of priors) {
    if (daysApart(candidate, prior) <= settings.recurrenceWindowDays && similarAmount(candidate, prior, settings.amountToleranceBps)) around.push(prior);
  }
  return around;
}

/** Whether `around` (from `similarAmountsAround`) holds an invoice other than `prior` or a copy of its number. */
export function billedRoutinelyBesides(around: readonly PreparedInvoice[], prior: PreparedInvoice): boolean {
  return around.some((other) => other !== prior && (other.normalised === '' || other.normalised !== prior.normalised));
}
