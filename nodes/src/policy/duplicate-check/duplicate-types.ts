// Types of the duplicate-invoice matcher (finance-controls.md, "Duplicate payments and anomalies").
// The future `policy.duplicate-check` node maps `DuplicateClass` onto its ports.

/** The facts of one invoice that the duplicate rules look at. `amount` is in integer minor units. */
export interface InvoiceFacts {
  id: string;
  entity: string;
  vendorId: string;
  invoiceNumber: string;
  amount: number;
  currency: string;
  /** Calendar date, YYYY-MM-DD. */
  invoiceDate: string;
}

/** `duplicate` blocks the invoice; `suspect` sends it for review. */
export type DuplicateVerdict = 'duplicate' | 'suspect';

/** Which rule matched, strongest first (see `match-invoice.ts`). */
export type DuplicateRule = 'exact' | 'normalised-number' | 'number-distance-1' | 'amount-date-window';

/** One earlier invoice that the candidate duplicates or resembles, and why. */
export interface DuplicateFinding {
  invoiceId: string;
  verdict: DuplicateVerdict;
  rule: DuplicateRule;
  detail: string;
}

/** The outcome of a check: the node's ports `clear`, `suspect` and `duplicate`. */
export type DuplicateClass = 'clear' | DuplicateVerdict;

/** Tolerances of the amount-and-date rule (defaults: the spec's +-1% and +-7 days) and a stricter number rule. */
export interface DuplicateCheckOptions {
  /** Largest amount difference, in basis points of the larger absolute amount (100 = 1%). */
  amountToleranceBps?: number;
  /** Largest distance between invoice dates, in days, inclusive. */
  dateWindowDays?: number;
  /**
   * Off by default (the spec): numbers one edit apart are suspect whatever the amounts. On: only when
   * the amounts are also in the same currency and within `amountToleranceBps`, as SAP's check pairs
   * the reference with the amount. Vendors number sequentially, so without it neighbours like
   * 'INV-1001'/'INV-1002' flag each other (see the precision figures of test/src/bench/duplicates).
   */
  distanceOneNeedsSimilarAmount?: boolean;
}

/** The options with every default filled in. */
export type DuplicateCheckSettings = Required<DuplicateCheckOptions>;

/** Defaults from finance-controls.md: amount within +-1%, dates within +-7 days. */
export const DEFAULT_DUPLICATE_CHECK_SETTINGS: DuplicateCheckSettings = { amountToleranceBps: 100, dateWindowDays: 7, distanceOneNeedsSimilarAmount: false };

/** Fills in the defaults of `options`. */
export function duplicateCheckSettings(options: DuplicateCheckOptions = {}): DuplicateCheckSettings {
  return { ...DEFAULT_DUPLICATE_CHECK_SETTINGS, ...options };
}
