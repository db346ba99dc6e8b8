import { nodeCapabilities, type AnyNodeDefinition, type Graph, type GraphEdge, type GraphNode, type NodeCapability, type NodeRegistry } from '@countersign/shared';
import { isPlainObject, type PlainObject } from '../internal/plain-object.ts';

/** A node of the graph with what the lint knows about it; `definition` is absent for an unknown type. */
export interface LintNode {
  node: GraphNode;
  definition: AnyNodeDefinition | undefined;
  config: PlainObject;
  capabilities: ReadonlySet<NodeCapability>;
}

/** The graph indexed once for every rule. Edges to or from unknown node ids are dropped. */
export interface LintContext {
  nodes: Map<string, LintNode>;
  outgoing: Map<string, GraphEdge[]>;
  incoming: Map<string, GraphEdge[]>;
  byLabel: Map<string, LintNode>;
}

/** The port by which an approval gate lets work through; every other port (rejected, error...) does not. */
export const APPROVED_PORT = 'approved';

function toLintNode(node: GraphNode, registry: NodeRegistry): LintNode {
  const definition = registry.get(node.type, node.typeVersion);
  const config = isPlainObject(node.config) ? node.config : {};
  const capabilities = new Set(definition === undefined ? [] : nodeCapabilities(definition, config));
  if (definition?.category === 'ai') capabilities.add('ai');
  return { node, definition, config, capabilities };
}

/** Indexes `graph` for the rules; tolerates malformed items, duplicate ids and dangling edges (graph validation reports them). */
export function createLintContext(graph: Graph, registry: NodeRegistry): LintContext {
  const nodes = new Map<string, LintNode>();
  const byLabel = new Map<string, LintNode>();
  for (const node of graph.nodes) {
    // The live editor may lint a graph that does not parse yet: skip what is not a node.
    if (typeof node !== 'object' || node === null || typeof node.id !== 'string' || typeof node.type !== 'string') continue;
    const described = toLintNode(node, registry);
    nodes.set(node.id, described);
    if (!byLabel.has(node.label)) byLabel.set(node.label, described);
  }
  const outgoing = new Map<string, GraphEdge[]>([...nodes.keys()].map((id) => [id, []]));
  const incoming = new Map<string, GraphEdge[]>([...nodes.keys()].map((id) => [id, []]));
  for (const edge of graph.edges) {
    if (typeof edge !== 'object' || edge === null) continue;
    if (!nodes.has(edge.source) || !nodes.has(edge.target)) continue;
    outgoing.get(edge.source)?.push(edge);
    incoming.get(edge.target)?.push(edge);
  }
  return { nodes, outgoing, incoming, byLabel };
}

/** Whether a node is an approval gate. An AI node never is, whatever it declares: AI advises, people decide. */
export function isGate(node: LintNode): boolean {
  return node.capabilities.has('approves') && !node.capabilities.has('ai');
}

/** Whether a node posts to a ledger or pays. */
export function isPosting(node: LintNode): boolean {
  return node.capabilities.has('posts') || node.capabilities.has('pays');
}

/** Whether an edge leaves an approval gate by its approved port, the only way through a gate. */
export function passesGate(ctx: LintContext, edge: GraphEdge): boolean {
  const source = ctx.nodes.get(edge.source);
  return source !== undefined && isGate(source) && edge.sourcePort === APPROVED_PORT;
}

/**
 * Every node reachable from `starts` without leaving an approval gate by `approved`, each with the
 * edge it was first reached by (null for a start), so that a path can be shown.
 */
export function ungatedReach(ctx: LintContext, starts: readonly string[]): Map<string, GraphEdge | null> {
  const via = new Map<string, GraphEdge | null>(starts.map((id) => [id, null]));
  const queue = [...starts];
  for (let head = 0; head < queue.length; head += 1) {
    for (const edge of ctx.outgoing.get(queue[head] as string) ?? []) {
      if (via.has(edge.target) || passesGate(ctx, edge)) continue;
      via.set(edge.target, edge);
      queue.push(edge.target);
    }
  }
  return via;
}

/** The path to `id` recorded by {@link ungatedReach}, with ports other than `out`: `"Approve" (rejected) → "Post"`. */
export function pathText(ctx: LintContext, via: ReadonlyMap<string, GraphEdge | null>, id: string): string {
  const steps = [quoted(ctx, id)];
  for (let edge = via.get(id); edge != null && steps.length <= via.size; edge = via.get(edge.source)) {
    steps.unshift(stepText(ctx, edge));
  }
  return joinSteps(steps);
}

/** A step of a path shown in a message: the node an edge leaves, and its port unless `out`. */
export function stepText(ctx: LintContext, edge: GraphEdge): string {
  return `${quoted(ctx, edge.source)}${edge.sourcePort === 'out' ? '' : ` (${edge.sourcePort})`}`;
}

/** Joins path steps with arrows, eliding the middle of a long path. */
function joinSteps(steps: readonly string[]): string {
  const shown = steps.length > 7 ? [...steps.slice(0, 3), '…', ...steps.slice(-3)] : steps;
  return shown.join(' → ');
}

/** A node's label in quotes, for messages (its id when the node is unknown). */
export function quoted(ctx: LintContext, id: string): string {
  return `"${ctx.nodes.get(id)?.node.label ?? id}"`;
}
