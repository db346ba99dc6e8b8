import { CopyButton } from '../runs/CopyButton.tsx';
import { JsonTree } from '../runs/index.ts';
import type { DecisionView } from './policy-evidence.ts';
import { shortHash } from './policy-evidence.ts';

function Values({ values }: { values: Record<string, unknown> }) {
  const entries = Object.entries(values);
  if (entries.length === 0) return <span className="cs-muted">–</span>;
  return (
    <dl className="cs-kv">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A decision table's record: hit policy, the inputs it saw, the rules that matched, what they gave, and the table's hash. */
export function DecisionTableResult({ decision }: { decision: DecisionView }) {
  const single = typeof decision.result === 'object' && decision.result !== null && !Array.isArray(decision.result);
  return (
    <div className="cs-decision-table">
      <dl className="cs-kv cs-kv--wide">
        <div>
          <dt>Matched rules</dt>
          <dd>
            {decision.matchedRules.length === 0 ? (
              <span className="cs-verdict cs-verdict--warning">No rule matched</span>
            ) : (
              decision.matchedRules.map((rule) => (
                <code key={rule} className="cs-chip">
                  {rule}
                </code>
              ))
            )}
            <span className="cs-muted"> · hit policy {decision.hitPolicy}</span>
          </dd>
        </div>
        <div>
          <dt>Inputs</dt>
          <dd>
            <Values values={decision.inputs} />
          </dd>
        </div>
        <div>
          <dt>Result</dt>
          <dd>{single ? <Values values={decision.result as Record<string, unknown>} /> : <JsonTree value={decision.result} name="result" openDepth={2} />}</dd>
        </div>
        <div>
          <dt>Table hash</dt>
          <dd className="cs-decision-table__hash">
            <code title={decision.tableHash} data-testid="table-hash">
              {shortHash(decision.tableHash)}
            </code>
            <CopyButton value={decision.tableHash} label="table hash" />
          </dd>
        </div>
      </dl>
    </div>
  );
}
