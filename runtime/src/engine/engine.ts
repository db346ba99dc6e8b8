import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { CountersignError, type HttpClient, type NodeRegistry, type RunStatus } from '@countersign/shared';
import { createInvoiceHistoryStore, type InvoiceHistoryStore } from '../invoices/invoice-history-store.ts';
import type { ExpressionSandbox } from '../sandbox/expression-sandbox.ts';
import { Committer } from './committer.ts';
import { processRun, type ProcessDeps } from './process-run.ts';
import type { SecretResolver } from './execute-step.ts';
import { pickTrigger } from './run-graph.ts';
import { appendAudit, auditEntry, lockAudit, retryOnAuditConflict } from '../audit/audit-log.ts';
import { applyCancellation } from './sql/cancel-run.ts';
import { claimRuns, type ClaimedRun } from './sql/claim-runs.ts';
import { insertRun } from './sql/insert-run.ts';
import { loadSteps } from './sql/step-rows.ts';
import type { StepRecord } from './run-state.ts';
import type { SuspensionHandler } from './suspension-handler.ts';
import { releaseLeases, renewLeases } from './sql/renew-leases.ts';
import { VersionCache } from './version-cache.ts';
import { asSystem } from '../db/tenant-scope.ts';

/** Engine tuning; every value has a default fit for one small box. */
export interface EngineOptions {
  knex: Knex;
  registry: NodeRegistry;
  sandbox: ExpressionSandbox;
  http: HttpClient;
  log: Logger;
  /** The tenant invoice history duplicate checks read (default: on `knex`). */
  invoices?: InvoiceHistoryStore;
  /** What nodes' `ctx.secrets` resolve against (the credential store); none: every secret is NOT_FOUND. */
  secrets?: SecretResolver | undefined;
  /** Handlers of suspension reasons that open durable state outside the run (the approval service). */
  suspensions?: Readonly<Record<string, SuspensionHandler>>;
  /** Runs worked on at once by this process. */
  concurrency?: number;
  /** How long a claim lasts without renewal; a dead process's runs are taken over after it. */
  leaseMs?: number;
  /** Idle poll interval for work from other processes (new runs of this process wake it at once). */
  pollMs?: number;
  maxStepsPerClaim?: number;
  defaultTimeoutMs?: { pure: number; external: number };
}

/** A request to start a run. */
export interface StartRunRequest {
  tenantId: string;
  workflowId: string;
  /** Latest version when omitted. */
  version?: number | undefined;
  input: unknown;
  trigger: 'manual' | 'webhook';
  /** The trigger node to start at (e.g. the webhook trigger whose path matched); picked by trigger kind when absent. */
  triggerNodeId?: string | undefined;
  isTest?: boolean;
  requestedBy?: string | null;
}

interface Active {
  stop: AbortController;
  cancel: AbortController;
}

/** The durable engine: starts runs, claims due work from the database and executes it. */
export class Engine {
  readonly workerId = `worker-${randomUUID()}`;
  private readonly versions: VersionCache;
  private readonly committer: Committer;
  private readonly deps: ProcessDeps;
  private readonly events = new EventEmitter();
  private readonly active = new Map<string, Active>();
  /** Every run processing that has not fully ended (including final commits still being written). */
  private readonly finishing = new Set<Promise<void>>();
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeRequested = false;
  private wakeSleeper: (() => void) | undefined;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly options: EngineOptions) {
    this.concurrency = options.concurrency ?? 32;
    this.leaseMs = options.leaseMs ?? 15_000;
    this.pollMs = options.pollMs ?? 250;
    this.events.setMaxListeners(0);
    this.versions = new VersionCache(options.knex, options.registry);
    this.committer = new Committer(options.knex, this.workerId, this.leaseMs, (runs) => {
      for (const run of runs) this.events.emit('committed', run.runId, run.status);
    });
    this.deps = {
      knex: options.knex,
      versions: this.versions,
      committer: this.committer,
      sandbox: options.sandbox,
      http: options.http,
      log: options.log,
      invoices: options.invoices ?? createInvoiceHistoryStore(options.knex),
      secrets: options.secrets,
      suspensions: options.suspensions ?? {},
      workerId: this.workerId,
      maxStepsPerClaim: options.maxStepsPerClaim ?? 500,
      defaultTimeoutMs: options.defaultTimeoutMs ?? { pure: 30_000, external: 60_000 },
    };
  }

  /** Creates a run of a workflow version (latest when none is given) and queues it. */
  async startRun(request: StartRunRequest): Promise<{ runId: string; version: number; versionHash: string }> {
    const { knex } = this.options;
    const query = knex('workflow_versions').where({ tenant_id: request.tenantId, workflow_id: request.workflowId });
    const row = await (request.version === undefined ? query.orderBy('version', 'desc') : query.andWhere({ version: request.version })).first<
      { version: number; hash: string } | undefined
    >('version', 'hash');
    if (!row) {
      throw request.version === undefined
        ? new CountersignError('CONFLICT', 'This workflow has no saved version yet: save a version, then run it')
        : new CountersignError('NOT_FOUND', `Version ${request.version} of this workflow does not exist`);
    }
    const graph = await this.versions.get(request.workflowId, row.version, row.hash);
    const triggerNodeId = request.triggerNodeId ?? pickTrigger(graph, request.trigger);
    if (request.triggerNodeId !== undefined && !graph.triggers.includes(request.triggerNodeId)) {
      throw new CountersignError('CONFLICT', `Node "${request.triggerNodeId}" is not a trigger of version ${row.version}`);
    }
    if (triggerNodeId === undefined) {
      throw new CountersignError('CONFLICT', request.trigger === 'webhook' ? 'This workflow has no webhook trigger' : 'This workflow has no trigger');
    }
    const runId = randomUUID();
    await retryOnAuditConflict(() => knex.transaction(async (trx) => {
      await lockAudit(trx, [request.tenantId]);
      await insertRun(trx, {
      id: runId,
      tenantId: request.tenantId,
      workflowId: request.workflowId,
      version: row.version,
      versionHash: row.hash,
      trigger: request.trigger,
      triggerNodeId,
      isTest: request.isTest ?? false,
      input: request.input ?? null,
      requestedBy: request.requestedBy ?? null,
      });
      const actor = request.requestedBy ? ({ type: 'user', id: request.requestedBy, onBehalfOf: null } as const) : ({ type: 'service', id: request.trigger, onBehalfOf: null } as const);
      await appendAudit(trx, request.tenantId, [
        auditEntry({ actor, action: 'run.started', target: { type: 'run', id: runId }, runId, versionHash: row.hash, after: { workflowId: request.workflowId, version: row.version, trigger: request.trigger, isTest: request.isTest ?? false } }),
      ]);
    }));
    this.events.emit('committed', runId, 'queued');
    this.notify();
    return { runId, version: row.version, versionHash: row.hash };
  }

  /**
   * Cancels a run. A run no worker holds is cancelled at once; a run being worked on is flagged and its
   * worker aborts the current step and closes the run. Returns the status after the request.
   */
  async cancelRun(tenantId: string, runId: string, by: string | null = null): Promise<RunStatus> {
    const actor = by === null ? ({ type: 'service', id: 'engine', onBehalfOf: null } as const) : ({ type: 'user', id: by, onBehalfOf: null } as const);
    const status = await retryOnAuditConflict(() => this.options.knex.transaction(async (trx) => {
      await lockAudit(trx, [tenantId]);
      const run = await trx('runs').where({ id: runId, tenant_id: tenantId }).forUpdate().first<
        { status: RunStatus; event_seq: number; locked_by: string | null; locked_until: Date | null } | undefined
      >('status', 'event_seq', 'locked_by', 'locked_until');
      if (!run) throw new CountersignError('NOT_FOUND', 'Run not found');
      if (run.status === 'succeeded' || run.status === 'failed' || run.status === 'cancelled') {
        throw new CountersignError('CONFLICT', `The run has already ${run.status === 'cancelled' ? 'been cancelled' : run.status}`);
      }
      const leased = run.locked_by !== null && run.locked_until !== null && run.locked_until.getTime() > Date.now();
      if (leased) {
        await trx('runs').where({ id: runId }).update({ cancel_requested: true });
        await appendAudit(trx, tenantId, [auditEntry({ actor, action: 'run.cancel_requested', target: { type: 'run', id: runId }, runId })]);
        return 'running' as const;
      }
      await applyCancellation(trx, runId, tenantId, run.event_seq, 'Cancelled on request', actor);
      return 'cancelled' as const;
    }));
    if (status === 'cancelled') this.events.emit('committed', runId, 'cancelled');
    this.active.get(runId)?.cancel.abort();
    return status;
  }

  /** Calls `listener(runId, status)` after this process commits events of a run (status: the run's status after the commit). */
  onCommitted(listener: (runId: string, status: RunStatus) => void): () => void {
    this.events.on('committed', listener);
    return () => this.events.off('committed', listener);
  }

  /** Starts claiming and executing work. */
  start(): void {
    if (this.running) return;
    this.running = true;
    // The engine works for every tenant: its loops are system work whoever starts them.
    asSystem(() => {
      this.heartbeat = setInterval(() => void this.renew(), Math.max(200, Math.floor(this.leaseMs / 3)));
      this.heartbeat.unref();
      this.loop = this.claimLoop();
    });
  }

  /**
   * Stops claiming; in-flight runs finish their current step and are given back (committed and released),
   * so another process can go on at once. Resolves when nothing is in flight.
   */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.notify();
    for (const active of this.active.values()) active.stop.abort();
    await this.loop;
    await Promise.allSettled([...this.finishing]);
    clearInterval(this.heartbeat);
    await asSystem(() => releaseLeases(this.options.knex, this.workerId)).catch((error: unknown) => this.options.log.error({ err: error }, 'releasing leases failed'));
  }

  /** Wakes the claim loop (new work was queued by this process); a wake during a claim is not lost. */
  notify(): void {
    this.wakeRequested = true;
    this.wakeSleeper?.();
  }

  /** Runs being worked on by this process now. */
  get inFlight(): number {
    return this.active.size;
  }

  private async claimLoop(): Promise<void> {
    const { knex, log } = this.options;
    let idle = 0;
    while (this.running) {
      this.wakeRequested = false;
      const free = this.concurrency - this.active.size;
      let claimed: ClaimedRun[] = [];
      // Claim in batches: one claim (a commit) and one step load serve a quarter of the slots at once,
      // rather than a claim per finished run; runs finish in groups anyway (group commit).
      if (free >= Math.max(1, Math.ceil(this.concurrency / 4))) {
        try {
          claimed = await claimRuns(knex, this.workerId, free, this.leaseMs);
          const steps = await loadSteps(knex, claimed.map((run) => run.id));
          for (const run of claimed) this.launch(run, steps.get(run.id) ?? []);
        } catch (error) {
          log.error({ err: error }, 'claiming work failed');
        }
      }
      if (claimed.length > 0 && claimed.length === free) {
        idle = 0;
        continue;
      }
      idle = claimed.length > 0 ? 0 : idle + 1;
      // Poll quickly right after work, slower when idle; commits and new runs of this process wake it early.
      await this.sleep(Math.min(this.pollMs, 5 * 2 ** Math.min(idle, 6)));
    }
  }

  private launch(run: ClaimedRun, steps: StepRecord[]): void {
    const stop = new AbortController();
    const cancel = new AbortController();
    // The slot is freed when the claim's last commit is queued, so the next runs execute while it is
    // written (the commit is still awaited on stop, and the lease fences it).
    const freeSlot = (): void => {
      if (this.active.delete(run.id)) this.notify();
    };
    const done = processRun(run, steps, this.deps, { stop: stop.signal, cancel: cancel.signal, onReleasing: freeSlot })
      .catch((error: unknown) => this.options.log.error({ err: error, runId: run.id }, 'processing a run failed; it will be retried after its lease expires'))
      .finally(() => {
        this.finishing.delete(done);
        freeSlot();
      });
    this.finishing.add(done);
    this.active.set(run.id, { stop, cancel });
  }

  private sleep(ms: number): Promise<void> {
    if (this.wakeRequested || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeSleeper = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeSleeper = done;
    });
  }

  private async renew(): Promise<void> {
    const ids = [...this.active.keys()];
    if (ids.length === 0) return;
    try {
      const { held, cancelRequested } = await renewLeases(this.options.knex, this.workerId, ids, this.leaseMs);
      for (const id of ids) {
        const active = this.active.get(id);
        if (!active) continue;
        // Lost lease: another worker owns the run now; stop touching it. Cancel requested: abort the step.
        if (!held.has(id)) active.stop.abort();
        if (cancelRequested.has(id)) active.cancel.abort();
      }
    } catch (error) {
      this.options.log.error({ err: error }, 'renewing leases failed');
    }
  }
}
