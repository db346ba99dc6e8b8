import { describe, expect, it } from 'vitest';
import { configs, findings, graph, node } from './lint-fixture.ts';

const THREE_TIERS = ['< 500000', '[500000..5000000)', '>= 5000000'];

/** trigger -> table (matched) -> approval (approved) -> post, plus `extra` edges. */
function lint(table: Record<string, unknown>, extra: string[] = [], approval: Record<string, unknown> = configs.matrixApproval) {
  const nodes = [
    node('hook', 'trigger.manual'),
    node('matrix', 'policy.decision-table', table, 'Approval matrix'),
    node('approve', 'approval.request', approval, 'Approve invoice'),
    node('fallback', 'approval.request', configs.approval, 'Fallback approval'),
    node('post', 'connector.http', configs.post),
  ];
  return findings(graph(nodes, ['hook>matrix', 'matrix.matched>approve', 'approve.approved>post', ...extra]), 'matrix_not_unbounded');
}

describe('matrix_not_unbounded', () => {
  it('passes tiers from nothing up to infinity', () => {
    expect(lint(configs.table(...THREE_TIERS))).toEqual([]);
  });

  it('flags a table with no top tier, on the approval, saying what to add', () => {
    expect(lint(configs.table('< 500000', '[500000..5000000]'))).toEqual([
      expect.objectContaining({ severity: 'error', nodeId: 'approve', message: expect.stringMatching(/"Approval matrix", where an amount above 5,000,000 matches no rule: add a top tier \(e\.g\. > 5000000\)/) }),
    ]);
  });

  it('flags a gap between tiers', () => {
    const [finding] = lint(configs.table('< 500000', '[600000..5000000)', '>= 5000000'));
    expect(finding?.message).toContain('in [500000..600000) matches no rule');
  });

  it('finds the table through $node["label"] too', () => {
    expect(lint(configs.table('< 500000'), [], { ...configs.matrixApproval, matrix: '{{ $node["Approval matrix"].output.decision.result }}' })).toHaveLength(1);
  });

  it('ignores a matrix given as rows, and checks only the nearest table upstream', () => {
    expect(lint(configs.table('< 500000'), [], { title: 'Invoice', matrix: [{ level: 1, role: 'cfo' }] })).toEqual([]);
    const nodes = [
      node('hook', 'trigger.manual'),
      node('old', 'policy.decision-table', configs.table('< 500000')),
      node('matrix', 'policy.decision-table', configs.table(...THREE_TIERS)),
      node('approve', 'approval.request', configs.matrixApproval),
    ];
    expect(findings(graph(nodes, ['hook>old', 'old.matched>matrix', 'old.unmatched>matrix', 'matrix.matched>approve']), 'matrix_not_unbounded')).toEqual([]);
  });

  it('flags an approval on the unmatched port: its matrix is empty', () => {
    const [finding] = lint(configs.table(...THREE_TIERS), ['matrix.unmatched>approve']);
    expect(finding?.message).toMatch(/wired to the unmatched port.*wire it to matched/);
  });

  describe('a table that may match nothing (a cost center no rule names)', () => {
    const byCostCenter = {
      ...configs.table(),
      inputs: [{ name: 'amount', expression: '{{ $input.amount }}' }, { name: 'costCenter', expression: '{{ $input.costCenter }}' }],
      rules: [
        { when: ['-', '"CC10"'], then: [1, 'controller'] },
        { when: ['-', '"CC20"'], then: [1, 'cfo'] },
      ],
    };

    it('is an error when its unmatched port leads nowhere', () => {
      expect(lint(byCostCenter)).toEqual([expect.objectContaining({ message: expect.stringContaining('add a catch-all rule') })]);
    });

    it('passes when unmatched goes to a fallback approval, or a catch-all rule exists', () => {
      expect(lint(byCostCenter, ['matrix.unmatched>fallback', 'fallback.approved>post'])).toEqual([]);
      expect(lint({ ...byCostCenter, hitPolicy: 'FIRST', rules: [...byCostCenter.rules, { when: ['-', '-'], then: [1, 'approver'] }] })).toEqual([]);
    });
  });

  it('skips a table that does not parse (graph validation reports it)', () => {
    expect(lint({ hitPolicy: 'SOMETIMES' })).toEqual([]);
    expect(lint(configs.table('<<< 5'))).toEqual([]);
  });
});
