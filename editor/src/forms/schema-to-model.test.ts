import { describe, expect, it } from 'vitest';
import type { FieldModel, FieldOf } from './field-model.ts';
import { NODE_SCHEMAS } from './node-schemas.fixture.ts';
import { schemaToModel } from './schema-to-model.ts';

function root(type: string): FieldOf<'object'> {
  const model = schemaToModel(NODE_SCHEMAS[type] ?? {});
  if (model.kind !== 'object') throw new Error(`${type} is not an object schema`);
  return model;
}

function prop(model: FieldOf<'object'>, key: string): FieldModel & { required: boolean } {
  const found = model.properties.find((p) => p.key === key);
  if (found === undefined) throw new Error(`no property ${key}`);
  return { ...found.field, required: found.required };
}

describe('schemaToModel on real node schemas', () => {
  it('connector.http: enum, uri text, string record, bounded integer with default, boolean, any', () => {
    const http = root('connector.http');
    expect(prop(http, 'method')).toMatchObject({ kind: 'enum', options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], required: true, title: 'Method' });
    expect(prop(http, 'url')).toMatchObject({ kind: 'string', format: 'uri', required: true, multiline: false });
    expect(prop(http, 'headers')).toMatchObject({ kind: 'record', values: { kind: 'string' }, keyPattern: expect.any(String) as string });
    expect(prop(http, 'timeoutMs')).toMatchObject({ kind: 'number', integer: true, minimum: 1, maximum: 300000, default: 30000, required: false });
    expect(prop(http, 'failOnHttpError')).toMatchObject({ kind: 'boolean', default: true });
    expect(prop(http, 'body')).toMatchObject({ kind: 'any', title: 'Body' });
  });

  it('data.set: a record of any values; data.code: a multiline string', () => {
    expect(prop(root('data.set'), 'fields')).toMatchObject({ kind: 'record', values: { kind: 'any' }, required: true });
    expect(prop(root('data.code'), 'source')).toMatchObject({ kind: 'string', multiline: true });
  });

  it('flow.switch: an array of objects with required properties', () => {
    const cases = prop(root('flow.switch'), 'cases');
    expect(cases).toMatchObject({ kind: 'array', minItems: 1 });
    if (cases.kind !== 'array' || cases.items.kind !== 'object') throw new Error('cases is not a list of objects');
    expect(cases.items.properties.map((p) => [p.key, p.field.kind, p.required])).toEqual([
      ['port', 'string', true],
      ['equals', 'any', true],
    ]);
  });

  it('flow.wait: date-time format and a large integer bound; trigger.manual: no required fields', () => {
    const wait = root('flow.wait');
    expect(prop(wait, 'until')).toMatchObject({ kind: 'string', format: 'date-time' });
    expect(prop(wait, 'durationMs')).toMatchObject({ kind: 'number', integer: true, minimum: 0, maximum: 31622400000 });
    expect(root('trigger.manual').properties.every((p) => !p.required)).toBe(true);
  });
});

describe('schemaToModel on other JSON Schema shapes', () => {
  it('turns anyOf, type lists and nullable into unions with distinct labels', () => {
    expect(schemaToModel({ anyOf: [{ type: 'string' }, { type: 'number' }] })).toMatchObject({
      kind: 'union',
      options: [{ label: 'Text', field: { kind: 'string' } }, { label: 'Number', field: { kind: 'number' } }],
    });
    expect(schemaToModel({ type: ['string', 'null'], title: 'Note', maxLength: 5 })).toMatchObject({
      kind: 'union',
      title: 'Note',
      options: [{ label: 'Text', field: { kind: 'string', maxLength: 5 } }, { label: 'None', field: { kind: 'null' } }],
    });
    const same = schemaToModel({ oneOf: [{ type: 'string' }, { type: 'string' }] });
    expect(same.kind === 'union' && same.options.map((o) => o.label)).toEqual(['Text', 'Text 2']);
  });

  it('resolves local $refs, keeps the outer title, and stops at recursion', () => {
    const schema = {
      type: 'object',
      properties: { a: { $ref: '#/$defs/Amount', title: 'Amount' }, tree: { $ref: '#/$defs/Tree' } },
      $defs: {
        Amount: { type: 'number', exclusiveMinimum: 0 },
        Tree: { type: 'object', properties: { child: { $ref: '#/$defs/Tree' } } },
      },
    };
    const model = schemaToModel(schema);
    if (model.kind !== 'object') throw new Error('not an object');
    expect(model.properties[0]?.field).toMatchObject({ kind: 'number', title: 'Amount', minimum: 0 });
    expect(model.properties[1]?.field).toMatchObject({ kind: 'object', properties: [{ key: 'child', field: { kind: 'json' } }] });
  });

  it('maps const, single allOf, exclusive integer bounds, and falls back to JSON for the rest', () => {
    expect(schemaToModel({ const: 'fixed' })).toMatchObject({ kind: 'enum', options: ['fixed'] });
    expect(schemaToModel({ allOf: [{ type: 'boolean' }], title: 'Flag' })).toMatchObject({ kind: 'boolean', title: 'Flag' });
    expect(schemaToModel({ type: 'integer', exclusiveMinimum: 0 })).toMatchObject({ minimum: 1 });
    expect(schemaToModel({ allOf: [{ type: 'string' }, { minLength: 1 }] })).toMatchObject({ kind: 'json' });
    expect(schemaToModel({ type: 'array', prefixItems: [{ type: 'string' }] })).toMatchObject({ kind: 'json' });
    expect(schemaToModel({ not: { type: 'string' } })).toMatchObject({ kind: 'json' });
    expect(schemaToModel({})).toMatchObject({ kind: 'any' });
    expect(schemaToModel({ type: 'object' })).toMatchObject({ kind: 'record', values: { kind: 'any' } });
    expect(schemaToModel({ type: 'array' })).toMatchObject({ kind: 'array', items: { kind: 'any' } });
  });
});
