import { formatMoney, MoneySchema } from '@countersign/shared';

/** One line of the invoice as the approver reads it. */
export interface EvidenceField {
  /** Dotted path in the input, e.g. `vendor.name` (stable React key). */
  path: string;
  /** Label for people, e.g. "Vendor › Name". */
  label: string;
  /** Text of a scalar or money value; for a list of records, a count (the records go in `nested`). */
  text: string;
  kind: 'text' | 'money' | 'empty' | 'records';
  /** Records of a list (e.g. invoice lines), shown as a JSON tree. */
  nested?: unknown;
}

const ACRONYMS = new Set(['id', 'iban', 'bic', 'vat', 'po', 'gl', 'erp', 'sla', 'url', 'swift']);
const MONEY_KEY = /(^|[a-z])(amount|total)$/i;
const CURRENCY = /^[A-Z]{3}$/;
/** Nested records deeper than this are shown as a tree, not flattened. */
const MAX_DEPTH = 2;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** "invoiceNumber" and "vendor_iban" as "Invoice number" and "Vendor IBAN". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .split(/\s+/)
    .map((word) => (ACRONYMS.has(word.toLowerCase()) ? word.toUpperCase() : word.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function scalarText(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

function fieldsOf(record: Record<string, unknown>, prefix: string, labelPrefix: string, depth: number): EvidenceField[] {
  // Amounts follow the API's convention, integer minor units, when a sibling names the currency.
  const currency = typeof record['currency'] === 'string' && CURRENCY.test(record['currency']) ? record['currency'] : null;
  const fields: EvidenceField[] = [];
  for (const [key, value] of Object.entries(record)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const label = labelPrefix ? `${labelPrefix} › ${humanizeKey(key)}` : humanizeKey(key);
    const money = MoneySchema.safeParse(value);
    if (money.success) fields.push({ path, label, text: formatMoney(money.data), kind: 'money' });
    else if (currency !== null && MONEY_KEY.test(key) && Number.isSafeInteger(value)) {
      fields.push({ path, label, text: formatMoney({ amount: value as number, currency }), kind: 'money' });
    } else if (value === null || value === undefined || value === '') fields.push({ path, label, text: '–', kind: 'empty' });
    else if (isRecord(value) && depth < MAX_DEPTH) fields.push(...fieldsOf(value, path, label, depth + 1));
    else if (Array.isArray(value) && value.every((item) => !isRecord(item) && !Array.isArray(item))) {
      fields.push({ path, label, text: value.length === 0 ? '–' : value.map(scalarText).join(', '), kind: value.length === 0 ? 'empty' : 'text' });
    } else if (typeof value === 'object') {
      const count = Array.isArray(value) ? value.length : Object.keys(value).length;
      fields.push({ path, label, text: `${count} ${Array.isArray(value) ? (count === 1 ? 'entry' : 'entries') : 'fields'}`, kind: 'records', nested: value });
    } else fields.push({ path, label, text: scalarText(value), kind: 'text' });
  }
  return fields;
}

/**
 * The run input (e.g. the invoice as received) as a readable key/value list: nested records
 * flattened with "›", money formatted from minor units, lists of records kept for a tree view.
 * Empty when the input is not a record (the caller shows it raw).
 */
export function evidenceFields(input: unknown): EvidenceField[] {
  return isRecord(input) ? fieldsOf(input, '', '', 0) : [];
}
