import type { EnumValue, FieldMeta, FieldModel, PropertyModel, UnionOption } from './field-model.ts';
import { kindLabel } from './field-model.ts';

/** A JSON Schema object as served by `GET /api/node-types` (`z.toJSONSchema` output). */
export type JsonSchema = Record<string, unknown>;

// Recursive schemas ($ref cycles) and absurd nesting end in a JSON text area instead of looping.
const MAX_DEPTH = 16;
// Strings allowed to be this long are code or prose: a text area suits them better than a line.
const MULTILINE_AFTER = 1000;

interface Walk {
  root: JsonSchema;
  refs: readonly string[];
  depth: number;
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function num(schema: JsonSchema, key: string): number | undefined {
  const value = schema[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function str(schema: JsonSchema, key: string): string | undefined {
  const value = schema[key];
  return typeof value === 'string' ? value : undefined;
}

function readMeta(schema: JsonSchema): FieldMeta {
  const meta: FieldMeta = {};
  const title = str(schema, 'title');
  const description = str(schema, 'description');
  if (title !== undefined) meta.title = title;
  if (description !== undefined) meta.description = description;
  if ('default' in schema) meta.default = schema.default;
  return meta;
}

function isEnumValue(value: unknown): value is EnumValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function resolveRef(root: JsonSchema, ref: string): unknown {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let current: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    current = isObject(current) ? current[key] : undefined;
  }
  return current;
}

function union(meta: FieldMeta, alternatives: unknown[], walk: Walk): FieldModel {
  const seen = new Map<string, number>();
  const options: UnionOption[] = alternatives.map((alternative) => {
    const field = build(alternative, walk);
    const base = field.title ?? kindLabel(field);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { label: count === 1 ? base : `${base} ${count}`, field };
  });
  return { ...meta, kind: 'union', options };
}

function objectModel(meta: FieldMeta, schema: JsonSchema, walk: Walk): FieldModel {
  const properties = isObject(schema.properties) ? schema.properties : undefined;
  const extra = schema.additionalProperties;
  if (properties === undefined || Object.keys(properties).length === 0) {
    if (extra === false) return { ...meta, kind: 'object', properties: [] };
    const keyPattern = isObject(schema.propertyNames) ? str(schema.propertyNames, 'pattern') : undefined;
    const values = build(extra ?? {}, walk);
    return keyPattern === undefined ? { ...meta, kind: 'record', values } : { ...meta, kind: 'record', values, keyPattern };
  }
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((k) => typeof k === 'string') : []);
  const props: PropertyModel[] = Object.entries(properties).map(([key, sub]) => ({
    key,
    required: required.has(key),
    field: build(sub, walk),
  }));
  return { ...meta, kind: 'object', properties: props };
}

function typed(meta: FieldMeta, type: unknown, schema: JsonSchema, walk: Walk): FieldModel {
  switch (type) {
    case 'string': {
      const maxLength = num(schema, 'maxLength');
      const model: FieldModel = { ...meta, kind: 'string', multiline: (maxLength ?? 0) > MULTILINE_AFTER };
      const format = str(schema, 'format');
      const minLength = num(schema, 'minLength');
      const pattern = str(schema, 'pattern');
      if (format !== undefined) model.format = format;
      if (minLength !== undefined) model.minLength = minLength;
      if (maxLength !== undefined) model.maxLength = maxLength;
      if (pattern !== undefined) model.pattern = pattern;
      return model;
    }
    case 'number':
    case 'integer': {
      const integer = type === 'integer';
      const model: FieldModel = { ...meta, kind: 'number', integer };
      const exclusiveMin = num(schema, 'exclusiveMinimum');
      const exclusiveMax = num(schema, 'exclusiveMaximum');
      // An exclusive integer bound is the next integer inside; for decimals the bound is only a hint.
      const minimum = num(schema, 'minimum') ?? (exclusiveMin === undefined ? undefined : exclusiveMin + (integer ? 1 : 0));
      const maximum = num(schema, 'maximum') ?? (exclusiveMax === undefined ? undefined : exclusiveMax - (integer ? 1 : 0));
      if (minimum !== undefined) model.minimum = minimum;
      if (maximum !== undefined) model.maximum = maximum;
      return model;
    }
    case 'boolean':
      return { ...meta, kind: 'boolean' };
    case 'null':
      return { ...meta, kind: 'null' };
    case 'object':
      return objectModel(meta, schema, walk);
    case 'array': {
      const items = schema.items;
      if (Array.isArray(schema.prefixItems) || (items !== undefined && items !== true && !isObject(items))) {
        return { ...meta, kind: 'json', reason: 'tuple' };
      }
      const model: FieldModel = { ...meta, kind: 'array', items: build(items ?? {}, walk) };
      const minItems = num(schema, 'minItems');
      const maxItems = num(schema, 'maxItems');
      if (minItems !== undefined) model.minItems = minItems;
      if (maxItems !== undefined) model.maxItems = maxItems;
      return model;
    }
    case undefined: {
      if ('properties' in schema || 'additionalProperties' in schema) return objectModel(meta, schema, walk);
      if ('items' in schema) return typed(meta, 'array', schema, walk);
      const structural = Object.keys(schema).filter((key) => !['title', 'description', 'default', '$schema', 'examples', '$id'].includes(key));
      return structural.length === 0 ? { ...meta, kind: 'any' } : { ...meta, kind: 'json', reason: `unsupported: ${structural.join(', ')}` };
    }
    default:
      return { ...meta, kind: 'json', reason: `type ${String(type)}` };
  }
}

function build(raw: unknown, walk: Walk): FieldModel {
  if (raw === true) return { kind: 'any' };
  if (!isObject(raw)) return { kind: 'json', reason: 'not a schema' };
  const meta = readMeta(raw);
  const deeper: Walk = { ...walk, depth: walk.depth + 1 };
  if (walk.depth > MAX_DEPTH) return { ...meta, kind: 'json', reason: 'nested too deeply' };
  const ref = str(raw, '$ref');
  if (ref !== undefined) {
    const target = resolveRef(walk.root, ref);
    if (walk.refs.includes(ref) || target === undefined) return { ...meta, kind: 'json', reason: `$ref ${ref}` };
    return { ...build(target, { ...deeper, refs: [...walk.refs, ref] }), ...meta };
  }
  if (Array.isArray(raw.allOf)) {
    const [only, ...rest] = raw.allOf;
    if (rest.length > 0 || !isObject(only)) return { ...meta, kind: 'json', reason: 'allOf' };
    const { allOf: _allOf, ...own } = raw;
    return build({ ...only, ...own }, deeper);
  }
  if ('const' in raw && isEnumValue(raw.const)) return { ...meta, kind: 'enum', options: [raw.const] };
  if (Array.isArray(raw.enum)) return { ...meta, kind: 'enum', options: raw.enum.filter(isEnumValue) };
  const alternatives = Array.isArray(raw.anyOf) ? raw.anyOf : Array.isArray(raw.oneOf) ? raw.oneOf : undefined;
  if (alternatives !== undefined) return union(meta, alternatives, deeper);
  if (Array.isArray(raw.type)) {
    // The alternatives share the constraints but not the label: the title stays on the union.
    const { type: types, title: _title, description: _description, default: _default, ...rest } = raw;
    return union(meta, types.map((type: unknown) => ({ ...rest, type })), deeper);
  }
  return typed(meta, raw.type, raw, deeper);
}

/** Turns a node type's config schema into the field model the form renders; unknown parts become JSON fields. */
export function schemaToModel(schema: JsonSchema): FieldModel {
  return build(schema, { root: schema, refs: [], depth: 0 });
}
