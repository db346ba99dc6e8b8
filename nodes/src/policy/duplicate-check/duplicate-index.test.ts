import { describe, expect, it } from 'vitest';
import { createDuplicateIndex } from './duplicate-index.ts';
import { SPEC_AS_WRITTEN_SETTINGS, type InvoiceFacts } from './duplicate-types.ts';
import { findDuplicates } from './find-duplicates.ts';

const base: InvoiceFacts = { id: 'h1', entity: 'DE01', vendorId: 'V1', invoiceNumber: 'INV-1001', amount: 100_000, currency: 'EUR', invoiceDate: '2026-03-10' };
const candidate = (patch: Partial<InvoiceFacts>): InvoiceFacts => ({ ...base, id: 'c1', amount: 555_555, invoiceDate: '2026-09-01', ...patch });

describe('createDuplicateIndex', () => {
  it('answers like findDuplicates and grows with add', () => {
    const history: InvoiceFacts[] = [base, { ...base, id: 'h2', vendorId: 'V2' }, { ...base, id: 'h3', invoiceNumber: 'INV-1010', amount: 555_555, invoiceDate: '2026-09-01' }];
    const index = createDuplicateIndex(history);
    const probe = candidate({ invoiceNumber: 'inv1001' });
    expect(index.size).toBe(3);
    expect(index.check(probe)).toEqual(findDuplicates(probe, history));
    expect(index.check(probe).map((f) => f.invoiceId)).toEqual(['h1', 'h3']);
    index.add({ ...base, id: 'h4', invoiceNumber: 'INV-1001-A' });
    expect(index.size).toBe(4);
    expect(index.check(probe).map((f) => f.invoiceId)).toEqual(['h1', 'h4', 'h3']);
  });

  it('keeps entities and vendors whose ids contain separators apart', () => {
    const index = createDuplicateIndex([{ ...base, entity: 'A|B', vendorId: 'C' }]);
    expect(index.check(candidate({ entity: 'A', vendorId: 'B|C' }))).toEqual([]);
  });

  it('agrees with findDuplicates on a random stream, under the default and the spec as written', () => {
    let seed = 11;
    const next = (n: number): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) % n);
    const stream = Array.from({ length: 300 }, (_, i): InvoiceFacts => ({
      id: `i${i}`,
      entity: 'DE01',
      vendorId: `V${next(3)}`,
      invoiceNumber: `INV-${1000 + next(40)}`,
      amount: 10_000 + next(40) * 50,
      currency: next(10) === 0 ? 'USD' : 'EUR',
      invoiceDate: `2026-03-${String(1 + next(28)).padStart(2, '0')}`,
    }));
    for (const options of [undefined, SPEC_AS_WRITTEN_SETTINGS]) {
      const index = createDuplicateIndex([], options);
      let findings = 0;
      stream.forEach((invoice, i) => {
        const found = index.check(invoice);
        expect(found, invoice.id).toEqual(findDuplicates(invoice, stream.slice(0, i), options));
        findings += found.length;
        index.add(invoice);
      });
      expect(findings).toBeGreaterThan(100);
    }
  });
});
