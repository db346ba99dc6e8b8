import type { EvidenceCheck } from '@countersign/shared';

/** What verifying a downloaded pack found: the offline checks, and the server's check of the whole chain when it made the pack. */
export interface EvidenceVerification {
  ok: boolean;
  checks: EvidenceCheck[];
  /** The server's verification of the tenant's chain at generation (absent when the pack could not be read). */
  atGeneration?: { ok: boolean; checked: number; firstBadSeq?: number | undefined };
}

/** The result of verifying a downloaded evidence pack in this browser: all checks passed, or the first that failed and why; and a chain the server found broken. */
export function EvidenceCheckResult({ result }: { result: EvidenceVerification }) {
  const failed = result.checks.find((check) => !check.ok);
  const chainBroken = result.atGeneration !== undefined && !result.atGeneration.ok;
  const ok = result.ok && !chainBroken;
  return (
    <div className={`cs-evidence__check cs-evidence__check--${ok ? 'ok' : 'bad'}`} data-testid="evidence-verified" data-ok={String(ok)} role="status">
      {result.ok ? (
        <p>
          <span aria-hidden="true">✓</span> Verified in this browser: {result.checks.map((check) => check.name).join(', ')}.
        </p>
      ) : (
        <p>
          <span aria-hidden="true">✕</span> The pack does not verify: {failed ? `${failed.name}: ${failed.detail}` : 'unknown check'}.
        </p>
      )}
      {chainBroken ? (
        <p>
          <span aria-hidden="true">✕</span> When the pack was made, the server found the tenant&apos;s audit chain broken at event #{result.atGeneration?.firstBadSeq ?? '?'}.
        </p>
      ) : null}
    </div>
  );
}
