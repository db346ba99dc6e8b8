import type { PositiveTest, UnaryTest } from './unary-test.ts';

/** A numeric interval; unbounded ends are ±Infinity and open. */
export interface Interval {
  low: number;
  high: number;
  lowClosed: boolean;
  highClosed: boolean;
}

const ALL: Interval = { low: -Infinity, high: Infinity, lowClosed: false, highClosed: false };

function itemIntervals(item: PositiveTest): Interval[] {
  if (item.kind === 'range') return [{ low: item.low, high: item.high, lowClosed: item.lowClosed, highClosed: item.highClosed }];
  if (typeof item.value !== 'number') return [];
  const v = item.value;
  switch (item.op) {
    case '<':
      return [{ ...ALL, high: v }];
    case '<=':
      return [{ ...ALL, high: v, highClosed: true }];
    case '>':
      return [{ ...ALL, low: v }];
    case '>=':
      return [{ ...ALL, low: v, lowClosed: true }];
    case '=':
      return [{ low: v, high: v, lowClosed: true, highClosed: true }];
    case '!=':
      return [{ ...ALL, high: v }, { ...ALL, low: v }];
    default: {
      const unreachable: never = item.op;
      throw new Error(`Unknown operator ${String(unreachable)}`);
    }
  }
}

/** Sorted, disjoint, merged intervals covering the same numbers. */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.low - b.low || Number(b.lowClosed) - Number(a.lowClosed));
  const out: Interval[] = [];
  for (const next of sorted) {
    const last = out[out.length - 1];
    const touches = last !== undefined && (last.high > next.low || (last.high === next.low && (last.highClosed || next.lowClosed)));
    if (last === undefined || !touches) out.push({ ...next });
    else if (next.high > last.high || (next.high === last.high && next.highClosed)) Object.assign(last, { high: next.high, highClosed: next.highClosed });
  }
  return out;
}

/** The numbers in `within` that no interval of `covered` (sorted, disjoint) holds. */
export function uncovered(covered: readonly Interval[], within: Interval): Interval[] {
  const out: Interval[] = [];
  let cursor = { at: within.low, closed: within.lowClosed };
  for (const part of covered) {
    if (part.low > cursor.at || (part.low === cursor.at && cursor.closed && !part.lowClosed)) {
      out.push({ low: cursor.at, lowClosed: cursor.closed, high: part.low, highClosed: !part.lowClosed });
    }
    if (part.high > cursor.at) cursor = { at: part.high, closed: !part.highClosed };
    else if (part.high === cursor.at && part.highClosed) cursor = { at: cursor.at, closed: false };
  }
  if (cursor.at < within.high) out.push({ low: cursor.at, lowClosed: cursor.closed, high: within.high, highClosed: within.highClosed });
  // Clip to `within` and drop empty pieces (a point excluded at either end).
  return out
    .map((part) => (part.high > within.high ? { ...part, high: within.high, highClosed: within.highClosed } : part))
    .filter((part) => part.low < part.high || (part.low === part.high && part.lowClosed && part.highClosed));
}

/** The numbers a numeric test accepts, as sorted disjoint intervals (`-` accepts all). */
export function testIntervals(test: UnaryTest): Interval[] {
  if (test.kind === 'any') return [ALL];
  const accepted = union(test.items.flatMap(itemIntervals));
  return test.negated ? uncovered(accepted, ALL) : accepted;
}

/** FEEL notation of an interval, e.g. `[500000..600000)` or `>= 5000000`. */
export function intervalText(part: Interval): string {
  if (part.high === Infinity) return `${part.lowClosed ? '>=' : '>'} ${part.low}`;
  if (part.low === -Infinity) return `${part.highClosed ? '<=' : '<'} ${part.high}`;
  return `${part.lowClosed ? '[' : '('}${part.low}..${part.high}${part.highClosed ? ']' : ')'}`;
}
