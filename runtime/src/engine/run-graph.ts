import {
  CountersignError,
  collectTemplates,
  extractNodeReferences,
  parseTemplate,
  type AnyNodeDefinition,
  type Graph,
  type GraphEdge,
  type GraphNode,
  type NodeRegistry,
} from '@countersign/shared';

/** A node of a compiled graph with its definition and wiring. */
export interface CompiledNode {
  node: GraphNode;
  definition: AnyNodeDefinition;
  /** Inbound edges ordered by id, so multi-input merges are deterministic. */
  inbound: GraphEdge[];
  outbound: GraphEdge[];
  /** Labels this node's expressions read through `$node["label"]`: only their outputs enter its scope. */
  referencedLabels: string[];
}

/** An immutable, executable view of a version's graph (cached by version hash). */
export interface RunGraph {
  hash: string;
  nodes: Map<string, CompiledNode>;
  /** Nodes in a topological order (ties by id). */
  order: string[];
  triggers: string[];
  settings: Graph['settings'];
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Compiles a validated graph against a registry; a node type missing from the registry is a user error. */
export function compileGraph(graph: Graph, hash: string, registry: NodeRegistry): RunGraph {
  const nodes = new Map<string, CompiledNode>();
  for (const node of [...graph.nodes].sort(byId)) {
    const definition = registry.get(node.type, node.typeVersion);
    if (!definition) {
      throw new CountersignError('INVALID_CONFIG', `Node type ${node.type}@${node.typeVersion} is not installed in this runtime`, { nodeId: node.id });
    }
    nodes.set(node.id, { node, definition, inbound: [], outbound: [], referencedLabels: referencedLabels(node, definition) });
  }
  for (const edge of [...graph.edges].sort(byId)) {
    nodes.get(edge.source)?.outbound.push(edge);
    nodes.get(edge.target)?.inbound.push(edge);
  }
  const indegree = new Map([...nodes].map(([id, compiled]) => [id, compiled.inbound.length]));
  const ready = [...indegree].filter(([, degree]) => degree === 0).map(([id]) => id);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort();
    const id = ready.shift() as string;
    order.push(id);
    for (const edge of nodes.get(id)?.outbound ?? []) {
      const degree = (indegree.get(edge.target) ?? 0) - 1;
      indegree.set(edge.target, degree);
      if (degree === 0) ready.push(edge.target);
    }
  }
  const triggers = order.filter((id) => nodes.get(id)?.definition.category === 'trigger');
  return { hash, nodes, order, triggers, settings: graph.settings };
}

/** The trigger a run starts at: the first of the wanted type, else (manual runs) the first trigger. */
export function pickTrigger(graph: RunGraph, trigger: 'manual' | 'webhook'): string | undefined {
  const type = trigger === 'webhook' ? 'trigger.webhook' : 'trigger.manual';
  const exact = graph.triggers.find((id) => graph.nodes.get(id)?.node.type === type);
  if (exact !== undefined || trigger === 'webhook') return exact;
  return graph.triggers[0];
}

function referencedLabels(node: GraphNode, definition: AnyNodeDefinition): string[] {
  const literal = new Set(definition.literalFields ?? []);
  const labels = new Set<string>();
  for (const found of collectTemplates(node.config)) {
    if (literal.has(String(found.path[0]))) continue;
    for (const part of parseTemplate(found.template).parts) {
      if (part.kind === 'expr') for (const label of extractNodeReferences(part.source)) labels.add(label);
    }
  }
  return [...labels];
}
