import type { Knex } from 'knex';
import { CountersignError, TemplateParametersSchema, validateGraph, type Graph, type NodeRegistry, type ValidationIssue } from '@countersign/shared';
import { tenantDb } from '../db/tenant-db.ts';
import { validateParameterValues } from './parameter-values.ts';
import { parameterAt, substituteParameters } from './substitute-parameters.ts';
import type { TemplateRow } from './template-rows.ts';

/**
 * The graph of a template version with a client's parameter values substituted, checked like any draft.
 * Invalid values are a 422 with issues at `['body', 'parameters', name]`; a graph issue caused by a value
 * (e.g. a URL the HTTP node refuses) is pinned on that parameter too, others keep their graph path.
 */
export async function materializeTemplate(
  db: Knex,
  registry: NodeRegistry,
  tenantId: string,
  template: TemplateRow,
  given: Readonly<Record<string, unknown>>,
): Promise<{ graph: Graph; values: Record<string, unknown> }> {
  const schema = TemplateParametersSchema.parse(template.parameters);
  const credentialIds = new Set(await tenantDb(db, tenantId).table('credentials').pluck<string[]>('id'));
  const { values, issues } = validateParameterValues(schema, given, { credentialIds });
  if (issues.length > 0) {
    throw new CountersignError('VALIDATION_FAILED', `${issues.length === 1 ? 'A parameter is' : `${issues.length} parameters are`} invalid: ${issues[0]?.message ?? ''}`, { issues });
  }
  const substituted = substituteParameters(template.graph, values);
  const result = validateGraph(substituted.value, registry);
  if (result.graph === undefined || result.issues.length > 0) {
    const pinned: ValidationIssue[] = result.issues.map((issue) => {
      const parameter = parameterAt(substituted.uses, issue.path);
      return parameter === undefined ? { ...issue, path: ['template', ...issue.path] } : { ...issue, path: ['body', 'parameters', parameter] };
    });
    const first = pinned[0];
    throw new CountersignError('VALIDATION_FAILED', `With these parameters the template does not give a valid workflow: ${first?.message ?? 'the graph is invalid'}`, {
      issues: pinned.length > 0 ? pinned : [{ code: 'invalid_graph', path: ['template'], message: 'The template graph is not a valid graph' }],
    });
  }
  return { graph: result.graph, values };
}
