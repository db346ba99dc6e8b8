type Schema = Record<string, unknown>;

/**
 * The config a new node starts with, from its JSON Schema: each property's `default`, and for a
 * required property without one, the first option of an enum, or an empty object or list. Strings,
 * numbers and booleans stay empty: the form asks for them, since a guessed value could run.
 */
export function defaultConfig(schema: Schema): Record<string, unknown> {
  const properties = schema['properties'];
  if (typeof properties !== 'object' || properties === null) return {};
  const required = new Set(Array.isArray(schema['required']) ? schema['required'] : []);
  const config: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(properties as Record<string, unknown>)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const property = raw as Schema;
    if ('default' in property) config[key] = structuredClone(property['default']);
    else if (!required.has(key)) continue;
    else if (Array.isArray(property['enum']) && property['enum'].length > 0) config[key] = property['enum'][0];
    else if (property['type'] === 'object') config[key] = {};
    else if (property['type'] === 'array') config[key] = [];
  }
  return config;
}
