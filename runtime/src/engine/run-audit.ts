import type { AuditEntry } from '@countersign/shared';
import { auditEntry, serviceActor } from '../audit/audit-log.ts';
import type { PendingEvent } from './committer.ts';

const ENGINE = serviceActor('engine');

/**
 * The audit entries of a run's events: every engine decision (a step's outcome, a wait, the run's end).
 * Starts of steps, skips and retries are in the run's own event log; the chain records outcomes.
 */
export function auditEntriesOf(runId: string, versionHash: string, events: readonly PendingEvent[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const event of events) {
    const data = (event.data ?? {}) as Record<string, unknown>;
    const base = { actor: ENGINE, runId, versionHash, occurredAt: event.at.toISOString() };
    const step = { type: 'step', id: `${runId}/${event.nodeId ?? ''}` };
    switch (event.type) {
      case 'step.succeeded':
        entries.push(auditEntry({ ...base, action: 'step.succeeded', target: step, nodeId: event.nodeId ?? null, after: { port: data['port'] ?? null, attempt: data['attempt'] ?? null } }));
        break;
      case 'step.failed': {
        const error = (data['error'] ?? {}) as Record<string, unknown>;
        entries.push(auditEntry({ ...base, action: 'step.failed', target: step, nodeId: event.nodeId ?? null, after: { code: error['code'] ?? null, handled: data['handled'] ?? false }, reason: typeof error['message'] === 'string' ? error['message'] : null }));
        break;
      }
      case 'step.waiting':
        entries.push(auditEntry({ ...base, action: 'step.waiting', target: step, nodeId: event.nodeId ?? null, after: { reason: data['reason'] ?? null, until: data['until'] ?? null } }));
        break;
      case 'run.succeeded':
      case 'run.failed':
      case 'run.cancelled':
        entries.push(auditEntry({ ...base, action: event.type, target: { type: 'run', id: runId }, reason: event.type === 'run.cancelled' ? String(data['reason'] ?? '') || null : null }));
        break;
      default:
        break;
    }
  }
  return entries;
}
