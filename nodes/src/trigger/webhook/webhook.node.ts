import { defineNode, emit } from '@countersign/shared';
import { z } from 'zod';

// Segments of URL-safe characters; none may start with a dot, which also rules out `.` and `..`.
const HOOK_PATH = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*$/;

/** Starts a run when a request arrives at /hooks/:workflowId/<path>; the request body is the input. */
export const triggerWebhookNode = defineNode({
  type: 'trigger.webhook',
  version: 1,
  category: 'trigger',
  title: 'Webhook trigger',
  description: 'Starts the workflow when another system calls its URL; the request body becomes the input.',
  config: z.strictObject({
    method: z
      .enum(['POST', 'PUT'])
      .default('POST')
      .meta({ title: 'Method', description: 'The HTTP method callers use.' }),
    path: z
      .string()
      .min(1)
      .max(200)
      .regex(HOOK_PATH, 'Use letters, digits, "-", "_", "~" and "." in segments separated by "/", with no leading "/"')
      .optional()
      .meta({ title: 'Path', description: 'Optional sub-path under /hooks/<workflow id>/, e.g. "invoices/received".' }),
    signatureSecret: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .meta({
        title: 'Signature secret',
        description: 'Name of the secret holding the Standard Webhooks signing key; unsigned or badly signed requests are refused.',
      }),
  }),
  ports: { in: [], out: ['out'] },
  effect: 'pure',
  credentialFields: ['signatureSecret'],
  // The runtime has already checked method, path and signature before the run exists.
  execute: (input) => emit('out', input),
});
