import type { ValidationIssue } from '@countersign/shared';
import type { DecisionTableConfig } from './decision-table.schema.ts';
import { parseUnaryTest, type UnaryTest } from './unary-test.ts';

/** Every cell parsed (`tests[rule][input]`), or the issues pinned at `['rules', i, 'when', j]`. */
export type ParsedTable = { ok: true; tests: UnaryTest[][] } | { ok: false; issues: ValidationIssue[] };

/** Parses every cell of the table; any malformed cell makes the whole table unusable. */
export function parseTable(config: DecisionTableConfig): ParsedTable {
  const issues: ValidationIssue[] = [];
  const tests = config.rules.map((rule, i) =>
    rule.when.map((cell, j) => {
      const parsed = parseUnaryTest(cell);
      if (parsed.ok) return parsed.test;
      const column = config.inputs[j]?.name ?? `#${j + 1}`;
      issues.push({ code: 'unary_test_syntax', path: ['rules', i, 'when', j], message: `Cell "${cell}" (${column}): ${parsed.message}` });
      return { kind: 'any' } satisfies UnaryTest;
    }),
  );
  return issues.length > 0 ? { ok: false, issues } : { ok: true, tests };
}
