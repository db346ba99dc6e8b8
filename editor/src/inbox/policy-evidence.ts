// Readers of the policy steps' outputs in a task's evidence. The API passes them as unknown (each
// node type owns its output), so each reader checks the shape and returns null when it differs.
import { formatMoney, MoneySchema } from '@countersign/shared';

/** One earlier invoice a duplicate check matched. */
export interface DuplicateFindingView {
  invoiceId: string;
  invoiceNumber: string | null;
  /** The matched invoice's amount with its currency ("1234.50 EUR"), when recorded. */
  amount: string | null;
  invoiceDate: string | null;
  /** The run that processed the matched invoice. */
  runId: string | null;
  verdict: string;
  rule: string;
  detail: string;
}

/** The outcome of `policy.duplicate-check`: `clear`, `suspect` or `duplicate`, and the matches. */
export interface DuplicateCheckView {
  verdict: string;
  rule: string | null;
  findings: DuplicateFindingView[];
  /** How many earlier invoices were compared, when recorded. */
  checkedAgainst: number | null;
}

/** The outcome of `policy.decision-table`: which rules matched, what they gave, and the table's hash. */
export interface DecisionView {
  hitPolicy: string;
  result: unknown;
  matchedRules: string[];
  inputs: Record<string, unknown>;
  tableHash: string;
}

/** One failed check of `policy.validate`. */
export interface ViolationView {
  field: string;
  message: string;
  check: string | null;
  actual: unknown;
}

/** How a verdict reads: a block (red), a warning (amber), fine (green), or neither. */
export type VerdictTone = 'danger' | 'warning' | 'ok' | 'neutral';

type UnknownRecord = Record<string, unknown>;
const isRecord = (value: unknown): value is UnknownRecord => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null);

/** The `duplicateCheck` record of a duplicate-check output, or null. */
export function readDuplicateCheck(output: unknown): DuplicateCheckView | null {
  const check = isRecord(output) ? output['duplicateCheck'] : undefined;
  const verdict = isRecord(check) ? check['verdict'] : undefined;
  if (!isRecord(check) || typeof verdict !== 'string') return null;
  const findings = (Array.isArray(check['findings']) ? check['findings'] : []).filter(isRecord).map((finding) => {
    // The matched invoice's facts sit under `invoice` (amount in minor units with its currency).
    const invoice = isRecord(finding['invoice']) ? finding['invoice'] : finding;
    const money = MoneySchema.safeParse({ amount: invoice['amount'], currency: invoice['currency'] });
    return {
      invoiceId: text(finding['invoiceId']) ?? '–',
      invoiceNumber: text(invoice['invoiceNumber']),
      amount: money.success ? formatMoney(money.data) : null,
      invoiceDate: text(invoice['invoiceDate']),
      runId: text(finding['runId']),
      verdict: text(finding['verdict']) ?? verdict,
      rule: text(finding['rule']) ?? '–',
      detail: text(finding['detail']) ?? '',
    };
  });
  const checkedAgainst = typeof check['checkedAgainst'] === 'number' ? check['checkedAgainst'] : null;
  return { verdict, rule: text(check['rule']), findings, checkedAgainst };
}

/** The `decision` record of a decision-table output, or null. */
export function readDecision(output: unknown): DecisionView | null {
  const decision = isRecord(output) ? output['decision'] : undefined;
  if (!isRecord(decision) || typeof decision['tableHash'] !== 'string') return null;
  const matched = Array.isArray(decision['matchedRules']) ? decision['matchedRules'] : [];
  return {
    hitPolicy: text(decision['hitPolicy']) ?? '–',
    result: decision['result'] ?? null,
    matchedRules: matched.map((rule) => text(rule) ?? JSON.stringify(rule)),
    inputs: isRecord(decision['inputs']) ? decision['inputs'] : {},
    tableHash: decision['tableHash'],
  };
}

/** The violations of a validate output (`validation.violations`, or `violations` at the top), or null. */
export function readViolations(output: unknown): ViolationView[] | null {
  if (!isRecord(output)) return null;
  const holder = isRecord(output['validation']) ? output['validation'] : output;
  const list = holder['violations'];
  if (!Array.isArray(list)) return null;
  return list.filter(isRecord).map((item) => ({
    field: text(item['field']) ?? text(item['path']) ?? '–',
    message: text(item['message']) ?? 'Failed a check',
    check: text(item['check']),
    actual: item['actual'],
  }));
}

/** The tone of a policy verdict or port name. */
export function verdictTone(verdict: string | null): VerdictTone {
  switch (verdict) {
    case 'duplicate':
    case 'invalid':
    case 'blocked':
    case 'reject':
    case 'error':
      return 'danger';
    case 'suspect':
    case 'unmatched':
    case 'review':
      return 'warning';
    case 'clear':
    case 'valid':
    case 'matched':
    case 'pass':
      return 'ok';
    default:
      return 'neutral';
  }
}

/** A hash cut for display ("3fa9c0d2…e41b"); the full one goes in a tooltip. */
export function shortHash(hash: string): string {
  return hash.length > 16 ? `${hash.slice(0, 8)}…${hash.slice(-4)}` : hash;
}
