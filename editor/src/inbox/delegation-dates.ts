import { MAX_DELEGATION_DAYS } from '@countersign/shared';

const DAY_MS = 86_400_000;
const pad = (value: number): string => String(value).padStart(2, '0');

/** A date as a `<input type="date">` value (YYYY-MM-DD) in the reader's time zone. */
export function dateInputValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The earliest and latest end dates a delegation starting now may have (today, and MAX_DELEGATION_DAYS ahead less a day of margin). */
export function endDateBounds(now: Date): { min: string; max: string } {
  return { min: dateInputValue(now), max: dateInputValue(new Date(now.getTime() + (MAX_DELEGATION_DAYS - 1) * DAY_MS)) };
}

/**
 * The end of a chosen day (23:59:59.999 local time) as an ISO timestamp: a delegation "until 12 May"
 * covers all of 12 May. Null when the value is not a date or that moment has passed.
 */
export function endOfDayIso(value: string, now: Date): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const end = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59, 999);
  if (Number.isNaN(end.getTime()) || end.getTime() <= now.getTime()) return null;
  return end.toISOString();
}
