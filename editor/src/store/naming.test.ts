import { describe, expect, it } from 'vitest';
import { edgeId, nextNodeId, shortTypeName, uniqueLabel } from './naming.ts';

describe('node ids and labels', () => {
  it('derives short type-based ids, one above the highest in use', () => {
    expect(shortTypeName('connector.http')).toBe('http');
    expect(nextNodeId('connector.http', new Set())).toBe('http-1');
    expect(nextNodeId('connector.http', new Set(['http-1', 'http-3', 'set-9']))).toBe('http-4');
    expect(nextNodeId('policy.decision-table', new Set(['decision-table-1']))).toBe('decision-table-2');
  });

  it('keeps labels unique by appending the lowest free number', () => {
    expect(uniqueLabel('If', new Set())).toBe('If');
    expect(uniqueLabel('If', new Set(['If']))).toBe('If 2');
    expect(uniqueLabel('If', new Set(['If', 'If 2']))).toBe('If 3');
    expect(uniqueLabel('If 2', new Set(['If', 'If 2']))).toBe('If 3');
  });

  it('makes readable, unique edge ids', () => {
    expect(edgeId('a', 'true', 'b', 'in', new Set())).toBe('a.true-b');
    expect(edgeId('a', 'true', 'b', 'in', new Set(['a.true-b']))).toBe('a.true-b-2');
  });
});
