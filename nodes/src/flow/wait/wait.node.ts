import { defineNode, emit } from '@countersign/shared';
import { z } from 'zod';

const MAX_WAIT_MS = 366 * 24 * 60 * 60 * 1000;

const config = z
  .strictObject({
    durationMs: z
      .number()
      .int()
      .min(0)
      .max(MAX_WAIT_MS)
      .optional()
      .meta({ title: 'Duration (ms)', description: 'How long to wait, in milliseconds (at most 366 days).' }),
    until: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ title: 'Until', description: 'Wait until this ISO date and time, with a time zone, e.g. 2025-02-01T09:00:00Z.' }),
  })
  .refine((value) => value.durationMs !== undefined || value.until !== undefined, {
    path: ['durationMs'],
    message: 'Set a duration or a date to wait until',
  })
  .refine((value) => value.durationMs === undefined || value.until === undefined, {
    path: ['until'],
    message: 'Set either a duration or a date to wait until, not both',
  });

/** Pauses the run for a duration or until a date; the waiting run holds no process. */
export const flowWaitNode = defineNode({
  type: 'flow.wait',
  version: 1,
  category: 'flow',
  title: 'Wait',
  description: 'Pauses the workflow for a while or until a date, e.g. until the payment run, then continues.',
  config,
  ports: { in: ['in'], out: ['out'] },
  effect: 'wait',
  execute: (input, ctx) => {
    if (ctx.resumed !== undefined) return emit('out', input);
    const { durationMs, until } = ctx.config;
    const due = until === undefined ? ctx.now.getTime() + (durationMs ?? 0) : Date.parse(until);
    if (due <= ctx.now.getTime()) return emit('out', input);
    return ctx.suspend({ reason: 'timer', until: new Date(due) });
  },
});
