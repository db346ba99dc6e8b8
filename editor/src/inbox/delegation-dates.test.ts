import { describe, expect, it } from 'vitest';
import { dateInputValue, endDateBounds, endOfDayIso } from './delegation-dates.ts';

describe('delegation dates', () => {
  const now = new Date(2030, 0, 15, 10, 30);

  it('bounds the end date from today to within a year', () => {
    expect(dateInputValue(now)).toBe('2030-01-15');
    expect(endDateBounds(now)).toEqual({ min: '2030-01-15', max: '2031-01-14' });
  });

  it('ends a delegation at the end of the chosen day, never in the past', () => {
    expect(endOfDayIso('2030-01-20', now)).toBe(new Date(2030, 0, 20, 23, 59, 59, 999).toISOString());
    expect(endOfDayIso('2030-01-15', now)).not.toBeNull();
    expect(endOfDayIso('2030-01-14', now)).toBeNull();
    expect(endOfDayIso('', now)).toBeNull();
  });
});
