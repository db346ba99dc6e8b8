import type { DecisionTableConfig } from './decision-table.schema.ts';
import { intervalText, testIntervals, uncovered, union, type Interval } from './intervals.ts';
import type { UnaryTest } from './unary-test.ts';

/** An uncovered stretch of a numeric column from 0 up. */
export interface CoverageHole {
  input: number;
  interval: Interval;
}

const FROM_ZERO: Interval = { low: 0, high: Infinity, lowClosed: true, highClosed: false };

/** Whether a column holds tiers: numeric tests only, at least one comparison or range. */
function isTiered(tests: readonly UnaryTest[]): boolean {
  const typed = tests.filter((test) => test.kind === 'tests');
  return (
    typed.every((test) => test.type === 'number') &&
    typed.some((test) => test.items.some((item) => item.kind === 'range' || (item.op !== '=' && item.op !== '!=')))
  );
}

/** Whether every rule has the same cells outside `column` (so this column alone decides coverage). */
function othersIdentical(config: DecisionTableConfig, column: number): boolean {
  const key = (when: readonly string[]) => JSON.stringify(when.map((cell, j) => (j === column ? '' : cell.replace(/\s+/g, ''))));
  const first = config.rules[0];
  return first === undefined || config.rules.every((rule) => key(rule.when) === key(first.when));
}

/**
 * Stretches of numbers from 0 up that no rule accepts, per tiered numeric column. Scope, kept to
 * what can be proved: a column is checked only when its cells are numeric with at least one
 * comparison or range (an amount tier), and every rule's other cells are identical (typically all
 * `-`); otherwise a gap in one column may be covered through another and nothing is reported.
 * Negative numbers are not checked (credit notes may be routed elsewhere on purpose).
 */
export function coverageHoles(config: DecisionTableConfig, tests: readonly UnaryTest[][]): CoverageHole[] {
  return config.inputs.flatMap((_input, column) => {
    const cells = tests.map((row) => row[column]).filter((test): test is UnaryTest => test !== undefined);
    if (!isTiered(cells) || !othersIdentical(config, column)) return [];
    const covered = union(cells.flatMap(testIntervals));
    return uncovered(covered, FROM_ZERO).map((interval) => ({ input: column, interval }));
  });
}

/** 5000000 as "5,000,000", without depending on the host's locale data. */
export function groupDigits(value: number): string {
  const [whole = '', fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'An' : 'A';
}

/** The editor text for a hole: a gap between tiers, or a missing top tier. */
export function describeHole(name: string, hole: CoverageHole): { code: string; message: string } {
  const { interval } = hole;
  if (interval.high === Infinity) {
    const from = interval.lowClosed ? `of ${groupDigits(interval.low)} or more` : `above ${groupDigits(interval.low)}`;
    return {
      code: 'table_no_top_tier',
      message: `${article(name)} ${name} ${from} matches no rule: add a top tier (e.g. ${intervalText(interval)})`,
    };
  }
  return { code: 'table_gap', message: `${article(name)} ${name} in ${intervalText(interval)} matches no rule: cover it with a rule or widen a neighbouring tier` };
}
