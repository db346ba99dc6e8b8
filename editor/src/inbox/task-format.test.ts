import { describe, expect, it } from 'vitest';
import { filterQuery, formatAmount, levelText, quorumText, routeBadge } from './task-format.ts';

describe('task formatting', () => {
  it('formats amounts from minor units with their currency', () => {
    expect(formatAmount({ amount: 123450, currency: 'EUR' })).toBe('1234.50 EUR');
    expect(formatAmount({ amount: 5000, currency: 'JPY' })).toBe('5000 JPY');
    expect(formatAmount(null)).toBe('–');
  });

  it('says the level and the quorum', () => {
    expect(levelText({ level: 2, levelCount: 3 })).toBe('Level 2 of 3');
    expect(levelText({ level: 1, levelCount: 1 })).toBe('Single level');
    expect(quorumText(1)).toBe('1 approval needed');
    expect(quorumText(2, 1)).toBe('1 of 2 approvals');
  });

  it('badges delegated and re-routed tasks only', () => {
    const base = { route: 'assignee' as const, delegatedFrom: null, assigneeName: 'Bea Olsen' };
    expect(routeBadge(base)).toBeNull();
    expect(routeBadge({ ...base, delegatedFrom: 'u-bea' })).toMatchObject({ kind: 'delegated', text: 'Delegated from Bea Olsen' });
    expect(routeBadge({ ...base, route: 'alternate' })?.kind).toBe('alternate');
    expect(routeBadge({ ...base, route: 'admin' })?.text).toBe('Admin fallback');
    expect(routeBadge({ ...base, route: 'escalation' })?.text).toBe('Escalation');
  });

  it('maps the filters onto the API query', () => {
    expect(filterQuery('open').status).toBe('open');
    const decided = filterQuery('decided');
    expect(decided.status).toBe('all');
    expect(['open', 'approved', 'rejected', 'cancelled'].filter((status) => decided.keep({ status: status as 'open' }))).toEqual(['approved', 'rejected']);
    expect(filterQuery('all').keep({ status: 'expired' })).toBe(true);
  });
});
