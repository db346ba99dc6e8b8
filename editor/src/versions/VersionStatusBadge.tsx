import './versions.css';
import { VERSION_STATUS_META, type VersionStatus } from './version-status.ts';

/** A version's status as glyph and word (colour from versions.css through `data-status`). */
export function VersionStatusBadge({ status }: { status: VersionStatus }) {
  const meta = VERSION_STATUS_META[status];
  return (
    <span className="cs-version-status" data-testid="version-status" data-status={status}>
      <span aria-hidden="true">{meta.icon}</span> {meta.label}
    </span>
  );
}
