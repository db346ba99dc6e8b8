import { CountersignError } from '@countersign/shared';
import type { PositiveTest, UnaryTest } from './unary-test.ts';

function matchesItem(item: PositiveTest, value: number | string | boolean): boolean {
  if (item.kind === 'range') {
    if (typeof value !== 'number') return false;
    const aboveLow = item.lowClosed ? value >= item.low : value > item.low;
    const belowHigh = item.highClosed ? value <= item.high : value < item.high;
    return aboveLow && belowHigh;
  }
  if (item.op === '=') return value === item.value;
  if (item.op === '!=') return value !== item.value;
  if (typeof value !== 'number' || typeof item.value !== 'number') return false;
  switch (item.op) {
    case '<':
      return value < item.value;
    case '<=':
      return value <= item.value;
    case '>':
      return value > item.value;
    case '>=':
      return value >= item.value;
    default: {
      const unreachable: never = item.op;
      throw new Error(`Unknown operator ${String(unreachable)}`);
    }
  }
}

/** Whether `value` passes `test`, assuming the types agree (see {@link evaluateUnaryTest}). */
export function matchesUnaryTest(test: UnaryTest, value: number | string | boolean): boolean {
  if (test.kind === 'any') return true;
  const hit = test.items.some((item) => matchesItem(item, value));
  return test.negated ? !hit : hit;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  return `${Array.isArray(value) ? 'an array' : `a ${typeof value}`} (${JSON.stringify(value) ?? String(value)})`;
}

/**
 * Evaluates one cell against an input value. Types are strict, as in FEEL: a number test never
 * matches the string "500000". A mismatch (or a missing value under a test other than `-`) is a
 * POLICY_ERROR naming the input, since silently not matching could route an invoice to nobody.
 */
export function evaluateUnaryTest(test: UnaryTest, value: unknown, inputName: string): boolean {
  if (test.kind === 'any') return true;
  const ok =
    (test.type === 'number' && typeof value === 'number' && Number.isFinite(value)) ||
    (test.type === 'string' && typeof value === 'string') ||
    (test.type === 'boolean' && typeof value === 'boolean');
  if (!ok) {
    throw new CountersignError('POLICY_ERROR', `Input "${inputName}" is ${describe(value)} but its rules test ${test.type} values`, {
      details: { input: inputName, value: value === undefined ? null : value, expected: test.type },
    });
  }
  return matchesUnaryTest(test, value);
}
