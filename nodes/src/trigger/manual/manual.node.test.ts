import { describe, expect, it } from 'vitest';
import { runNode } from '../../testing/run-node.ts';
import { triggerManualNode } from './manual.node.ts';

describe('trigger.manual', () => {
  it('passes the run input through on out', async () => {
    const input = { invoiceId: 'INV-1', amount: 120 };
    expect(await runNode(triggerManualNode, {}, input)).toEqual({ kind: 'emit', port: 'out', output: input });
  });

  it('refuses unknown config fields, so a typo is caught at design time', () => {
    expect(triggerManualNode.config.safeParse({ descripton: 'typo' }).success).toBe(false);
    expect(triggerManualNode.config.safeParse({ description: 'Month-end close' }).success).toBe(true);
  });
});
