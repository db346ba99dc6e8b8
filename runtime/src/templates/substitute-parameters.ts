/** A place in a JSON value, as keys and indexes from its root. */
export type JsonPath = (string | number)[];

/** Where a parameter was substituted (to pin a graph issue there on the parameter). */
export interface ParameterUse {
  path: JsonPath;
  parameter: string;
}

// `{{param:name}}`, tolerating spaces inside the braces. Never an expression: it is replaced before any run.
const NAME = '[A-Za-z_][A-Za-z0-9_]{0,63}';
const EXACT = new RegExp(`^\\{\\{\\s*param:(${NAME})\\s*\\}\\}$`);
const INSIDE = () => new RegExp(`\\{\\{\\s*param:(${NAME})\\s*\\}\\}`, 'g');

// A value that disappears: the placeholder of an optional parameter left out without a default.
const REMOVED = Symbol('removed');

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const asText = (value: unknown): string => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/** The parameter names that `{{param:<name>}}` placeholders refer to anywhere in a JSON value. */
export function placeholderNames(value: unknown): string[] {
  const names = new Set<string>();
  const walk = (current: unknown): void => {
    if (typeof current === 'string') for (const match of current.matchAll(INSIDE())) names.add(match[1] ?? '');
    else if (Array.isArray(current)) current.forEach(walk);
    else if (isRecord(current)) Object.values(current).forEach(walk);
  };
  walk(value);
  return [...names].sort();
}

/**
 * Substitutes parameter values into a JSON value (a template graph), returning a new value: a string
 * exactly equal to `{{param:<name>}}` becomes the value itself (its JSON type kept), or disappears when
 * the parameter has no value; inside a longer string the placeholder is replaced by the value as text.
 */
export function substituteParameters(value: unknown, values: Readonly<Record<string, unknown>>): { value: unknown; uses: ParameterUse[] } {
  const uses: ParameterUse[] = [];
  const walk = (current: unknown, path: JsonPath): unknown => {
    if (typeof current === 'string') {
      const exact = EXACT.exec(current);
      if (exact?.[1] !== undefined) {
        uses.push({ path, parameter: exact[1] });
        return Object.hasOwn(values, exact[1]) && values[exact[1]] !== undefined ? values[exact[1]] : REMOVED;
      }
      return current.replace(INSIDE(), (_match, name: string) => {
        uses.push({ path, parameter: name });
        return Object.hasOwn(values, name) ? asText(values[name]) : '';
      });
    }
    if (Array.isArray(current)) return current.map((item, i) => walk(item, [...path, i])).filter((item) => item !== REMOVED);
    if (isRecord(current)) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(current)) {
        const next = walk(item, [...path, key]);
        if (next !== REMOVED) out[key] = next;
      }
      return out;
    }
    return current;
  };
  const result = walk(value, []);
  return { value: result === REMOVED ? undefined : result, uses };
}

/** The parameter whose substitution produced the value at `path` (or a value inside it, or around it). */
export function parameterAt(uses: readonly ParameterUse[], path: readonly (string | number)[]): string | undefined {
  const prefix = (a: readonly (string | number)[], b: readonly (string | number)[]): boolean => a.length <= b.length && a.every((key, i) => String(key) === String(b[i]));
  // The deepest use wins: the field itself before a container holding it.
  const found = uses.filter((use) => prefix(use.path, path) || prefix(path, use.path)).sort((a, b) => b.path.length - a.path.length);
  return found[0]?.parameter;
}
