import { describe, expect, it } from 'vitest';
import { CountersignError } from '@countersign/shared';
import { fakeContext } from '../../testing/fake-context.ts';
import { runNode } from '../../testing/run-node.ts';
import { dataSetNode } from './set.node.ts';

describe('data.set', () => {
  it('adds fields to the input by default', async () => {
    const result = await runNode(dataSetNode, { fields: { approved: false } }, { id: 'INV-1' });
    expect(result).toEqual({ kind: 'emit', port: 'out', output: { id: 'INV-1', approved: false } });
  });

  it('sets nested fields with dotted names without touching the input', async () => {
    const input = { id: 'INV-1', routing: { team: 'AP', level: 1 } };
    const result = await runNode(dataSetNode, { fields: { 'routing.level': 2, 'audit.flags.manual': true } }, input);
    expect(result).toMatchObject({
      output: { id: 'INV-1', routing: { team: 'AP', level: 2 }, audit: { flags: { manual: true } } },
    });
    expect(input).toEqual({ id: 'INV-1', routing: { team: 'AP', level: 1 } });
  });

  it('outputs only the fields when keepInput is off, or when the input is not an object', async () => {
    expect(await runNode(dataSetNode, { fields: { a: 1 }, keepInput: false }, { b: 2 })).toMatchObject({ output: { a: 1 } });
    expect(await runNode(dataSetNode, { fields: { a: 1 } }, [1, 2])).toMatchObject({ output: { a: 1 } });
  });

  it('refuses prototype-polluting or empty segments in the schema, with the field as path', () => {
    for (const name of ['__proto__.admin', 'a.constructor', 'x.prototype.y', 'a..b']) {
      const parsed = dataSetNode.config.safeParse({ fields: { [name]: 1 } });
      expect(parsed.success, name).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['fields', name]);
    }
  });

  it('throws INVALID_CONFIG if a forbidden name reaches execute anyway', async () => {
    const ctx = fakeContext({ fields: { 'a.__proto__.polluted': true }, keepInput: true });
    await expect(async () => dataSetNode.execute({}, ctx)).rejects.toMatchObject({ code: 'INVALID_CONFIG' });
    await expect(async () => dataSetNode.execute({}, ctx)).rejects.toBeInstanceOf(CountersignError);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
