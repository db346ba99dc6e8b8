import type { Graph, LintCode, LintFinding, NodeRegistry } from '@countersign/shared';
import { aiDrivesPosting } from './ai-drives-posting.ts';
import { insecureHttp } from './insecure-http.ts';
import { createLintContext, type LintContext } from './lint-context.ts';
import { matrixNotUnbounded } from './matrix-not-unbounded.ts';
import { postingWithoutApproval } from './posting-without-approval.ts';
import { secretInLoggedField } from './secret-in-logged-field.ts';
import { unsignedWebhook } from './unsigned-webhook.ts';

/** Each rule with the code it reports. */
const RULES: readonly [LintCode, (ctx: LintContext) => LintFinding[]][] = [
  ['posting_without_approval', postingWithoutApproval],
  ['matrix_not_unbounded', matrixNotUnbounded],
  ['ai_drives_posting', aiDrivesPosting],
  ['unsigned_webhook', unsignedWebhook],
  ['insecure_http', insecureHttp],
  ['secret_in_logged_field', secretInLoggedField],
];

const SEVERITY_ORDER = { error: 0, warning: 1 } as const;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Errors first, then by node id (findings without a node last), code and message: a stable order. */
function byPriority(a: LintFinding, b: LintFinding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compare(a.nodeId ?? '\uffff', b.nodeId ?? '\uffff') ||
    compare(a.code, b.code) ||
    compare(a.message, b.message)
  );
}

/**
 * The control lint: static finance-control checks over a graph, run at submit time (errors block
 * submission) and live in the editor. Linear in the graph's size, but for one backward search per
 * approval whose matrix is an expression.
 * Never throws: what cannot be judged (unknown node types, expressions) is skipped, and a rule that
 * fails on an unexpected shape reports one error instead, so that a broken check never passes a graph.
 */
export function lintGraph(graph: Graph, registry: NodeRegistry): LintFinding[] {
  let ctx: LintContext;
  try {
    const { nodes, edges } = graph ?? {};
    ctx = createLintContext({ ...graph, nodes: Array.isArray(nodes) ? nodes : [], edges: Array.isArray(edges) ? edges : [] }, registry);
  } catch (error) {
    return [{ code: 'posting_without_approval', severity: 'error', message: `The control lint could not read this graph (${String(error)}): fix the graph's errors first.` }];
  }
  const findings = RULES.flatMap(([code, rule]): LintFinding[] => {
    try {
      return rule(ctx);
    } catch (error) {
      return [{ code, severity: 'error', message: `The ${code} check could not judge this graph (${String(error)}): fix the graph's errors first, or report this.` }];
    }
  });
  return findings.sort(byPriority);
}
