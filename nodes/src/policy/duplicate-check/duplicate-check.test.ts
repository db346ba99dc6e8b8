import { describe, expect, it } from 'vitest';
import { createDuplicateIndex } from './duplicate-index.ts';
import type { InvoiceFacts } from './duplicate-types.ts';
import { classify, findDuplicates } from './find-duplicates.ts';

const base: InvoiceFacts = { id: 'h1', entity: 'DE01', vendorId: 'V1', invoiceNumber: 'INV-1001', amount: 100_000, currency: 'EUR', invoiceDate: '2026-03-10' };
// A candidate far from `base` in amount and date, so only the number rules can fire.
const candidate = (patch: Partial<InvoiceFacts>): InvoiceFacts => ({ ...base, id: 'c1', amount: 555_555, invoiceDate: '2026-09-01', ...patch });
const check = (patch: Partial<InvoiceFacts>, history: InvoiceFacts[] = [base]) => findDuplicates(candidate(patch), history);

describe('findDuplicates', () => {
  it('blocks the same number as exact, ignoring case and spaces', () => {
    expect(check({ invoiceNumber: ' inv-1001 ' })).toEqual([{ invoiceId: 'h1', verdict: 'duplicate', rule: 'exact', detail: expect.any(String) }]);
  });

  it('blocks numbers equal after normalising (formatting, OCR letters, trailing letter)', () => {
    for (const invoiceNumber of ['inv1001', 'INV 1-0-0-1', 'INV-IOO1', 'INV-1001A', 'INV-1001B']) {
      expect(check({ invoiceNumber }), invoiceNumber).toMatchObject([{ verdict: 'duplicate', rule: 'normalised-number' }]);
    }
  });

  it('flags numbers one edit apart as suspect', () => {
    for (const invoiceNumber of ['INV-1010', 'INV-1002', 'INV-10011', 'INV-101']) {
      expect(check({ invoiceNumber }), invoiceNumber).toMatchObject([{ invoiceId: 'h1', verdict: 'suspect', rule: 'number-distance-1' }]);
    }
    expect(check({ invoiceNumber: 'INV-1100' })).toEqual([]); // two edits
  });

  it('flags the same vendor and currency with amounts within 1% and dates within 7 days', () => {
    const near = { invoiceNumber: 'X-77', amount: 100_900, invoiceDate: '2026-03-15' };
    expect(check(near)).toMatchObject([{ verdict: 'suspect', rule: 'amount-date-window' }]);
    expect(check({ ...near, amount: 99_010, invoiceDate: '2026-03-03' })).toHaveLength(1); // -0.99%, 7 days before
    expect(check({ ...near, amount: 102_000 })).toEqual([]);
    expect(check({ ...near, invoiceDate: '2026-03-18' })).toEqual([]); // 8 days
    expect(check({ ...near, currency: 'USD' })).toEqual([]);
    expect(check({ ...near, invoiceDate: 'not a date' })).toEqual([]);
  });

  it('never compares across vendors or entities, nor with the candidate itself', () => {
    expect(check({ invoiceNumber: 'INV-1001', vendorId: 'V2' })).toEqual([]);
    expect(check({ invoiceNumber: 'INV-1001', entity: 'US01' })).toEqual([]);
    expect(check({ id: 'h1', invoiceNumber: 'INV-1001' })).toEqual([]);
  });

  it('gives one finding per earlier invoice, the strongest rule, duplicates first', () => {
    const history: InvoiceFacts[] = [
      { ...base, id: 'h3', invoiceNumber: 'INV-1010' },
      { ...base, id: 'h2', invoiceNumber: 'Q-1' },
      base,
    ];
    const findings = findDuplicates({ ...base, id: 'c1', invoiceNumber: 'INV1001' }, history);
    expect(findings.map((f) => [f.invoiceId, f.rule])).toEqual([['h1', 'normalised-number'], ['h3', 'number-distance-1'], ['h2', 'amount-date-window']]);
  });

  it('honours the tolerance options', () => {
    const near = candidate({ invoiceNumber: 'X-77', amount: 101_500, invoiceDate: '2026-03-20' });
    expect(findDuplicates(near, [base])).toEqual([]);
    expect(findDuplicates(near, [base], { amountToleranceBps: 200, dateWindowDays: 10 })).toHaveLength(1);
  });

  it('with distanceOneNeedsSimilarAmount, flags numbers one edit apart only at a similar amount', () => {
    const strict = { distanceOneNeedsSimilarAmount: true };
    expect(findDuplicates(candidate({ invoiceNumber: 'INV-1002' }), [base], strict)).toEqual([]);
    expect(findDuplicates(candidate({ invoiceNumber: 'INV-1010', amount: 100_500 }), [base], strict)).toMatchObject([{ rule: 'number-distance-1' }]);
    expect(findDuplicates(candidate({ invoiceNumber: 'INV-1010', currency: 'USD' }), [base], strict)).toEqual([]);
    expect(findDuplicates(candidate({ invoiceNumber: 'inv1001' }), [base], strict)).toMatchObject([{ verdict: 'duplicate' }]);
  });
});

describe('classify', () => {
  it('maps findings to the ports clear, suspect and duplicate', () => {
    expect(classify([])).toBe('clear');
    expect(classify(check({ invoiceNumber: 'INV-1010' }))).toBe('suspect');
    expect(classify([...check({ invoiceNumber: 'INV-1010' }), ...check({ invoiceNumber: 'INV-1001' })])).toBe('duplicate');
  });
});

describe('createDuplicateIndex', () => {
  it('answers like findDuplicates and grows with add', () => {
    const history: InvoiceFacts[] = [base, { ...base, id: 'h2', vendorId: 'V2' }, { ...base, id: 'h3', invoiceNumber: 'INV-1010' }];
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
});
