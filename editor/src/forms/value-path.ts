/** A path into a config value: object keys and array indexes, as in validation issues. */
export type ValuePath = readonly (string | number)[];

/** Whether a value is a plain JSON object (not an array or null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path`, or undefined when any step is missing. */
export function getIn(root: unknown, path: ValuePath): unknown {
  let current = root;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isRecord(current)) current = Object.hasOwn(current, key) ? current[key] : undefined;
    else return undefined;
  }
  return current;
}

/**
 * A copy of `root` with `value` at `path`; the input is never mutated and untouched branches are shared.
 * `undefined` removes an object key (an optional field left empty); in an array it becomes `null`,
 * since dropping the element would shift every later item under the user's cursor.
 */
export function setIn(root: unknown, path: ValuePath, value: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  const child = setIn(getIn(root, [key]), rest, value);
  if (Array.isArray(root) && typeof key === 'number') {
    const next = [...root];
    next[key] = child === undefined ? null : child;
    return next;
  }
  const base: Record<string, unknown> = isRecord(root) ? { ...root } : {};
  if (child === undefined) delete base[key];
  else base[key] = child;
  return base;
}

/** A copy of `record` with `from` renamed to `to`, keeping the key's position; unchanged when `to` is taken. */
export function renameKey(record: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  if (from === to || !Object.hasOwn(record, from) || Object.hasOwn(record, to)) return record;
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key === from ? to : key, value]));
}

/** The first of `base`, `base2`, `base3`, ... that is not a key of `record`. */
export function freshKey(record: Record<string, unknown>, base: string): string {
  if (!Object.hasOwn(record, base)) return base;
  let n = 2;
  while (Object.hasOwn(record, `${base}${n}`)) n += 1;
  return `${base}${n}`;
}

/** A copy of `items` with the item at `from` moved to `to` (both clamped to the list). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  if (from < 0 || from >= next.length) return next;
  const [moved] = next.splice(from, 1) as [T];
  next.splice(Math.max(0, Math.min(next.length, to)), 0, moved);
  return next;
}

/** A copy of `items` without the item at `index`. */
export function removeItem<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}
