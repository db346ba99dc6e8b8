import type { GraphInput, ValidationIssue } from '@countersign/shared';

/** A validation issue with the node it concerns resolved, and its path inside that node's config. */
export interface EditorIssue extends ValidationIssue {
  /** Path relative to the node's `config`, when the issue is about a config field. */
  configPath?: (string | number)[];
}

/** Issue as the form shows it: path relative to the node's config. */
export interface FieldIssue {
  code: string;
  path: (string | number)[];
  message: string;
}

/**
 * Resolves issues the runtime found in `sent` (the graph the editor PUT): paths like
 * `['nodes', 3, 'config', 'url']` index into that graph, so the node is looked up there.
 */
export function resolveIssues(issues: readonly ValidationIssue[], sent: GraphInput): EditorIssue[] {
  return issues.map((issue) => {
    const [head, index, field, ...rest] = issue.path;
    const resolved: EditorIssue = { ...issue };
    if (head === 'nodes' && typeof index === 'number') {
      resolved.nodeId ??= sent.nodes[index]?.id;
      if (field === 'config') resolved.configPath = rest;
    } else if (head === 'edges' && typeof index === 'number') {
      resolved.edgeId ??= sent.edges?.[index]?.id;
    }
    if (resolved.nodeId === undefined) delete resolved.nodeId;
    if (resolved.edgeId === undefined) delete resolved.edgeId;
    return resolved;
  });
}

/** Number of issues per node id (for the badge on each node). */
export function countIssuesByNode(issues: readonly EditorIssue[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const issue of issues) if (issue.nodeId !== undefined) counts[issue.nodeId] = (counts[issue.nodeId] ?? 0) + 1;
  return counts;
}

/** Ids of the edges that have an issue. */
export function edgesWithIssues(issues: readonly EditorIssue[]): Set<string> {
  return new Set(issues.flatMap((issue) => (issue.edgeId === undefined ? [] : [issue.edgeId])));
}

/** The config-field issues of one node, with paths relative to its config (what the form expects). */
export function fieldIssuesOf(issues: readonly EditorIssue[], nodeId: string): FieldIssue[] {
  return issues
    .filter((issue) => issue.nodeId === nodeId && issue.configPath !== undefined)
    .map((issue) => ({ code: issue.code, path: issue.configPath ?? [], message: issue.message }));
}

/** The issues of one node that are not about a config field (label, ports, reachability...). */
export function nodeLevelIssuesOf(issues: readonly EditorIssue[], nodeId: string): EditorIssue[] {
  return issues.filter((issue) => issue.nodeId === nodeId && issue.configPath === undefined);
}
