import type { GraphDiffDto, TemplateParametersDto, ValidationIssue } from '@countersign/shared';
import type { FormIssue } from '../forms/index.ts';

/** The values a "Use template" form starts with: each parameter's default. */
export function initialParameterValues(schema: TemplateParametersDto): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties)) if (property.default !== undefined) values[name] = property.default;
  return values;
}

/**
 * The runtime's issues split for the form: those at `body.parameters.<name>` pinned on that field
 * (path `[name]`), every other one as a message shown above the form.
 */
export function parameterFormIssues(issues: readonly ValidationIssue[]): { fields: FormIssue[]; general: string[] } {
  const fields: FormIssue[] = [];
  const general: string[] = [];
  for (const issue of issues) {
    const [body, part, name] = issue.path;
    if (body === 'body' && part === 'parameters' && typeof name === 'string') fields.push({ code: issue.code, path: [name], message: issue.message });
    else general.push(issue.message);
  }
  return { fields, general };
}

/** JSON text that must hold an object (a parameters schema) or an array (placeholders), or why not. */
export function parseJsonText<K extends 'object' | 'array'>(text: string, kind: K): { value: K extends 'array' ? unknown[] : Record<string, unknown> } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `Not valid JSON: ${error instanceof Error ? error.message : 'parse error'}` };
  }
  const fits = kind === 'array' ? Array.isArray(value) : typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!fits) return { error: kind === 'array' ? 'Expected a JSON array' : 'Expected a JSON object' };
  return { value: value as K extends 'array' ? unknown[] : Record<string, unknown> };
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Lines summing up an upgrade's diff for the preview: what is added, removed and changed, node by node. */
export function diffSummary(diff: GraphDiffDto): string[] {
  const lines: string[] = [];
  for (const node of diff.nodesAdded) lines.push(`Adds step "${node.label}"`);
  for (const node of diff.nodesRemoved) lines.push(`Removes step "${node.label}"`);
  for (const node of diff.nodesChanged) {
    if (node.layoutOnly) continue;
    const fields = node.changes.map((change) => change.path);
    const renamed = node.renamed ? `renames "${node.renamed.before}" to "${node.renamed.after}"` : null;
    const changed = fields.length > 0 ? `changes ${fields.join(', ')}` : null;
    lines.push(`"${node.label}": ${[renamed, changed].filter((part) => part !== null).join('; ')}`);
  }
  const edges = diff.edgesAdded.length + diff.edgesRemoved.length;
  if (edges > 0) lines.push(`Rewires ${plural(edges, 'connection', 'connections')}`);
  if (diff.settingsChanged.length > 0) lines.push(`Changes settings: ${diff.settingsChanged.map((change) => change.path).join(', ')}`);
  if (lines.length === 0) lines.push(diff.behaviourUnchanged ? 'Nothing changes but the layout' : 'No step changes');
  return lines;
}
