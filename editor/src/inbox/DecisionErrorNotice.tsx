import type { DecisionError } from './decision-error.ts';

/** A refused decision shown inline: what kind of refusal and the server's reason (e.g. the segregation-of-duties rule). */
export function DecisionErrorNotice({ error }: { error: DecisionError }) {
  return (
    <div className="cs-decision__error" role="alert" data-testid="task-error">
      <strong>{error.title}:</strong> {error.message}
    </div>
  );
}
