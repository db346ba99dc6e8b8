import type { VersionDiffDto } from '@countersign/shared';

/** What happened to a node between the two versions; `layout` is a move only (no change of behaviour). */
export type ChangeKind = 'added' | 'removed' | 'changed' | 'layout';

/** The diff part of `GET /api/workflows/:id/versions/:a/diff/:b`. */
export type GraphDiffDto = VersionDiffDto['diff'];

/** One node change as the side list shows it. */
export interface ChangeEntry {
  kind: ChangeKind;
  nodeId: string;
  label: string;
  type: string;
  /** "label, config.url" or "moved only": what changed, in a few words. */
  summary: string;
  /** The label before a rename. */
  renamedFrom?: string;
}

/** The version a version under review is compared with: the live one, else the latest before it, else none (a first version). */
export function baseVersionFor(versions: readonly { version: number; live: boolean }[], version: number, publishedVersion: number | null = null): number | null {
  const live = versions.find((candidate) => candidate.live)?.version ?? publishedVersion;
  if (live !== null && live !== undefined && live !== version) return live;
  const earlier = versions.map((candidate) => candidate.version).filter((candidate) => candidate < version);
  return earlier.length > 0 ? Math.max(...earlier) : null;
}

const ORDER: Record<ChangeKind, number> = { added: 0, removed: 1, changed: 2, layout: 3 };
const isLayoutPath = (path: string): boolean => path === 'position' || path.startsWith('position.');

/** The node changes of a diff for the side list: behaviour changes first, moves last. */
export function changeEntries(diff: GraphDiffDto): ChangeEntry[] {
  const entries: ChangeEntry[] = [
    ...diff.nodesAdded.map((node) => ({ kind: 'added' as const, nodeId: node.id, label: node.label, type: node.type, summary: 'new step' })),
    ...diff.nodesRemoved.map((node) => ({ kind: 'removed' as const, nodeId: node.id, label: node.label, type: node.type, summary: 'step removed' })),
    ...diff.nodesChanged.map((node): ChangeEntry => {
      const paths = [...new Set(node.changes.filter((change) => !isLayoutPath(change.path)).map((change) => change.path))];
      const entry: ChangeEntry = {
        kind: node.layoutOnly ? 'layout' : 'changed',
        nodeId: node.id,
        label: node.label,
        type: node.type,
        summary: node.layoutOnly ? 'moved only: behaviour unchanged' : paths.length <= 3 ? paths.join(', ') : `${paths.slice(0, 3).join(', ')} and ${paths.length - 3} more`,
      };
      if (node.renamed) entry.renamedFrom = node.renamed.before;
      return entry;
    }),
  ];
  return entries.sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
}

/** How each node of each side is highlighted: removed ones on the left, added ones on the right, changed and moved ones on both. */
export function nodeKinds(diff: GraphDiffDto): { before: Map<string, ChangeKind>; after: Map<string, ChangeKind> } {
  const before = new Map<string, ChangeKind>();
  const after = new Map<string, ChangeKind>();
  for (const node of diff.nodesRemoved) before.set(node.id, 'removed');
  for (const node of diff.nodesAdded) after.set(node.id, 'added');
  for (const node of diff.nodesChanged) {
    const kind = node.layoutOnly ? 'layout' : 'changed';
    before.set(node.id, kind);
    after.set(node.id, kind);
  }
  return { before, after };
}

/** The identity of a wire: the same id between other ports is another wire. */
export function edgeKey(edge: { id: string; source: string; sourcePort?: string; target: string; targetPort?: string }): string {
  return [edge.id, edge.source, edge.sourcePort ?? 'out', edge.target, edge.targetPort ?? 'in'].join('\u0000');
}

/** Keys of the wires removed (shown red on the left) and added (green on the right). */
export function edgeKinds(diff: GraphDiffDto): { removed: Set<string>; added: Set<string> } {
  return { removed: new Set(diff.edgesRemoved.map(edgeKey)), added: new Set(diff.edgesAdded.map(edgeKey)) };
}

/** Whether a field path is about layout (a move), not behaviour. */
export function isLayoutChange(path: string): boolean {
  return isLayoutPath(path);
}

/** Counts for the summary line: "2 changed, 1 added, 1 moved". */
export function changeCounts(diff: GraphDiffDto): Record<ChangeKind, number> & { edges: number; settings: number } {
  const layout = diff.nodesChanged.filter((node) => node.layoutOnly).length;
  return {
    added: diff.nodesAdded.length,
    removed: diff.nodesRemoved.length,
    changed: diff.nodesChanged.length - layout,
    layout,
    edges: diff.edgesAdded.length + diff.edgesRemoved.length,
    settings: diff.settingsChanged.length,
  };
}

/** A value of a field change as text: JSON, or "(none)" for a field that did not exist on that side. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(none)';
  return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value, null, 2);
}
