import { defineNode, emit } from '@countersign/shared';
import { z } from 'zod';

/** Starts a run by hand (the editor's Run button or the API); the run's input passes through. */
export const triggerManualNode = defineNode({
  type: 'trigger.manual',
  version: 1,
  category: 'trigger',
  title: 'Manual trigger',
  description: 'Starts the workflow when someone runs it from the editor or the API, with the input they give.',
  config: z.strictObject({
    description: z
      .string()
      .max(500)
      .optional()
      .meta({ title: 'Description', description: 'When and why people start this workflow by hand.' }),
  }),
  ports: { in: [], out: ['out'] },
  effect: 'pure',
  execute: (input) => emit('out', input),
});
