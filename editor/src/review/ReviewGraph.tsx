import { ReactFlowProvider } from '@xyflow/react';
import { ReviewFlow, type ReviewFlowProps } from './ReviewFlow.tsx';

/** Props of {@link ReviewGraph}. */
export interface ReviewGraphProps extends ReviewFlowProps {
  /** "Before · v2 (live)". */
  title: string;
  side: 'before' | 'after';
  /** Shown instead of a canvas when the side has no graph (a first version). */
  emptyText?: string;
}

/** One read-only side of the review: its graph with changes highlighted; clicking a node selects it. */
export function ReviewGraph(props: ReviewGraphProps) {
  return (
    <section className="cs-review-graph" aria-label={props.title} data-side={props.side}>
      <h2 className="cs-review-graph__title">{props.title}</h2>
      <div className="cs-review-graph__canvas cs-canvas" data-testid={`review-graph-${props.side}`}>
        {props.emptyText ? (
          <p className="cs-muted cs-review-graph__empty">{props.emptyText}</p>
        ) : (
          <ReactFlowProvider>
            <ReviewFlow {...props} />
          </ReactFlowProvider>
        )}
      </div>
    </section>
  );
}
