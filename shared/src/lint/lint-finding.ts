import { z } from 'zod';

/** What the control lint checks (finance controls over a graph, before it may be submitted for review). */
export const LINT_CODES = [
  'posting_without_approval',
  'matrix_not_unbounded',
  'ai_drives_posting',
  'unsigned_webhook',
  'insecure_http',
  'secret_in_logged_field',
] as const;

/** One control-lint finding; `error` blocks submission, `warning` is shown to the designer and reviewer. */
export const LintFindingSchema = z.object({
  code: z.enum(LINT_CODES),
  severity: z.enum(['error', 'warning']),
  nodeId: z.string().optional(),
  message: z.string(),
});

export type LintCode = (typeof LINT_CODES)[number];
export type LintFinding = z.output<typeof LintFindingSchema>;
