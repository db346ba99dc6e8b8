import { CountersignError, defineNode, emit } from '@countersign/shared';
import { z } from 'zod';
import { isPlainObject, type PlainObject } from '../../internal/plain-object.ts';
import { dottedPathProblem, setDottedPath } from './dotted-path.ts';

const fields = z
  .record(z.string().min(1), z.unknown())
  .superRefine((value, ctx) => {
    for (const name of Object.keys(value)) {
      const problem = dottedPathProblem(name);
      if (problem !== null) ctx.addIssue({ code: 'custom', path: [name], message: problem });
    }
  })
  .meta({
    title: 'Fields',
    description: 'Field names and the values to set; a dotted name such as "routing.level" sets a nested field.',
  });

/** Sets fields on the item (nested with dotted names), keeping the rest of the input by default. */
export const dataSetNode = defineNode({
  type: 'data.set',
  version: 1,
  category: 'data',
  title: 'Set fields',
  description: 'Adds or overwrites fields on the item, e.g. a routing level or a normalised amount.',
  config: z.strictObject({
    fields,
    keepInput: z
      .boolean()
      .default(true)
      .meta({ title: 'Keep input', description: 'Keep the input fields and add these; off outputs only these fields.' }),
  }),
  ports: { in: ['in'], out: ['out'] },
  effect: 'pure',
  execute: (input, ctx) => {
    let output: PlainObject = ctx.config.keepInput && isPlainObject(input) ? input : {};
    for (const [name, value] of Object.entries(ctx.config.fields)) {
      // The schema refuses these too; checked again because writing them would pollute prototypes.
      const problem = dottedPathProblem(name);
      if (problem !== null) throw new CountersignError('INVALID_CONFIG', problem, { nodeId: ctx.node.id });
      output = setDottedPath(output, name, value);
    }
    return emit('out', output);
  },
});
