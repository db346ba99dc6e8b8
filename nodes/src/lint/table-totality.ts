import type { DecisionTableConfig } from '../policy/decision-table/decision-table.schema.ts';
import { testIntervals, uncovered, union, type Interval } from '../policy/decision-table/intervals.ts';
import type { UnaryTest } from '../policy/decision-table/unary-test.ts';

const FROM_ZERO: Interval = { low: 0, high: Infinity, lowClosed: true, highClosed: false };

const isAny = (test: UnaryTest | undefined): boolean => test?.kind === 'any';

/**
 * Whether some rule is sure to match every input (negative numbers aside, as in the table's own
 * coverage check): a rule of `-` only, or one column whose cells together accept every number from 0
 * up while every other cell of every rule is `-`. Anything else may leave an input unmatched
 * (a cost center or currency no rule names) as far as the lint can tell.
 */
export function alwaysMatches(config: DecisionTableConfig, tests: readonly UnaryTest[][]): boolean {
  if (tests.some((row) => row.every(isAny))) return true;
  return config.inputs.some((_input, column) => {
    if (!tests.every((row) => row.every((test, j) => j === column || isAny(test)))) return false;
    const covered = union(tests.flatMap((row) => (row[column] === undefined ? [] : testIntervals(row[column]))));
    return uncovered(covered, FROM_ZERO).length === 0;
  });
}
