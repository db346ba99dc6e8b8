import type { NodeTypeInfo } from '@countersign/shared';

const info = (type: string, category: string, title: string, ports: NodeTypeInfo['ports'], configSchema: Record<string, unknown> = { type: 'object', properties: {} }): NodeTypeInfo => ({
  type,
  version: 1,
  category,
  title,
  description: `${title} node`,
  effect: 'pure',
  capabilities: [],
  ports,
  configSchema,
  literalFields: [],
  credentialFields: [],
});

/** Node types as GET /api/node-types describes them, for tests. */
export const NODE_TYPES: NodeTypeInfo[] = [
  info('trigger.manual', 'trigger', 'Manual trigger', { in: [], out: ['out'], dynamicOut: false, error: false }),
  info('flow.if', 'flow', 'If', { in: ['in'], out: ['true', 'false'], dynamicOut: false, error: true }),
  info('flow.switch', 'flow', 'Switch', { in: ['in'], out: ['default'], dynamicOut: true, error: true }),
  info('data.set', 'data', 'Set fields', { in: ['in'], out: ['out'], dynamicOut: false, error: true }),
  info('connector.http', 'connector', 'HTTP request', { in: ['in'], out: ['out'], dynamicOut: false, error: true }, {
    type: 'object',
    properties: { method: { type: 'string', default: 'GET' }, url: { type: 'string' } },
  }),
];
