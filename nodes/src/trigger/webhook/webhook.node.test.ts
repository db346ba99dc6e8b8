import { describe, expect, it } from 'vitest';
import { runNode } from '../../testing/run-node.ts';
import { triggerWebhookNode } from './webhook.node.ts';

describe('trigger.webhook', () => {
  it('emits the request body unchanged', async () => {
    const body = { event: 'invoice.received', data: { id: 'INV-9' } };
    expect(await runNode(triggerWebhookNode, {}, body)).toEqual({ kind: 'emit', port: 'out', output: body });
  });

  it('defaults to POST', () => {
    expect(triggerWebhookNode.config.parse({})).toEqual({ method: 'POST' });
  });

  it('accepts safe sub-paths and refuses leading slashes, traversal and odd characters', () => {
    const valid = (path: string) => triggerWebhookNode.config.safeParse({ path }).success;
    expect(valid('invoices/received')).toBe(true);
    expect(valid('v1.2/ap_inbox~x')).toBe(true);
    expect(valid('/invoices')).toBe(false);
    expect(valid('invoices/../admin')).toBe(false);
    expect(valid('invoices//x')).toBe(false);
    expect(valid('invoices?x=1')).toBe(false);
    expect(valid('')).toBe(false);
  });

  it('only allows POST and PUT', () => {
    expect(triggerWebhookNode.config.safeParse({ method: 'GET' }).success).toBe(false);
    expect(triggerWebhookNode.config.parse({ method: 'PUT' }).method).toBe('PUT');
  });
});
