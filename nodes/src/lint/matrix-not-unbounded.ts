import type { LintFinding } from '@countersign/shared';
import { decisionTableConfig } from '../policy/decision-table/decision-table.schema.ts';
import { parseTable } from '../policy/decision-table/parse-table.ts';
import { checkDecisionTable } from '../policy/decision-table/table-checks.ts';
import { isGate, quoted, type LintContext, type LintNode } from './lint-context.ts';
import { matrixSources, type MatrixSource } from './matrix-source.ts';
import { alwaysMatches } from './table-totality.ts';

// The table's own coverage checks (coverage.ts): amounts that route to nobody.
const HOLE_CODES = new Set(['table_gap', 'table_no_top_tier']);

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** What is wrong with one gate's matrix source, as messages (a table that does not parse cannot be judged). */
function problems(ctx: LintContext, gate: LintNode, { table, ports }: MatrixSource): string[] {
  const parsed = decisionTableConfig.safeParse(table.config);
  if (!parsed.success) return [];
  const [g, t] = [quoted(ctx, gate.node.id), quoted(ctx, table.node.id)];
  const out: string[] = [];
  if (ports.has('unmatched')) {
    out.push(`Approval ${g} is wired to the unmatched port of decision table ${t}, where no rule gave approvers, so its matrix is empty and the invoice routes to nobody: wire it to matched, and send unmatched to an approval with fixed levels.`);
  }
  const holes = checkDecisionTable(parsed.data).filter((issue) => HOLE_CODES.has(issue.code));
  for (const hole of holes) out.push(`Approval ${g} takes its matrix from decision table ${t}, where ${lowerFirst(hole.message)}.`);
  if (holes.length > 0) return out;
  const cells = parseTable(parsed.data);
  const unmatchedLeadsNowhere = !(ctx.outgoing.get(table.node.id) ?? []).some((edge) => edge.sourcePort === 'unmatched');
  if (cells.ok && unmatchedLeadsNowhere && !alwaysMatches(parsed.data, cells.tests)) {
    const columns = parsed.data.inputs.map((input) => input.name).join(', ');
    out.push(
      `Decision table ${t}, which gives approval ${g} its matrix, may match no rule for some ${columns} and its unmatched port leads nowhere, ` +
        'so such an invoice stops unapproved and unnoticed: add a catch-all rule (every cell "-") or wire unmatched to an approval with fixed levels.',
    );
  }
  return out;
}

/**
 * `matrix_not_unbounded`: an approval gate whose matrix comes from a decision table that can route an
 * amount to nobody: a gap or no top tier in its amount tiers (the table's own checks), a gate on the
 * table's `unmatched` port, or a table that may match nothing while its `unmatched` port leads nowhere.
 * (An `unmatched` port that leads to a posting is reported there as `posting_without_approval`.)
 */
export function matrixNotUnbounded(ctx: LintContext): LintFinding[] {
  return [...ctx.nodes.values()]
    .filter((item) => isGate(item) && item.config['matrix'] !== undefined)
    .flatMap((gate) =>
      matrixSources(ctx, gate).flatMap((source) =>
        problems(ctx, gate, source).map((message): LintFinding => ({ code: 'matrix_not_unbounded', severity: 'error', nodeId: gate.node.id, message })),
      ),
    );
}
