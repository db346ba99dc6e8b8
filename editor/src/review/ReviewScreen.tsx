import { useMemo, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { LintFindingList } from '../versions/LintFindingList.tsx';
import type { VersionViewer } from '../versions/version-status.ts';
import { ChangeList } from './ChangeList.tsx';
import { ReviewDecision } from './ReviewDecision.tsx';
import { ReviewDetails } from './ReviewDetails.tsx';
import { ReviewGraph } from './ReviewGraph.tsx';
import { ReviewHeader } from './ReviewHeader.tsx';
import { ReviewOutcome } from './ReviewOutcome.tsx';
import { diffEdges, diffNodes, focusNodeIds } from './review-flow.ts';
import { changeEntries, edgeKinds, nodeKinds } from './review-model.ts';
import { useReviewData, type ReviewApi } from './use-review-data.ts';
import './review.css';

/** Props of {@link ReviewScreen}. */
export interface ReviewScreenProps {
  api: ReviewApi & Pick<ApiClient, 'approveVersion' | 'rejectVersion'>;
  workflowId: string;
  version: number;
  viewer: VersionViewer;
  nameOf(userId: string): string;
}

/**
 * The review of a version: before | after canvases with added (green), removed (red), changed (amber)
 * and moved-only nodes marked; the list of changes (a click focuses the node); the selected node's
 * fields before and after; wires and settings; the lint findings; and Approve / Reject.
 */
export function ReviewScreen({ api, workflowId, version, viewer, nameOf }: ReviewScreenProps) {
  const { state, reload, applyDecision } = useReviewData(api, workflowId, version);
  // null: the first change once loaded; a string: what the reviewer picked.
  const [picked, setPicked] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState(0);
  const data = state.kind === 'ready' ? state.data : null;
  const entries = useMemo(() => (data ? changeEntries(data.diff) : []), [data]);
  const selectedId = picked ?? entries.find((entry) => entry.kind !== 'layout')?.nodeId ?? null;
  const model = useMemo(() => {
    if (!data) return null;
    const kinds = nodeKinds(data.diff);
    const wires = edgeKinds(data.diff);
    const changed = entries.filter((entry) => entry.kind !== 'layout').map((entry) => entry.nodeId);
    return {
      entries,
      focusBefore: data.base ? focusNodeIds(data.base.graph, changed) : undefined,
      focusAfter: focusNodeIds(data.target.graph, changed),
      before: data.base ? { nodes: diffNodes(data.base.graph, kinds.before, selectedId), edges: diffEdges(data.base.graph, wires.removed, 'cs-edge--removed') } : null,
      after: { nodes: diffNodes(data.target.graph, kinds.after, selectedId), edges: diffEdges(data.target.graph, wires.added, 'cs-edge--added') },
    };
  }, [data, entries, selectedId]);

  if (state.kind === 'loading') return <p className="cs-muted cs-review__loading">Loading the review…</p>;
  if (state.kind === 'error' || !data || !model) {
    return (
      <div className="cs-card cs-review__missing" role="alert">
        <p className="cs-error-text">The review could not be loaded: {state.kind === 'error' ? state.message : 'unknown'}</p>
        <button type="button" className="cs-button cs-button--small" onClick={reload}>
          Try again
        </button>
      </div>
    );
  }
  const select = (nodeId: string): void => {
    setPicked(nodeId);
    setFocusKey((value) => value + 1);
  };
  const { target, base } = data;
  const labelOf = (nodeId: string): string => target.graph.nodes.find((node) => node.id === nodeId)?.label ?? nodeId;

  return (
    <main className="cs-review" data-testid="review-screen" data-version={target.version} data-status={target.status}>
      <ReviewHeader data={data} viewer={viewer} nameOf={nameOf} />
      <div className="cs-review__layout">
        <div className="cs-review__main">
          <div className="cs-review__graphs">
            <ReviewGraph
              side="before"
              title={base ? `Before · v${base.version}${base.live ? ' (live)' : ''}` : 'Before · nothing yet'}
              nodes={model.before?.nodes ?? []}
              edges={model.before?.edges ?? []}
              focusNodeId={selectedId}
              focusKey={focusKey}
              onSelect={select}
              initialFocus={model.focusBefore}
              {...(base ? {} : { emptyText: 'No earlier version: this is the first one.' })}
            />
            <ReviewGraph side="after" title={`After · v${target.version}`} nodes={model.after.nodes} edges={model.after.edges} focusNodeId={selectedId} focusKey={focusKey} onSelect={select} initialFocus={model.focusAfter} />
          </div>
          <ReviewDetails diff={data.diff} selected={model.entries.find((entry) => entry.nodeId === selectedId)} before={base?.graph ?? null} after={target.graph} />
        </div>
        <aside className="cs-review__side" aria-label="Changes and decision">
          <section className="cs-review__card" aria-labelledby="cs-review-decision">
            <h2 id="cs-review-decision" className="cs-section-title">Decision</h2>
            {target.status === 'in_review' ? (
              <ReviewDecision api={api} workflowId={workflowId} version={target} viewer={viewer} onDecided={applyDecision} onStale={reload} />
            ) : (
              <ReviewOutcome version={target} viewer={viewer} nameOf={nameOf} />
            )}
          </section>
          <section className="cs-review__card" aria-labelledby="cs-review-changes">
            <h2 id="cs-review-changes" className="cs-section-title">Changes ({model.entries.length})</h2>
            <ChangeList entries={model.entries} selectedId={selectedId} onSelect={select} />
          </section>
          <section className="cs-review__card" aria-labelledby="cs-review-lint">
            <h2 id="cs-review-lint" className="cs-section-title">Control lint at submission</h2>
            {target.submittedAt === null ? (
              <p className="cs-muted">Not submitted yet: the control lint runs when the version is submitted.</p>
            ) : target.lint.length === 0 ? (
              <p className="cs-muted">No finding.</p>
            ) : (
              <LintFindingList findings={target.lint} labelOf={labelOf} onPick={select} />
            )}
          </section>
        </aside>
      </div>
    </main>
  );
}
