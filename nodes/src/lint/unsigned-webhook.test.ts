import { describe, expect, it } from 'vitest';
import { findings, graph, node } from './lint-fixture.ts';

const lint = (config: Record<string, unknown>) => findings(graph([node('hook', 'trigger.webhook', config)]), 'unsigned_webhook');

describe('unsigned_webhook', () => {
  it('warns (not yet an error) about a webhook without a signature secret', () => {
    expect(lint({})).toEqual([expect.objectContaining({ severity: 'warning', nodeId: 'hook', message: expect.stringContaining('set a signature secret') })]);
    expect(lint({ signatureSecret: '  ' })).toHaveLength(1);
  });

  it('passes a signed webhook', () => {
    expect(lint({ signatureSecret: 'erp-hook' })).toEqual([]);
  });
});
