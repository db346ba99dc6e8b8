import { createNodeRegistry, outputPorts, validateGraph } from '@countersign/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runNode } from '../../testing/run-node.ts';
import { triggerManualNode } from '../../trigger/manual/manual.node.ts';
import { policyValidateNode } from './validate.node.ts';

const rules = [
  { check: 'required', field: 'vendor.id' },
  { check: 'format', field: 'vendor.iban', format: 'iban' },
  { check: 'format', field: 'currency', format: 'currency' },
  { check: 'range', field: 'totals.lineTotal', min: 1, integer: true },
  { check: 'sum', items: 'lines', itemField: 'netAmount', equalsField: 'totals.lineTotal' },
  { check: 'compare', field: 'dueDate', op: '>=', otherField: 'issueDate', message: 'Due date before the invoice date' },
] as const;

const invoice = {
  vendor: { id: 'V-100', iban: 'DE89 3704 0044 0532 0130 00' },
  currency: 'EUR',
  issueDate: '2025-01-15',
  dueDate: '2025-02-14',
  lines: [{ netAmount: 10000 }, { netAmount: 15033 }],
  totals: { lineTotal: 25033 },
};

describe('policy.validate', () => {
  it('emits on valid with the input and an empty violation list', async () => {
    expect(await runNode(policyValidateNode, { rules: [...rules] }, invoice)).toEqual({
      kind: 'emit',
      port: 'valid',
      output: { ...invoice, validation: { valid: true, violations: [] } },
    });
  });

  it('emits on invalid with every violation, in rule order', async () => {
    const bad = { ...invoice, vendor: { iban: 'DE89370400440532013001' }, dueDate: '2025-01-01', totals: { lineTotal: 25034 } };
    const result = await runNode(policyValidateNode, { rules: [...rules] }, bad);
    expect(result).toMatchObject({ kind: 'emit', port: 'invalid', output: { currency: 'EUR', validation: { valid: false } } });
    expect(result.kind === 'emit' && result.output).toMatchObject({
      validation: {
        violations: [
          { rule: 0, check: 'required', field: 'vendor.id', message: 'vendor.id is required' },
          { rule: 1, check: 'format', field: 'vendor.iban', actual: 'DE89370400440532013001' },
          { rule: 4, check: 'sum', field: 'totals.lineTotal', actual: 25033 },
          { rule: 5, check: 'compare', field: 'dueDate', message: 'Due date before the invoice date', actual: '2025-01-01' },
        ],
      },
    });
  });

  it('skips non-required checks on absent fields', async () => {
    const result = await runNode(policyValidateNode, { rules: rules.slice(1) }, { vendor: {} });
    expect(result).toMatchObject({ port: 'valid', output: { validation: { valid: true, violations: [] } } });
  });

  it('validates a non-object input without spreading it', async () => {
    const result = await runNode(policyValidateNode, { rules: [{ check: 'required', field: 'id' }] }, ['a']);
    expect(result).toEqual({
      kind: 'emit',
      port: 'invalid',
      output: { validation: { valid: false, violations: [{ rule: 0, check: 'required', field: 'id', message: 'id is required' }] } },
    });
  });

  it('declares metadata, ports, literal rules and the save-time hook', () => {
    expect(policyValidateNode).toMatchObject({ type: 'policy.validate', version: 1, category: 'policy', effect: 'pure', literalFields: ['rules'] });
    expect(outputPorts(policyValidateNode, {})).toEqual(['valid', 'invalid']);
    expect(policyValidateNode.validate?.(policyValidateNode.config.parse({ rules: [{ check: 'one-of', field: 'a', values: [] }] }))).toHaveLength(1);
  });

  it('has a JSON Schema the editor can build a form from, one titled variant per check', () => {
    const schema = z.toJSONSchema(policyValidateNode.config, { io: 'input' });
    const variant = z.object({ title: z.string(), description: z.string(), properties: z.record(z.string(), z.object({ description: z.string().optional() })) });
    const shape = z.object({ properties: z.object({ rules: z.object({ items: z.object({ oneOf: z.array(variant) }) }) }) });
    const variants = shape.parse(schema).properties.rules.items.oneOf;
    expect(variants.map((variant) => variant.title)).toEqual(['Required', 'Format', 'Range', 'One of', 'Sum of lines', 'Compare fields']);
    for (const variant of variants) {
      expect(variant.description).toBeTruthy();
      for (const [key, property] of Object.entries(variant.properties)) if (key !== 'check') expect(property.description, key).toBeTruthy();
    }
  });

  it('surfaces save-time issues through graph validation, pinned at the rule field; rules are never templates', () => {
    const node = (id: string, type: string, config: Record<string, unknown>) => ({ id, type, typeVersion: 1, label: id, position: { x: 0, y: 0 }, config });
    const config = { rules: [{ check: 'format', field: 'n', format: 'regex', pattern: '({{' }, { check: 'range', field: 'a..b', min: 0 }] };
    const result = validateGraph(
      {
        schemaVersion: 1,
        nodes: [node('start', 'trigger.manual', {}), node('check', 'policy.validate', config)],
        edges: [{ id: 'e1', source: 'start', sourcePort: 'out', target: 'check', targetPort: 'in' }],
        settings: {},
      },
      createNodeRegistry([triggerManualNode, policyValidateNode]),
    );
    expect(result.issues.map(({ code, path, nodeId }) => ({ code, path, nodeId }))).toEqual([
      { code: 'invalid_regex', path: ['nodes', 1, 'config', 'rules', 0, 'pattern'], nodeId: 'check' },
      { code: 'invalid_path', path: ['nodes', 1, 'config', 'rules', 1, 'field'], nodeId: 'check' },
    ]);
  });
});
