import { canonicalJson, defineNode, emit } from '@countersign/shared';
import { z } from 'zod';

const DEFAULT_PORT = 'default';

const casePort = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'Start with a letter; use letters, digits, "-" and "_"')
  .max(64)
  .refine((port) => port !== DEFAULT_PORT, `"${DEFAULT_PORT}" is the port for unmatched values`)
  .meta({ title: 'Port', description: 'Name of the output this case sends to.' });

const switchCase = z.strictObject({
  port: casePort,
  equals: z.unknown().meta({ title: 'Equals', description: 'The value that selects this case (compared as JSON).' }),
});

/** Whether two values are equal as JSON (key order ignored); undefined or non-JSON values equal nothing. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return false;
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
}

/** The case ports of a raw config; tolerant because the editor calls it on half-written configs. */
function casePorts(config: Record<string, unknown>): string[] {
  const cases: unknown = config['cases'];
  if (!Array.isArray(cases)) return [];
  const ports = cases.map((item: unknown) => (typeof item === 'object' && item !== null && 'port' in item ? item.port : undefined));
  return ports.filter((port): port is string => typeof port === 'string' && port !== DEFAULT_PORT);
}

/** Routes the item to the first case whose value equals the switch value, else to `default`. */
export const flowSwitchNode = defineNode({
  type: 'flow.switch',
  version: 1,
  category: 'flow',
  title: 'Switch',
  description: 'Sends the item to the first case whose value matches, e.g. by currency or entity; otherwise to default.',
  config: z.strictObject({
    value: z.unknown().meta({ title: 'Value', description: 'The value to match, e.g. {{ $input.currency }}.' }),
    cases: z
      .array(switchCase)
      .min(1)
      .superRefine((cases, ctx) => {
        const seen = new Set<string>();
        cases.forEach(({ port }, index) => {
          if (seen.has(port)) ctx.addIssue({ code: 'custom', path: [index, 'port'], message: `Port "${port}" is used by an earlier case` });
          seen.add(port);
        });
      })
      .meta({ title: 'Cases', description: 'Checked in order; the first match wins.' }),
  }),
  ports: { in: ['in'], out: (config) => [...new Set(casePorts(config)), DEFAULT_PORT] },
  effect: 'pure',
  execute: (input, ctx) => {
    const match = ctx.config.cases.find((item) => jsonEqual(item.equals, ctx.config.value));
    return emit(match?.port ?? DEFAULT_PORT, input);
  },
});
