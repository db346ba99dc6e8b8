import { CountersignError, GraphSchema, migrateGraph, validateGraph, type Graph, type NodeRegistry } from '@countersign/shared';

/**
 * The graph when it has no issue at all; otherwise VALIDATION_FAILED (422) carrying every issue with
 * its path inside the graph. For now every issue blocks saving (warnings may be relaxed later).
 */
export function requireValidGraph(raw: unknown, registry: NodeRegistry): Graph {
  const { graph, issues } = validateGraph(raw, registry);
  if (graph === undefined || issues.length > 0) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    throw new CountersignError('VALIDATION_FAILED', `The graph has ${count}: ${issues[0]?.message ?? 'it is not a valid graph'}`, { issues });
  }
  return graph;
}

/** A stored graph (draft or version), brought up to the current schemaVersion. */
export function readStoredGraph(raw: unknown): Graph {
  return GraphSchema.parse(migrateGraph(raw));
}
