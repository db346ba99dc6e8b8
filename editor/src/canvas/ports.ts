import { ERROR_PORT, type NodeTypeInfo } from '@countersign/shared';

/**
 * Output ports of a node. Most types declare them; a type with `dynamicOut` (e.g. `flow.switch`)
 * derives them from its config by the runtime's convention: one port per `cases[].port`, then the
 * fixed ports the type lists (`default`). Tolerant: configs are often half-written while editing.
 */
export function outputPorts(info: NodeTypeInfo | undefined, config: Record<string, unknown>): string[] {
  if (!info) return [];
  if (!info.ports.dynamicOut) return info.ports.out;
  const cases: unknown = config['cases'];
  const casePorts = Array.isArray(cases)
    ? cases.map((item: unknown) => (typeof item === 'object' && item !== null ? (item as { port?: unknown }).port : undefined))
    : [];
  const named = casePorts.filter((port): port is string => typeof port === 'string' && port.trim() !== '');
  return [...new Set([...named, ...info.ports.out])];
}

/** Every port a connection may start from: the outputs, plus `error` where the type routes its failures. */
export function connectablePorts(info: NodeTypeInfo | undefined, config: Record<string, unknown>): string[] {
  const outputs = outputPorts(info, config);
  return info?.ports.error ? [...outputs, ERROR_PORT] : outputs;
}

/** Input ports of a node (none for triggers). */
export function inputPorts(info: NodeTypeInfo | undefined): string[] {
  return info ? info.ports.in : ['in'];
}

/** The key of a node type in lookups: `type@version`. */
export function typeKey(type: string, version: number): string {
  return `${type}@${version}`;
}
