import type { LintBadge } from '../store/lint-badges.ts';

/** The control-lint badge on a node: ✕ for an error, ! for warnings, with the findings as its tooltip. */
export function LintBadgeView({ badge }: { badge: LintBadge }) {
  const word = badge.severity === 'error' ? 'control error' : 'control warning';
  return (
    <span
      className={`cs-node__lint cs-node__lint--${badge.severity}`}
      data-testid="lint-badge"
      data-severity={badge.severity}
      title={badge.tooltip}
      role="img"
      aria-label={`${badge.count} ${word}${badge.count === 1 ? '' : 's'}: ${badge.tooltip}`}
    >
      <span aria-hidden="true">{badge.severity === 'error' ? '✕' : '!'}</span>
      {badge.count > 1 ? <span aria-hidden="true">{badge.count}</span> : null}
    </span>
  );
}
