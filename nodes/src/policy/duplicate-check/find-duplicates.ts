// The matcher over a plain history array, and the verdict of a list of findings.
import { duplicateCheckSettings, type DuplicateCheckOptions, type DuplicateClass, type DuplicateFinding, type DuplicateRule, type InvoiceFacts } from './duplicate-types.ts';
import { matchInvoice, prepareInvoice } from './match-invoice.ts';

const RULE_RANK: Readonly<Record<DuplicateRule, number>> = { exact: 0, 'normalised-number': 1, 'number-distance-1': 2, 'amount-date-window': 3 };

/** Sorts findings duplicate-first, then by rule strength, then by invoice id (a stable order). */
export function sortFindings(findings: DuplicateFinding[]): DuplicateFinding[] {
  return findings.sort((a, b) => RULE_RANK[a.rule] - RULE_RANK[b.rule] || (a.invoiceId < b.invoiceId ? -1 : a.invoiceId > b.invoiceId ? 1 : 0));
}

/**
 * Findings of `candidate` against `history` (same entity and vendor only; the candidate's own id is
 * skipped), sorted duplicate-first. A linear scan: for a long-lived history use `createDuplicateIndex`.
 */
export function findDuplicates(candidate: InvoiceFacts, history: readonly InvoiceFacts[], options?: DuplicateCheckOptions): DuplicateFinding[] {
  const settings = duplicateCheckSettings(options);
  const prepared = prepareInvoice(candidate);
  const findings: DuplicateFinding[] = [];
  for (const prior of history) {
    if (prior.id === candidate.id || prior.entity !== candidate.entity || prior.vendorId !== candidate.vendorId) continue;
    const finding = matchInvoice(prepared, prepareInvoice(prior), settings);
    if (finding) findings.push(finding);
  }
  return sortFindings(findings);
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
