import { SerializedErrorSchema, type RunEvent } from '@countersign/shared';

/**
 * Typed reads of a run event's `data` (unknown on the wire). Each field is checked, not cast: an
 * event from an older or newer runtime with a missing or odd field still folds, with that field unset.
 */
export interface RunEventData {
  attempt?: number;
  port?: string;
  durationMs?: number;
  delayMs?: number;
  error?: { code: string; message: string };
  handled?: boolean;
  reason?: string;
  until?: string;
  resumed?: boolean;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.fromEntries(Object.entries(value));
}

const ErrorSchema = SerializedErrorSchema.pick({ code: true, message: true });

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const bool = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);

/** The fields of a run event's data the editor uses, each present only when well-formed. */
export function readEventData(event: RunEvent): RunEventData {
  const data = asRecord(event.data);
  if (!data) return {};
  const error = ErrorSchema.safeParse(data['error']);
  return {
    attempt: num(data['attempt']),
    port: str(data['port']),
    durationMs: num(data['durationMs']),
    delayMs: num(data['delayMs']),
    error: error.success ? { code: error.data.code, message: error.data.message } : undefined,
    handled: bool(data['handled']),
    reason: str(data['reason']),
    until: str(data['until']),
    resumed: bool(data['resumed']),
  };
}
