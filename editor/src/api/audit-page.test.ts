import { describe, expect, it } from 'vitest';
import { AuditListingSchema, isReadable } from './audit-page.ts';

const event = (seq: number) => ({
  id: `e${seq}`, seq, tenantId: 't', occurredAt: '2030-01-01T00:00:00Z', actor: { type: 'user', id: 'u1', onBehalfOf: null }, action: 'auth.login',
  target: { type: 'user', id: 'u1' }, before: null, after: null, reason: null, correlationId: null, runId: null, nodeId: null, versionHash: null, prevHash: 'p', hash: 'h',
});

describe('the audit listing', () => {
  it('keeps an unreadable row in its place, saying what is wrong with it', () => {
    const parsed = AuditListingSchema.safeParse({ items: [event(3), { ...event(2), actor: '{"type":"user"}' }, event(1)], nextBeforeSeq: null });
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.items.map((item) => (isReadable(item) ? item.seq : `unreadable ${item.seq}`))).toEqual([3, 'unreadable 2', 1]);
    expect(parsed.data.items[1]).toMatchObject({ unreadable: true, id: 'e2', problem: expect.stringMatching(/^actor: /) });
  });

  it('refuses what is not a page', () => {
    expect(AuditListingSchema.safeParse({ items: 'x', nextBeforeSeq: null }).success).toBe(false);
    expect(AuditListingSchema.safeParse({ items: [] }).success).toBe(false);
  });
});
