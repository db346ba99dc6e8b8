import { canonicalJson } from './canonical.ts';
import type { Graph, GraphEdge, GraphNode } from './graph.schema.ts';

/** One changed value, addressed by a dotted path (`config.url`, `config.headers.Authorization`). */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** A node present in both graphs whose content differs. */
export interface NodeChange {
  id: string;
  label: string;
  type: string;
  /** Only the position moved: no behavioural change. */
  layoutOnly: boolean;
  /** The label changed (the node is matched by id, so a rename is not an add plus a remove). */
  renamed?: { before: string; after: string };
  changes: FieldChange[];
}

/** A node as listed among additions and removals. */
export interface NodeSummary {
  id: string;
  label: string;
  type: string;
}

/** The structural difference between two graphs. */
export interface GraphDiff {
  nodesAdded: NodeSummary[];
  nodesRemoved: NodeSummary[];
  nodesChanged: NodeChange[];
  edgesAdded: GraphEdge[];
  edgesRemoved: GraphEdge[];
  settingsChanged: FieldChange[];
  /** True when nothing but layout differs. */
  behaviourUnchanged: boolean;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Leaf-level changes between two JSON values; arrays are compared whole. */
export function diffValues(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffValues(before[key], after[key], path === '' ? key : `${path}.${key}`));
  }
  const same = before === undefined || after === undefined ? before === after : canonicalJson(before) === canonicalJson(after);
  return same ? [] : [{ path, before, after }];
}

const summary = (node: GraphNode): NodeSummary => ({ id: node.id, label: node.label, type: node.type });
const edgeKey = (edge: GraphEdge): string => canonicalJson(edge);

/** Compares two graphs node by node (matched by id) and edge by edge. */
export function diffGraphs(before: Graph, after: Graph): GraphDiff {
  const oldNodes = new Map(before.nodes.map((node) => [node.id, node]));
  const newNodes = new Map(after.nodes.map((node) => [node.id, node]));
  const nodesChanged: NodeChange[] = [];
  for (const [id, next] of newNodes) {
    const prev = oldNodes.get(id);
    if (!prev) continue;
    const changes = diffValues(prev, next);
    if (changes.length === 0) continue;
    const change: NodeChange = {
      id,
      label: next.label,
      type: next.type,
      layoutOnly: changes.every((c) => c.path.startsWith('position')),
      changes,
    };
    if (prev.label !== next.label) change.renamed = { before: prev.label, after: next.label };
    nodesChanged.push(change);
  }
  const oldEdges = new Map(before.edges.map((edge) => [edgeKey(edge), edge]));
  const newEdges = new Map(after.edges.map((edge) => [edgeKey(edge), edge]));
  const diff: GraphDiff = {
    nodesAdded: after.nodes.filter((node) => !oldNodes.has(node.id)).map(summary),
    nodesRemoved: before.nodes.filter((node) => !newNodes.has(node.id)).map(summary),
    nodesChanged,
    edgesAdded: [...newEdges].filter(([key]) => !oldEdges.has(key)).map(([, edge]) => edge),
    edgesRemoved: [...oldEdges].filter(([key]) => !newEdges.has(key)).map(([, edge]) => edge),
    settingsChanged: diffValues(before.settings, after.settings, 'settings'),
    behaviourUnchanged: false,
  };
  diff.behaviourUnchanged =
    diff.nodesAdded.length === 0 &&
    diff.nodesRemoved.length === 0 &&
    diff.edgesAdded.length === 0 &&
    diff.edgesRemoved.length === 0 &&
    diff.settingsChanged.length === 0 &&
    nodesChanged.every((change) => change.layoutOnly);
  return diff;
}
