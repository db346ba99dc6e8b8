import type { Knex } from 'knex';
import {
  CountersignError,
  serializeError,
  toCountersignError,
  type HttpClient,
  type NodeResult,
  type RunEventType,
  type RunStatus,
  type SerializedError,
} from '@countersign/shared';
import type { Logger } from 'pino';
import type { InvoiceHistoryStore } from '../invoices/invoice-history-store.ts';
import type { ExpressionSandbox } from '../sandbox/expression-sandbox.ts';
import type { CommitOutcome, Committer, PendingEvent } from './committer.ts';
import { executeStep, type SecretResolver } from './execute-step.ts';
import { backoffDelay, retryPolicyOf } from './retry-policy.ts';
import { RunState, type StepRecord } from './run-state.ts';
import type { ClaimedRun } from './sql/claim-runs.ts';
import type { SuspensionHandler, SuspensionOpening } from './suspension-handler.ts';
import type { VersionCache } from './version-cache.ts';

const SUSPECT_AFTER = 2;
const FAIL_AFTER = 3;

/** `stop`: finish the current step and give the run back (shutdown). `cancel`: abort the current step (run cancelled). */
export interface RunControl {
  stop: AbortSignal;
  cancel: AbortSignal;
  /** Called when the claim's last commit is queued: nothing more executes, so the run's slot can serve another. */
  onReleasing?: () => void;
}

/** What processing a run needs from its engine. */
export interface ProcessDeps {
  knex: Knex;
  versions: VersionCache;
  committer: Committer;
  sandbox: ExpressionSandbox;
  http: HttpClient;
  log: Logger;
  invoices: InvoiceHistoryStore;
  /** What `ctx.secrets` resolves against (the credential store). */
  secrets?: SecretResolver | undefined;
  /** Handlers of suspension reasons that open state outside the run (e.g. `approval`). */
  suspensions: Readonly<Record<string, SuspensionHandler>>;
  /** Recorded on each started step, so an operator can see which process ran it. */
  workerId: string;
  /** Steps one claim may execute before the run goes back to the queue (fairness between runs). */
  maxStepsPerClaim: number;
  defaultTimeoutMs: { pure: number; external: number };
}

/**
 * Works on a claimed run until it finishes, waits, or has used its share: pure steps run back to back
 * and are committed together with the next external step (which is committed as started before its side
 * effect, and again with its result) or with the end of the claim. A crash re-executes only what was not
 * committed; external steps re-run with the same idempotency key.
 */
export async function processRun(claimed: ClaimedRun, loaded: StepRecord[], deps: ProcessDeps, control: RunControl): Promise<void> {
  const log = deps.log.child({ runId: claimed.id, tenantId: claimed.tenant_id });
  const graph = await deps.versions.get(claimed.workflow_id, claimed.version, claimed.version_hash);
  const state = new RunState(graph, loaded);
  let seq = claimed.event_seq;
  let events: PendingEvent[] = [];
  let openings: SuspensionOpening[] = [];
  let status: RunStatus = 'running';
  let runError: SerializedError | undefined;
  const startedAt = claimed.started_at ?? new Date();
  const emitEvent = (type: RunEventType, nodeId?: string, data?: unknown): void => {
    events.push({ seq: ++seq, type, nodeId, at: new Date(), data });
  };
  const commit = async (extra: { readyAt: Date | null; release: boolean; terminal: boolean; output?: unknown }): Promise<CommitOutcome> => {
    const dirty = [...state.steps.values()].filter((step) => step.dirty);
    const pending = deps.committer.commit({
      runId: claimed.id,
      tenantId: claimed.tenant_id,
      versionHash: claimed.version_hash,
      steps: dirty,
      events,
      openings,
      run: {
        status,
        eventSeq: seq,
        readyAt: extra.readyAt,
        startedAt,
        finishedAt: extra.terminal ? new Date() : null,
        release: extra.release,
        ...(extra.output === undefined ? {} : { output: extra.output }),
        ...(runError === undefined ? {} : { error: runError }),
      },
      terminal: extra.terminal,
    });
    events = [];
    openings = [];
    if (extra.release) control.onReleasing?.();
    const outcome = await pending;
    if (outcome !== 'committed') log.warn({ outcome }, 'run commit not applied');
    return outcome;
  };

  /** Fails the step and, with nothing to handle the error, the run: open steps are cancelled. */
  const failRun = async (step: StepRecord, error: SerializedError, at: Date): Promise<void> => {
    Object.assign(step, { status: 'failed', error, finishedAt: at, dirty: true });
    emitEvent('step.failed', step.nodeId, { attempt: step.attempt, error, handled: false });
    state.cancelOpen(at);
    status = 'failed';
    runError = error;
    emitEvent('run.failed', undefined, { error });
    await commit({ readyAt: null, release: true, terminal: true });
  };

  for (const id of state.settleTriggers()) emitEvent('step.skipped', id);
  // A run whose previous holders vanished mid-claim may hold a step that brings the process down
  // (an expression exhausting memory kills it outright). After SUSPECT_AFTER takeovers every step is
  // committed as started before it runs, so that the next takeover finds the culprit 'running';
  // after FAIL_AFTER that step is failed instead of being run again.
  const careful = claimed.takeovers >= SUSPECT_AFTER;
  let executed = 0;
  while (executed < deps.maxStepsPerClaim && !control.stop.aborted && !control.cancel.aborted) {
    const now = new Date();
    const step = state.readySteps(now)[0];
    if (!step) break;
    const compiled = graph.nodes.get(step.nodeId);
    if (!compiled) throw new Error(`Step ${step.nodeId} has no node in version ${graph.hash}`);
    const external = compiled.definition.effect === 'external';
    if (step.status === 'running' && claimed.takeovers >= FAIL_AFTER) {
      const error = new CountersignError('INTERNAL', `"${compiled.node.label}" was interrupted by ${claimed.takeovers} runtime stops in a row; it is failed so that it cannot stop the runtime again`, { nodeId: step.nodeId, retryable: false });
      log.error({ nodeId: step.nodeId, takeovers: claimed.takeovers }, 'step failed after repeated runtime stops');
      await failRun(step, serializeError(error), now);
      return;
    }
    const resumed = step.status === 'waiting' ? { at: now.toISOString(), data: step.state } : undefined;
    // A step found 'running' was orphaned by a crash: it runs again as the same attempt.
    if (step.status !== 'running' && resumed === undefined) step.attempt += 1;
    Object.assign(step, { status: 'running', startedAt: step.startedAt ?? now, dirty: true });
    emitEvent('step.started', step.nodeId, { attempt: step.attempt, worker: deps.workerId, ...(resumed ? { resumed: true } : {}) });
    if ((external || careful) && (await commit({ readyAt: now, release: false, terminal: false })) !== 'committed') return;

    const began = performance.now();
    let result: NodeResult | undefined;
    let failure: ReturnType<typeof toCountersignError> | undefined;
    try {
      const executed = await executeStep(
        {
          compiled,
          tenantId: claimed.tenant_id,
          run: { id: claimed.id, workflowId: claimed.workflow_id, versionHash: claimed.version_hash, isTest: claimed.is_test },
          attempt: step.attempt,
          input: step.input,
          inputs: state.firedInputs(step.nodeId),
          nodeOutputs: state.outputsByLabel(compiled.referencedLabels),
          now,
          ...(resumed ? { resumed } : {}),
          timeoutMs: compiled.node.timeoutMs ?? graph.settings.timeoutMs ?? (external ? deps.defaultTimeoutMs.external : deps.defaultTimeoutMs.pure),
          signal: control.cancel,
        },
        {
          sandbox: deps.sandbox,
          http: deps.http,
          log: nodeLogger(log, step),
          invoices: deps.invoices.forStep({ tenantId: claimed.tenant_id, runId: claimed.id, nodeId: step.nodeId, isTest: claimed.is_test }),
          secrets: deps.secrets,
        },
      );
      // A suspension handled outside the run (approval tasks) is prepared first: if that fails, the step fails.
      const handler = executed.kind === 'suspend' ? deps.suspensions[executed.reason] : undefined;
      if (handler && executed.kind === 'suspend') {
        const suspending = { tenantId: claimed.tenant_id, runId: claimed.id, workflowId: claimed.workflow_id, version: claimed.version, versionHash: claimed.version_hash, nodeId: step.nodeId, nodeLabel: compiled.node.label, isTest: claimed.is_test };
        openings.push(await handler.prepare(suspending, executed.data));
      }
      result = executed;
    } catch (thrown) {
      failure = toCountersignError(thrown, step.nodeId);
    }
    executed++;
    // A cancelled run keeps no outcome of the aborted step: the commit below closes the run as cancelled.
    if (control.cancel.aborted) break;
    const durationMs = Math.round((performance.now() - began) * 1000) / 1000;
    const finishedAt = new Date();
    if (result?.kind === 'emit') {
      step.error = null;
      const skipped = state.complete(step.nodeId, 'succeeded', result.port, result.output, finishedAt);
      emitEvent('step.succeeded', step.nodeId, { port: result.port, attempt: step.attempt, durationMs });
      for (const id of skipped) emitEvent('step.skipped', id);
    } else if (result?.kind === 'suspend') {
      Object.assign(step, { status: 'waiting', state: result.data ?? null, wakeAt: result.until ? new Date(result.until) : null, dirty: true });
      emitEvent('step.waiting', step.nodeId, { reason: result.reason, until: result.until ?? null });
    } else {
      const error = failure ?? toCountersignError(new Error('Node returned no result'), step.nodeId);
      const serialized = serializeError(error);
      const policy = retryPolicyOf(compiled.node, graph.settings);
      if (error.retryable && step.attempt < policy.maxAttempts) {
        const delayMs = backoffDelay(policy, step.attempt);
        Object.assign(step, { status: 'queued', error: serialized, wakeAt: new Date(finishedAt.getTime() + delayMs), dirty: true });
        emitEvent('step.retrying', step.nodeId, { attempt: step.attempt, delayMs, error: serialized });
        log.warn({ nodeId: step.nodeId, attempt: step.attempt, delayMs, code: error.code }, 'step failed, retry scheduled');
      } else if (compiled.outbound.some((edge) => edge.sourcePort === 'error')) {
        step.error = serialized;
        const skipped = state.complete(step.nodeId, 'failed', 'error', { error: serialized, input: step.input }, finishedAt);
        emitEvent('step.failed', step.nodeId, { attempt: step.attempt, error: serialized, handled: true });
        for (const id of skipped) emitEvent('step.skipped', id);
      } else {
        log.info({ nodeId: step.nodeId, code: error.code }, 'run failed');
        await failRun(step, serialized, finishedAt);
        return;
      }
    }
    if ((external || careful) && (await commit({ readyAt: new Date(), release: false, terminal: false })) !== 'committed') return;
  }

  if (state.isSettled()) {
    status = 'succeeded';
    const output = state.runOutput();
    emitEvent('run.succeeded', undefined, { durationMs: Date.now() - startedAt.getTime() });
    await commit({ readyAt: null, release: true, terminal: true, output });
    return;
  }
  const due = state.readySteps(new Date()).length > 0;
  const readyAt = due ? new Date() : state.nextWakeAt();
  const onlyWaiting = !due && state.hasWaiting() && ![...state.steps.values()].some((s) => s.status === 'queued');
  if (onlyWaiting) {
    status = 'waiting';
    const waiting = [...state.steps.values()].filter((s) => s.status === 'waiting').map((s) => s.nodeId);
    emitEvent('run.waiting', undefined, { nodes: waiting, until: readyAt?.toISOString() ?? null });
  }
  await commit({ readyAt, release: true, terminal: false });
}

function nodeLogger(log: Logger, step: StepRecord) {
  const child = log.child({ nodeId: step.nodeId, attempt: step.attempt });
  return {
    debug: (message: string, data?: Record<string, unknown>) => child.debug(data ?? {}, message),
    info: (message: string, data?: Record<string, unknown>) => child.info(data ?? {}, message),
    warn: (message: string, data?: Record<string, unknown>) => child.warn(data ?? {}, message),
    error: (message: string, data?: Record<string, unknown>) => child.error(data ?? {}, message),
  };
}
