import { z } from 'zod';

/** The graph format version this build writes; older graphs are migrated on read. */
export const CURRENT_SCHEMA_VERSION = 1;

const id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.-]+$/, 'Use letters, digits, "_", "." or "-"');

/** Per-node retry policy: attempts include the first one. */
export const RetryPolicySchema = z.strictObject({
  maxAttempts: z.number().int().min(1).max(20),
  backoffMs: z.number().int().min(0).max(86_400_000).default(1000),
  backoffFactor: z.number().min(1).max(10).default(2),
});

/** One box on the canvas. */
export const GraphNodeSchema = z.strictObject({
  id,
  type: z.string().min(1).max(100).regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, 'Node types are dotted, e.g. flow.if'),
  typeVersion: z.number().int().min(1),
  label: z.string().trim().min(1).max(200),
  position: z.strictObject({ x: z.number(), y: z.number() }),
  config: z.record(z.string(), z.unknown()).default({}),
  retry: RetryPolicySchema.optional(),
  timeoutMs: z.number().int().min(1).max(86_400_000).optional(),
  notes: z.string().max(5000).optional(),
});

/** A wire from an output port of one node to an input port of another. */
export const GraphEdgeSchema = z.strictObject({
  id,
  source: id,
  sourcePort: z.string().min(1).max(100).default('out'),
  target: id,
  targetPort: z.string().min(1).max(100).default('in'),
});

/** Workflow-wide settings that change what runs (reviewed like the graph). */
export const GraphSettingsSchema = z
  .object({
    /** Default retry policy of nodes that have none. */
    retry: RetryPolicySchema.optional(),
    /** Default per-node timeout. */
    timeoutMs: z.number().int().min(1).max(86_400_000).optional(),
  })
  .catchall(z.unknown());

/** A workflow graph, the public versioned JSON format. */
export const GraphSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  nodes: z.array(GraphNodeSchema).max(5000),
  edges: z.array(GraphEdgeSchema).max(20000),
  settings: GraphSettingsSchema.default({}),
});

/** A workflow graph. */
export type Graph = z.output<typeof GraphSchema>;
/** A workflow graph as written by a client (defaults not yet applied). */
export type GraphInput = z.input<typeof GraphSchema>;
/** One node of a graph. */
export type GraphNode = z.output<typeof GraphNodeSchema>;
/** One edge of a graph. */
export type GraphEdge = z.output<typeof GraphEdgeSchema>;
/** Retry policy of a node. */
export type RetryPolicy = z.output<typeof RetryPolicySchema>;
