import { describe, expect, it } from 'vitest';
import { SPEC_AS_WRITTEN_SETTINGS, type InvoiceFacts } from './duplicate-types.ts';
import { classify, findDuplicates, matchHistory } from './find-duplicates.ts';

const base: InvoiceFacts = { id: 'h1', entity: 'DE01', vendorId: 'V1', invoiceNumber: 'INV-1001', amount: 100_000, currency: 'EUR', invoiceDate: '2026-03-10' };
// A candidate far from `base` in amount and date, so only the number rules can fire.
const candidate = (patch: Partial<InvoiceFacts>): InvoiceFacts => ({ ...base, id: 'c1', amount: 555_555, invoiceDate: '2026-09-01', ...patch });
const check = (patch: Partial<InvoiceFacts>, history: InvoiceFacts[] = [base]) => findDuplicates(candidate(patch), history);
// The same figures as `base` (one document keyed again).
const sameFigures = { amount: base.amount, invoiceDate: base.invoiceDate };

describe('findDuplicates: number rules', () => {
  it('blocks the same number as exact, ignoring case and spaces', () => {
    expect(check({ invoiceNumber: ' inv-1001 ' })).toEqual([{ invoiceId: 'h1', verdict: 'duplicate', rule: 'exact', detail: expect.any(String) }]);
  });

  it('blocks numbers equal after normalising (formatting, OCR letters, trailing letter), whatever the amounts', () => {
    for (const invoiceNumber of ['inv1001', 'INV 1-0-0-1', 'INV-IOO1', 'INV-1001A', 'INV-1001B']) {
      expect(check({ invoiceNumber }), invoiceNumber).toMatchObject([{ verdict: 'duplicate', rule: 'normalised-number' }]);
    }
  });

  it('flags numbers one edit apart with the same amount and dates within the window', () => {
    for (const invoiceNumber of ['INV-1010', 'INV-1002', 'INV-10011', 'INV-101']) {
      expect(check({ invoiceNumber, ...sameFigures }), invoiceNumber).toMatchObject([{ invoiceId: 'h1', verdict: 'suspect', rule: 'number-distance-1' }]);
    }
    expect(check({ invoiceNumber: 'INV-1010', amount: base.amount, invoiceDate: '2026-03-17' })).toMatchObject([{ rule: 'number-distance-1' }]);
    expect(check({ invoiceNumber: 'INV-1100', ...sameFigures })).toMatchObject([{ rule: 'amount-date-window' }]); // two edits
  });

  it('does not flag sequential neighbours: one edit apart needs the same amount, currency and a near date', () => {
    expect(check({ invoiceNumber: 'INV-1002' })).toEqual([]);
    expect(check({ invoiceNumber: 'INV-1002', invoiceDate: base.invoiceDate, amount: 100_500 })).toMatchObject([{ rule: 'amount-date-window' }]); // near amount: the other rule
    expect(check({ invoiceNumber: 'INV-1002', amount: base.amount, invoiceDate: '2026-03-18' })).toEqual([]); // 8 days: last week's fixed fee
    expect(check({ invoiceNumber: 'INV-1002', ...sameFigures, currency: 'USD' })).toEqual([]);
  });

  it('as the spec is written, flags numbers one edit apart whatever the amounts and dates', () => {
    expect(findDuplicates(candidate({ invoiceNumber: 'INV-1002' }), [base], SPEC_AS_WRITTEN_SETTINGS)).toMatchObject([{ rule: 'number-distance-1' }]);
    expect(findDuplicates(candidate({ invoiceNumber: 'INV-1100' }), [base], SPEC_AS_WRITTEN_SETTINGS)).toEqual([]);
  });
});

describe('findDuplicates: amount and date rule', () => {
  const near = { invoiceNumber: 'X-77', amount: 100_900, invoiceDate: '2026-03-15' };

  it('flags the same vendor and currency with amounts within 1% and dates within 7 days', () => {
    expect(check(near)).toMatchObject([{ verdict: 'suspect', rule: 'amount-date-window' }]);
    expect(check({ ...near, amount: 99_010, invoiceDate: '2026-03-03' })).toHaveLength(1); // -0.99%, 7 days before
    expect(check({ ...near, amount: 102_000 })).toEqual([]);
    expect(check({ ...near, invoiceDate: '2026-03-18' })).toEqual([]); // 8 days
    expect(check({ ...near, currency: 'USD' })).toEqual([]);
    expect(check({ ...near, invoiceDate: 'not a date' })).toEqual([]);
  });

  it('asks for the same amount on the same date when the vendor bills similar amounts around that date', () => {
    const lastWeek: InvoiceFacts = { ...base, id: 'h0', invoiceNumber: 'INV-0990', amount: 100_400, invoiceDate: '2026-03-02' };
    const history = [lastWeek, base];
    expect(check(near, history).map((f) => f.invoiceId)).toEqual([]); // near to both, each hides the other
    expect(check({ ...near, ...sameFigures }, history)).toMatchObject([{ invoiceId: 'h1', rule: 'amount-date-window', detail: expect.stringContaining('same date') }]);
    expect(check({ ...near, amount: base.amount }, history)).toEqual([]); // same amount, 5 days later: weekly billing
    // Outside the recurrence window (14 days) other billing does not count; 0 turns the test off.
    expect(check(near, [{ ...lastWeek, invoiceDate: '2026-02-28' }, base])).toMatchObject([{ invoiceId: 'h1' }]);
    expect(findDuplicates(candidate(near), history, { recurrenceWindowDays: 0 }).map((f) => f.invoiceId)).toEqual(['h1']);
  });

  it('keeps weekly fixed fees under sequential numbers apart, but not one fee keyed twice', () => {
    const weekly = (week: number, patch: Partial<InvoiceFacts> = {}): InvoiceFacts => ({ ...base, id: `w${week}`, invoiceNumber: `W-10${week}`, invoiceDate: `2026-03-${String(2 + 7 * week).padStart(2, '0')}`, ...patch });
    const history = [weekly(0), weekly(1), weekly(2)];
    expect(findDuplicates(weekly(3), history)).toEqual([]);
    expect(findDuplicates(weekly(3), history, SPEC_AS_WRITTEN_SETTINGS).map((f) => f.rule)).toEqual(['number-distance-1', 'number-distance-1', 'number-distance-1']);
    expect(findDuplicates(weekly(9, { invoiceNumber: 'W-1020', invoiceDate: weekly(2).invoiceDate }), history)).toMatchObject([{ invoiceId: 'w2', rule: 'number-distance-1' }]);
  });

  it('does not count copies of the matched invoice under its own number as routine billing', () => {
    const blockedCopy: InvoiceFacts = { ...base, id: 'h2', invoiceNumber: 'inv 1001' };
    expect(check(near, [base, blockedCopy]).map((f) => f.invoiceId)).toEqual(['h1', 'h2']);
  });

  it('honours the tolerance options', () => {
    const far = candidate({ invoiceNumber: 'X-77', amount: 101_500, invoiceDate: '2026-03-20' });
    expect(findDuplicates(far, [base])).toEqual([]);
    expect(findDuplicates(far, [base], { amountToleranceBps: 200, dateWindowDays: 10 })).toHaveLength(1);
  });
});

describe('findDuplicates: scope and order', () => {
  it('never compares across vendors or entities, nor with the candidate itself', () => {
    expect(check({ invoiceNumber: 'INV-1001', vendorId: 'V2' })).toEqual([]);
    expect(check({ invoiceNumber: 'INV-1001', entity: 'US01' })).toEqual([]);
    expect(check({ id: 'h1', invoiceNumber: 'INV-1001' })).toEqual([]);
  });

  it('gives one finding per earlier invoice, the strongest rule, duplicates first', () => {
    const history: InvoiceFacts[] = [{ ...base, id: 'h3', invoiceNumber: 'INV-1010' }, { ...base, id: 'h2', invoiceNumber: 'Q-1' }, base];
    const findings = findDuplicates({ ...base, id: 'c1', invoiceNumber: 'INV1001' }, history);
    expect(findings.map((f) => [f.invoiceId, f.rule])).toEqual([['h1', 'normalised-number'], ['h3', 'number-distance-1'], ['h2', 'amount-date-window']]);
  });
});

describe('matchHistory', () => {
  it('keeps entries with the candidate id (an earlier run of the same invoice) and returns the entry matched', () => {
    const earlier = { ...base, id: 'V1:INV-1001', runId: 'run-0' };
    const matches = matchHistory({ ...base, id: 'V1:INV-1001' }, [earlier, { ...earlier, vendorId: 'V2' }]);
    expect(matches).toEqual([{ prior: earlier, finding: expect.objectContaining({ invoiceId: 'V1:INV-1001', rule: 'exact' }) }]);
  });
});

describe('classify', () => {
  it('maps findings to the ports clear, suspect and duplicate', () => {
    const suspect = check({ invoiceNumber: 'INV-1010', ...sameFigures });
    expect(classify([])).toBe('clear');
    expect(classify(suspect)).toBe('suspect');
    expect(classify([...suspect, ...check({ invoiceNumber: 'INV-1001' })])).toBe('duplicate');
  });
});
