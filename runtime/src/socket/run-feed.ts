import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { isTerminalRunEvent, type RunEvent } from '@countersign/shared';
import { MAX_EVENTS_PER_READ, readRunEvents } from '../services/run-events.ts';
import { asSystem } from '../db/tenant-scope.ts';

const TERMINAL = new Set(['succeeded', 'failed', 'cancelled']);

/** Where a subscriber's events go (a socket, in production). */
export interface RunEventSink {
  id: string;
  send(event: RunEvent): void;
}

interface Subscriber {
  sink: RunEventSink;
  /** Seq of the last event sent: the next one sent is exactly lastSent + 1. */
  lastSent: number;
}

interface WatchedRun {
  runId: string;
  subscribers: Map<string, Subscriber>;
  /** The last scheduled delivery pass; passes of one run never overlap. */
  tail: Promise<void>;
  /** A pass scheduled but not started yet: new triggers join it instead of queueing another. */
  queued: Promise<void> | undefined;
}

/**
 * Delivers each subscriber every event of a run in seq order, without gaps or duplicates, reading
 * only from the run_events table (so events committed by any process reach any subscriber). A pass
 * reads `seq > min(lastSent)` and sends each subscriber what follows its own lastSent. Passes are
 * triggered by commits of this process and by a poll; a subscriber is dropped once its run's terminal
 * event was sent, and a run without subscribers is no longer read.
 */
export class RunFeed {
  private readonly runs = new Map<string, WatchedRun>();
  private readonly gapsLogged = new Set<string>();

  constructor(
    private readonly knex: Knex,
    private readonly log: Logger,
  ) {}

  /** Subscribes a sink to a run after `afterSeq`; resolves when the history up to now has been sent. */
  subscribe(runId: string, sink: RunEventSink, afterSeq: number): Promise<void> {
    let run = this.runs.get(runId);
    if (!run) {
      run = { runId, subscribers: new Map(), tail: Promise.resolve(), queued: undefined };
      this.runs.set(runId, run);
    }
    run.subscribers.set(sink.id, { sink, lastSent: afterSeq });
    return this.schedule(run);
  }

  /** Stops sending a run's events to a sink. */
  unsubscribe(runId: string, sinkId: string): void {
    const run = this.runs.get(runId);
    run?.subscribers.delete(sinkId);
    if (run && run.subscribers.size === 0) this.runs.delete(runId);
  }

  /** Stops sending anything to a sink (it disconnected). */
  drop(sinkId: string): void {
    for (const runId of [...this.runs.keys()]) this.unsubscribe(runId, sinkId);
  }

  /** New events of a run were committed (by this process): deliver them now if anyone watches it. */
  notify(runId: string): void {
    const run = this.runs.get(runId);
    if (run) void this.schedule(run);
  }

  /** Checks every watched run for events committed elsewhere: one query, then a pass for the runs that moved. */
  async poll(): Promise<void> {
    const watched = [...this.runs.values()].filter((run) => run.queued === undefined);
    for (let i = 0; i < watched.length; i += 1000) {
      const chunk = watched.slice(i, i + 1000);
      const rows: { id: string; event_seq: number; status: string }[] = await this.knex('runs')
        .whereIn('id', chunk.map((run) => run.runId))
        .select('id', 'event_seq', 'status');
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const run of chunk) {
        const row = byId.get(run.runId);
        const latest = row?.event_seq ?? 0;
        const behind = [...run.subscribers.values()].some((subscriber) => subscriber.lastSent < latest);
        if (behind) void this.schedule(run);
        // Subscribed past the end of a finished run: nothing more will come.
        else if (row === undefined || TERMINAL.has(row.status)) this.runs.delete(run.runId);
      }
    }
  }

  /** Runs with subscribers in this process. */
  get watchedRuns(): number {
    return this.runs.size;
  }

  /** Forgets every subscription. */
  clear(): void {
    this.runs.clear();
  }

  private schedule(run: WatchedRun): Promise<void> {
    if (run.queued) return run.queued;
    // One pass serves every subscriber of the run, whoever scheduled it: system work. Who may subscribe
    // is decided before (the socket handler checks the run is of the user's tenant).
    const pass = asSystem(() => run.tail).then(() => asSystem(() => {
      run.queued = undefined;
      return this.deliver(run);
    }));
    run.queued = pass;
    run.tail = pass.catch((error: unknown) => this.log.error({ err: error, runId: run.runId }, 'delivering run events failed; the next poll retries'));
    return pass;
  }

  private async deliver(run: WatchedRun): Promise<void> {
    for (;;) {
      const subscribers = [...run.subscribers.values()];
      if (subscribers.length === 0) return;
      const from = Math.min(...subscribers.map((subscriber) => subscriber.lastSent));
      const events = await readRunEvents(this.knex, run.runId, from, MAX_EVENTS_PER_READ);
      for (const subscriber of subscribers) this.send(run, subscriber, events);
      if (run.subscribers.size === 0 && this.runs.get(run.runId) === run) this.runs.delete(run.runId);
      if (events.length < MAX_EVENTS_PER_READ) return;
    }
  }

  private send(run: WatchedRun, subscriber: Subscriber, events: RunEvent[]): void {
    for (const event of events) {
      // It may have unsubscribed (or subscribed again, replacing this entry) while the pass was reading.
      if (run.subscribers.get(subscriber.sink.id) !== subscriber) return;
      if (event.seq <= subscriber.lastSent) continue;
      if (event.seq !== subscriber.lastSent + 1) {
        this.logGap(run.runId, subscriber.lastSent + 1, event.seq);
        return;
      }
      subscriber.sink.send(event);
      subscriber.lastSent = event.seq;
      if (isTerminalRunEvent(event.type)) {
        run.subscribers.delete(subscriber.sink.id);
        return;
      }
    }
  }

  private logGap(runId: string, expected: number, found: number): void {
    // Seqs commit without gaps, so a gap is a commit still in flight; it is filled by a later pass.
    const key = `${runId}:${expected}`;
    if (this.gapsLogged.has(key)) return;
    if (this.gapsLogged.size > 10_000) this.gapsLogged.clear();
    this.gapsLogged.add(key);
    this.log.warn({ runId, expected, found }, 'run events have a gap; waiting for it to be filled');
  }
}
