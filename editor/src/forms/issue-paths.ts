import type { ValuePath } from './value-path.ts';

/** A validation issue as the form receives it: its path is relative to the node's config. */
export interface FormIssue {
  code: string;
  path: (string | number)[];
  message: string;
}

// Issues from JSON may carry indexes as strings ("0"); compare path steps as text.
function same(a: string | number, b: string | number): boolean {
  return String(a) === String(b);
}

/** Whether `prefix` is `path` or one of its ancestors. */
export function startsWith(path: ValuePath, prefix: ValuePath): boolean {
  return prefix.length <= path.length && prefix.every((key, i) => same(key, path[i] as string | number));
}

/** Whether two paths name the same field. */
export function pathEquals(a: ValuePath, b: ValuePath): boolean {
  return a.length === b.length && startsWith(a, b);
}

/** The issues about exactly the field at `path`. */
export function issuesAt<I extends FormIssue>(issues: readonly I[], path: ValuePath): I[] {
  return issues.filter((issue) => pathEquals(issue.path, path));
}

/** The issues about fields strictly inside `path` (rolled up onto a group as a count). */
export function issuesBelow<I extends FormIssue>(issues: readonly I[], path: ValuePath): I[] {
  return issues.filter((issue) => issue.path.length > path.length && startsWith(issue.path, path));
}

/**
 * The issues no rendered field claims: the root's own (path []) and those whose first key is not a
 * known top-level field (an unrecognised key, say). The form lists them above its fields.
 */
export function unclaimedIssues<I extends FormIssue>(issues: readonly I[], fieldKeys: readonly string[]): I[] {
  const known = new Set(fieldKeys);
  return issues.filter((issue) => issue.path.length === 0 || !known.has(String(issue.path[0])));
}
