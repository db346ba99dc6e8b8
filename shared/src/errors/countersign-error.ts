import { ERROR_CODES, isErrorCode, type ErrorCode, type ErrorKind } from './codes.ts';

/** A validation finding: data the editor can pin on a node or a field. */
export interface ValidationIssue {
  code: string;
  path: (string | number)[];
  message: string;
  nodeId?: string;
  edgeId?: string;
}

/** Options of a {@link CountersignError}. */
export interface CountersignErrorOptions {
  nodeId?: string;
  issues?: ValidationIssue[];
  details?: Record<string, unknown>;
  cause?: unknown;
  /** Overrides the kind's default: operational errors retry, others do not. */
  retryable?: boolean;
}

/** The one error type that crosses every boundary of Countersign. */
export class CountersignError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly status: number;
  readonly nodeId: string | undefined;
  readonly issues: ValidationIssue[] | undefined;
  readonly details: Record<string, unknown> | undefined;
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options: CountersignErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CountersignError';
    this.code = code;
    this.kind = ERROR_CODES[code].kind;
    this.status = ERROR_CODES[code].status;
    this.nodeId = options.nodeId;
    this.issues = options.issues;
    this.details = options.details;
    this.retryable = options.retryable ?? this.kind === 'operational';
  }
}

/** The JSON form of an error, as stored in run steps and returned by the API. */
export interface SerializedError {
  code: ErrorCode;
  kind: ErrorKind;
  message: string;
  nodeId?: string;
  issues?: ValidationIssue[];
  details?: Record<string, unknown>;
}

/** Converts anything thrown into a CountersignError; unknown throws become INTERNAL. */
export function toCountersignError(thrown: unknown, nodeId?: string): CountersignError {
  if (thrown instanceof CountersignError) return thrown;
  if (thrown instanceof Error) {
    const maybe = thrown as Error & { code?: unknown };
    if (isErrorCode(maybe.code)) return new CountersignError(maybe.code, thrown.message, { nodeId, cause: thrown });
    return new CountersignError('INTERNAL', thrown.message || 'Unexpected error', { nodeId, cause: thrown });
  }
  return new CountersignError('INTERNAL', `Unexpected non-error thrown: ${String(thrown)}`, { nodeId });
}

/** The JSON form of an error (no stack, no cause). */
export function serializeError(error: CountersignError): SerializedError {
  const out: SerializedError = { code: error.code, kind: error.kind, message: error.message };
  if (error.nodeId !== undefined) out.nodeId = error.nodeId;
  if (error.issues !== undefined) out.issues = error.issues;
  if (error.details !== undefined) out.details = error.details;
  return out;
}

/** Rebuilds an error from its JSON form (for errors read back from the database). */
export function deserializeError(data: SerializedError): CountersignError {
  return new CountersignError(data.code, data.message, { nodeId: data.nodeId, issues: data.issues, details: data.details });
}
