/** The three kinds of failure: users fix user errors, operators wait out operational ones, developers fix the rest. */
export type ErrorKind = 'user' | 'operational' | 'unexpected';

interface CodeInfo {
  readonly kind: ErrorKind;
  readonly status: number;
}

/** The closed set of error codes, each with its kind and the HTTP status it maps to. */
export const ERROR_CODES = {
  BAD_REQUEST: { kind: 'user', status: 400 },
  VALIDATION_FAILED: { kind: 'user', status: 422 },
  UNAUTHENTICATED: { kind: 'user', status: 401 },
  FORBIDDEN: { kind: 'user', status: 403 },
  NOT_FOUND: { kind: 'user', status: 404 },
  CONFLICT: { kind: 'user', status: 409 },
  PAYLOAD_TOO_LARGE: { kind: 'user', status: 413 },
  UNSUPPORTED_MEDIA_TYPE: { kind: 'user', status: 415 },
  RATE_LIMITED: { kind: 'user', status: 429 },
  INVALID_CONFIG: { kind: 'user', status: 422 },
  INVALID_INPUT: { kind: 'user', status: 422 },
  CURRENCY_MISMATCH: { kind: 'user', status: 422 },
  POLICY_ERROR: { kind: 'user', status: 422 },
  /** A segregation-of-duties rule refused the action (or left a task with nobody eligible). */
  SOD_VIOLATION: { kind: 'user', status: 403 },
  EXPRESSION_ERROR: { kind: 'user', status: 422 },
  EXPRESSION_TIMEOUT: { kind: 'user', status: 422 },
  EXPRESSION_MEMORY: { kind: 'user', status: 422 },
  CODE_ERROR: { kind: 'user', status: 422 },
  NODE_TIMEOUT: { kind: 'operational', status: 504 },
  HTTP_ERROR: { kind: 'operational', status: 502 },
  UNAVAILABLE: { kind: 'operational', status: 503 },
  CANCELLED: { kind: 'operational', status: 409 },
  INTERNAL: { kind: 'unexpected', status: 500 },
} as const satisfies Record<string, CodeInfo>;

/** One code of {@link ERROR_CODES}. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Whether a string is one of the known error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}
