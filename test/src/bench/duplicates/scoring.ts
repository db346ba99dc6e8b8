// Precision and recall of the matcher over the labelled stream. Definitions (printed by the bench):
// - a finding is CORRECT when the candidate is an injected duplicate and the finding points at its
//   original or at another injected copy of the same original (same `group`);
// - recall = injected duplicates with at least one correct finding / injected duplicates;
// - precision = correct findings / all findings;
// - review precision = candidates with a correct finding / candidates with any finding (the share of
//   review tasks that are real duplicates).
// "flagged" counts findings of both verdicts; "blocked" only findings with verdict 'duplicate'.
import type { DuplicateFinding, DuplicateRule } from '@countersign/nodes';
import type { LabelledInvoice } from './generator.ts';

/** One candidate of the stream and what the matcher said. */
export interface CheckedInvoice {
  invoice: LabelledInvoice;
  findings: DuplicateFinding[];
}

/** Counts behind the ratios. */
export interface Score {
  duplicates: number;
  found: number;
  findings: number;
  correctFindings: number;
  candidatesWithFindings: number;
  recall: number;
  precision: number;
  reviewPrecision: number;
  /** Wrong findings by rule: where the false alarms come from. */
  falseByRule: Partial<Record<DuplicateRule, number>>;
}

const ratio = (a: number, b: number): number => (b === 0 ? Number.NaN : a / b);

/** Scores `checked` for findings that pass `counts` (all of them for flagged, blocking ones for blocked). */
export function score(checked: readonly CheckedInvoice[], groupOf: ReadonlyMap<string, string>, counts: (finding: DuplicateFinding) => boolean): Score {
  let duplicates = 0;
  let found = 0;
  let findings = 0;
  let correctFindings = 0;
  let candidatesWithFindings = 0;
  const falseByRule: Partial<Record<DuplicateRule, number>> = {};
  for (const { invoice, findings: all } of checked) {
    const counted = all.filter(counts);
    const isDuplicate = invoice.kind !== 'clean';
    const correct = counted.filter((f) => isDuplicate && groupOf.get(f.invoiceId) === invoice.group);
    if (isDuplicate) duplicates++;
    if (correct.length > 0) found++;
    if (counted.length > 0) candidatesWithFindings++;
    findings += counted.length;
    correctFindings += correct.length;
    for (const f of counted) if (!correct.includes(f)) falseByRule[f.rule] = (falseByRule[f.rule] ?? 0) + 1;
  }
  return {
    duplicates, found, findings, correctFindings, candidatesWithFindings, falseByRule,
    recall: ratio(found, duplicates),
    precision: ratio(correctFindings, findings),
    reviewPrecision: ratio(found, candidatesWithFindings),
  };
}
