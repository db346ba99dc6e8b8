import { describe, expect, it } from 'vitest';
import { checkCompare, checkSum } from './cross-checks.ts';

const sum = { check: 'sum', items: 'lines', itemField: 'netAmount', equalsField: 'totals.lineTotal', tolerance: 0 } as const;
const invoice = (total: unknown, amounts: unknown[]) => ({ lines: amounts.map((netAmount) => ({ netAmount })), totals: { lineTotal: total } });

describe('sum', () => {
  it('passes when the lines add up to the total', () => {
    expect(checkSum(sum, invoice(25033, [10000, 15000, 33]))).toEqual([]);
    expect(checkSum(sum, invoice(0, []))).toEqual([]);
  });

  it('fails when off by one minor unit, unless within tolerance', () => {
    expect(checkSum(sum, invoice(25034, [10000, 15000, 33]))).toEqual([
      { field: 'totals.lineTotal', message: 'Sum of lines.*.netAmount is 25033 but totals.lineTotal is 25034 (off by 1)', actual: 25033 },
    ]);
    expect(checkSum({ ...sum, tolerance: 1 }, invoice(25034, [10000, 15000, 33]))).toEqual([]);
  });

  it('never sums floats: each non-integer or missing amount is a violation', () => {
    const found = checkSum(sum, { lines: [{ netAmount: 0.1 }, { netAmount: 0.2 }, {}], totals: { lineTotal: 0.3 } });
    expect(found.map((item) => item.field)).toEqual(['totals.lineTotal', 'lines.0.netAmount', 'lines.1.netAmount', 'lines.2.netAmount']);
    expect(checkSum(sum, invoice(300, ['100', 200]))[0]).toMatchObject({ field: 'lines.0.netAmount', actual: '100' });
  });

  it('stays exact beyond the safe integer range', () => {
    const big = Number.MAX_SAFE_INTEGER;
    expect(checkSum(sum, invoice(big, [big, 1]))[0]?.actual).toBe('9007199254740992');
  });

  it('is skipped when lines or total are absent, and fails when lines is not a list', () => {
    expect(checkSum(sum, { totals: { lineTotal: 5 } })).toEqual([]);
    expect(checkSum(sum, { lines: [] })).toEqual([]);
    expect(checkSum(sum, { lines: 5, totals: { lineTotal: 5 } })).toMatchObject([{ field: 'lines' }]);
  });
});

describe('compare', () => {
  const due = { check: 'compare', field: 'dueDate', op: '>=', otherField: 'issueDate' } as const;

  it('compares dates', () => {
    expect(checkCompare(due, { dueDate: '2025-02-14', issueDate: '2025-01-15' })).toEqual([]);
    expect(checkCompare(due, { dueDate: '2025-01-15', issueDate: '2025-01-15' })).toEqual([]);
    expect(checkCompare(due, { dueDate: '2025-01-14', issueDate: '2025-01-15' })).toEqual([
      { field: 'dueDate', message: 'dueDate ("2025-01-14") must be >= issueDate ("2025-01-15")', actual: '2025-01-14' },
    ]);
  });

  it('compares numbers as numbers, not as text', () => {
    const rule = { check: 'compare', field: 'paid', op: '<=', otherField: 'total' } as const;
    expect(checkCompare(rule, { paid: 9, total: 10 })).toEqual([]);
    expect(checkCompare(rule, { paid: 11, total: 10 })).toHaveLength(1);
  });

  it('allows = and != on text, refuses ordering text and mixing kinds', () => {
    expect(checkCompare({ check: 'compare', field: 'a', op: '=', otherField: 'b' }, { a: 'EUR', b: 'EUR' })).toEqual([]);
    expect(checkCompare({ check: 'compare', field: 'a', op: '!=', otherField: 'b' }, { a: 'EUR', b: 'EUR' })).toHaveLength(1);
    expect(checkCompare({ check: 'compare', field: 'a', op: '<', otherField: 'b' }, { a: 'A', b: 'B' })[0]?.message).toMatch(/cannot be compared/);
    expect(checkCompare(due, { dueDate: 20250214, issueDate: '2025-01-15' })[0]?.message).toMatch(/cannot be compared/);
    expect(checkCompare(due, { dueDate: '2025-02-30', issueDate: '2025-01-15' })[0]?.message).toMatch(/cannot be compared/);
  });

  it('is skipped when either field is absent', () => {
    expect(checkCompare(due, { issueDate: '2025-01-15' })).toEqual([]);
    expect(checkCompare(due, { dueDate: '2025-01-15', issueDate: null })).toEqual([]);
  });
});
