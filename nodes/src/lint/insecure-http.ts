import { isTemplate, type LintFinding } from '@countersign/shared';
import { quoted, type LintContext } from './lint-context.ts';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
const PLAIN_HTTP = /^http:\/\//i;

/** The host of a plain-http URL, or undefined when it does not parse. */
function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The host of a template URL when the literal text before the first `{{` fixes it (it reaches a
 * `/`, `?` or `#` after the scheme); otherwise an expression could still change it (even
 * `http://localhost:{{ x }}` can turn into `http://localhost:80@elsewhere`).
 */
function literalHost(template: string): string | undefined {
  const prefix = template.slice(0, template.indexOf('{{'));
  const end = prefix.slice('http://'.length).search(/[/?#]/);
  return end === -1 ? undefined : hostOf(prefix.slice(0, 'http://'.length + end));
}

/**
 * `insecure_http`: an HTTP call over plain http to anything but this machine sends invoices and
 * credentials readable and changeable on the way. A URL whose host comes from an expression cannot
 * be judged: it is a warning when it starts with `http://`, and skipped otherwise.
 */
export function insecureHttp(ctx: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const item of ctx.nodes.values()) {
    const url = item.config['url'];
    if (item.node.type !== 'connector.http' || item.definition === undefined || typeof url !== 'string' || !PLAIN_HTTP.test(url)) continue;
    const host = isTemplate(url) ? literalHost(url) : hostOf(url);
    const nodeId = item.node.id;
    if (host === undefined && isTemplate(url)) {
      findings.push({
        code: 'insecure_http',
        severity: 'warning',
        nodeId,
        message: `${quoted(ctx, nodeId)} calls a plain http:// address whose host comes from an expression: use https:// unless the host is always this machine.`,
      });
    } else if (host !== undefined && !LOOPBACK.has(host)) {
      findings.push({
        code: 'insecure_http',
        severity: 'error',
        nodeId,
        message: `${quoted(ctx, nodeId)} calls ${host} over plain http://, so the data and any credentials travel unencrypted: use https://${host}/... instead.`,
      });
    }
  }
  return findings;
}
