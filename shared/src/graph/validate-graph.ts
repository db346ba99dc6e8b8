import type { z } from 'zod';
import type { ValidationIssue } from '../errors/index.ts';
import { checkExpressionSyntax, collectTemplates, extractNodeReferences, isTemplate, parseTemplate } from '../expression/index.ts';
import { ERROR_PORT, outputPorts, routesErrors, type AnyNodeDefinition, type NodeRegistry } from '../node/index.ts';
import { GraphSchema, type Graph, type GraphNode } from './graph.schema.ts';
import { migrateGraph } from './migrate.ts';
import { findCycleNodes, reachableFrom } from './topology.ts';

/** The outcome of validating a graph: the parsed graph when its shape is right, and every finding. */
export interface GraphValidation {
  graph: Graph | undefined;
  issues: ValidationIssue[];
}

type Path = (string | number)[];

function zodIssues(found: z.ZodError['issues'], prefix: Path, code: string, nodeId?: string): ValidationIssue[] {
  return found.map((issue) => ({
    code,
    path: [...prefix, ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))],
    message: issue.message,
    ...(nodeId === undefined ? {} : { nodeId }),
  }));
}

/** Whether the value at `path` inside `root`, or any value on the way, is an expression template. */
function passesThroughTemplate(root: unknown, path: readonly PropertyKey[]): boolean {
  let current: unknown = root;
  for (const key of path) {
    if (isTemplate(current)) return true;
    if (typeof current !== 'object' || current === null) return false;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return isTemplate(current);
}

function configIssues(node: GraphNode, index: number, definition: AnyNodeDefinition): ValidationIssue[] {
  const prefix: Path = ['nodes', index, 'config'];
  const result = definition.config.safeParse(node.config);
  const issues: ValidationIssue[] = [];
  if (!result.success) {
    // A field holding an expression is checked when the run resolves it, not now.
    const real = result.error.issues.filter((issue) => !passesThroughTemplate(node.config, issue.path));
    issues.push(...zodIssues(real, prefix, 'invalid_config', node.id));
  } else if (definition.validate) {
    for (const issue of definition.validate(result.data)) issues.push({ ...issue, path: [...prefix, ...issue.path], nodeId: node.id });
  }
  const literal = new Set(definition.literalFields ?? []);
  for (const found of collectTemplates(node.config)) {
    if (literal.has(String(found.path[0]))) continue;
    const path = [...prefix, ...found.path];
    const parsed = parseTemplate(found.template);
    if (parsed.error !== undefined) {
      issues.push({ code: 'expression_syntax', path, message: parsed.error, nodeId: node.id });
      continue;
    }
    for (const part of parsed.parts) {
      if (part.kind !== 'expr') continue;
      const syntax = checkExpressionSyntax(part.source);
      if (syntax !== null) issues.push({ code: 'expression_syntax', path, message: `Expression "${part.source}": ${syntax}`, nodeId: node.id });
    }
  }
  return issues;
}

function referenceIssues(graph: Graph, definitions: Map<string, AnyNodeDefinition>): ValidationIssue[] {
  const labels = new Set(graph.nodes.map((node) => node.label));
  const issues: ValidationIssue[] = [];
  graph.nodes.forEach((node, index) => {
    const literal = new Set(definitions.get(node.id)?.literalFields ?? []);
    for (const found of collectTemplates(node.config)) {
      if (literal.has(String(found.path[0]))) continue;
      for (const part of parseTemplate(found.template).parts) {
        if (part.kind !== 'expr') continue;
        for (const label of extractNodeReferences(part.source)) {
          if (!labels.has(label)) {
            issues.push({
              code: 'unknown_node_reference',
              path: ['nodes', index, 'config', ...found.path],
              message: `No node is labelled "${label}"`,
              nodeId: node.id,
            });
          }
        }
      }
    }
  });
  return issues;
}

function duplicateIssues(graph: Graph): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = (kind: 'nodes' | 'edges', key: 'id' | 'label', code: string): void => {
    const first = new Map<string, number>();
    (graph[kind] as { id: string; label?: string }[]).forEach((item, index) => {
      const value = item[key];
      if (value === undefined) return;
      if (first.has(value)) {
        issues.push({
          code,
          path: [kind, index, key],
          message: `${key === 'id' ? 'Id' : 'Label'} "${value}" is used twice`,
          ...(kind === 'nodes' ? { nodeId: item.id } : { edgeId: item.id }),
        });
      } else first.set(value, index);
    });
  };
  seen('nodes', 'id', 'duplicate_id');
  seen('edges', 'id', 'duplicate_id');
  seen('nodes', 'label', 'duplicate_label');
  return issues;
}

function edgeIssues(graph: Graph, definitions: Map<string, AnyNodeDefinition>): ValidationIssue[] {
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const issues: ValidationIssue[] = [];
  graph.edges.forEach((edge, index) => {
    const at = (field: string): Path => ['edges', index, field];
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source) issues.push({ code: 'dangling_edge', path: at('source'), message: `Edge source "${edge.source}" is not a node`, edgeId: edge.id });
    if (!target) issues.push({ code: 'dangling_edge', path: at('target'), message: `Edge target "${edge.target}" is not a node`, edgeId: edge.id });
    if (edge.source === edge.target) issues.push({ code: 'cycle', path: at('target'), message: 'An edge cannot connect a node to itself', edgeId: edge.id, nodeId: edge.source });
    const sourceDef = source && definitions.get(source.id);
    const errorRoute = edge.sourcePort === ERROR_PORT && sourceDef !== undefined && routesErrors(sourceDef);
    if (source && sourceDef && !errorRoute && !outputPorts(sourceDef, source.config).includes(edge.sourcePort)) {
      issues.push({ code: 'unknown_port', path: at('sourcePort'), message: `"${source.label}" has no output port "${edge.sourcePort}"`, edgeId: edge.id, nodeId: source.id });
    }
    const targetDef = target && definitions.get(target.id);
    if (target && targetDef && !targetDef.ports.in.includes(edge.targetPort)) {
      const message = targetDef.ports.in.length === 0 ? `"${target.label}" is a trigger and takes no input` : `"${target.label}" has no input port "${edge.targetPort}"`;
      issues.push({ code: 'unknown_port', path: at('targetPort'), message, edgeId: edge.id, nodeId: target.id });
    }
  });
  return issues;
}

function structureIssues(graph: Graph, definitions: Map<string, AnyNodeDefinition>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const index = new Map(graph.nodes.map((node, i) => [node.id, i]));
  const triggers = graph.nodes.filter((node) => definitions.get(node.id)?.category === 'trigger').map((node) => node.id);
  if (graph.nodes.length > 0 && triggers.length === 0) {
    issues.push({ code: 'no_trigger', path: ['nodes'], message: 'Add a trigger: a workflow starts at a trigger node' });
  }
  for (const id of findCycleNodes(graph)) {
    issues.push({ code: 'cycle', path: ['nodes', index.get(id) ?? 0], message: 'This node is part of a cycle; workflows must not loop back', nodeId: id });
  }
  if (triggers.length > 0) {
    const reached = reachableFrom(graph, triggers);
    for (const node of graph.nodes) {
      if (!reached.has(node.id)) {
        issues.push({ code: 'unreachable', path: ['nodes', index.get(node.id) ?? 0], message: `"${node.label}" cannot be reached from a trigger`, nodeId: node.id });
      }
    }
  }
  return issues;
}

/**
 * Validates a raw graph against the format and the node types of a registry. Never throws for bad
 * input: every problem is returned as an issue with the path and node it concerns.
 */
export function validateGraph(raw: unknown, registry: NodeRegistry): GraphValidation {
  let migrated: unknown;
  try {
    migrated = migrateGraph(raw);
  } catch (error) {
    const issues = (error as { issues?: ValidationIssue[] }).issues;
    return { graph: undefined, issues: issues ?? [{ code: 'schema', path: [], message: String(error) }] };
  }
  const parsed = GraphSchema.safeParse(migrated);
  if (!parsed.success) return { graph: undefined, issues: zodIssues(parsed.error.issues, [], 'schema') };
  const graph = parsed.data;
  const issues: ValidationIssue[] = duplicateIssues(graph);
  const definitions = new Map<string, AnyNodeDefinition>();
  graph.nodes.forEach((node, index) => {
    const definition = registry.get(node.type, node.typeVersion);
    if (!definition) {
      issues.push({ code: 'unknown_node_type', path: ['nodes', index, 'type'], message: `Unknown node type ${node.type} version ${node.typeVersion}`, nodeId: node.id });
      return;
    }
    definitions.set(node.id, definition);
    issues.push(...configIssues(node, index, definition));
  });
  issues.push(...referenceIssues(graph, definitions), ...edgeIssues(graph, definitions), ...structureIssues(graph, definitions));
  return { graph, issues };
}
