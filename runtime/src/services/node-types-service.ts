import { z } from 'zod';
import { nodeCapabilities, outputPorts, routesErrors, type AnyNodeDefinition, type NodeRegistry, type NodeTypeInfo } from '@countersign/shared';

/** A node type as data for the editor: metadata, ports and its config as JSON Schema (forms are generated from it). */
export function describeNodeType(definition: AnyNodeDefinition): NodeTypeInfo {
  const dynamicOut = typeof definition.ports.out === 'function';
  return {
    type: definition.type,
    version: definition.version,
    category: definition.category,
    title: definition.title,
    description: definition.description,
    effect: definition.effect,
    // Config-dependent capabilities (e.g. an HTTP request's purpose) are given for an empty config here.
    capabilities: nodeCapabilities(definition, {}),
    literalFields: [...(definition.literalFields ?? [])],
    credentialFields: [...(definition.credentialFields ?? [])],
    // Dynamic ports depend on the config; with an empty one the editor sees the fixed part (e.g. `default`).
    ports: { in: [...definition.ports.in], out: outputPorts(definition, {}), dynamicOut, error: routesErrors(definition) },
    configSchema: z.toJSONSchema(definition.config, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
  };
}

/** Every node type of a registry, described once (definitions do not change while running). */
export function createNodeTypesService(registry: NodeRegistry): { list(): NodeTypeInfo[] } {
  let described: NodeTypeInfo[] | undefined;
  return {
    list() {
      described ??= registry.list().map(describeNodeType);
      return described;
    },
  };
}
