import type { NodeDefinition, NodeResult } from '@countersign/shared';
import type { z } from 'zod';
import { fakeContext, type FakeContextOverrides } from './fake-context.ts';

/** Runs a node the way the engine does: parse the (already resolved) config, then execute. */
export async function runNode<S extends z.ZodType>(
  definition: NodeDefinition<S>,
  config: z.input<S>,
  input: unknown,
  overrides: FakeContextOverrides<z.output<S>> = {},
): Promise<NodeResult> {
  return definition.execute(input, fakeContext(definition.config.parse(config), overrides));
}
