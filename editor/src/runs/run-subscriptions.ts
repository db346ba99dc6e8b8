import { isTerminalRunEvent, type RunEvent } from '@countersign/shared';

/** Why a subscription failed (the runtime's error code and message). */
export interface SubscriptionError {
  code: string;
  message: string;
}

/** One subscriber of a run's events; `lastSeq` is the last seq it received. */
export interface RunListener {
  lastSeq: number;
  onEvents(events: RunEvent[]): void;
  onError?(error: SubscriptionError): void;
}

interface WatchedRun {
  listeners: Set<RunListener>;
  /** Seq of the run's terminal event once seen: nothing follows it. */
  endSeq: number;
}

/**
 * Who listens to which run, and how far each got. Hands every listener each event exactly once and
 * in seq order; reports a gap so the client can ask the server again from the last seq received.
 */
export class RunSubscriptions {
  private readonly runs = new Map<string, WatchedRun>();

  /** Adds a listener. */
  add(runId: string, listener: RunListener): void {
    const run = this.runs.get(runId) ?? { listeners: new Set(), endSeq: Number.POSITIVE_INFINITY };
    run.listeners.add(listener);
    this.runs.set(runId, run);
  }

  /** Removes a listener; true when the run has no listener left. */
  remove(runId: string, listener: RunListener): boolean {
    const run = this.runs.get(runId);
    if (!run) return false;
    run.listeners.delete(listener);
    if (run.listeners.size > 0) return false;
    this.runs.delete(runId);
    return true;
  }

  /** The seq to (re)subscribe after: what the furthest-behind listener received last. */
  afterSeq(runId: string): number {
    const run = this.runs.get(runId);
    return run ? Math.min(...[...run.listeners].map((listener) => listener.lastSeq)) : 0;
  }

  /** Runs that still expect events (some listener has not reached the terminal event). */
  openRuns(): string[] {
    return [...this.runs.entries()].filter(([runId, run]) => this.afterSeq(runId) < run.endSeq).map(([runId]) => runId);
  }

  /** Hands an event to the run's listeners; 'gap' when it skips seqs some listener has not had. */
  deliver(event: RunEvent): 'ok' | 'gap' {
    const run = this.runs.get(event.runId);
    if (!run) return 'ok';
    if (isTerminalRunEvent(event.type)) run.endSeq = event.seq;
    let result: 'ok' | 'gap' = 'ok';
    for (const listener of [...run.listeners]) {
      if (event.seq <= listener.lastSeq) continue;
      if (event.seq !== listener.lastSeq + 1) {
        result = 'gap';
        continue;
      }
      listener.lastSeq = event.seq;
      listener.onEvents([event]);
    }
    return result;
  }

  /** Tells a run's listeners that subscribing failed. */
  fail(runId: string, error: SubscriptionError): void {
    for (const listener of [...(this.runs.get(runId)?.listeners ?? [])]) listener.onError?.(error);
  }

  /** Forgets every listener. */
  clear(): void {
    this.runs.clear();
  }
}
