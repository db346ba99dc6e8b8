import { defineNode, emit } from '@countersign/shared';
import { z } from 'zod';

/** Transforms the item with user-written JavaScript, run in the isolated sandbox. */
export const dataCodeNode = defineNode({
  type: 'data.code',
  version: 1,
  category: 'data',
  title: 'Code',
  description: 'Transforms the item with a short JavaScript function; runs isolated, with no network, files or clock but $now.',
  config: z.strictObject({
    source: z
      .string()
      .min(1)
      .max(20_000)
      .meta({
        title: 'Code',
        description: 'The body of function ($input, $run, $now); return the output, e.g. return { ...$input, total: $input.net + $input.vat };',
      }),
  }),
  // Code is full of `{{` in object literals and template strings; it must never be read as an expression.
  literalFields: ['source'],
  ports: { in: ['in'], out: ['out'] },
  effect: 'pure',
  execute: async (input, ctx) => emit('out', await ctx.sandbox.runFunction(ctx.config.source, input)),
});
