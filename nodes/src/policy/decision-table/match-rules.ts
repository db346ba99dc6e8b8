import type { DecisionTableConfig } from './decision-table.schema.ts';
import { ruleId } from './decision-table.schema.ts';
import { evaluateUnaryTest } from './evaluate-test.ts';
import type { RuleMatch } from './hit-policy.ts';
import type { UnaryTest } from './unary-test.ts';

/**
 * The rules whose every cell passes, in rule order. Every cell is evaluated (no short cut) so a
 * type mismatch is reported whichever rule it sits in, not only when earlier columns happen to match.
 */
export function matchRules(config: DecisionTableConfig, tests: readonly UnaryTest[][], values: Record<string, unknown>): RuleMatch[] {
  const matches: RuleMatch[] = [];
  config.rules.forEach((rule, index) => {
    const cells = config.inputs.map((input, j) => {
      const test = tests[index]?.[j];
      // The schema guarantees one cell per input; a missing one is a bug, not a match.
      if (test === undefined) throw new Error(`Rule ${index} has no parsed cell for input ${input.name}`);
      return evaluateUnaryTest(test, values[input.name], input.name);
    });
    if (cells.every(Boolean)) {
      const outputs = Object.fromEntries(config.outputs.map((output, k) => [output.name, rule.then[k] ?? null]));
      matches.push({ index, id: ruleId(rule, index), outputs });
    }
  });
  return matches;
}
