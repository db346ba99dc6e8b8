import { defineNode, emit } from '@countersign/shared';
import { z } from 'zod';
import { isPlainObject, type PlainObject } from '../../internal/plain-object.ts';

/** Shallow merge of the object outputs, in label order so the result does not depend on timing. */
function mergeByLabel(inputs: Record<string, unknown>): PlainObject {
  let merged: PlainObject = {};
  for (const label of Object.keys(inputs).sort()) {
    const value = inputs[label];
    if (isPlainObject(value)) merged = { ...merged, ...value };
  }
  return merged;
}

/** Combines the branches that reached it; the engine waits for every live inbound branch first. */
export const flowJoinNode = defineNode({
  type: 'flow.join',
  version: 1,
  category: 'flow',
  title: 'Join',
  description: 'Waits for the parallel branches that are still running and combines their outputs into one item.',
  config: z.strictObject({
    mode: z
      .enum(['merge', 'byLabel'])
      .default('merge')
      .meta({
        title: 'Mode',
        description: 'merge: one object with the fields of every branch (later labels win); byLabel: { "<node label>": output }.',
      }),
  }),
  ports: { in: ['in'], out: ['out'] },
  effect: 'pure',
  execute: (input, ctx) => {
    const { inputs } = ctx;
    if (ctx.config.mode === 'byLabel') return emit('out', { ...inputs });
    return emit('out', Object.keys(inputs).length === 0 ? input : mergeByLabel(inputs));
  },
});
