import { CountersignError, type ErrorCode } from '@countersign/shared';

/** What failed: an expression (EXPRESSION_ERROR) or data.code (CODE_ERROR). */
export type SandboxTask = 'expression' | 'code';

/** How a failure is described: the task, its source, its time limit and the isolate's memory limit. */
export interface FailureContext {
  task: SandboxTask;
  source: string;
  timeoutMs: number;
  memoryLimitMb: number;
  /** The isolate died under this call (isolated-vm disposes an isolate that exceeds its memory limit). */
  isolateDisposed: boolean;
  /** We disposed the isolate ourselves (eviction or sandbox.dispose()), so its death is not the user's fault. */
  retired: boolean;
}

/** isolated-vm's message for a call cut off by its `timeout` option (user code cannot catch a termination). */
const TIMEOUT_MESSAGE = 'Script execution timed out.';

const MAX_SOURCE_IN_MESSAGE = 80;

/** A short, one-line rendering of a source for error messages. */
export function quoteSource(source: string): string {
  const oneLine = source.replace(/\s+/g, ' ').trim();
  const short = oneLine.length > MAX_SOURCE_IN_MESSAGE ? `${oneLine.slice(0, MAX_SOURCE_IN_MESSAGE - 1)}…` : oneLine;
  return `"${short}"`;
}

/** The message of anything thrown in the isolate: `TypeError: …` for built-in errors, the message for plain Errors. */
export function thrownMessage(thrown: unknown): string {
  if (thrown instanceof Error) {
    const name = thrown.name && thrown.name !== 'Error' ? `${thrown.name}: ` : '';
    return `${name}${thrown.message}`;
  }
  return String(thrown);
}

/** Converts a failure of a sandbox call into the CountersignError the interface promises. */
export function toSandboxError(thrown: unknown, ctx: FailureContext): CountersignError {
  if (thrown instanceof CountersignError) return thrown;
  const subject = ctx.task === 'expression' ? `Expression ${quoteSource(ctx.source)}` : 'Code';
  if (ctx.retired) {
    return new CountersignError('UNAVAILABLE', `${subject} was interrupted: the sandbox was shut down`, { cause: thrown });
  }
  if (ctx.isolateDisposed) {
    return new CountersignError('EXPRESSION_MEMORY', `${subject} exceeded the memory limit of ${ctx.memoryLimitMb} MB`, {
      cause: thrown,
    });
  }
  if (thrown instanceof Error && thrown.message === TIMEOUT_MESSAGE) return timeoutError(ctx);
  const code: ErrorCode = ctx.task === 'expression' ? 'EXPRESSION_ERROR' : 'CODE_ERROR';
  const message = thrownMessage(thrown);
  return new CountersignError(code, ctx.task === 'expression' ? `${subject}: ${message}` : message, { cause: thrown });
}

/** The error for a call that ran out of time. */
export function timeoutError(ctx: Pick<FailureContext, 'task' | 'source' | 'timeoutMs'>): CountersignError {
  const subject = ctx.task === 'expression' ? `Expression ${quoteSource(ctx.source)}` : 'Code';
  return new CountersignError('EXPRESSION_TIMEOUT', `${subject} timed out after ${ctx.timeoutMs} ms`);
}
