/** A JSON-style object: what nodes may merge or extend (arrays, dates and class instances are not). */
export type PlainObject = Record<string, unknown>;

/** Whether `value` is a plain object, so spreading it keeps all of its data. */
export function isPlainObject(value: unknown): value is PlainObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
