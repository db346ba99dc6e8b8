// The synthetic invoice stream: clean invoices of 20 vendors over 2026 in date order, plus injected
// duplicates of each kind, each arriving some invoices after its original, with ground truth.
import type { InvoiceFacts } from '@countersign/nodes';
import { appendLetter, DUPLICATE_KINDS, ocrConfuse, reformat, transposeDigits, type DuplicateKind } from './mutations.ts';
import { createPrng, type Prng } from './prng.ts';
import { createVendors, formatNumber, type Vendor } from './vendors.ts';

/** One invoice of the stream and its label. */
export interface LabelledInvoice {
  facts: InvoiceFacts;
  kind: 'clean' | DuplicateKind;
  /** The id of the clean invoice this one copies; its own id for a clean invoice. */
  group: string;
}

/** Sizes of the synthetic set. */
export interface DatasetOptions {
  seed: number;
  vendors: number;
  cleanInvoices: number;
  duplicatesPerKind: number;
}

/** The defaults of the benchmark: 20 vendors, 5,000 clean invoices, 60 duplicates of each kind. */
export const DEFAULT_DATASET: DatasetOptions = { seed: 2026, vendors: 20, cleanInvoices: 5_000, duplicatesPerKind: 60 };

const DAY_MS = 86_400_000;
const YEAR_START = Date.UTC(2026, 0, 1);
const isoDate = (day: number): string => new Date(YEAR_START + day * DAY_MS).toISOString().slice(0, 10);
const dayOf = (date: string): number => (Date.parse(`${date}T00:00:00Z`) - YEAR_START) / DAY_MS;

interface Draft {
  vendor: Vendor;
  entity: string;
  day: number;
  amount: number;
}

function pickVendor(prng: Prng, vendors: readonly Vendor[], totalWeight: number): Vendor {
  let r = prng.next() * totalWeight;
  for (const vendor of vendors) if ((r -= vendor.weight) < 0) return vendor;
  return vendors[vendors.length - 1] ?? prng.pick(vendors);
}

function drawAmount(prng: Prng, vendor: Vendor): number {
  const amount = Math.max(100, Math.round(vendor.medianAmount * Math.exp(0.9 * prng.normal())));
  return vendor.roundAmounts ? Math.round(amount / 100) * 100 : amount;
}

/** Clean drafts: monthly fees, then weighted random invoices, sorted by date. */
function cleanDrafts(prng: Prng, vendors: readonly Vendor[], count: number): Draft[] {
  const drafts: Draft[] = [];
  for (const vendor of vendors.filter((v) => v.monthlyFee > 0)) {
    for (let month = 0; month < 12; month++) {
      drafts.push({ vendor, entity: vendor.entities[0] ?? 'DE01', day: dayOf(`2026-${String(month + 1).padStart(2, '0')}-01`), amount: vendor.monthlyFee });
    }
  }
  const totalWeight = vendors.reduce((sum, v) => sum + v.weight, 0);
  while (drafts.length < count) {
    const vendor = pickVendor(prng, vendors, totalWeight);
    drafts.push({ vendor, entity: prng.pick(vendor.entities), day: prng.int(0, 364), amount: drawAmount(prng, vendor) });
  }
  return drafts.sort((a, b) => a.day - b.day);
}

/** The copy of `original` for `kind`, or undefined when its number does not allow that kind. */
function injectOne(prng: Prng, kind: DuplicateKind, original: InvoiceFacts, vendor: Vendor, fresh: () => number): InvoiceFacts | undefined {
  const same = (invoiceNumber: string | undefined): InvoiceFacts | undefined => (invoiceNumber === undefined ? undefined : { ...original, invoiceNumber });
  switch (kind) {
    case 'exact':
      return same(original.invoiceNumber);
    case 'formatting':
      return same(reformat(original.invoiceNumber, prng));
    case 'ocr':
      return same(ocrConfuse(original.invoiceNumber, prng));
    case 'trailing-letter':
      return same(appendLetter(original.invoiceNumber, prng));
    case 'transposition':
      return same(transposeDigits(original.invoiceNumber, prng));
    case 'amount-date': {
      // Re-issued under a new number, amount off by under 1%, dated up to 6 days apart.
      const amount = Math.round(original.amount * (1 + (prng.next() * 2 - 1) * 0.009));
      const day = dayOf(original.invoiceDate) + prng.int(-6, 6);
      return { ...original, invoiceNumber: formatNumber(vendor, fresh()), amount, invoiceDate: isoDate(day) };
    }
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown kind ${String(unreachable)}`);
    }
  }
}

/** Generates the labelled stream; the same options always give the same stream. */
export function generateDataset(options: DatasetOptions = DEFAULT_DATASET): LabelledInvoice[] {
  const prng = createPrng(options.seed);
  const vendors = createVendors(prng, options.vendors);
  const next = new Map(vendors.map((v) => [v.id, v.firstNumber]));
  const issue = (vendor: Vendor): number => {
    const n = next.get(vendor.id) ?? 0;
    next.set(vendor.id, n + prng.int(1, vendor.maxGap));
    return n;
  };
  const clean = cleanDrafts(prng, vendors, options.cleanInvoices).map((draft, i) => ({
    facts: { id: `c${i}`, entity: draft.entity, vendorId: draft.vendor.id, invoiceNumber: formatNumber(draft.vendor, issue(draft.vendor)), amount: draft.amount, currency: draft.vendor.currency, invoiceDate: isoDate(draft.day) },
    vendor: draft.vendor,
  }));
  // Each item has an order key: clean invoices arrive in date order, a duplicate 1 to 400 invoices after its original.
  const stream: { order: number; item: LabelledInvoice }[] = clean.map(({ facts }, i) => ({ order: i, item: { facts, kind: 'clean', group: facts.id } }));
  const used = new Set<number>();
  for (const kind of DUPLICATE_KINDS) {
    for (let injected = 0; injected < options.duplicatesPerKind; ) {
      const at = prng.int(0, clean.length - 1);
      const original = clean[at];
      if (!original || used.has(at)) continue;
      const copy = injectOne(prng, kind, original.facts, original.vendor, () => issue(original.vendor));
      if (!copy) continue;
      used.add(at);
      injected++;
      stream.push({ order: at + prng.int(1, 400) + prng.next() * 0.5 + 0.25, item: { facts: copy, kind, group: original.facts.id } });
    }
  }
  // Ids by arrival order alone, so an id tells the matcher nothing about the label.
  const ordered = stream.sort((a, b) => a.order - b.order).map(({ item }) => item);
  const idAt = (i: number): string => `inv-${String(i).padStart(5, '0')}`;
  const cleanIds = new Map(ordered.flatMap((item, i) => (item.kind === 'clean' ? [[item.facts.id, idAt(i)] as const] : [])));
  return ordered.map((item, i) => ({ ...item, facts: { ...item.facts, id: idAt(i) }, group: cleanIds.get(item.group) ?? item.group }));
}
