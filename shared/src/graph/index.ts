export { behaviouralGraph, canonicalJson, hashGraph, sha256Hex } from './canonical.ts';
export { diffGraphs, diffValues, type FieldChange, type GraphDiff, type NodeChange, type NodeSummary } from './diff.ts';
export {
  CURRENT_SCHEMA_VERSION,
  GraphEdgeSchema,
  GraphNodeSchema,
  GraphSchema,
  GraphSettingsSchema,
  RetryPolicySchema,
  type Graph,
  type GraphEdge,
  type GraphInput,
  type GraphNode,
  type RetryPolicy,
} from './graph.schema.ts';
export { migrateGraph } from './migrate.ts';
export { findCycleNodes, reachableFrom, successors } from './topology.ts';
export { validateGraph, type GraphValidation } from './validate-graph.ts';
