import type { ViolationView } from './policy-evidence.ts';

const show = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value)));

/** A validation step's violations: field, what failed and the value seen; or that every check passed. */
export function ValidationResult({ violations }: { violations: ViolationView[] }) {
  if (violations.length === 0) return <p className="cs-verdict cs-verdict--ok">✓ Every check passed.</p>;
  return (
    <ul className="cs-violations">
      {violations.map((violation, index) => (
        <li key={`${violation.field}-${index}`} className="cs-violations__item">
          <code>{violation.field}</code> {violation.message}
          {violation.check ? <span className="cs-muted"> ({violation.check})</span> : null}
          {violation.actual !== undefined ? <span className="cs-muted"> · value {show(violation.actual)}</span> : null}
        </li>
      ))}
    </ul>
  );
}
