import { verdictTone } from './policy-evidence.ts';

const ICON = { danger: '✕', warning: '⚠', ok: '✓', neutral: '•' } as const;

/** A policy verdict ("duplicate", "suspect", "clear", a port name) with its tone: red, amber, green or neutral. */
export function VerdictPill({ verdict }: { verdict: string }) {
  const tone = verdictTone(verdict);
  return (
    <span className={`cs-verdict cs-verdict--${tone}`} data-verdict={verdict} data-tone={tone}>
      <span aria-hidden="true">{ICON[tone]}</span> {verdict}
    </span>
  );
}
