import { canonicalJson, CountersignError, defineNode, emit, sha256Hex } from '@countersign/shared';
import { isPlainObject } from '../../internal/plain-object.ts';
import { decisionTableConfig, type DecisionTableConfig } from './decision-table.schema.ts';
import { applyHitPolicy } from './hit-policy.ts';
import { matchRules } from './match-rules.ts';
import { parseTable } from './parse-table.ts';
import { checkDecisionTable } from './table-checks.ts';

/** The record of one evaluation, added to the item as `decision`: enough to replay and audit it. */
export interface DecisionRecord {
  hitPolicy: DecisionTableConfig['hitPolicy'];
  /** Outputs by name (UNIQUE, FIRST, ANY), or one such object per matched rule (RULE ORDER, COLLECT); null or [] when unmatched. */
  result: Record<string, unknown> | Record<string, unknown>[] | null;
  matchedRules: string[];
  inputs: Record<string, unknown>;
  tableHash: string;
}

/**
 * SHA-256 of the canonical JSON of the table as designed. Input expressions are left out: at run
 * time they hold the resolved values, which are recorded separately as `inputs`.
 */
export function hashTable(config: DecisionTableConfig): Promise<string> {
  const { hitPolicy, inputs, outputs, rules } = config;
  return sha256Hex(canonicalJson({ hitPolicy, inputs: inputs.map(({ expression: _expression, ...column }) => column), outputs, rules }));
}

/** Evaluates a DMN-style decision table (e.g. an approval matrix: amount and cost center to approver levels). */
export const policyDecisionTableNode = defineNode({
  type: 'policy.decision-table',
  version: 1,
  category: 'policy',
  title: 'Decision table',
  description: 'Matches the item against rules (amount tiers, cost centers...) and records which rules decided, e.g. the approvers an invoice needs.',
  config: decisionTableConfig,
  ports: { in: ['in'], out: ['matched', 'unmatched'] },
  effect: 'pure',
  // The table is data: only the input expressions are templates.
  literalFields: ['hitPolicy', 'outputs', 'rules'],
  validate: checkDecisionTable,
  execute: async (input, ctx) => {
    const { config } = ctx;
    const parsed = parseTable(config);
    if (!parsed.ok) throw new CountersignError('INVALID_CONFIG', `The decision table has ${parsed.issues.length} malformed cell(s)`, { issues: parsed.issues });
    const inputs = Object.fromEntries(config.inputs.map((column) => [column.name, column.expression]));
    const hit = applyHitPolicy(config.hitPolicy, matchRules(config, parsed.tests, inputs));
    const multi = config.hitPolicy === 'RULE ORDER' || config.hitPolicy === 'COLLECT';
    const decision: DecisionRecord = {
      hitPolicy: config.hitPolicy,
      result: hit?.result ?? (multi ? [] : null),
      matchedRules: hit?.matchedRules ?? [],
      inputs,
      tableHash: await hashTable(config),
    };
    const output = isPlainObject(input) ? { ...input, decision } : { decision };
    return emit(hit === undefined ? 'unmatched' : 'matched', output);
  },
});
