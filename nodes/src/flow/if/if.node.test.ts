import { describe, expect, it } from 'vitest';
import { runNode } from '../../testing/run-node.ts';
import { flowIfNode } from './if.node.ts';

describe('flow.if', () => {
  it('emits the input on true or false', async () => {
    const input = { amount: 25_000 };
    expect(await runNode(flowIfNode, { condition: true }, input)).toEqual({ kind: 'emit', port: 'true', output: input });
    expect(await runNode(flowIfNode, { condition: false }, input)).toEqual({ kind: 'emit', port: 'false', output: input });
  });

  it('refuses a condition that is not a boolean', () => {
    expect(flowIfNode.config.safeParse({ condition: 'false' }).success).toBe(false);
    expect(flowIfNode.config.safeParse({}).success).toBe(false);
  });
});
