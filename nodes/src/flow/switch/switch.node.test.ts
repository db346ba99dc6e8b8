import { outputPorts } from '@countersign/shared';
import { describe, expect, it } from 'vitest';
import { runNode } from '../../testing/run-node.ts';
import { flowSwitchNode } from './switch.node.ts';

const cases = [
  { port: 'eur', equals: 'EUR' },
  { port: 'usd', equals: 'USD' },
  { port: 'usd-again', equals: 'USD' },
];

describe('flow.switch', () => {
  it('emits on the first matching case', async () => {
    const input = { currency: 'USD' };
    expect(await runNode(flowSwitchNode, { value: 'USD', cases }, input)).toEqual({ kind: 'emit', port: 'usd', output: input });
  });

  it('emits on default when nothing matches, or when the value is missing', async () => {
    expect(await runNode(flowSwitchNode, { value: 'GBP', cases }, {})).toMatchObject({ port: 'default' });
    expect(await runNode(flowSwitchNode, { value: undefined, cases }, {})).toMatchObject({ port: 'default' });
  });

  it('compares as JSON: objects match regardless of key order, 1 is not "1"', async () => {
    const objectCases = [
      { port: 'num', equals: 1 },
      { port: 'obj', equals: { entity: 'DE01', tier: 2 } },
    ];
    expect(await runNode(flowSwitchNode, { value: { tier: 2, entity: 'DE01' }, cases: objectCases }, {})).toMatchObject({ port: 'obj' });
    expect(await runNode(flowSwitchNode, { value: '1', cases: objectCases }, {})).toMatchObject({ port: 'default' });
  });

  it('declares the case ports plus default, even for a half-written config', () => {
    expect(outputPorts(flowSwitchNode, { value: 'x', cases })).toEqual(['eur', 'usd', 'usd-again', 'default']);
    expect(outputPorts(flowSwitchNode, { cases: [{ port: 'a' }, { port: 3 }, null, 'x', { port: 'default' }] })).toEqual(['a', 'default']);
    expect(outputPorts(flowSwitchNode, { cases: '{{ $input.cases }}' })).toEqual(['default']);
    expect(outputPorts(flowSwitchNode, {})).toEqual(['default']);
  });

  it('refuses duplicate, reserved or odd port names, and an empty case list', () => {
    const issues = (config: unknown) => flowSwitchNode.config.safeParse(config).error?.issues.map((issue) => issue.path);
    expect(issues({ value: 1, cases: [{ port: 'a', equals: 1 }, { port: 'a', equals: 2 }] })).toEqual([['cases', 1, 'port']]);
    expect(issues({ value: 1, cases: [{ port: 'default', equals: 1 }] })).toEqual([['cases', 0, 'port']]);
    expect(issues({ value: 1, cases: [{ port: '1st', equals: 1 }] })).toEqual([['cases', 0, 'port']]);
    expect(issues({ value: 1, cases: [] })).toEqual([['cases']]);
    expect(issues({ value: 1, cases: [{ port: 'EUR_out', equals: 1 }] })).toBeUndefined();
  });
});
