import { useNow } from '../runs/use-now.ts';
import { formatTime } from '../runs/index.ts';
import { slaState, type SlaTimes, type SlaTone } from './sla.ts';

const ICON: Record<SlaTone, string> = { none: '◷', ok: '◷', warning: '⚠', overdue: '!' };

/** The SLA clock of a task: time left until its due time, ticking every second; amber near the end, red once overdue. */
export function SlaClock({ times }: { times: SlaTimes }) {
  const ticking = times.dueAt !== null && !times.closedAt;
  const now = useNow(ticking, 1000);
  const sla = slaState(times, now);
  const due = times.dueAt ? `Due ${formatTime(times.dueAt)}` : undefined;
  return (
    <span className="cs-sla" data-testid="sla-clock" data-sla-tone={sla.tone} title={due}>
      <span className="cs-sla__icon" aria-hidden="true">
        {ICON[sla.tone]}
      </span>
      <span className="cs-sla__text">{sla.text}</span>
      {due ? <span className="cs-visually-hidden">, {due}</span> : null}
    </span>
  );
}
