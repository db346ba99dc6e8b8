import type { AuditVerifyDto, ChainVerification } from '@countersign/shared';

/** The headline of a verification: intact with the count, or where it breaks and why (the first break the server or this browser found). */
export function verifyHeadline(server: AuditVerifyDto, local: ChainVerification | null): { ok: boolean; text: string; badSeq?: number | undefined } {
  if (!server.ok) return { ok: false, text: `Broken at event #${server.firstBadSeq ?? '?'}: ${server.reason ?? 'the chain does not verify'}`, badSeq: server.firstBadSeq };
  if (local && !local.ok) return { ok: false, text: `Broken at event #${local.firstBadSeq ?? '?'} (found in this browser): ${local.reason ?? 'the events do not verify'}`, badSeq: local.firstBadSeq };
  return { ok: true, text: `Chain intact: ${server.checked} event${server.checked === 1 ? '' : 's'} checked` };
}

/** The verification result, prominent: green when the chain is intact, red with the first bad event when not. */
export function VerifyResult({ server, local, onShowEvent }: { server: AuditVerifyDto; local: ChainVerification | null; onShowEvent?: ((seq: number) => void) | undefined }) {
  const { ok, text, badSeq } = verifyHeadline(server, local);
  return (
    <div className={`cs-audit-verify__result cs-audit-verify__result--${ok ? 'ok' : 'broken'}`} data-testid="audit-verify-result" data-ok={String(ok)} role="status">
      <strong className="cs-audit-verify__headline">
        <span aria-hidden="true">{ok ? '✓' : '✕'}</span> {text}
      </strong>
      {local?.ok ? <span className="cs-audit-verify__local">The {local.checked} events on screen were also re-hashed in this browser: they match.</span> : null}
      {!ok && badSeq !== undefined && onShowEvent ? (
        <button type="button" className="cs-link-button cs-audit-verify__show" data-testid="audit-show-bad" onClick={() => onShowEvent(badSeq)}>
          Show event #{badSeq} in the trail
        </button>
      ) : null}
    </div>
  );
}
