import type { LintFinding } from '@countersign/shared';
import { quoted, type LintContext } from './lint-context.ts';

/**
 * `unsigned_webhook`: a webhook trigger without a signature secret accepts requests from anyone who
 * knows its URL. A warning for now: the credential store that holds signing secrets lands later;
 * make it an error then.
 */
export function unsignedWebhook(ctx: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const item of ctx.nodes.values()) {
    if (item.node.type !== 'trigger.webhook' || item.definition === undefined) continue;
    const secret = item.config['signatureSecret'];
    if (typeof secret === 'string' && secret.trim() !== '') continue;
    findings.push({
      code: 'unsigned_webhook',
      severity: 'warning',
      nodeId: item.node.id,
      message: `Webhook ${quoted(ctx, item.node.id)} accepts unsigned requests from anyone who knows its URL: set a signature secret (Standard Webhooks signing) and give it to the calling system.`,
    });
  }
  return findings;
}
