import type { Graph, TemplateParametersDto, TemplatePlaceholderDto, ValidationIssue } from '@countersign/shared';
import { placeholderNames } from './substitute-parameters.ts';

const isContainer = (value: unknown): value is Record<string | number, unknown> => typeof value === 'object' && value !== null;

/**
 * The template graph of a published graph: each placeholder's value set at its path in its node's config.
 * Every container on the way must exist (a template parameterises what was reviewed, it does not invent
 * structure); only the last key may be new (e.g. an optional credential). Issues are at `body.placeholders`.
 */
export function applyPlaceholders(published: Graph, placeholders: readonly TemplatePlaceholderDto[], parameters: TemplateParametersDto): { graph: Graph; issues: ValidationIssue[] } {
  const graph = structuredClone(published);
  const issues: ValidationIssue[] = [];
  const declared = new Set(Object.keys(parameters.properties));
  placeholders.forEach((placeholder, i) => {
    const at = ['body', 'placeholders', i];
    const node = graph.nodes.find((candidate) => candidate.id === placeholder.nodeId);
    if (!node) {
      issues.push({ code: 'unknown_node', path: [...at, 'nodeId'], message: `The published version has no node "${placeholder.nodeId}"` });
      return;
    }
    const names = placeholderNames(placeholder.value);
    if (names.length === 0) issues.push({ code: 'no_placeholder', path: [...at, 'value'], message: 'The value must hold a {{param:<name>}} placeholder' });
    for (const name of names.filter((n) => !declared.has(n))) issues.push({ code: 'unknown_parameter', path: [...at, 'value'], message: `"${name}" is not a declared parameter` });
    let container: unknown = node.config;
    for (const key of placeholder.path.slice(0, -1)) {
      container = isContainer(container) ? container[key] : undefined;
    }
    const last = placeholder.path.at(-1) ?? '';
    const fits = Array.isArray(container) ? typeof last === 'number' && last < container.length : isContainer(container) && typeof last === 'string';
    if (!fits) {
      issues.push({ code: 'unknown_path', path: [...at, 'path'], message: `"${node.label}" has no config field ${placeholder.path.join('.')}` });
      return;
    }
    (container as Record<string | number, unknown>)[last] = structuredClone(placeholder.value);
  });
  // Placeholders already in the published graph (e.g. in a label) must name declared parameters too.
  const stray = placeholderNames(published).filter((name) => !declared.has(name));
  for (const name of stray) issues.push({ code: 'unknown_parameter', path: ['body', 'parameters', 'properties'], message: `The published graph refers to {{param:${name}}}, which is not a declared parameter` });
  return { graph, issues };
}
