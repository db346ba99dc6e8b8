import { checkCompare, checkSum } from './cross-checks.ts';
import { checkFormat, checkOneOf, checkRange, checkRequired } from './field-checks.ts';
import type { Rule } from './rule-schema.ts';
import type { Finding, Violation } from './violation.ts';

/** The findings of one rule. */
function findingsOf(rule: Rule, input: unknown): Finding[] {
  switch (rule.check) {
    case 'required':
      return checkRequired(rule, input);
    case 'format':
      return checkFormat(rule, input);
    case 'range':
      return checkRange(rule, input);
    case 'one-of':
      return checkOneOf(rule, input);
    case 'sum':
      return checkSum(rule, input);
    case 'compare':
      return checkCompare(rule, input);
    default: {
      const unreachable: never = rule;
      throw new Error(`Unknown check ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Runs every rule against `input`, in order, and lists all violations (a rule's custom message wins). */
export function evaluateRules(rules: readonly Rule[], input: unknown): Violation[] {
  return rules.flatMap((rule, index) =>
    findingsOf(rule, input).map((found) => ({
      rule: index,
      check: rule.check,
      ...found,
      ...(rule.message === undefined ? {} : { message: rule.message }),
    })),
  );
}
