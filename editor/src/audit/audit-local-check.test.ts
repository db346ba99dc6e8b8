import { GENESIS_HASH, hashAuditEvent, type AuditEvent } from '@countersign/shared';
import { describe, expect, it } from 'vitest';
import { emptyFilterForm, filtersOf, isFiltered } from './audit-filters.ts';
import { checkLoadedEvents } from './audit-local-check.ts';

async function chain(count: number): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const event = {
      id: `e${seq}`, seq, tenantId: 't', occurredAt: `2030-01-01T00:00:0${seq}.000Z`, actor: { type: 'user' as const, id: 'u1', onBehalfOf: null },
      action: 'version.approve', target: { type: 'workflow', id: 'w1' }, before: null, after: { status: 'approved' }, reason: null,
      correlationId: null, runId: null, nodeId: null, versionHash: null, prevHash,
    };
    const hash = await hashAuditEvent(event);
    events.push({ ...event, hash });
    prevHash = hash;
  }
  return events.reverse();
}

describe('checking loaded audit events in the browser', () => {
  it('accepts an unbroken stretch, from any starting event', async () => {
    const events = await chain(4);
    await expect(checkLoadedEvents(events)).resolves.toEqual({ ok: true, checked: 4 });
    await expect(checkLoadedEvents(events.slice(0, 2))).resolves.toEqual({ ok: true, checked: 2 });
  });

  it('finds an edited event', async () => {
    const events = await chain(3);
    const edited = events.map((event) => (event.seq === 2 ? { ...event, reason: 'edited later' } : event));
    await expect(checkLoadedEvents(edited)).resolves.toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  it('fails on a row that cannot be read', async () => {
    const events = await chain(3);
    const rows = [events[0]!, { unreadable: true as const, seq: 2, id: 'e2', problem: 'actor: expected object' }, events[2]!];
    await expect(checkLoadedEvents(rows)).resolves.toMatchObject({ ok: false, firstBadSeq: 2, reason: expect.stringContaining('actor: expected object') });
  });

  it('does not judge a filtered (gapped) listing or an empty one', async () => {
    const events = await chain(3);
    await expect(checkLoadedEvents([events[0]!, events[2]!])).resolves.toBeNull();
    await expect(checkLoadedEvents([])).resolves.toBeNull();
  });

  it('turns the filter form into a query', () => {
    expect(filtersOf({ ...emptyFilterForm('r1'), actor: ' demo-reviewer ', from: '2030-01-02T10:00' })).toEqual({ runId: 'r1', actor: 'demo-reviewer', from: new Date('2030-01-02T10:00').toISOString() });
    expect(isFiltered(filtersOf(emptyFilterForm()))).toBe(false);
  });
});
