import type { PolicyResultDto } from '@countersign/shared';
import { JsonTree } from '../runs/index.ts';
import { DecisionTableResult } from './DecisionTableResult.tsx';
import { DuplicateCheckResult } from './DuplicateCheckResult.tsx';
import { readDecision, readDuplicateCheck, readViolations } from './policy-evidence.ts';
import { ValidationResult } from './ValidationResult.tsx';
import { VerdictPill } from './VerdictPill.tsx';

function Body({ result }: { result: PolicyResultDto }) {
  if (result.type === 'policy.duplicate-check') {
    const check = readDuplicateCheck(result.output);
    if (check) return <DuplicateCheckResult check={check} />;
  }
  if (result.type === 'policy.decision-table') {
    const decision = readDecision(result.output);
    if (decision) return <DecisionTableResult decision={decision} />;
  }
  if (result.type === 'policy.validate') {
    const violations = readViolations(result.output);
    if (violations) return <ValidationResult violations={violations} />;
  }
  return <JsonTree value={result.output} name="output" openDepth={1} />;
}

/** One policy step of the run: its label, verdict (duplicate check verdict, else the port it took) and its findings. */
export function PolicyResultCard({ result }: { result: PolicyResultDto }) {
  const verdict = (result.type === 'policy.duplicate-check' ? readDuplicateCheck(result.output)?.verdict : undefined) ?? result.port;
  return (
    <article className="cs-policy" data-testid="policy-result" data-policy-type={result.type} data-verdict={verdict ?? undefined}>
      <header className="cs-policy__head">
        <h4>{result.label}</h4>
        <span className="cs-muted cs-policy__type">{result.type}</span>
        {verdict ? <VerdictPill verdict={verdict} /> : null}
      </header>
      <Body result={result} />
    </article>
  );
}
