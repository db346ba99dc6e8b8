import { describe, expect, it } from 'vitest';
import { runNode } from '../../testing/run-node.ts';
import { flowJoinNode } from './join.node.ts';

const inputs = {
  'Check vendor': { vendorOk: true, score: 1 },
  'Check budget': { budgetOk: false, score: 2 },
  'Log only': 'not an object',
};

describe('flow.join', () => {
  it('merges the object outputs of the branches, later labels winning on conflicts', async () => {
    const result = await runNode(flowJoinNode, {}, {}, { inputs });
    // "Check budget" sorts before "Check vendor", so the vendor branch's score wins.
    expect(result).toEqual({ kind: 'emit', port: 'out', output: { vendorOk: true, budgetOk: false, score: 1 } });
  });

  it('emits the input when no branch outputs are given', async () => {
    expect(await runNode(flowJoinNode, {}, { only: 'branch' })).toMatchObject({ output: { only: 'branch' } });
  });

  it('keeps every output under its label in byLabel mode', async () => {
    expect(await runNode(flowJoinNode, { mode: 'byLabel' }, {}, { inputs })).toMatchObject({ output: inputs });
  });
});
