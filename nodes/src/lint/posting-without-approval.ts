import type { LintFinding } from '@countersign/shared';
import { isPosting, pathText, quoted, ungatedReach, type LintContext } from './lint-context.ts';

/**
 * `posting_without_approval`: a node that posts or pays which some trigger reaches without leaving an
 * approval gate by `approved` (rejected, escalated, expired and error do not gate). One search from
 * every trigger at once; the message shows one such path, so a bypass edge is easy to find.
 */
export function postingWithoutApproval(ctx: LintContext): LintFinding[] {
  const triggers = [...ctx.nodes.values()].filter((item) => item.definition?.category === 'trigger').map((item) => item.node.id);
  const reached = ungatedReach(ctx, triggers);
  return [...ctx.nodes.values()]
    .filter((item) => isPosting(item) && reached.has(item.node.id))
    .map((item): LintFinding => ({
      code: 'posting_without_approval',
      severity: 'error',
      nodeId: item.node.id,
      message:
        `${quoted(ctx, item.node.id)} posts or pays but runs without an approval along ${pathText(ctx, reached, item.node.id)}: ` +
        'route every path into it through the approved port of an approval step (rejected, escalated, expired and error do not count).',
    }));
}
