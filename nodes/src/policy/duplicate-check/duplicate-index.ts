// A history indexed by (entity, vendor), so a check scans one vendor's invoices to one entity, not
// the tenant's whole history. Keys are prepared once, on `add`. A check makes two linear passes over
// the bucket (the vendor's billing around the date, then the rules) with cheap comparisons (string
// equality, a linear distance-1 test, integer arithmetic): thousands of invoices per vendor cost
// microseconds per check (see test/src/bench/duplicates).
import { duplicateCheckSettings, type DuplicateCheckOptions, type DuplicateFinding, type InvoiceFacts } from './duplicate-types.ts';
import { sortFindings } from './find-duplicates.ts';
import { matchInvoice } from './match-invoice.ts';
import { prepareInvoice, type PreparedInvoice } from './prepare-invoice.ts';
import { similarAmountsAround } from './recurring-amounts.ts';

/** An in-memory invoice history that answers duplicate checks. */
export interface DuplicateIndex {
  /** Adds an invoice to the history (after it was checked, for a stream). */
  add(invoice: InvoiceFacts): void;
  /** Findings of `candidate` against the history, sorted duplicate-first; the candidate's own id is skipped. */
  check(candidate: InvoiceFacts): DuplicateFinding[];
  /** Number of invoices held. */
  readonly size: number;
}

function bucketKey(invoice: InvoiceFacts): string {
  // JSON, not a separator: no entity or vendor id can make two pairs collide.
  return JSON.stringify([invoice.entity, invoice.vendorId]);
}

/** Builds an index over `history`; `options` are the tolerances and rule switches (see `DuplicateCheckOptions`). */
export function createDuplicateIndex(history: Iterable<InvoiceFacts> = [], options?: DuplicateCheckOptions): DuplicateIndex {
  const settings = duplicateCheckSettings(options);
  const buckets = new Map<string, PreparedInvoice[]>();
  let size = 0;
  const add = (invoice: InvoiceFacts): void => {
    const key = bucketKey(invoice);
    const bucket = buckets.get(key) ?? [];
    if (bucket.length === 0) buckets.set(key, bucket);
    bucket.push(prepareInvoice(invoice));
    size++;
  };
  for (const invoice of history) add(invoice);
  return {
    add,
    check(candidate) {
      const prepared = prepareInvoice(candidate);
      const priors = (buckets.get(bucketKey(candidate)) ?? []).filter((prior) => prior.facts.id !== candidate.id);
      const around = similarAmountsAround(prepared, priors, settings);
      const findings: DuplicateFinding[] = [];
      for (const prior of priors) {
        const finding = matchInvoice(prepared, prior, settings, around);
        if (finding) findings.push(finding);
      }
      return sortFindings(findings);
    },
    get size() {
      return size;
    },
  };
}
