import { matchesUnaryTest } from './evaluate-test.ts';
import type { Literal, UnaryTest } from './unary-test.ts';

/** Witness of an overlap in one column: a value both tests accept, or `any` when both cells are `-`. */
export type Witness = { kind: 'any' } | { kind: 'value'; value: Literal };

function literals(test: UnaryTest): Literal[] {
  if (test.kind === 'any') return [];
  return test.items.flatMap((item) => (item.kind === 'range' ? [item.low, item.high] : [item.value]));
}

/**
 * Values that decide whether two tests of one type can both pass: for numbers every endpoint, the
 * midpoints between neighbouring endpoints and a value beyond each end (every region of the line
 * between endpoints is represented); for strings every literal plus one no list names; for booleans both.
 */
function candidates(type: 'number' | 'string' | 'boolean', tests: readonly UnaryTest[]): Literal[] {
  if (type === 'boolean') return [true, false];
  const values = tests.flatMap(literals);
  if (type === 'string') {
    const strings = values.filter((value): value is string => typeof value === 'string');
    return [...strings, `${strings.join('')}\u0000unlisted`];
  }
  const points = [...new Set(values.filter((value): value is number => typeof value === 'number'))].sort((a, b) => a - b);
  const between = points.slice(1).map((point, i) => ((points[i] ?? point) + point) / 2);
  const ends = points.length === 0 ? [0] : [(points[0] ?? 0) - 1, (points[points.length - 1] ?? 0) + 1];
  return [...points, ...between, ...ends];
}

/**
 * A value both cells accept, or undefined when none exists. Sound (a witness is a proof) and, for
 * the unary-test subset parsed here, complete: tests of different types never overlap.
 */
export function overlapWitness(a: UnaryTest, b: UnaryTest): Witness | undefined {
  if (a.kind === 'any' && b.kind === 'any') return { kind: 'any' };
  const type = a.kind === 'tests' ? a.type : b.kind === 'tests' ? b.type : undefined;
  if (type === undefined) return { kind: 'any' };
  if ((a.kind === 'tests' && a.type !== type) || (b.kind === 'tests' && b.type !== type)) return undefined;
  const value = candidates(type, [a, b]).find((candidate) => matchesUnaryTest(a, candidate) && matchesUnaryTest(b, candidate));
  return value === undefined ? undefined : { kind: 'value', value };
}
