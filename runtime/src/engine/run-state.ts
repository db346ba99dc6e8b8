import type { SerializedError, StepStatus } from '@countersign/shared';
import type { RunGraph } from './run-graph.ts';

/** A step of a run as the engine holds it while working on the run. */
export interface StepRecord {
  nodeId: string;
  status: StepStatus;
  attempt: number;
  port: string | null;
  input: unknown;
  output: unknown;
  error: SerializedError | null;
  state: unknown;
  wakeAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  position: number;
  /** Changed since it was loaded: to be written by the next commit. */
  dirty: boolean;
}

function newStep(nodeId: string, status: StepStatus, position: number, input: unknown): StepRecord {
  return { nodeId, status, attempt: 0, port: null, input, output: null, error: null, state: null, wakeAt: null, startedAt: null, finishedAt: null, position, dirty: true };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The progress of one run over its graph, with dead-path elimination: a node runs once every inbound
 * edge is resolved (fired or dead) and at least one fired; when all are dead it is skipped, and so on
 * downstream. A diamond's join therefore runs exactly once.
 */
export class RunState {
  readonly steps = new Map<string, StepRecord>();
  private nextPosition = 0;

  constructor(
    readonly graph: RunGraph,
    loaded: StepRecord[],
  ) {
    for (const step of loaded) {
      this.steps.set(step.nodeId, step);
      this.nextPosition = Math.max(this.nextPosition, step.position + 1);
    }
  }

  /** Queues the run's starting trigger. */
  start(triggerId: string, input: unknown): StepRecord {
    const step = newStep(triggerId, 'queued', this.nextPosition++, input);
    this.steps.set(triggerId, step);
    return step;
  }

  /** Marks every trigger that did not start this run as dead (idempotent). Returns the skipped ids. */
  settleTriggers(): string[] {
    if (![...this.steps.values()].some((step) => this.graph.nodes.get(step.nodeId)?.definition.category === 'trigger')) return [];
    const skipped: string[] = [];
    for (const id of this.graph.triggers) {
      if (!this.steps.has(id)) skipped.push(...this.skip(id));
    }
    return skipped;
  }

  /**
   * Steps that can run now: queued ones whose backoff has passed, waiting ones whose timer is due, and
   * running ones: a step loaded as 'running' was orphaned by a process that died, and runs again.
   */
  readySteps(now: Date): StepRecord[] {
    const ready: StepRecord[] = [];
    for (const step of this.steps.values()) {
      const due = step.wakeAt === null || step.wakeAt.getTime() <= now.getTime();
      if ((step.status === 'queued' && due) || step.status === 'running') ready.push(step);
      else if (step.status === 'waiting' && step.wakeAt !== null && due) ready.push(step);
    }
    return ready.sort((a, b) => a.position - b.position);
  }

  /** Records that a node emitted on `port`, then activates or skips its successors. Returns the skipped ids. */
  complete(nodeId: string, status: 'succeeded' | 'failed', port: string, output: unknown, finishedAt: Date): string[] {
    const step = this.mustGet(nodeId);
    Object.assign(step, { status, port, output, finishedAt, wakeAt: null, dirty: true });
    return this.propagate(nodeId);
  }

  /** Whether nothing is left to run or wait for. */
  isSettled(): boolean {
    for (const step of this.steps.values()) {
      if (step.status === 'queued' || step.status === 'running' || step.status === 'waiting') return false;
    }
    return true;
  }

  /** The earliest time a queued (backoff) or waiting (timer) step becomes due; null when none has a time. */
  nextWakeAt(): Date | null {
    let earliest: Date | null = null;
    for (const step of this.steps.values()) {
      if ((step.status === 'queued' || step.status === 'waiting') && step.wakeAt !== null) {
        if (earliest === null || step.wakeAt < earliest) earliest = step.wakeAt;
      } else if (step.status === 'queued') return new Date(0);
    }
    return earliest;
  }

  /** Whether any step waits (timer or signal). */
  hasWaiting(): boolean {
    return [...this.steps.values()].some((step) => step.status === 'waiting');
  }

  /** Cancels every step not finished yet. Returns them. */
  cancelOpen(at: Date): StepRecord[] {
    const open = [...this.steps.values()].filter((s) => s.status === 'queued' || s.status === 'running' || s.status === 'waiting');
    for (const step of open) Object.assign(step, { status: 'cancelled', finishedAt: at, wakeAt: null, dirty: true });
    return open;
  }

  /** Outputs of the finished steps with the given labels, for `$node["label"].output`. */
  outputsByLabel(labels: readonly string[]): Record<string, { output: unknown }> {
    const out: Record<string, { output: unknown }> = {};
    if (labels.length === 0) return out;
    const wanted = new Set(labels);
    for (const step of this.steps.values()) {
      const label = this.graph.nodes.get(step.nodeId)?.node.label;
      if (label !== undefined && wanted.has(label) && (step.status === 'succeeded' || (step.status === 'failed' && step.port !== null))) out[label] = { output: step.output };
    }
    return out;
  }

  /** Outputs of the inbound branches that fired into a node, by source label. */
  firedInputs(nodeId: string): Record<string, unknown> {
    const inputs: Record<string, unknown> = {};
    for (const edge of this.graph.nodes.get(nodeId)?.inbound ?? []) {
      const source = this.steps.get(edge.source);
      if (source && this.fired(source, edge.sourcePort)) {
        const label = this.graph.nodes.get(edge.source)?.node.label ?? edge.source;
        inputs[label] = source.output;
      }
    }
    return inputs;
  }

  /** The run's result: the output of its one finished sink, or the outputs of all finished sinks by label. */
  runOutput(): unknown {
    const sinks = [...this.steps.values()].filter((step) => {
      const compiled = this.graph.nodes.get(step.nodeId);
      return step.status === 'succeeded' && compiled !== undefined && !compiled.outbound.some((edge) => edge.sourcePort === step.port);
    });
    if (sinks.length === 1) return sinks[0]?.output ?? null;
    const out: Record<string, unknown> = {};
    for (const sink of sinks.sort((a, b) => a.position - b.position)) out[this.graph.nodes.get(sink.nodeId)?.node.label ?? sink.nodeId] = sink.output;
    return out;
  }

  private mustGet(nodeId: string): StepRecord {
    const step = this.steps.get(nodeId);
    if (!step) throw new Error(`Run has no step for node ${nodeId}`);
    return step;
  }

  private fired(source: StepRecord, port: string): boolean {
    return (source.status === 'succeeded' || source.status === 'failed') && source.port === port;
  }

  /** Resolution of an edge: fired, dead, or still pending. */
  private edgeState(sourceId: string, port: string): 'fired' | 'dead' | 'pending' {
    const source = this.steps.get(sourceId);
    if (!source) return 'pending';
    if (source.status === 'skipped' || source.status === 'cancelled') return 'dead';
    if (source.status === 'succeeded' || source.status === 'failed') return source.port === port ? 'fired' : 'dead';
    return 'pending';
  }

  private propagate(nodeId: string): string[] {
    const skipped: string[] = [];
    const targets = new Set((this.graph.nodes.get(nodeId)?.outbound ?? []).map((edge) => edge.target));
    for (const target of targets) {
      if (this.steps.has(target)) continue;
      const states = (this.graph.nodes.get(target)?.inbound ?? []).map((edge) => this.edgeState(edge.source, edge.sourcePort));
      if (states.includes('pending')) continue;
      if (states.includes('fired')) this.activate(target);
      else skipped.push(...this.skip(target));
    }
    return skipped;
  }

  private activate(nodeId: string): void {
    const fired = Object.values(this.firedInputs(nodeId));
    let input: unknown;
    if (fired.length === 1) input = fired[0];
    else if (fired.every(isPlainObject)) input = Object.assign({}, ...fired);
    else input = fired;
    this.steps.set(nodeId, newStep(nodeId, 'queued', this.nextPosition++, input));
  }

  private skip(nodeId: string): string[] {
    this.steps.set(nodeId, newStep(nodeId, 'skipped', this.nextPosition++, null));
    return [nodeId, ...this.propagate(nodeId)];
  }
}
