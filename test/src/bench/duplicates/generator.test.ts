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
});
