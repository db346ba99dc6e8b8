import { describe, expect, it } from 'vitest';
import { classifyHttpStatus, MAX_RETRY_AFTER_MS, parseRetryAfter } from './delivery-outcome.ts';
import { DEFAULT_RETRY_SCHEDULE, nextRetryDelay, settle } from './retry-schedule.ts';

const NOW = Date.parse('2030-01-01T12:00:00Z');

describe('nextRetryDelay', () => {
  it('follows the schedule within ±10% and ends after it', () => {
    expect(nextRetryDelay(DEFAULT_RETRY_SCHEDULE, 0)).toBe(0);
    expect(nextRetryDelay(DEFAULT_RETRY_SCHEDULE, 1, () => 0)).toBe(4_500);
    expect(nextRetryDelay(DEFAULT_RETRY_SCHEDULE, 1, () => 1)).toBe(5_500);
    for (let i = 0; i < 50; i++) {
      const delay = nextRetryDelay(DEFAULT_RETRY_SCHEDULE, 2) ?? 0;
      expect(delay).toBeGreaterThanOrEqual(270_000);
      expect(delay).toBeLessThanOrEqual(330_000);
    }
    expect(nextRetryDelay(DEFAULT_RETRY_SCHEDULE, 7)).not.toBeNull();
    expect(nextRetryDelay(DEFAULT_RETRY_SCHEDULE, 8)).toBeNull();
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, capped at a day', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter('Tue, 01 Jan 2030 12:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Tue, 01 Jan 2030 11:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('999999', NOW)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });
});

describe('classifyHttpStatus', () => {
  it('tells sent, retry and dead apart', () => {
    expect(classifyHttpStatus(200, undefined, NOW).kind).toBe('sent');
    expect(classifyHttpStatus(204, undefined, NOW).kind).toBe('sent');
    expect(classifyHttpStatus(410, undefined, NOW).kind).toBe('dead');
    expect(classifyHttpStatus(400, undefined, NOW).kind).toBe('dead');
    expect(classifyHttpStatus(404, undefined, NOW).kind).toBe('dead');
    expect(classifyHttpStatus(408, undefined, NOW).kind).toBe('retry');
    expect(classifyHttpStatus(429, '7', NOW)).toEqual({ kind: 'retry', error: 'HTTP 429', retryAfterMs: 7_000 });
    expect(classifyHttpStatus(503, undefined, NOW)).toEqual({ kind: 'retry', error: 'HTTP 503', retryAfterMs: undefined });
    expect(classifyHttpStatus(500, '7', NOW)).toEqual({ kind: 'retry', error: 'HTTP 500' });
    expect(classifyHttpStatus(302, undefined, NOW).kind).toBe('retry');
  });
});

describe('settle', () => {
  const schedule = [0, 100, 200];
  it('schedules a retry, honours Retry-After, and gives up after the schedule', () => {
    expect(settle({ kind: 'sent' }, 1, schedule)).toEqual({ status: 'sent' });
    expect(settle({ kind: 'retry', error: 'HTTP 500' }, 1, schedule, () => 0.5)).toEqual({ status: 'pending', delayMs: 100, error: 'HTTP 500' });
    expect(settle({ kind: 'retry', error: 'HTTP 429', retryAfterMs: 3_000 }, 1, schedule)).toEqual({ status: 'pending', delayMs: 3_000, error: 'HTTP 429' });
    expect(settle({ kind: 'retry', error: 'HTTP 500' }, 3, schedule)).toEqual({ status: 'dead', error: 'HTTP 500 (gave up after 3 attempts)' });
    expect(settle({ kind: 'dead', error: 'HTTP 410' }, 1, schedule)).toEqual({ status: 'dead', error: 'HTTP 410' });
  });
});
