import { describe, expect, it } from 'vitest';
import { CountersignError } from '@countersign/shared';
import { fakeSandbox } from '../../testing/fake-context.ts';
import { runNode } from '../../testing/run-node.ts';
import { dataCodeNode } from './code.node.ts';

describe('data.code', () => {
  it('runs the source in the sandbox with the input and emits its result', async () => {
    const sandbox = fakeSandbox(() => ({ total: 121 }));
    const source = 'return { total: $input.net + $input.vat };';
    const result = await runNode(dataCodeNode, { source }, { net: 100, vat: 21 }, { sandbox });
    expect(result).toEqual({ kind: 'emit', port: 'out', output: { total: 121 } });
    expect(sandbox.calls).toEqual([{ source, input: { net: 100, vat: 21 } }]);
  });

  it('lets sandbox errors through unchanged', async () => {
    const sandbox = fakeSandbox(() => {
      throw new CountersignError('CODE_ERROR', '$input.x is undefined');
    });
    await expect(runNode(dataCodeNode, { source: 'return $input.x.y' }, {}, { sandbox })).rejects.toMatchObject({ code: 'CODE_ERROR' });
  });

  it('keeps the source literal and bounded', () => {
    expect(dataCodeNode.literalFields).toEqual(['source']);
    expect(dataCodeNode.config.safeParse({ source: '' }).success).toBe(false);
    expect(dataCodeNode.config.safeParse({ source: 'x'.repeat(20_001) }).success).toBe(false);
  });
});
