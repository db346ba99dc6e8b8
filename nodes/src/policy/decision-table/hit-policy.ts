import { canonicalJson, CountersignError } from '@countersign/shared';
import type { HitPolicy } from './decision-table.schema.ts';

/** A rule that matched: its position, recorded id and outputs by name. */
export interface RuleMatch {
  index: number;
  id: string;
  outputs: Record<string, unknown>;
}

/** What a table decided: one output object (UNIQUE, FIRST, ANY) or one per match in rule order (RULE ORDER, COLLECT). */
export interface HitResult {
  result: Record<string, unknown> | Record<string, unknown>[];
  matchedRules: string[];
}

function sameOutputs(a: RuleMatch, b: RuleMatch): boolean {
  return canonicalJson(a.outputs) === canonicalJson(b.outputs);
}

/**
 * Applies a DMN hit policy to the matches (in rule order); `undefined` when nothing matched.
 * A second match under UNIQUE and disagreeing matches under ANY are POLICY_ERRORs: the table, not
 * the invoice, is wrong, and guessing would route the payment to the wrong approver.
 */
export function applyHitPolicy(policy: HitPolicy, matches: readonly RuleMatch[]): HitResult | undefined {
  const [first, second] = matches;
  if (first === undefined) return undefined;
  const ids = matches.map((match) => match.id);
  switch (policy) {
    case 'UNIQUE':
      if (second !== undefined) {
        throw new CountersignError('POLICY_ERROR', `Rules ${first.id} and ${second.id} both match (hit policy UNIQUE)`, { details: { hitPolicy: policy, matchedRules: ids } });
      }
      return { result: first.outputs, matchedRules: [first.id] };
    case 'FIRST':
      return { result: first.outputs, matchedRules: [first.id] };
    case 'ANY': {
      const other = matches.find((match) => !sameOutputs(match, first));
      if (other !== undefined) {
        throw new CountersignError('POLICY_ERROR', `Rules ${first.id} and ${other.id} both match but give different outputs (hit policy ANY)`, {
          details: { hitPolicy: policy, matchedRules: ids, outputs: { [first.id]: first.outputs, [other.id]: other.outputs } },
        });
      }
      return { result: first.outputs, matchedRules: ids };
    }
    case 'RULE ORDER':
    case 'COLLECT':
      return { result: matches.map((match) => match.outputs), matchedRules: ids };
    default: {
      const unreachable: never = policy;
      throw new Error(`Unknown hit policy ${String(unreachable)}`);
    }
  }
}
