// The matcher over a plain history array, and the verdict of a list of findings.
import { duplicateCheckSettings, type DuplicateCheckOptions, type DuplicateClass, type DuplicateFinding, type DuplicateRule, type InvoiceFacts } from './duplicate-types.ts';
import { matchInvoice } from './match-invoice.ts';
import { prepareInvoice, type PreparedInvoice } from './prepare-invoice.ts';
import { similarAmountsAround } from './recurring-amounts.ts';

const RULE_RANK: Readonly<Record<DuplicateRule, number>> = { exact: 0, 'normalised-number': 1, 'number-distance-1': 2, 'amount-date-window': 3 };

/** Orders findings duplicate-first, then by rule strength, then by invoice id (a stable order). */
export function compareFindings(a: DuplicateFinding, b: DuplicateFinding): number {
  return RULE_RANK[a.rule] - RULE_RANK[b.rule] || (a.invoiceId < b.invoiceId ? -1 : a.invoiceId > b.invoiceId ? 1 : 0);
}

/** Sorts findings in place by `compareFindings` and returns them. */
export function sortFindings(findings: DuplicateFinding[]): DuplicateFinding[] {
  return findings.sort(compareFindings);
}

/** A finding with the history entry it points at (which may carry more than `InvoiceFacts`, e.g. a run id). */
export interface HistoryMatch<T extends InvoiceFacts> {
  prior: T;
  finding: DuplicateFinding;
}

/**
 * Findings of `candidate` against every entry of `history` of the same entity and vendor, with the
 * entry each points at, sorted duplicate-first. Entries are NOT skipped by id: an earlier run's
 * record of the same invoice (same id) is exactly the duplicate to find.
 */
export function matchHistory<T extends InvoiceFacts>(candidate: InvoiceFacts, history: readonly T[], options?: DuplicateCheckOptions): HistoryMatch<T>[] {
  const settings = duplicateCheckSettings(options);
  const prepared = prepareInvoice(candidate);
  const priors: { entry: T; prepared: PreparedInvoice }[] = [];
  for (const entry of history) {
    if (entry.entity === candidate.entity && entry.vendorId === candidate.vendorId) priors.push({ entry, prepared: prepareInvoice(entry) });
  }
  const around = similarAmountsAround(prepared, priors.map((p) => p.prepared), settings);
  const matches: HistoryMatch<T>[] = [];
  for (const { entry, prepared: prior } of priors) {
    const finding = matchInvoice(prepared, prior, settings, around);
    if (finding) matches.push({ prior: entry, finding });
  }
  return matches.sort((a, b) => compareFindings(a.finding, b.finding));
}

/**
 * Findings of `candidate` against `history` (same entity and vendor only; entries with the
 * candidate's own id are skipped), sorted duplicate-first. For a long-lived history use `createDuplicateIndex`.
 */
export function findDuplicates(candidate: InvoiceFacts, history: readonly InvoiceFacts[], options?: DuplicateCheckOptions): DuplicateFinding[] {
  return matchHistory(candidate, history.filter((prior) => prior.id !== candidate.id), options).map((match) => match.finding);
}

/** The port of a check: `duplicate` if any finding blocks, else `suspect` if any, else `clear`. */
export function classify(findings: readonly DuplicateFinding[]): DuplicateClass {
  let result: DuplicateClass = 'clear';
  for (const finding of findings) {
    switch (finding.verdict) {
      case 'duplicate':
        return 'duplicate';
      case 'suspect':
        result = 'suspect';
        break;
      default: {
        const unreachable: never = finding.verdict;
        throw new Error(`unknown verdict ${String(unreachable)}`);
      }
    }
  }
  return result;
}
