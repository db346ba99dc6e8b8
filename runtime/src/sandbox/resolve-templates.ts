import { CountersignError, isTemplate, parseTemplate } from '@countersign/shared';

type Path = (string | number)[];

/**
 * Returns a copy of `config` with every template string resolved by `evaluate`, except under the
 * top-level `literalFields`. A string that is exactly one `{{ }}` keeps the raw value; mixed text
 * interpolates. Failures are rethrown naming the config path (`config.url: Expression "…": …`).
 */
export function resolveTemplates(
  config: Record<string, unknown>,
  literalFields: readonly string[],
  evaluate: (source: string) => unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    setOwn(out, key, literalFields.includes(key) ? value : resolveValue(value, [key], evaluate));
  }
  return out;
}

function resolveValue(value: unknown, path: Path, evaluate: (source: string) => unknown): unknown {
  if (isTemplate(value)) return resolveString(value, path, evaluate);
  if (Array.isArray(value)) return value.map((item, index) => resolveValue(item, [...path, index], evaluate));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) setOwn(out, key, resolveValue(item, [...path, key], evaluate));
    return out;
  }
  return value;
}

/** Assigns an own property even for a key like `__proto__`, which plain assignment would treat as the prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function resolveString(template: string, path: Path, evaluate: (source: string) => unknown): unknown {
  const parsed = parseTemplate(template);
  try {
    if (parsed.error !== undefined) throw new CountersignError('EXPRESSION_ERROR', parsed.error);
    if (parsed.single) {
      const expr = parsed.parts.find((part) => part.kind === 'expr');
      return expr === undefined ? template : evaluate(expr.source);
    }
    let text = '';
    for (const part of parsed.parts) text += part.kind === 'text' ? part.text : interpolate(evaluate(part.source));
    return text;
  } catch (thrown) {
    throw atPath(thrown, path);
  }
}

/** How a value reads inside text: strings as is, null/undefined as nothing, objects as JSON. */
export function interpolate(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `config.lines[0].amount`, or `config["x-key"]` for keys that are not identifiers. */
export function formatConfigPath(path: Path): string {
  let text = 'config';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) text += `.${key}`;
    else text += `[${JSON.stringify(key)}]`;
  }
  return text;
}

function atPath(thrown: unknown, path: Path): unknown {
  if (!(thrown instanceof CountersignError)) return thrown;
  return new CountersignError(thrown.code, `${formatConfigPath(path)}: ${thrown.message}`, {
    details: { ...thrown.details, path },
    cause: thrown.cause ?? thrown,
    retryable: thrown.retryable,
  });
}
