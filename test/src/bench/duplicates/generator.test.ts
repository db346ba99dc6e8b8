import { describe, expect, it } from 'vitest';
import { generateDataset, type DatasetOptions } from './generator.ts';
import { DUPLICATE_KINDS } from './mutations.ts';

const small: DatasetOptions = { seed: 7, vendors: 20, cleanInvoices: 600, duplicatesPerKind: 5 };

describe('duplicate benchmark generator', () => {
  it('is deterministic for a seed and differs for another', () => {
    expect(generateDataset(small)).toEqual(generateDataset(small));
    expect(generateDataset({ ...small, seed: 8 })).not.toEqual(generateDataset(small));
  });

  it('injects every kind, each after its original, with the labels the matcher needs', () => {
    const stream = generateDataset(small);
    const position = new Map(stream.map((item, i) => [item.facts.id, i]));
    expect(new Set(position.keys()).size).toBe(stream.length);
    expect(stream.filter((item) => item.kind === 'clean')).toHaveLength(small.cleanInvoices);
    for (const kind of DUPLICATE_KINDS) {
      const copies = stream.filter((item) => item.kind === kind);
      expect(copies, kind).toHaveLength(small.duplicatesPerKind);
      for (const copy of copies) {
        const original = stream[position.get(copy.group) ?? -1];
        expect(original?.kind).toBe('clean');
        expect(position.get(copy.facts.id)).toBeGreaterThan(position.get(copy.group) ?? Infinity);
        expect(copy.facts.vendorId).toBe(original?.facts.vendorId);
        if (kind !== 'exact') expect(copy.facts.invoiceNumber, kind).not.toBe(original?.facts.invoiceNumber);
      }
    }
  });

  // What makes the set realistic, and what the matcher may not rely on: vendors number sequentially in
  // date order, some bill a fixed monthly fee, a re-keyed copy keeps its document's figures, and a
  // re-issue under a new number moves amount and date only within the spec's window.
  it('numbers sequentially, bills monthly fees, and keeps each copy within its kind', () => {
    const stream = generateDataset(small);
    const byId = new Map(stream.map((item) => [item.facts.id, item.facts]));
    const clean = stream.filter((item) => item.kind === 'clean').map((item) => item.facts);
    const last = new Map<string, number>();
    for (const facts of clean) {
      const sequence = Number(facts.invoiceNumber.replace(/\D/g, ''));
      expect(sequence, facts.invoiceNumber).toBeGreaterThan(last.get(facts.vendorId) ?? -1);
      last.set(facts.vendorId, sequence);
    }
    const fees = new Map<string, Set<string>>();
    for (const facts of clean.filter((f) => f.invoiceDate.endsWith('-01'))) {
      const key = `${facts.vendorId} ${facts.amount}`;
      fees.set(key, (fees.get(key) ?? new Set()).add(facts.invoiceDate.slice(0, 7)));
    }
    expect([...fees.values()].filter((months) => months.size === 12).length).toBeGreaterThanOrEqual(2);
    for (const copy of stream.filter((item) => item.kind !== 'clean')) {
      const original = byId.get(copy.group);
      if (!original) throw new Error(`no original for ${copy.facts.id}`);
      const days = Math.abs(Date.parse(copy.facts.invoiceDate) - Date.parse(original.invoiceDate)) / 86_400_000;
      if (copy.kind === 'amount-date') {
        expect(Math.abs(copy.facts.amount - original.amount) / original.amount).toBeLessThan(0.01);
        expect(days).toBeLessThanOrEqual(6);
      } else {
        expect([copy.facts.amount, days]).toEqual([original.amount, 0]);
      }
    }
  });
});
