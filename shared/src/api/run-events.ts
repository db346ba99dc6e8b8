import { z } from 'zod';

/** Every type of run event, in the order a run can produce them. */
export const RUN_EVENT_TYPES = [
  'run.started',
  'step.started',
  'step.succeeded',
  'step.failed',
  'step.retrying',
  'step.skipped',
  'step.waiting',
  'run.waiting',
  'run.succeeded',
  'run.failed',
  'run.cancelled',
] as const;

/** One run event type. */
export type RunEventType = (typeof RUN_EVENT_TYPES)[number];

/** An event of a run's log: `seq` counts from 1 without gaps per run. */
export const RunEventSchema = z.object({
  runId: z.string(),
  seq: z.number().int().min(1),
  type: z.enum(RUN_EVENT_TYPES),
  nodeId: z.string().optional(),
  at: z.string(),
  data: z.unknown().optional(),
});

/** An event of a run's log. */
export type RunEvent = z.output<typeof RunEventSchema>;

/** Payload of `run:subscribe`: events after `afterSeq` (default 0: the whole history first). */
export const RunSubscribeSchema = z.strictObject({
  runId: z.string().min(1).max(100),
  afterSeq: z.number().int().min(0).optional(),
});

/** Payload of `run:subscribe`. */
export type RunSubscribe = z.output<typeof RunSubscribeSchema>;

/** Acknowledgement of a subscription. */
export type SubscribeAck = { ok: true } | { ok: false; error: { code: string; message: string } };

/** Events the server sends (socket.io typed map). */
export interface ServerToClientEvents {
  'run:event': (event: RunEvent) => void;
  'run:error': (error: { runId?: string; code: string; message: string }) => void;
}

/** Events the client sends (socket.io typed map). */
export interface ClientToServerEvents {
  'run:subscribe': (payload: RunSubscribe, ack?: (result: SubscribeAck) => void) => void;
  'run:unsubscribe': (payload: { runId: string }, ack?: (result: SubscribeAck) => void) => void;
}

/** Whether a run event ends its run. */
export function isTerminalRunEvent(type: RunEventType): boolean {
  return type === 'run.succeeded' || type === 'run.failed' || type === 'run.cancelled';
}
