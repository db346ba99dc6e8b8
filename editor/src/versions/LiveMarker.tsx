/** Marks the version production runs and webhooks use now. */
export function LiveMarker() {
  return (
    <span className="cs-live-marker" data-testid="version-live" title="Production runs and webhooks use this version">
      <span className="cs-live-marker__dot" aria-hidden="true" /> Live
    </span>
  );
}
