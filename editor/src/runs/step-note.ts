import { DEFAULT_SOURCE_PORT, type StepView } from './run-view.ts';
import { formatDuration, formatTime } from './format.ts';

/** A short line about a step beyond its status: attempt, retry or wait and when it is due, port, error. */
export function stepNote(step: StepView, now: number): string {
  const parts: string[] = [];
  if (step.attempt > 1) parts.push(`attempt ${step.attempt}`);
  const dueIn = step.dueAt ? Date.parse(step.dueAt) - now : NaN;
  const due = step.dueAt ? (dueIn > 0 ? `in ${formatDuration(dueIn)}, at ${formatTime(step.dueAt)}` : 'due now') : '';
  if (step.status === 'queued' && step.retryInMs !== undefined) {
    parts.push(`retrying ${due}`.trim());
    if (step.error) parts.push(`last error: ${step.error.message}`);
  } else if (step.status === 'waiting') {
    parts.push([`waiting${step.waitReason ? ` for ${step.waitReason}` : ''}`, step.dueAt ? `until ${formatTime(step.dueAt)}` : ''].filter(Boolean).join(' '));
  } else if (step.status === 'failed' && step.error) {
    parts.push(step.port === 'error' ? `handled: ${step.error.message}` : step.error.message);
  } else if (step.status === 'succeeded' && step.port && step.port !== DEFAULT_SOURCE_PORT) {
    parts.push(`→ ${step.port}`);
  }
  return parts.join(' · ');
}
