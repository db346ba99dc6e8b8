/** A piece of a config string: literal text or a `{{ }}` expression. */
export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'expr'; source: string; start: number; end: number };

/** A parsed config string. `single` is set when the whole string is one expression (its value is kept raw). */
export interface ParsedTemplate {
  parts: TemplatePart[];
  single: boolean;
  error?: string;
}

const OPEN = '{{';
const CLOSE = '}}';

/** Whether a config value is a string holding at least one `{{ }}` expression. */
export function isTemplate(value: unknown): value is string {
  return typeof value === 'string' && value.includes(OPEN);
}

/** Splits a string into text and expression parts; an unclosed `{{` or an empty expression is reported in `error`. */
export function parseTemplate(input: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  let cursor = 0;
  while (cursor < input.length) {
    const open = input.indexOf(OPEN, cursor);
    if (open === -1) {
      parts.push({ kind: 'text', text: input.slice(cursor) });
      break;
    }
    if (open > cursor) parts.push({ kind: 'text', text: input.slice(cursor, open) });
    const close = input.indexOf(CLOSE, open + OPEN.length);
    if (close === -1) return { parts, single: false, error: `Unclosed "{{" at position ${open}` };
    const source = input.slice(open + OPEN.length, close).trim();
    if (source === '') return { parts, single: false, error: `Empty expression at position ${open}` };
    parts.push({ kind: 'expr', source, start: open, end: close + CLOSE.length });
    cursor = close + CLOSE.length;
  }
  const exprs = parts.filter((p) => p.kind === 'expr');
  const single = exprs.length === 1 && parts.every((p) => p.kind === 'expr' || p.text.trim() === '');
  return { parts, single };
}

/**
 * The function body every expression is compiled into, here (syntax check) and in the sandbox (evaluation),
 * so both agree on what is valid.
 */
export function expressionBody(source: string): string {
  return `"use strict"; return (\n${source}\n);`;
}

/** The names an expression can read; the sandbox defines exactly these. */
export const EXPRESSION_GLOBALS = ['$input', '$node', '$run', '$now', '$vars'] as const;

/**
 * Compiles (never runs) an expression to find syntax errors. Returns the message, or null when valid.
 * Where the platform forbids compiling code (a strict CSP), the check is skipped; the runtime checks again.
 */
export function checkExpressionSyntax(source: string): string | null {
  try {
    // Compiled only, never called: a syntax check without evaluation.
    new Function(...EXPRESSION_GLOBALS, expressionBody(source));
    return null;
  } catch (error) {
    if (error instanceof SyntaxError) return error.message;
    return null;
  }
}

const NODE_REF = /\$node\s*\[\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*\]/g;

/** Labels of the nodes an expression reads through `$node["label"]`. */
export function extractNodeReferences(source: string): string[] {
  const labels = new Set<string>();
  for (const match of source.matchAll(NODE_REF)) {
    const raw = match[1] ?? match[2] ?? '';
    labels.add(raw.replace(/\\(.)/g, '$1'));
  }
  return [...labels];
}

/** A template found inside a config object, with its path. */
export interface FoundTemplate {
  path: (string | number)[];
  template: string;
}

/** Walks a config value and lists every string that holds an expression. */
export function collectTemplates(value: unknown, path: (string | number)[] = []): FoundTemplate[] {
  if (isTemplate(value)) return [{ path, template: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => collectTemplates(item, [...path, index]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => collectTemplates(item, [...path, key]));
  }
  return [];
}
