import { describe, expect, it } from 'vitest';
import type { GraphInput } from '@countersign/shared';
import { countIssuesByNode, edgesWithIssues, fieldIssuesOf, nodeLevelIssuesOf, resolveIssues } from './issues.ts';

const sent: GraphInput = {
  schemaVersion: 1,
  nodes: [
    { id: 'start', type: 'trigger.manual', typeVersion: 1, label: 'Start', position: { x: 0, y: 0 } },
    { id: 'http-1', type: 'connector.http', typeVersion: 1, label: 'Post', position: { x: 0, y: 0 } },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'ghost' }],
};

describe('issue mapping', () => {
  const issues = resolveIssues(
    [
      { code: 'invalid_config', path: ['nodes', 1, 'config', 'url'], message: 'Invalid URL', nodeId: 'http-1' },
      { code: 'invalid_config', path: ['nodes', 1, 'config', 'headers', 0, 'name'], message: 'Required' },
      { code: 'unreachable', path: ['nodes', 1], message: '"Post" cannot be reached' },
      { code: 'dangling_edge', path: ['edges', 0, 'target'], message: 'Edge target "ghost" is not a node', edgeId: 'e1' },
      { code: 'no_trigger', path: ['nodes'], message: 'Add a trigger' },
    ],
    sent,
  );

  it('finds the node of an issue by its id or by the index in the graph that was sent', () => {
    expect(issues.map((issue) => issue.nodeId)).toEqual(['http-1', 'http-1', 'http-1', undefined, undefined]);
    expect(countIssuesByNode(issues)).toEqual({ 'http-1': 3 });
    expect(edgesWithIssues(issues)).toEqual(new Set(['e1']));
  });

  it('gives the form paths relative to the node config', () => {
    expect(fieldIssuesOf(issues, 'http-1')).toEqual([
      { code: 'invalid_config', path: ['url'], message: 'Invalid URL' },
      { code: 'invalid_config', path: ['headers', 0, 'name'], message: 'Required' },
    ]);
    expect(nodeLevelIssuesOf(issues, 'http-1').map((issue) => issue.code)).toEqual(['unreachable']);
  });
});
