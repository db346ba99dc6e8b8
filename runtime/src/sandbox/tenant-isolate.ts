import ivm from 'isolated-vm';
import { EXPRESSION_GLOBALS, expressionBody } from '@countersign/shared';
import type { SandboxLimits } from './expression-sandbox.ts';
import { BoundedCache } from './bounded-cache.ts';
import { BOOTSTRAP_SOURCE } from './isolate-bootstrap.ts';
import { LOCKDOWN_SOURCE } from './isolate-lockdown.ts';
import { timeoutError, toSandboxError, type SandboxTask } from './sandbox-errors.ts';

type ExpressionRunner = () => string | undefined;
type CodeRunner = (scopeJson: string) => Promise<string | undefined>;

interface BootstrapApi {
  setScope: (scopeJson: string) => void;
  compileExpression: (body: string) => ExpressionRunner;
  compileCode: (body: string) => CodeRunner;
}

interface ContextHandles {
  context: ivm.Context;
  setScope: ivm.Reference<(scopeJson: string) => void>;
  compileExpression: ivm.Reference<(body: string) => ExpressionRunner>;
  compileCode: ivm.Reference<(body: string) => CodeRunner>;
}

/** Compiled functions kept per context, by source. */
const MAX_COMPILED = 512;
/** Time allowed to copy a step's scope in and freeze it (host data, so a generous bound). */
const SCOPE_TIMEOUT_MS = 1000;
/** Extra wait for a data.code promise that never settles (nothing in the isolate could settle it later). */
const PENDING_GRACE_MS = 50;

/**
 * One tenant's isolate: an expression context whose scope is installed per step, and a code context
 * (created on first use) so that queued async data.code runs never swap the scope under a resolveConfig.
 * Both contexts run the bootstrap and lockdown scripts; compiled functions are cached by source.
 */
export class TenantIsolate {
  private readonly isolate: ivm.Isolate;
  private readonly expressions: ContextHandles;
  private code: ContextHandles | undefined;
  private readonly compiledExpressions = new BoundedCache<string, ivm.Reference<ExpressionRunner>>(MAX_COMPILED, (ref) => ref.release());
  private readonly compiledCode = new BoundedCache<string, ivm.Reference<CodeRunner>>(MAX_COMPILED, (ref) => ref.release());
  /** The scope JSON installed last: the same scope again (a deep-frozen copy) needs no new install. */
  private installedScope: string | undefined;
  private running = 0;
  private retired = false;

  constructor(private readonly limits: SandboxLimits) {
    this.isolate = new ivm.Isolate({ memoryLimit: limits.memoryLimitMb });
    this.expressions = this.createContext();
  }

  /** False once the isolate died (memory limit) or was retired; the pool then replaces it. */
  get usable(): boolean {
    return !this.retired && !this.isolate.isDisposed;
  }

  /** Copies a step's scope (as JSON) into the expression context, where it is parsed and deep-frozen. */
  setScope(scopeJson: string): void {
    if (scopeJson === this.installedScope) return;
    this.installedScope = undefined;
    this.guard('expression', '(scope)', SCOPE_TIMEOUT_MS, () => {
      this.expressions.setScope.applySync(undefined, [scopeJson], { timeout: SCOPE_TIMEOUT_MS });
    });
    this.installedScope = scopeJson;
  }

  /** Evaluates one expression against the scope installed last; returns its JSON value. */
  evaluate(source: string): unknown {
    const timeoutMs = this.limits.expressionTimeoutMs;
    return this.guard('expression', source, timeoutMs, () => {
      let runner = this.compiledExpressions.get(source);
      if (runner === undefined) {
        runner = this.expressions.compileExpression.applySync(undefined, [expressionBody(source)], {
          timeout: timeoutMs,
          result: { reference: true },
        });
        this.compiledExpressions.set(source, runner);
      }
      return parseJson(runner.applySync(undefined, [], { timeout: timeoutMs }));
    });
  }

  /** Runs a data.code body asynchronously (off the event loop); returns its JSON value. */
  async runCode(source: string, scopeJson: string): Promise<unknown> {
    const timeoutMs = this.limits.codeTimeoutMs;
    this.running++;
    try {
      let runner = this.compiledCode.get(source);
      if (runner === undefined) {
        const handles = (this.code ??= this.createContext());
        runner = this.guard('code', source, timeoutMs, () =>
          handles.compileCode.applySync(undefined, [source], { timeout: timeoutMs, result: { reference: true } }),
        );
        this.compiledCode.set(source, runner);
      }
      const pending = runner.apply(undefined, [scopeJson], { timeout: timeoutMs, result: { promise: true, copy: true } });
      // A promise that never settles is not cut off by isolated-vm's timeout (which counts running time).
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(timeoutError({ task: 'code', source, timeoutMs })), timeoutMs + PENDING_GRACE_MS);
      });
      pending.catch(() => {}); // observed below, or abandoned after the stall timer
      try {
        return parseJson(await Promise.race([pending, stalled]));
      } catch (thrown) {
        throw toSandboxError(thrown, this.failure('code', source, timeoutMs));
      } finally {
        clearTimeout(timer);
      }
    } finally {
      this.running--;
      if (this.retired && this.running === 0) this.disposeNow();
    }
  }

  /** Frees the isolate now, or when the last running data.code call ends. */
  retire(): void {
    this.retired = true;
    if (this.running === 0) this.disposeNow();
  }

  /** Frees the isolate now, interrupting running code (which then fails with UNAVAILABLE). */
  disposeNow(): void {
    this.retired = true;
    this.compiledExpressions.clear();
    this.compiledCode.clear();
    if (!this.isolate.isDisposed) this.isolate.dispose();
  }

  private createContext(): ContextHandles {
    const context = this.isolate.createContextSync();
    const bootstrap: ivm.Reference<(globals: string[]) => BootstrapApi> = context.evalSync(BOOTSTRAP_SOURCE, { reference: true });
    const api = bootstrap.applySync(undefined, [[...EXPRESSION_GLOBALS]], { arguments: { copy: true }, result: { reference: true } });
    const lockdown: ivm.Reference<(maxFillElements: number) => void> = context.evalSync(LOCKDOWN_SOURCE, { reference: true });
    lockdown.applySync(undefined, [maxFillElements(this.limits)]);
    const handles: ContextHandles = {
      context,
      setScope: api.getSync('setScope', { reference: true }),
      compileExpression: api.getSync('compileExpression', { reference: true }),
      compileCode: api.getSync('compileCode', { reference: true }),
    };
    for (const ref of [bootstrap, lockdown, api]) ref.release();
    return handles;
  }

  private guard<T>(task: SandboxTask, source: string, timeoutMs: number, run: () => T): T {
    try {
      return run();
    } catch (thrown) {
      throw toSandboxError(thrown, this.failure(task, source, timeoutMs));
    }
  }

  private failure(task: SandboxTask, source: string, timeoutMs: number) {
    return {
      task,
      source,
      timeoutMs,
      memoryLimitMb: this.limits.memoryLimitMb,
      isolateDisposed: this.isolate.isDisposed,
      retired: this.retired,
    };
  }
}

/** Elements one `Array.prototype.fill` may write: as many 8-byte slots as the memory limit holds. */
function maxFillElements(limits: SandboxLimits): number {
  return (limits.memoryLimitMb * 1024 * 1024) / 8;
}

/** The isolate hands results out as JSON text (or undefined), so the host always gets plain JSON data. */
function parseJson(text: unknown): unknown {
  return typeof text === 'string' ? (JSON.parse(text) as unknown) : undefined;
}
