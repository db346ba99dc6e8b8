/** How urgent a task's due time looks: no clock, in time, in its last stretch (amber), or overdue (red). */
export type SlaTone = 'none' | 'ok' | 'warning' | 'overdue';

/** What the SLA clock shows of a task at one moment. */
export interface SlaState {
  tone: SlaTone;
  /** Short text for the clock, e.g. "3h 05m 09s left", "Overdue by 12m 00s". */
  text: string;
  /** Milliseconds until the due time (negative once overdue), or null without a due time. */
  remainingMs: number | null;
}

/** The part of a task the clock reads. */
export interface SlaTimes {
  createdAt: string | null;
  dueAt: string | null;
  /** When the task was decided or closed; the clock stops there. */
  closedAt?: string | null;
}

/** Share of the whole time window, at its end, shown in amber. */
export const WARNING_SHARE = 0.25;
/** Amber stretch when the window's start is unknown: the last hour. */
export const WARNING_FALLBACK_MS = 3_600_000;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const two = (value: number): string => String(value).padStart(2, '0');

/** A countdown for people: "45s", "12m 05s", "3h 05m 09s", "2d 04h 10m" (whole seconds, rounded down). */
export function formatSlaDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / SECOND)) * SECOND;
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  const seconds = Math.floor((total % MINUTE) / SECOND);
  if (days > 0) return `${days}d ${two(hours)}h ${two(minutes)}m`;
  if (hours > 0) return `${hours}h ${two(minutes)}m ${two(seconds)}s`;
  if (minutes > 0) return `${minutes}m ${two(seconds)}s`;
  return `${seconds}s`;
}

/** Length of the amber stretch before `due`: a quarter of the window from `start`, or the last hour when the start is unknown. */
export function warningWindowMs(start: number, due: number): number {
  return Number.isFinite(start) && start < due ? (due - start) * WARNING_SHARE : WARNING_FALLBACK_MS;
}

/**
 * The SLA clock of a task at `now`: time left until `dueAt`, amber in the last quarter of the
 * window (or the last hour), red and "overdue by" once the due time has passed. A closed task's
 * clock stopped when it closed: it says whether that was in time.
 */
export function slaState(times: SlaTimes, now: number): SlaState {
  const due = times.dueAt === null ? Number.NaN : Date.parse(times.dueAt);
  if (!Number.isFinite(due)) return { tone: 'none', text: 'No due time', remainingMs: null };
  const closed = times.closedAt ? Date.parse(times.closedAt) : Number.NaN;
  if (Number.isFinite(closed)) {
    const late = closed - due;
    return late > 0
      ? { tone: 'none', text: `Closed ${formatSlaDuration(late)} after the due time`, remainingMs: due - closed }
      : { tone: 'none', text: 'Closed in time', remainingMs: due - closed };
  }
  const remaining = due - now;
  if (remaining <= 0) return { tone: 'overdue', text: `Overdue by ${formatSlaDuration(-remaining)}`, remainingMs: remaining };
  const start = times.createdAt === null ? Number.NaN : Date.parse(times.createdAt);
  // Rounded up, so the clock never shows "0s left" while time remains.
  const text = `${formatSlaDuration(Math.ceil(remaining / SECOND) * SECOND)} left`;
  return { tone: remaining <= warningWindowMs(start, due) ? 'warning' : 'ok', text, remainingMs: remaining };
}
