import { checkExpressionSyntax, extractNodeReferences, parseTemplate } from '@countersign/shared';

/** A problem found in a template while the user types: errors stop a run, warnings may. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  message: string;
}

/**
 * Checks a template as the runtime will: an unclosed or empty `{{ }}`, a syntax error in an expression
 * (compiled, never run), and `$node["X"]` reading a node that is not upstream (a warning: it reads undefined).
 */
export function diagnoseTemplate(text: string, upstreamLabels: readonly string[]): Diagnostic[] {
  if (!text.includes('{{')) return [];
  const parsed = parseTemplate(text);
  if (parsed.error !== undefined) return [{ severity: 'error', message: parsed.error }];
  const diagnostics: Diagnostic[] = [];
  const unknown = new Set<string>();
  const known = new Set(upstreamLabels);
  for (const part of parsed.parts) {
    if (part.kind !== 'expr') continue;
    const syntax = checkExpressionSyntax(part.source);
    if (syntax !== null) diagnostics.push({ severity: 'error', message: `{{ ${part.source} }}: ${syntax}` });
    for (const label of extractNodeReferences(part.source)) if (!known.has(label)) unknown.add(label);
  }
  for (const label of unknown) {
    diagnostics.push({ severity: 'warning', message: `No upstream node is labelled "${label}"` });
  }
  return diagnostics;
}
