import { describe, expect, it } from 'vitest';
import { formatSlaDuration, slaState, warningWindowMs } from './sla.ts';

const T0 = Date.parse('2030-01-01T08:00:00Z');
const at = (ms: number): string => new Date(T0 + ms).toISOString();
const HOUR = 3_600_000;

describe('formatSlaDuration', () => {
  it('shows seconds, minutes, hours and days with padded parts', () => {
    expect(formatSlaDuration(0)).toBe('0s');
    expect(formatSlaDuration(45_999)).toBe('45s');
    expect(formatSlaDuration(12 * 60_000 + 5_000)).toBe('12m 05s');
    expect(formatSlaDuration(3 * HOUR + 5 * 60_000 + 9_000)).toBe('3h 05m 09s');
    expect(formatSlaDuration(2 * 24 * HOUR + 4 * HOUR + 10 * 60_000 + 59_000)).toBe('2d 04h 10m');
    expect(formatSlaDuration(-5_000)).toBe('0s');
  });
});

describe('slaState', () => {
  const task = { createdAt: at(0), dueAt: at(8 * HOUR) };

  it('has no clock without a due time', () => {
    expect(slaState({ createdAt: at(0), dueAt: null }, T0)).toEqual({ tone: 'none', text: 'No due time', remainingMs: null });
    expect(slaState({ createdAt: at(0), dueAt: 'not a date' }, T0).tone).toBe('none');
  });

  it('counts down in time, then turns amber in the last quarter of the window', () => {
    expect(slaState(task, T0 + HOUR)).toEqual({ tone: 'ok', text: '7h 00m 00s left', remainingMs: 7 * HOUR });
    expect(slaState(task, T0 + 6 * HOUR - 1).tone).toBe('ok');
    expect(slaState(task, T0 + 6 * HOUR)).toMatchObject({ tone: 'warning', text: '2h 00m 00s left' });
    expect(slaState(task, T0 + 8 * HOUR - 400)).toMatchObject({ tone: 'warning', text: '1s left' });
  });

  it('uses the last hour as the amber stretch when the start is unknown or after the due time', () => {
    expect(warningWindowMs(Number.NaN, T0)).toBe(HOUR);
    expect(warningWindowMs(T0 + 1, T0)).toBe(HOUR);
    const noStart = { createdAt: null, dueAt: at(8 * HOUR) };
    expect(slaState(noStart, T0 + 6 * HOUR).tone).toBe('ok');
    expect(slaState(noStart, T0 + 7 * HOUR - 1).tone).toBe('ok');
    expect(slaState(noStart, T0 + 7 * HOUR).tone).toBe('warning');
  });

  it('turns red and says by how much once the due time has passed', () => {
    expect(slaState(task, T0 + 8 * HOUR)).toEqual({ tone: 'overdue', text: 'Overdue by 0s', remainingMs: 0 });
    expect(slaState(task, T0 + 9 * HOUR + 61_000)).toMatchObject({ tone: 'overdue', text: 'Overdue by 1h 01m 01s' });
  });

  it('stops when the task closed, saying whether that was in time', () => {
    expect(slaState({ ...task, closedAt: at(2 * HOUR) }, T0 + 20 * HOUR)).toMatchObject({ tone: 'none', text: 'Closed in time' });
    expect(slaState({ ...task, closedAt: at(8 * HOUR + 90_000) }, T0 + 20 * HOUR)).toMatchObject({ tone: 'none', text: 'Closed 1m 30s after the due time' });
  });
});
