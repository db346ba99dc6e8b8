import type { RunEvent } from '@countersign/shared';

/** At most this many events are held ahead of a gap; a gap that long means a lost subscription. */
export const MAX_PENDING_EVENTS = 10_000;

/** Events of a run split into those that follow `lastSeq` without a gap and those held behind a gap. */
export interface SequencedEvents {
  ready: RunEvent[];
  pending: RunEvent[];
}

/**
 * Orders incoming events of `runId` after `lastSeq`: drops duplicates, events of other runs and
 * anything at or below `lastSeq`, returns the gap-free run that follows `lastSeq`, and keeps the rest
 * (sorted) to wait for the missing seqs.
 */
export function sequenceEvents(runId: string, lastSeq: number, held: readonly RunEvent[], incoming: readonly RunEvent[]): SequencedEvents {
  const bySeq = new Map<number, RunEvent>();
  for (const event of [...held, ...incoming]) {
    if (event.runId === runId && event.seq > lastSeq && !bySeq.has(event.seq)) bySeq.set(event.seq, event);
  }
  const ready: RunEvent[] = [];
  for (let seq = lastSeq + 1, event = bySeq.get(seq); event; event = bySeq.get(++seq)) {
    ready.push(event);
    bySeq.delete(seq);
  }
  const pending = [...bySeq.values()].sort((a, b) => a.seq - b.seq).slice(0, MAX_PENDING_EVENTS);
  return { ready, pending };
}
