import { describe, expect, it } from 'vitest';
import { decisionTableConfig, type DecisionTableConfig } from './decision-table.schema.ts';
import { testIntervals, uncovered, union } from './intervals.ts';
import { checkDecisionTable } from './table-checks.ts';
import { parseUnaryTest } from './unary-test.ts';

const input = (name: string) => ({ name, expression: `{{ $input.${name} }}` });

/** A table with columns amount and costCenter and one output; rows are `[amount, costCenter]`. */
function table(hitPolicy: DecisionTableConfig['hitPolicy'], rows: [string, string][]): DecisionTableConfig {
  return decisionTableConfig.parse({
    hitPolicy,
    inputs: [input('amount'), input('costCenter')],
    outputs: [{ name: 'level' }],
    rules: rows.map((when, i) => ({ when, then: [i + 1] })),
  });
}

const tiers: [string, string][] = [
  ['< 500000', '-'],
  ['[500000..5000000)', '-'],
  ['>= 5000000', '-'],
];

describe('decision table checks', () => {
  it('accepts the three-tier approval matrix', () => {
    expect(checkDecisionTable(table('UNIQUE', tiers))).toEqual([]);
  });

  it('pins a malformed cell at its rule and input', () => {
    const issues = checkDecisionTable(table('UNIQUE', [['< 500000', '-'], ['>= 500000', 'CC10']]));
    expect(issues).toEqual([{ code: 'unary_test_syntax', path: ['rules', 1, 'when', 1], message: expect.stringContaining('Cell "CC10" (costCenter)') }]);
  });

  it('reports overlaps under UNIQUE with an example, only when provable', () => {
    const issues = checkDecisionTable(table('UNIQUE', [['< 500000', '-'], ['[500000..5000000]', '"CC10","CC20"'], ['>= 5000000', '"CC20"'], ['>= 5000000', 'not("CC20")']]));
    expect(issues).toEqual([
      { code: 'table_overlap', path: ['rules', 2], message: 'Rules r2 and r3 can both match (e.g. amount = 5000000, costCenter = "CC20"); hit policy UNIQUE allows only one' },
      // The closed upper end of r2 is the classic tier bug: 5,000,000 also reaches r4.
      { code: 'table_overlap', path: ['rules', 3], message: 'Rules r2 and r4 can both match (e.g. amount = 5000000, costCenter = "CC10"); hit policy UNIQUE allows only one' },
    ]);
    expect(checkDecisionTable(table('FIRST', [['-', '-'], ['< 5', '-'], ['>= 5', '-']]))).toEqual([]);
    expect(checkDecisionTable(table('UNIQUE', [['-', '-'], ['>= 0', '-']]))[0]?.message).toBe(
      'Rules r1 and r2 can both match (e.g. amount = 0); hit policy UNIQUE allows only one',
    );
    // Different types in one column never both match; strings overlap only on a shared value.
    expect(checkDecisionTable(table('UNIQUE', [['-', '"CC10"'], ['-', '"CC20"'], ['-', 'not("CC10","CC20")']]))).toEqual([]);
  });

  it('reports a gap between tiers and a missing top tier', () => {
    expect(checkDecisionTable(table('FIRST', [['< 500000', '-'], ['[600000..5000000]', '-']]))).toEqual([
      { code: 'table_gap', path: ['inputs', 0], message: 'An amount in [500000..600000) matches no rule: cover it with a rule or widen a neighbouring tier' },
      { code: 'table_no_top_tier', path: ['inputs', 0], message: 'An amount above 5,000,000 matches no rule: add a top tier (e.g. > 5000000)' },
    ]);
    expect(checkDecisionTable(table('UNIQUE', [['< 500000', '-'], ['[500000..5000000)', '-']]))).toEqual([
      { code: 'table_no_top_tier', path: ['inputs', 0], message: 'An amount of 5,000,000 or more matches no rule: add a top tier (e.g. >= 5000000)' },
    ]);
    // A single missing point is a gap too.
    expect(checkDecisionTable(table('UNIQUE', [['< 10', '-'], ['> 10', '-']]))[0]?.message).toMatch(/\[10\.\.10\]/);
    // Gaps below 0 are not reported.
    expect(checkDecisionTable(table('UNIQUE', [['>= 0', '-']]))).toEqual([]);
  });

  it('checks coverage only within its scope', () => {
    // Other columns differ between rules: a gap could be covered elsewhere, so nothing is claimed.
    expect(checkDecisionTable(table('FIRST', [['< 500000', '"CC10"'], ['>= 600000', '"CC20"']]))).toEqual([]);
    // Other columns identical (not just "-"): the amount column alone decides.
    expect(checkDecisionTable(table('FIRST', [['< 500000', '"CC10"'], ['>= 600000', '"CC10"']])).map((issue) => issue.code)).toEqual(['table_gap']);
    // Equality-only numeric columns are codes, not tiers.
    expect(checkDecisionTable(table('UNIQUE', [['10, 20', '-'], ['30', '-']]))).toEqual([]);
  });
});

describe('intervals', () => {
  const of = (text: string) => {
    const parsed = parseUnaryTest(text);
    if (!parsed.ok) throw new Error(parsed.message);
    return testIntervals(parsed.test);
  };
  const ALL = { low: -Infinity, high: Infinity, lowClosed: false, highClosed: false };

  it('merges touching intervals and complements negations', () => {
    expect(union([...of('< 5'), ...of('[5..7)'), ...of('> 7')])).toHaveLength(2);
    expect(uncovered(union([...of('< 5'), ...of('[5..7]'), ...of('> 7')]), ALL)).toEqual([]);
    expect(of('not([1..2])')).toEqual([
      { low: -Infinity, high: 1, lowClosed: false, highClosed: false },
      { low: 2, high: Infinity, lowClosed: false, highClosed: false },
    ]);
    expect(of('!= 3')).toHaveLength(2);
  });
});
