/** What an expression can read. Plain JSON data only: nothing of the host crosses into the sandbox. */
export interface ExpressionScope {
  /** `$input`: the step's input. */
  input: unknown;
  /** `$node["label"].output`: outputs of the run's completed steps, by node label. */
  nodes: Record<string, { output: unknown }>;
  /** `$run`: run metadata. */
  run: { id: string; workflowId: string; versionHash: string; isTest: boolean; attempt: number };
  /** `$now`: the injected clock, ISO string (expressions see a Date built from it). */
  now: string;
}

/** Limits applied to every evaluation. */
export interface SandboxLimits {
  /** Wall time of one expression, ms. */
  expressionTimeoutMs: number;
  /** Wall time of one data.code function, ms. */
  codeTimeoutMs: number;
  /** Heap of one isolate, MB. */
  memoryLimitMb: number;
}

/**
 * Evaluates `{{ }}` expressions and user code in isolation from the host. Kept small so the
 * isolated-vm implementation can be replaced (isolated-vm is in maintenance mode).
 * Failures throw CountersignError with EXPRESSION_ERROR / EXPRESSION_TIMEOUT / EXPRESSION_MEMORY / CODE_ERROR.
 */
export interface ExpressionSandbox {
  /**
   * Returns a copy of `config` with every template string resolved against `scope`, except under the
   * top-level `literalFields`. A string that is exactly one `{{ }}` keeps the expression's raw value;
   * mixed text interpolates (objects as JSON). One scope setup serves all expressions of the step.
   */
  resolveConfig(tenantId: string, config: Record<string, unknown>, scope: ExpressionScope, literalFields?: readonly string[]): Record<string, unknown>;
  /** Evaluates one expression source (without the braces). */
  evaluate(tenantId: string, source: string, scope: ExpressionScope): unknown;
  /** Runs user code, the body of `function ($input, $run, $now)`, which may be async; returns its JSON result. */
  runFunction(tenantId: string, source: string, scope: ExpressionScope): Promise<unknown>;
  /** Frees every isolate. */
  dispose(): void;
}
