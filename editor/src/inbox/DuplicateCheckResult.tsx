import type { DuplicateCheckView } from './policy-evidence.ts';
import { verdictTone } from './policy-evidence.ts';
import { VerdictPill } from './VerdictPill.tsx';

/** A duplicate check: its verdict and each earlier invoice it matched, with the rule (red for duplicate, amber for suspect). */
export function DuplicateCheckResult({ check }: { check: DuplicateCheckView }) {
  const compared = check.checkedAgainst === null ? '' : ` (compared with ${check.checkedAgainst} earlier invoice${check.checkedAgainst === 1 ? '' : 's'})`;
  if (check.findings.length === 0) {
    return <p className="cs-muted">{check.verdict === 'clear' ? `No earlier invoice matches this one${compared}.` : `Verdict ${check.verdict}, without matched invoices.`}</p>;
  }
  return (
    <table className="cs-evidence-table" aria-label={`Matched invoices${compared}`}>
      <thead>
        <tr>
          <th scope="col">Matched invoice</th>
          <th scope="col">Verdict</th>
          <th scope="col">Rule</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {check.findings.map((finding, index) => (
          <tr key={`${finding.invoiceId}-${index}`} className={`cs-evidence-table__row--${verdictTone(finding.verdict)}`} data-testid="duplicate-finding">
            <td>
              <code>{finding.invoiceNumber ?? finding.invoiceId}</code>
              <div className="cs-muted">{[finding.amount, finding.invoiceDate].filter(Boolean).join(' · ') || finding.invoiceId}</div>
            </td>
            <td>
              <VerdictPill verdict={finding.verdict} />
            </td>
            <td>
              <code>{finding.rule}</code>
            </td>
            <td>{finding.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
