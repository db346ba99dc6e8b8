import type { RunEvent } from '@countersign/shared';

/** What the editor knows about one step of the run it shows, folded from the run's events. */
export interface StepView {
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'waiting' | 'skipped' | 'cancelled';
  attempt: number;
  /** Output port the step emitted on (`error` for a failure handled by an error edge). */
  port?: string;
  /** First start (a retried step keeps its first start, so its bar spans every attempt). */
  startedAt?: string;
  finishedAt?: string;
  /** Execution time of the last attempt. */
  durationMs?: number;
  error?: { code: string; message: string };
  /** Delay before the next attempt while a retry is scheduled. */
  retryInMs?: number;
  /** When a retry or a wait is due (ISO time), if known. */
  dueAt?: string;
  /** Why a step waits (e.g. `approval`, `timer`). */
  waitReason?: string;
}

/** The run the editor shows: its status, every event so far, and each step's state. */
export interface RunView {
  runId: string;
  status: 'queued' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'cancelled';
  /** Seq of the last event folded in; events arrive 1..n without gaps. */
  lastSeq: number;
  events: RunEvent[];
  steps: Record<string, StepView>;
  /** Edges whose source emitted on the edge's source port: the ones the canvas animates. */
  firedEdgeIds: string[];
  startedAt: string | null;
  finishedAt: string | null;
  error?: { code: string; message: string };
  /** Events received ahead of a gap, held (sorted by seq) until the gap is filled. */
  pending?: RunEvent[];
}

/** The part of a React Flow edge the run overlay needs (`sourceHandle` is the source port). */
export interface RunEdge {
  id: string;
  source: string;
  sourceHandle?: string | null;
}

/** The port an edge without a handle leaves from (the graph format's default `sourcePort`). */
export const DEFAULT_SOURCE_PORT = 'out';

/** A view of a run before any of its events arrived. */
export function emptyRunView(runId: string): RunView {
  return { runId, status: 'queued', lastSeq: 0, events: [], steps: {}, firedEdgeIds: [], startedAt: null, finishedAt: null };
}

/** Whether a run status is final (no more events will come). */
export function isRunFinished(status: RunView['status']): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'cancelled';
}
