/** Splits a dotted path; empty segments are kept so the save-time check can report them. */
export function pathSegments(path: string): string[] {
  return path.split('.');
}

/** Whether a dotted path is well formed: non-empty segments only. */
export function isValidPath(path: string): boolean {
  return pathSegments(path).every((segment) => segment.trim() !== '');
}

/**
 * The value at a dotted path, or undefined. Only own properties are read, so a path such as
 * `constructor.name` finds nothing rather than the prototype's; numeric segments index arrays.
 */
export function getPath(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const segment of pathSegments(path)) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = Reflect.get(current, segment);
  }
  return current;
}

/** Whether a value counts as absent: missing, null, or text that is empty or only whitespace. */
export function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
