import type { z } from 'zod';
import type { ValidationIssue } from '../errors/index.ts';
import type { NodeContext } from './node-context.ts';

/** Palette groups of the editor. */
export const NODE_CATEGORIES = ['trigger', 'flow', 'data', 'connector', 'approval', 'policy', 'ai'] as const;
/** One palette group. */
export type NodeCategory = (typeof NODE_CATEGORIES)[number];

/**
 * What running a node does to the world, which decides how the engine commits it:
 * `pure` nodes are deterministic given input and `$now` and may be batched into the next commit;
 * `external` nodes have side effects (they get an idempotency key); `wait` nodes may suspend the run.
 */
export type NodeEffect = 'pure' | 'external' | 'wait';

/** Capabilities the control lint reasons about. */
export type NodeCapability = 'posts' | 'pays' | 'ai' | 'approves';

/** What `execute` returns: an output on one port, or a suspension. */
export type NodeResult = NodeEmit | NodeSuspension;

/** Output on a named port: only edges leaving that port fire. */
export interface NodeEmit {
  kind: 'emit';
  port: string;
  output: unknown;
}

/** The run waits here until the time `until` (ISO) or until something resumes it. */
export interface NodeSuspension {
  kind: 'suspend';
  reason: string;
  until?: string;
  data?: unknown;
}

/** Declared ports. `out` may depend on the (raw, possibly unresolved) config, e.g. a switch's cases. */
export interface NodePorts {
  in: readonly string[];
  out: readonly string[] | ((config: Record<string, unknown>) => string[]);
}

/** A node type: data plus a pure `execute`. Never sees the database, Express or sockets. */
export interface NodeDefinition<S extends z.ZodType = z.ZodType> {
  type: string;
  version: number;
  category: NodeCategory;
  title: string;
  description: string;
  config: S;
  ports: NodePorts;
  effect: NodeEffect;
  /** What the control lint reasons about; a function when it depends on the (raw) config, e.g. an HTTP call's purpose. */
  capabilities?: readonly NodeCapability[] | ((config: Record<string, unknown>) => NodeCapability[]);
  /** Top-level config fields that may read secrets: the runtime redacts them from logs and run data (e.g. headers). */
  secretFields?: readonly string[];
  /** Top-level config fields whose strings are not expression templates (e.g. code). */
  literalFields?: readonly string[];
  /**
   * Top-level config fields that name a credential of the tenant (by id or name): the runtime refuses
   * to delete a credential a live or pending version still names.
   */
  credentialFields?: readonly string[];
  /**
   * Checks beyond the schema, run at save time on a config that parsed (e.g. a decision table's
   * overlapping rules); issue paths are relative to the config. Fields holding expressions are
   * still templates here.
   */
  validate?(config: z.output<S>): ValidationIssue[];
  execute(input: unknown, ctx: NodeContext<z.output<S>>): NodeResult | Promise<NodeResult>;
}

/** A node definition with its config type erased, as held by a registry. */
export type AnyNodeDefinition = NodeDefinition<z.ZodType>;

/** Declares a node type; the config type flows from the zod schema into `execute`. */
export function defineNode<S extends z.ZodType>(definition: NodeDefinition<S>): NodeDefinition<S> {
  return definition;
}

/** Emits `output` on `port`. */
export function emit(port: string, output: unknown): NodeEmit {
  return { kind: 'emit', port, output };
}

/** The output ports of a node for a given raw config. */
export function outputPorts(definition: AnyNodeDefinition, config: Record<string, unknown>): string[] {
  const out = definition.ports.out;
  try {
    return typeof out === 'function' ? out(config) : [...out];
  } catch {
    return [];
  }
}

/** The capabilities of a node for a given raw config; a function that throws gives none. */
export function nodeCapabilities(definition: AnyNodeDefinition, config: Record<string, unknown>): NodeCapability[] {
  const capabilities = definition.capabilities ?? [];
  try {
    return typeof capabilities === 'function' ? capabilities(config) : [...capabilities];
  } catch {
    return [];
  }
}

/**
 * The port a failure leaves by: any node but a trigger may route its error (after its retries) along
 * edges from `error`, which receive `{ error, input }`; with no such edge the failure fails the run.
 */
export const ERROR_PORT = 'error';

/** Whether a node type can route its failures on {@link ERROR_PORT}. */
export function routesErrors(definition: AnyNodeDefinition): boolean {
  return definition.category !== 'trigger';
}

/** The key of a node type version in a registry. */
export function nodeTypeKey(type: string, version: number): string {
  return `${type}@${version}`;
}

/** A set of node definitions, looked up by type and version. */
export interface NodeRegistry {
  get(type: string, version: number): AnyNodeDefinition | undefined;
  /** Every version of every type. */
  list(): AnyNodeDefinition[];
}

/** Builds a registry from definitions; a duplicate type@version is a bug. */
export function createNodeRegistry(definitions: readonly AnyNodeDefinition[]): NodeRegistry {
  const byKey = new Map<string, AnyNodeDefinition>();
  for (const definition of definitions) {
    const key = nodeTypeKey(definition.type, definition.version);
    if (byKey.has(key)) throw new Error(`Node type ${key} is defined twice`);
    byKey.set(key, definition);
  }
  return {
    get: (type, version) => byKey.get(nodeTypeKey(type, version)),
    list: () => [...byKey.values()],
  };
}
