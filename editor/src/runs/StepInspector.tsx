import type { RunStepDto } from '@countersign/shared';
import { CopyButton } from './CopyButton.tsx';
import { elapsedMs, formatDuration, formatTime } from './format.ts';
import { JsonTree } from './JsonTree.tsx';
import type { StepView } from './run-view.ts';
import { StatusBadge } from './StatusBadge.tsx';
import type { StepAttempt } from './step-attempts.ts';

/** Props of the step inspector. */
export interface StepInspectorProps {
  /** The step as `GET /api/runs/:id` returns it (input, output, stored error); undefined until loaded. */
  step: RunStepDto | undefined;
  /** The step's live state from the run's events. */
  view: StepView | undefined;
  label: string;
  /** Its attempts from the run's events (`stepAttempts(run.events, nodeId)`). */
  attempts?: StepAttempt[];
}

function Section({ title, value, openDepth = 1 }: { title: string; value: unknown; openDepth?: number }) {
  return (
    <section className="cs-inspector__section">
      <div className="cs-inspector__section-head">
        <h4>{title}</h4>
        {value === undefined ? null : <CopyButton value={value} label={title.toLowerCase()} />}
      </div>
      {value === undefined ? <p className="cs-inspector__none">None</p> : <JsonTree name={title.toLowerCase()} value={value} openDepth={openDepth} />}
    </section>
  );
}

/** What one step of a run got, gave and how it went: input, output, error and attempts as collapsible JSON. */
export function StepInspector({ step, view, label, attempts }: StepInspectorProps) {
  const status = view?.status ?? step?.status;
  // The live view knows best whether there is an error now (a retry clears it); the stored step has its details.
  const error = view ? view.error && (step?.error ?? view.error) : step?.error;
  const durationMs = view?.durationMs ?? (step?.finishedAt ? elapsedMs(step.startedAt, step.finishedAt) : undefined);
  const facts: [string, string][] = [
    ['Attempts', String(view?.attempt ?? step?.attempt ?? 0)],
    ['Port', view?.port ?? step?.port ?? '–'],
    ['Started', formatTime(view?.startedAt ?? step?.startedAt)],
    ['Finished', formatTime(view?.finishedAt ?? step?.finishedAt)],
    ['Duration', durationMs === undefined ? '–' : formatDuration(durationMs)],
  ];
  return (
    <section className="cs-inspector" aria-label={`Run details of ${label}`}>
      <header className="cs-inspector__header">
        <h3>{label}</h3>
        {status ? <StatusBadge status={status} /> : null}
      </header>
      {!step && !view ? (
        <p className="cs-inspector__none">This step has not run in this run.</p>
      ) : (
        <>
          <dl className="cs-inspector__facts">
            {facts.map(([term, detail]) => (
              <div key={term}>
                <dt>{term}</dt>
                <dd>{detail}</dd>
              </div>
            ))}
          </dl>
          {error ? (
            <section className="cs-inspector__error">
              <h4>Error</h4>
              <p>
                <code>{error.code}</code> {error.message}
              </p>
              {step?.error ? <JsonTree name="details" value={step.error} openDepth={0} /> : null}
            </section>
          ) : null}
          {step ? (
            <>
              <Section title="Input" value={step.input} />
              <Section title="Output" value={step.output ?? undefined} />
            </>
          ) : (
            <p className="cs-inspector__none">Loading input and output…</p>
          )}
          {attempts && attempts.length > 0 ? <Section title="Attempts" value={attempts} openDepth={2} /> : null}
        </>
      )}
    </section>
  );
}
