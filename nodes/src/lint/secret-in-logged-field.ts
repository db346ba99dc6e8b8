import { collectTemplates, parseTemplate, type LintFinding } from '@countersign/shared';
import { quoted, type LintContext } from './lint-context.ts';

// `$secrets.x`, `$secrets["x"]`, `$credentials.x`, or the whole object.
const SECRET_READ = /\$(?:secrets|credentials)(?![\w$])/;

/** Whether a template has an expression that reads a secret (the parts before a syntax error count too). */
function readsSecret(template: string): boolean {
  return parseTemplate(template).parts.some((part) => part.kind === 'expr' && SECRET_READ.test(part.source));
}

/** A config path as the editor shows it, e.g. `fields.token` or `levels[0].name`. */
function pathText(path: readonly (string | number)[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

/**
 * `secret_in_logged_field`: an expression reading `$secrets` or `$credentials` in a config field that is
 * kept in logs and run data, i.e. any field but the node type's declared `secretFields` (which are
 * redacted) and its `literalFields` (never evaluated). Unknown node types are skipped.
 */
export function secretInLoggedField(ctx: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const item of ctx.nodes.values()) {
    const { definition } = item;
    if (definition === undefined) continue;
    const skip = new Set([...(definition.secretFields ?? []), ...(definition.literalFields ?? [])]);
    const exposed = Object.entries(item.config)
      .filter(([key]) => !skip.has(key))
      .flatMap(([key, value]) => collectTemplates(value, [key]))
      .filter((found) => readsSecret(found.template));
    if (exposed.length === 0) continue;
    const where = exposed.map((found) => pathText(found.path)).join(', ');
    const safe = definition.secretFields?.length ? `; put credentials only in ${definition.secretFields.join(', ')}, which are redacted` : '; this step has no field that is redacted';
    findings.push({
      code: 'secret_in_logged_field',
      severity: 'error',
      nodeId: item.node.id,
      message: `${quoted(ctx, item.node.id)} reads a secret in ${where}, which is kept in logs and run data: remove it from there${safe}.`,
    });
  }
  return findings;
}
