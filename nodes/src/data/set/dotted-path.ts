import { isPlainObject, type PlainObject } from '../../internal/plain-object.ts';

// Writing through these names would reach Object.prototype (prototype pollution) instead of data.
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

/** Why a dotted field name cannot be used, or null when it is fine. */
export function dottedPathProblem(name: string): string | null {
  const segments = name.split('.');
  if (segments.some((segment) => segment === '')) return `Field "${name}" has an empty segment`;
  const forbidden = segments.find((segment) => FORBIDDEN_SEGMENTS.has(segment));
  if (forbidden !== undefined) return `Field "${name}" uses the reserved name "${forbidden}"`;
  return null;
}

/**
 * Returns a copy of `target` with `value` at the dotted `name`, copying only the objects on the path
 * so the caller's data is never mutated. A non-object on the way is replaced by a new object.
 */
export function setDottedPath(target: PlainObject, name: string, value: unknown): PlainObject {
  const [head, ...rest] = name.split('.');
  if (head === undefined) return target;
  if (rest.length === 0) return { ...target, [head]: value };
  const child = Object.hasOwn(target, head) ? target[head] : undefined;
  return { ...target, [head]: setDottedPath(isPlainObject(child) ? child : {}, rest.join('.'), value) };
}
