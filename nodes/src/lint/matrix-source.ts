import { collectTemplates, extractNodeReferences, parseTemplate } from '@countersign/shared';
import type { LintContext, LintNode } from './lint-context.ts';

/** The node type whose output an approval matrix usually comes from. */
export const DECISION_TABLE_TYPE = 'policy.decision-table';

// `$input.decision`, `$input?.decision` or `$input["decision"]`: the record a decision table adds.
const INPUT_DECISION = /\$input\s*(?:\??\.\s*decision(?![\w$])|\[\s*(["'])decision\1\s*\])/;

/** A decision table an approval's matrix is read from; `ports` are the table's ports on paths to the gate (empty for `$node[...]`). */
export interface MatrixSource {
  table: LintNode;
  ports: Set<string>;
}

/** The expression sources in a gate's `matrix` (none when it is a literal list of rows). */
function matrixExpressions(gate: LintNode): string[] {
  return collectTemplates(gate.config['matrix']).flatMap((found) =>
    parseTemplate(found.template).parts.flatMap((part) => (part.kind === 'expr' ? [part.source] : [])),
  );
}

/**
 * The nearest decision tables upstream of `gate` (a later table replaces `$input.decision`), with
 * the ports by which their output flows towards it. Error edges carry no decision and are not followed.
 */
function upstreamTables(ctx: LintContext, gate: LintNode, into: Map<string, MatrixSource>): void {
  const seen = new Set<string>([gate.node.id]);
  const queue = [gate.node.id];
  for (let head = 0; head < queue.length; head += 1) {
    for (const edge of ctx.incoming.get(queue[head] as string) ?? []) {
      const source = ctx.nodes.get(edge.source);
      if (source === undefined || edge.sourcePort === 'error') continue;
      if (source.node.type === DECISION_TABLE_TYPE) {
        const found = into.get(edge.source) ?? { table: source, ports: new Set<string>() };
        found.ports.add(edge.sourcePort);
        into.set(edge.source, found);
      } else if (!seen.has(edge.source)) {
        seen.add(edge.source);
        queue.push(edge.source);
      }
    }
  }
}

/** The decision tables a gate's matrix expression reads, through `$input.decision` or `$node["<label>"]`. */
export function matrixSources(ctx: LintContext, gate: LintNode): MatrixSource[] {
  const sources = new Map<string, MatrixSource>();
  const expressions = matrixExpressions(gate);
  if (expressions.some((source) => INPUT_DECISION.test(source))) upstreamTables(ctx, gate, sources);
  for (const label of expressions.flatMap(extractNodeReferences)) {
    const table = ctx.byLabel.get(label);
    if (table?.node.type === DECISION_TABLE_TYPE && !sources.has(table.node.id)) sources.set(table.node.id, { table, ports: new Set() });
  }
  return [...sources.values()];
}
