import { EXPRESSION_GLOBALS } from '@countersign/shared';
import type { ExpressionContext } from './expression-context.ts';

/** One completion offered to the user. */
export interface CompletionItem {
  label: string;
  /** The text that replaces `from..to`. */
  insert: string;
  detail?: string;
}

/** The completions at a caret: the items and the span of text an accepted item replaces. */
export interface Completion {
  from: number;
  to: number;
  items: CompletionItem[];
}

const GLOBAL_DETAILS: Record<string, string> = {
  $input: 'input of this step',
  $node: 'output of an upstream node',
  $run: 'run id, attempt, test flag',
  $now: 'current time (Date)',
  $vars: 'workspace variables',
};

// Mirrors the runtime's ExpressionScope.run: metadata every expression can read.
const RUN_FIELDS = ['id', 'workflowId', 'versionHash', 'isTest', 'attempt'];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Start of the expression source around `caret` (just after its `{{`), or -1 when the caret is outside `{{ }}`. */
export function expressionStartAt(text: string, caret: number): number {
  if (caret < 2) return -1;
  const open = text.lastIndexOf('{{', caret - 2);
  if (open === -1) return -1;
  return text.slice(open + 2, caret).includes('}}') ? -1 : open + 2;
}

function rank(candidates: readonly string[], partial: string): string[] {
  const needle = partial.toLowerCase();
  const hits = candidates.filter((c) => c.toLowerCase().includes(needle));
  return [...hits.filter((c) => c.toLowerCase().startsWith(needle)), ...hits.filter((c) => !c.toLowerCase().startsWith(needle))];
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

function nodeLabels(text: string, caret: number, before: string, ctx: ExpressionContext): Completion | null {
  const match = /\$node\s*\[\s*(?:(["'])((?:[^"'\\]|\\.)*))?$/.exec(before);
  if (match === null) return null;
  // Swallow what the user may already have typed after the caret: the closing quote, bracket, `.output`.
  const tail = /^(?:["'])?\s*\](?:\.output\b)?/.exec(text.slice(caret));
  const items = rank(ctx.upstreamLabels, unescape(match[2] ?? '')).map((label) => ({
    label,
    insert: `$node[${JSON.stringify(label)}].output`,
    detail: 'upstream node output',
  }));
  return { from: caret - match[0].length, to: caret + (tail?.[0].length ?? 0), items };
}

function members(text: string, caret: number, before: string, root: '$input' | '$run', names: readonly string[]): Completion | null {
  const match = new RegExp(`\\${root}\\.([\\w$]*)$`).exec(before);
  if (match === null) return null;
  const partial = match[1] ?? '';
  const rest = /^[\w$]*/.exec(text.slice(caret))?.[0] ?? '';
  const dot = caret - partial.length - 1;
  const items = rank(names, partial).map((name) =>
    IDENTIFIER.test(name) ? { label: name, insert: `.${name}` } : { label: name, insert: `[${JSON.stringify(name)}]` },
  );
  return { from: dot, to: caret + rest.length, items };
}

function globals(caret: number, before: string): Completion | null {
  const match = /(?:^|[^\w$.])(\$[\w$]*)$/.exec(before);
  if (match === null) return null;
  const partial = match[1] ?? '$';
  const names = EXPRESSION_GLOBALS.filter((name) => name.startsWith(partial));
  // Once the whole name is typed, the list would only repeat it.
  if (names.length === 1 && names[0] === partial && partial !== '$node') return null;
  const items = names.map((name) => ({
    label: name,
    // `$node` alone is never useful: go straight on to the label list.
    insert: name === '$node' ? '$node["' : name,
    detail: GLOBAL_DETAILS[name] ?? '',
  }));
  return { from: caret - partial.length, to: caret, items };
}

/** The completions for `text` with the caret at `caret`, or null when there is nothing to offer. */
export function completionsAt(text: string, caret: number, ctx: ExpressionContext): Completion | null {
  const start = expressionStartAt(text, caret);
  if (start === -1) return null;
  const before = text.slice(start, caret);
  const found =
    nodeLabels(text, caret, before, ctx) ??
    members(text, caret, before, '$input', ctx.inputFields) ??
    members(text, caret, before, '$run', RUN_FIELDS) ??
    globals(caret, before);
  return found !== null && found.items.length > 0 ? found : null;
}

/** The text and caret after accepting `item` of `completion`. */
export function applyCompletion(text: string, completion: Completion, item: CompletionItem): { text: string; caret: number } {
  const next = text.slice(0, completion.from) + item.insert + text.slice(completion.to);
  return { text: next, caret: completion.from + item.insert.length };
}
