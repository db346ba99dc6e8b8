import type { AuditFilters } from '../api/change-control-api.ts';

/** The filter form's fields as typed (times as `datetime-local` values, in the browser's time zone). */
export interface AuditFilterForm {
  from: string;
  to: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  runId: string;
}

/** An empty filter form, optionally on one run. */
export function emptyFilterForm(runId: string | null = null): AuditFilterForm {
  return { from: '', to: '', actor: '', action: '', targetType: '', targetId: '', runId: runId ?? '' };
}

/** A `datetime-local` value as an ISO instant, or undefined when empty or invalid. */
export function localToIso(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** The query of a filter form: trimmed, empty fields left out. */
export function filtersOf(form: AuditFilterForm): AuditFilters {
  const text = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());
  const filters: AuditFilters = {};
  const from = localToIso(form.from);
  const to = localToIso(form.to);
  if (from) filters.from = from;
  if (to) filters.to = to;
  for (const key of ['actor', 'action', 'targetType', 'targetId', 'runId'] as const) {
    const value = text(form[key]);
    if (value !== undefined) filters[key] = value;
  }
  return filters;
}

/** Whether any filter is set (then the rows are not one unbroken stretch of the chain). */
export function isFiltered(filters: AuditFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

/** The first characters of a hash, as the table shows it. */
export function hashPrefix(hash: string, length = 10): string {
  return hash.slice(0, length);
}
