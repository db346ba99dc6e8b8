import type { StepView } from './run-view.ts';
import { STEP_STATUS_META } from './status-meta.ts';

/** A status as glyph and word; its colour comes from runs.css through `data-cs-status`. */
export function StatusBadge({ status, text }: { status: StepView['status']; text?: string }) {
  const meta = STEP_STATUS_META[status];
  return (
    <span className="cs-status-badge" data-cs-status={status}>
      <span className="cs-status-badge__icon" aria-hidden="true">
        {meta.icon}
      </span>
      <span className="cs-status-badge__label">{text ?? meta.label}</span>
    </span>
  );
}
