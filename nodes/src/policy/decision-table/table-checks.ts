import type { ValidationIssue } from '@countersign/shared';
import { coverageHoles, describeHole } from './coverage.ts';
import { ruleId, type DecisionTableConfig } from './decision-table.schema.ts';
import { overlapWitness, type Witness } from './overlap.ts';
import { parseTable } from './parse-table.ts';
import type { UnaryTest } from './unary-test.ts';

function witnessText(name: string, witness: Witness): string | undefined {
  return witness.kind === 'any' ? undefined : `${name} = ${JSON.stringify(witness.value)}`;
}

/** Pairs of rules that can both match under UNIQUE, reported at the later rule with an example input. */
function overlaps(config: DecisionTableConfig, tests: readonly UnaryTest[][]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  tests.forEach((later, j) => {
    tests.slice(0, j).forEach((earlier, i) => {
      const witnesses: Witness[] = [];
      for (const [column, test] of later.entries()) {
        const other = earlier[column];
        const witness = other === undefined ? undefined : overlapWitness(other, test);
        if (witness === undefined) return;
        witnesses.push(witness);
      }
      const [a, b] = [ruleId(config.rules[i] ?? {}, i), ruleId(config.rules[j] ?? {}, j)];
      const example = witnesses.map((witness, column) => witnessText(config.inputs[column]?.name ?? '', witness)).filter((text) => text !== undefined);
      const when = example.length > 0 ? ` (e.g. ${example.join(', ')})` : ' (for every input)';
      issues.push({ code: 'table_overlap', path: ['rules', j], message: `Rules ${a} and ${b} can both match${when}; hit policy UNIQUE allows only one` });
    });
  });
  return issues;
}

/**
 * Save-time checks of a decision table, returned as issues with paths relative to the config:
 * - `unary_test_syntax` at `['rules', i, 'when', j]`: a cell that does not parse (nothing else is
 *   checked until every cell parses);
 * - `table_overlap` at `['rules', j]`, under UNIQUE only: rule j and an earlier rule can both match,
 *   i.e. in every column some value passes both cells. Reported only with a proof (an example value
 *   per column); values of different types never overlap;
 * - `table_gap` / `table_no_top_tier` at `['inputs', c]`, under every hit policy: numbers from 0 up
 *   that no rule accepts in a tiered numeric column, within the scope described at `coverageHoles`.
 * Input expressions are not checked: at save time they are still templates.
 */
export function checkDecisionTable(config: DecisionTableConfig): ValidationIssue[] {
  const parsed = parseTable(config);
  if (!parsed.ok) return parsed.issues;
  const holes = coverageHoles(config, parsed.tests).map((hole): ValidationIssue => {
    const name = config.inputs[hole.input]?.name ?? '';
    return { ...describeHole(name, hole), path: ['inputs', hole.input] };
  });
  return [...(config.hitPolicy === 'UNIQUE' ? overlaps(config, parsed.tests) : []), ...holes];
}
