import type { GraphEdge, LintFinding } from '@countersign/shared';
import { isPosting, passesGate, quoted, stepText, type LintContext } from './lint-context.ts';

/** How a node reaches a posting: the first edge of a shortest path (null at the posting) and that posting. */
interface Towards {
  edge: GraphEdge | null;
  posting: string;
}

/**
 * For every node from which a posting is reachable without leaving an approval gate by `approved`,
 * how. One backward search from all postings, so the rule stays linear however many AI steps there are.
 */
function towardsPosting(ctx: LintContext): Map<string, Towards> {
  const queue = [...ctx.nodes.values()].filter(isPosting).map((item) => item.node.id);
  const towards = new Map<string, Towards>(queue.map((id) => [id, { edge: null, posting: id }]));
  for (let head = 0; head < queue.length; head += 1) {
    const target = queue[head] as string;
    const posting = towards.get(target)?.posting ?? target;
    for (const edge of ctx.incoming.get(target) ?? []) {
      if (towards.has(edge.source) || passesGate(ctx, edge)) continue;
      towards.set(edge.source, { edge, posting });
      queue.push(edge.source);
    }
  }
  return towards;
}

/** The path from `id` to its posting, e.g. `"AI triage" → "Approve" (expired) → "Post"`; a long one is cut short. */
function pathFrom(ctx: LintContext, towards: ReadonlyMap<string, Towards>, id: string, posting: string): string {
  const steps: string[] = [];
  let at = id;
  for (let edge = towards.get(at)?.edge; edge != null; edge = towards.get(at)?.edge) {
    if (steps.length === 4) {
      steps.push('…');
      break;
    }
    steps.push(stepText(ctx, edge));
    at = edge.target;
  }
  return [...steps, quoted(ctx, posting)].join(' → ');
}

/**
 * `ai_drives_posting`: an AI node from which a posting or payment is reachable without leaving an
 * approval gate by `approved`, or an AI node that itself posts or pays. AI advises, people decide.
 */
export function aiDrivesPosting(ctx: LintContext): LintFinding[] {
  const ai = [...ctx.nodes.values()].filter((item) => item.capabilities.has('ai'));
  if (ai.length === 0) return [];
  const towards = towardsPosting(ctx);
  return ai.flatMap((item): LintFinding[] => {
    const id = item.node.id;
    if (isPosting(item)) {
      return [{ code: 'ai_drives_posting', severity: 'error', nodeId: id, message: `AI step ${quoted(ctx, id)} posts or pays itself: let it advise only, and post from a separate step behind an approval.` }];
    }
    const posting = towards.get(id)?.posting;
    if (posting === undefined) return [];
    return [
      {
        code: 'ai_drives_posting',
        severity: 'error',
        nodeId: id,
        message:
          `The output of AI step ${quoted(ctx, id)} reaches ${quoted(ctx, posting)}, which posts or pays, with no person deciding (${pathFrom(ctx, towards, id, posting)}): ` +
          'put an approval step between them and continue from its approved port.',
      },
    ];
  });
}
