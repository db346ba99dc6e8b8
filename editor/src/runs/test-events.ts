import type { RunEvent, RunEventType } from '@countersign/shared';

/** Test helper: a run's events numbered 1..n, each 100 ms after the previous from `start`. */
export function runHistory(runId: string, entries: [RunEventType, string?, unknown?][], start = Date.parse('2025-01-01T10:00:00.000Z')): RunEvent[] {
  return entries.map(([type, nodeId, data], index) => ({
    runId,
    seq: index + 1,
    type,
    ...(nodeId === undefined ? {} : { nodeId }),
    at: new Date(start + index * 100).toISOString(),
    ...(data === undefined ? {} : { data }),
  }));
}
