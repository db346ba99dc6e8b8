import { defineNode, emit } from '@countersign/shared';
import { z } from 'zod';

/** Routes the item to `true` or `false` by a condition (usually an expression such as `{{ $input.amount > 10000 }}`). */
export const flowIfNode = defineNode({
  type: 'flow.if',
  version: 1,
  category: 'flow',
  title: 'If',
  description: 'Sends the item down the true or the false branch depending on a condition.',
  config: z.strictObject({
    // A boolean, not a truthy value: "0" or "false" as text must not take the true branch of a payment.
    condition: z.boolean().meta({
      title: 'Condition',
      description: 'An expression that yields true or false, e.g. {{ $input.amount > 10000 }}.',
    }),
  }),
  ports: { in: ['in'], out: ['true', 'false'] },
  effect: 'pure',
  execute: (input, ctx) => emit(ctx.config.condition ? 'true' : 'false', input),
});
