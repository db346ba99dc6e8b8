import { NODE_CATEGORIES, nodeTypeKey, outputPorts } from '@countersign/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nodeDefinitions, registry } from './registry.ts';

describe('registry', () => {
  it('holds every definition once, by type and version', () => {
    const keys = nodeDefinitions.map((definition) => nodeTypeKey(definition.type, definition.version));
    expect(new Set(keys).size).toBe(keys.length);
    expect(registry.list()).toHaveLength(nodeDefinitions.length);
    expect(registry.get('connector.http', 1)?.type).toBe('connector.http');
    expect(registry.get('connector.http', 99)).toBeUndefined();
  });

  it.each(nodeDefinitions.map((definition) => [nodeTypeKey(definition.type, definition.version), definition] as const))(
    '%s has metadata, declared ports and a config that converts to an object JSON Schema',
    (_key, definition) => {
      expect(definition.type).toMatch(/^[a-z]+\.[a-z][a-z0-9-]*$/);
      expect(definition.type.startsWith(`${definition.category}.`)).toBe(true);
      expect(NODE_CATEGORIES).toContain(definition.category);
      expect(definition.title.length).toBeGreaterThan(0);
      expect(definition.description.length).toBeGreaterThan(20);
      expect(Array.isArray(definition.ports.in)).toBe(true);
      expect(outputPorts(definition, {}).length).toBeGreaterThan(0);
      // Forms are generated from both sides: input (what the designer types) and output (what execute gets).
      for (const io of ['input', 'output'] as const) {
        expect(z.toJSONSchema(definition.config, { io })).toMatchObject({ type: 'object' });
      }
    },
  );

  it('gives triggers no inputs and every other node an input', () => {
    for (const definition of nodeDefinitions) {
      expect(definition.ports.in.length === 0, definition.type).toBe(definition.category === 'trigger');
    }
  });
});
