import { canonicalJson, CountersignError, type NodeRegistry, type ValidationIssue } from '@countersign/shared';

/** A node as read from an unvalidated graph body: only what the category check needs. */
interface LooseNode {
  index: number;
  id: string;
  type: string;
  typeVersion: number;
  label: string;
  config: unknown;
}

/** The nodes of a graph that may be malformed (the service validates it after this check). */
function nodesOf(graph: unknown): LooseNode[] {
  const nodes: unknown = typeof graph === 'object' && graph !== null ? (graph as { nodes?: unknown }).nodes : undefined;
  if (!Array.isArray(nodes)) return [];
  return nodes.flatMap((node: unknown, index): LooseNode[] => {
    if (typeof node !== 'object' || node === null) return [];
    const { id, type, typeVersion, label, config } = node as Record<string, unknown>;
    if (typeof id !== 'string' || typeof type !== 'string') return [];
    return [{ index, id, type, typeVersion: typeof typeVersion === 'number' ? typeVersion : 1, label: typeof label === 'string' && label !== '' ? label : id, config }];
  });
}

const sameConfig = (a: unknown, b: unknown): boolean => {
  try {
    return canonicalJson(a ?? {}) === canonicalJson(b ?? {});
  } catch {
    return false;
  }
};

/**
 * Nodes of `graph` outside the allowed categories that this save adds or changes (type, version or
 * config differ from the node of the same id in `baseline`). Nodes left as they were stay allowed:
 * a restricted designer may still edit a workflow whose connector the partner set up.
 */
export function disallowedNodes(graph: unknown, baseline: unknown, allowed: readonly string[], registry: NodeRegistry): ValidationIssue[] {
  const before = new Map(nodesOf(baseline).map((node) => [node.id, node]));
  const issues: ValidationIssue[] = [];
  for (const node of nodesOf(graph)) {
    const category = registry.get(node.type, node.typeVersion)?.category;
    // Unknown types are the graph validation's to report.
    if (category === undefined || allowed.includes(category)) continue;
    const old = before.get(node.id);
    if (old && old.type === node.type && old.typeVersion === node.typeVersion && sameConfig(old.config, node.config)) continue;
    issues.push({
      code: 'node_category_not_allowed',
      path: ['body', 'graph', 'nodes', node.index],
      nodeId: node.id,
      message: `Node "${node.label}" (${node.type}) is a ${category} node; this session may add or change only ${allowed.join(', ') || 'no'} nodes`,
    });
  }
  return issues;
}

/** Throws VALIDATION_FAILED (422) naming the first refused node when there is any. */
export function assertAllowedNodes(issues: ValidationIssue[]): void {
  const first = issues[0];
  if (first) throw new CountersignError('VALIDATION_FAILED', first.message, { issues, ...(first.nodeId ? { nodeId: first.nodeId } : {}) });
}
