import { ErrorResponseSchema, type ValidationIssue } from '@countersign/shared';

/** A failed API call as the editor shows it: a code from the runtime's taxonomy, a message, and issues when the input was invalid. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status, or 0 when the runtime could not be reached. */
  readonly status: number;
  readonly code: string;
  readonly issues: ValidationIssue[];
  /** Extra data the runtime sent with the error (e.g. `findings` of a refused submission). */
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, issues: ValidationIssue[] = [], details: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.details = details;
  }
}

/** Whether an error is an {@link ApiError} with validation issues (a 422 answer). */
export function isValidationError(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 422 && error.issues.length > 0;
}

/** The {@link ApiError} for a non-2xx response body (JSON `{ error }` when the runtime sent it). */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const parsed = ErrorResponseSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, issues, details } = parsed.data.error;
    return new ApiError(status, code, message, issues ?? [], details ?? {});
  }
  return new ApiError(status, `HTTP_${status}`, `The runtime answered HTTP ${status}`);
}

/** A short human message for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Something went wrong';
}
