import type { HealthState } from './use-health.ts';

/** One line saying whether the runtime answers `GET /api/health`, and on which database. */
export function HealthStatus({ state }: { state: HealthState }) {
  switch (state.kind) {
    case 'checking':
      return <p className="cs-status" data-status="checking">Checking <code>GET /api/health</code>…</p>;
    case 'ok':
      return (
        <p className="cs-status" data-status="ok">
          Runtime healthy · database <strong>{state.health.database === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL'}</strong>
          <span className="cs-muted"> · checked {state.checkedAt.toLocaleTimeString()}</span>
        </p>
      );
    case 'down':
      return (
        <p className="cs-status" data-status="down">
          Runtime not answering: {state.reason}
          <span className="cs-muted"> · checked {state.checkedAt.toLocaleTimeString()}, retrying</span>
        </p>
      );
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}
