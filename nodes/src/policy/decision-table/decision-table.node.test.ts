import { outputPorts } from '@countersign/shared';
import { describe, expect, it } from 'vitest';
import { runNode } from '../../testing/run-node.ts';
import type { DecisionTableConfig } from './decision-table.schema.ts';
import { policyDecisionTableNode } from './decision-table.node.ts';

type Rule = DecisionTableConfig['rules'][number];

/** The approval matrix of finance-controls.md, as the runtime hands it over: inputs already resolved. */
function matrix(invoice: { amount: unknown; costCenter: unknown }, hitPolicy: DecisionTableConfig['hitPolicy'] = 'UNIQUE', rules?: Rule[]): DecisionTableConfig {
  return {
    hitPolicy,
    inputs: [
      { name: 'amount', label: 'Amount (minor units)', expression: invoice.amount },
      { name: 'costCenter', expression: invoice.costCenter },
    ],
    outputs: [{ name: 'level' }, { name: 'role' }],
    rules: rules ?? [
      { id: 'clerk', when: ['< 500000', '-'], then: [1, 'clerk'] },
      { id: 'manager', when: ['[500000..5000000)', '"CC10","CC20"'], then: [2, 'manager'] },
      { id: 'controller', when: ['[500000..5000000)', 'not("CC10","CC20")'], then: [2, 'controller'] },
      { id: 'cfo', when: ['>= 5000000', '-'], then: [3, 'cfo'] },
    ],
  };
}

const invoice = (amount: unknown, costCenter: unknown = 'CC10') => ({ invoiceId: 'INV-1', amount, costCenter });
const run = (input: { amount: unknown; costCenter: unknown }, hitPolicy?: DecisionTableConfig['hitPolicy'], rules?: Rule[]) =>
  runNode(policyDecisionTableNode, matrix(input, hitPolicy, rules), input);

/** A chain of approvers: every tier an amount reaches adds a level. */
const chain: Rule[] = [
  { when: ['>= 0', '-'], then: [1, 'clerk'] },
  { when: ['>= 500000', '"CC10","CC20"'], then: [2, 'manager'] },
  { when: ['>= 5000000', '-'], then: [3, 'cfo'] },
];

describe('policy.decision-table', () => {
  it('routes each amount tier to its approver and records the evaluation', async () => {
    const result = await run(invoice(499_999));
    expect(result).toEqual({
      kind: 'emit',
      port: 'matched',
      output: {
        invoiceId: 'INV-1',
        amount: 499_999,
        costCenter: 'CC10',
        decision: {
          hitPolicy: 'UNIQUE',
          result: { level: 1, role: 'clerk' },
          matchedRules: ['clerk'],
          inputs: { amount: 499_999, costCenter: 'CC10' },
          tableHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
      },
    });
    expect(await run(invoice(500_000))).toMatchObject({ output: { decision: { result: { level: 2, role: 'manager' }, matchedRules: ['manager'] } } });
    expect(await run(invoice(500_000, 'CC30'))).toMatchObject({ output: { decision: { result: { role: 'controller' } } } });
    expect(await run(invoice(5_000_000))).toMatchObject({ output: { decision: { result: { level: 3, role: 'cfo' } } } });
  });

  it('hashes the table, not the resolved inputs', async () => {
    const hash = async (input: { amount: unknown; costCenter: unknown }, rules?: Rule[]) => {
      const result = await run(input, 'FIRST', rules);
      return result.kind === 'emit' ? JSON.stringify(result.output).match(/"tableHash":"(\w+)"/)?.[1] : undefined;
    };
    expect(await hash(invoice(1))).toBe(await hash(invoice(9_000_000, 'CC20')));
    expect(await hash(invoice(1))).not.toBe(await hash(invoice(1), chain));
  });

  it('sends an item no rule matches to unmatched, with the record', async () => {
    const rules: Rule[] = [{ when: ['-', '"CC10","CC20"'], then: [1, 'clerk'] }];
    expect(await run(invoice(100, 'CC99'), 'UNIQUE', rules)).toMatchObject({
      port: 'unmatched',
      output: { invoiceId: 'INV-1', decision: { result: null, matchedRules: [], inputs: { costCenter: 'CC99' } } },
    });
    expect(await run(invoice(100, 'CC99'), 'COLLECT', rules)).toMatchObject({ port: 'unmatched', output: { decision: { result: [] } } });
    // A non-object item is not spread; the record still goes out.
    const bare = await runNode(policyDecisionTableNode, matrix(invoice(1)), 'raw');
    expect(bare).toMatchObject({ port: 'matched', output: { decision: { matchedRules: ['clerk'] } } });
  });

  it('refuses a string amount against number tests, naming the input', async () => {
    await expect(run(invoice('500000'))).rejects.toMatchObject({ code: 'POLICY_ERROR', message: expect.stringContaining('Input "amount" is a string') });
    await expect(run(invoice(1, 10))).rejects.toMatchObject({ code: 'POLICY_ERROR', message: expect.stringContaining('Input "costCenter" is a number') });
  });

  it('applies each hit policy', async () => {
    await expect(run(invoice(6_000_000), 'UNIQUE', chain)).rejects.toMatchObject({ code: 'POLICY_ERROR', message: 'Rules r1 and r2 both match (hit policy UNIQUE)' });
    expect(await run(invoice(6_000_000), 'FIRST', chain)).toMatchObject({ output: { decision: { result: { role: 'clerk' }, matchedRules: ['r1'] } } });
    await expect(run(invoice(6_000_000), 'ANY', chain)).rejects.toMatchObject({ code: 'POLICY_ERROR', message: expect.stringContaining('hit policy ANY') });
    const agreeing: Rule[] = [
      { when: ['>= 0', '-'], then: [1, 'clerk'] },
      { when: ['-', '"CC10"'], then: [1, 'clerk'] },
    ];
    expect(await run(invoice(5), 'ANY', agreeing)).toMatchObject({ output: { decision: { result: { level: 1, role: 'clerk' }, matchedRules: ['r1', 'r2'] } } });
    for (const policy of ['RULE ORDER', 'COLLECT'] as const) {
      expect(await run(invoice(6_000_000), policy, chain)).toMatchObject({
        output: { decision: { hitPolicy: policy, result: [{ level: 1, role: 'clerk' }, { level: 2, role: 'manager' }, { level: 3, role: 'cfo' }], matchedRules: ['r1', 'r2', 'r3'] } },
      });
    }
    expect(await run(invoice(6_000_000, 'CC30'), 'COLLECT', chain)).toMatchObject({ output: { decision: { matchedRules: ['r1', 'r3'] } } });
  });

  it('checks the table at save time through validate, with template inputs', () => {
    const validate = (hitPolicy: DecisionTableConfig['hitPolicy'], rules: Rule[]) =>
      policyDecisionTableNode.validate?.(policyDecisionTableNode.config.parse(matrix({ amount: '{{ $input.amount }}', costCenter: '{{ $input.costCenter }}' }, hitPolicy, rules)));
    expect(validate('UNIQUE', matrix(invoice(1)).rules)).toEqual([]);
    expect(validate('UNIQUE', chain)?.map((issue) => [issue.code, issue.path])).toEqual([
      ['table_overlap', ['rules', 1]],
      ['table_overlap', ['rules', 2]],
      ['table_overlap', ['rules', 2]],
    ]);
    const tiersOnly = (cells: string[]): Rule[] => cells.map((cell, i) => ({ when: [cell, '-'], then: [i, 'x'] }));
    expect(validate('FIRST', tiersOnly(['< 500000', '[600000..5000000)', '>= 5000000']))?.map((issue) => [issue.code, issue.path])).toEqual([['table_gap', ['inputs', 0]]]);
    expect(validate('FIRST', tiersOnly(['< 500000', '[500000..5000000]']))?.[0]?.message).toBe('An amount above 5,000,000 matches no rule: add a top tier (e.g. > 5000000)');
    expect(validate('FIRST', tiersOnly(['< 500000', '>= 500.000.0']))).toEqual([
      { code: 'unary_test_syntax', path: ['rules', 1, 'when', 0], message: expect.stringContaining('Cell ">= 500.000.0" (amount)') },
    ]);
  });

  it('fails a run whose table has a malformed cell, and checks its shape in the schema', async () => {
    await expect(run(invoice(1), 'FIRST', [{ when: ['< five', '-'], then: [1, 'x'] }])).rejects.toMatchObject({
      code: 'INVALID_CONFIG',
      issues: [{ path: ['rules', 0, 'when', 0] }],
    });
    const paths = (config: unknown) => policyDecisionTableNode.config.safeParse(config).error?.issues.map((issue) => issue.path);
    const base = matrix(invoice(1));
    expect(paths({ ...base, rules: [{ when: ['-'], then: [1, 'x'] }] })).toEqual([['rules', 0, 'when']]);
    expect(paths({ ...base, rules: [{ when: ['-', '-'], then: [1] }] })).toEqual([['rules', 0, 'then']]);
    expect(paths({ ...base, rules: [{ id: 'a', when: ['-', '-'], then: [1, 'x'] }, { id: 'a', when: ['-', '-'], then: [1, 'x'] }] })).toEqual([['rules', 1, 'id']]);
    expect(paths({ ...base, outputs: [{ name: 'level' }, { name: 'level' }] })).toEqual([['outputs', 1, 'name']]);
    expect(paths({ ...base, hitPolicy: 'PRIORITY' })).toEqual([['hitPolicy']]);
  });

  it('declares matched and unmatched ports', () => {
    expect(outputPorts(policyDecisionTableNode, {})).toEqual(['matched', 'unmatched']);
  });
});
