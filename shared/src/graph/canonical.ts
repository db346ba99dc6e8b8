import type { Graph } from './graph.schema.ts';

/**
 * Canonical JSON (RFC 8785 style): object keys sorted by UTF-16 code units, no whitespace,
 * `undefined` members dropped, numbers in ECMAScript shortest form. Equal values give equal text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('Canonical JSON has no form for NaN or Infinity');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  throw new TypeError(`Canonical JSON has no form for ${typeof value}`);
}

/** Hex SHA-256 of a UTF-8 string (WebCrypto: the same in Node and browsers). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The part of a graph that decides behaviour: positions are dropped (moving a box needs no approval)
 * and nodes and edges are ordered by id (array order carries no meaning).
 */
export function behaviouralGraph(graph: Graph): unknown {
  return {
    schemaVersion: graph.schemaVersion,
    nodes: [...graph.nodes].sort(byId).map(({ position: _position, ...rest }) => rest),
    edges: [...graph.edges].sort(byId),
    settings: graph.settings,
  };
}

/** A version's identity: SHA-256 of the canonical JSON of its behavioural part. */
export function hashGraph(graph: Graph): Promise<string> {
  return sha256Hex(canonicalJson(behaviouralGraph(graph)));
}
