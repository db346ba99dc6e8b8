import { CategoryIcon } from './CategoryIcon.tsx';

/** What an empty canvas says: where to start. */
export function CanvasEmptyState({ readOnly }: { readOnly: boolean }) {
  return (
    <div className="cs-canvas-empty" role="note">
      <div className="cs-canvas-empty__card">
        <div className="cs-canvas-empty__icon">
          <CategoryIcon category="trigger" size={28} />
        </div>
        {readOnly ? (
          <p>This workflow has no nodes yet.</p>
        ) : (
          <>
            <p className="cs-canvas-empty__title">Drag a trigger from the palette to start</p>
            <p className="cs-muted">Then add steps and connect an output (right) to an input (left).</p>
          </>
        )}
      </div>
    </div>
  );
}
