import { describe, expect, it } from 'vitest';
import { FAKE_NOW } from '../../testing/fake-context.ts';
import { runNode } from '../../testing/run-node.ts';
import { flowWaitNode } from './wait.node.ts';

const input = { invoiceId: 'INV-1' };

describe('flow.wait', () => {
  it('suspends until now + duration, then emits the input when resumed', async () => {
    const first = await runNode(flowWaitNode, { durationMs: 60_000 }, input);
    expect(first).toEqual({ kind: 'suspend', reason: 'timer', until: new Date(FAKE_NOW.getTime() + 60_000).toISOString() });
    const resumed = await runNode(flowWaitNode, { durationMs: 60_000 }, input, { resumed: { at: '2025-01-15T09:31:00.000Z' } });
    expect(resumed).toEqual({ kind: 'emit', port: 'out', output: input });
  });

  it('suspends until a future date, normalised to UTC', async () => {
    expect(await runNode(flowWaitNode, { until: '2025-02-01T10:00:00+01:00' }, input)).toMatchObject({
      kind: 'suspend',
      until: '2025-02-01T09:00:00.000Z',
    });
  });

  it('continues at once when the time is already due', async () => {
    expect(await runNode(flowWaitNode, { until: '2024-12-31T00:00:00Z' }, input)).toMatchObject({ kind: 'emit', port: 'out' });
    expect(await runNode(flowWaitNode, { durationMs: 0 }, input)).toMatchObject({ kind: 'emit', port: 'out' });
  });

  it('requires exactly one of duration and date, pointing at the field to fix', () => {
    const issues = (config: unknown) => flowWaitNode.config.safeParse(config).error?.issues;
    expect(issues({})).toMatchObject([{ path: ['durationMs'], message: 'Set a duration or a date to wait until' }]);
    expect(issues({ durationMs: 1, until: '2025-02-01T00:00:00Z' })).toMatchObject([{ path: ['until'] }]);
  });

  it('refuses negative, fractional or over-long durations and dates without a time zone', () => {
    for (const config of [{ durationMs: -1 }, { durationMs: 1.5 }, { durationMs: 367 * 86_400_000 }, { until: '2025-02-01T00:00:00' }]) {
      expect(flowWaitNode.config.safeParse(config).success, JSON.stringify(config)).toBe(false);
    }
  });
});
