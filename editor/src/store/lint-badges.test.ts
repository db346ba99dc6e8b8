import type { LintFinding } from '@countersign/shared';
import { describe, expect, it } from 'vitest';
import { badgeKey, findingsSummary, lintBadges, parseBadgeKey, sortFindings } from './lint-badges.ts';

const finding = (severity: LintFinding['severity'], nodeId: string | undefined, message: string): LintFinding => ({
  code: severity === 'error' ? 'posting_without_approval' : 'insecure_http',
  severity,
  message,
  ...(nodeId === undefined ? {} : { nodeId }),
});

describe('lint badges', () => {
  it('gives each node its worst severity, a count and every message, errors first', () => {
    const badges = lintBadges([
      finding('warning', 'post', 'Plain http'),
      finding('error', 'post', 'No approval before the posting'),
      finding('warning', 'hook', 'The webhook is not signed'),
      finding('error', undefined, 'Workflow-wide'),
    ]);
    expect(Object.keys(badges).sort()).toEqual(['hook', 'post']);
    expect(badges['post']).toEqual({ severity: 'error', count: 2, tooltip: 'Error: No approval before the posting\nWarning: Plain http' });
    expect(badges['hook']).toEqual({ severity: 'warning', count: 1, tooltip: 'Warning: The webhook is not signed' });
  });

  it('round-trips a badge through its selector key, even with a | in a message', () => {
    const badge = { severity: 'warning' as const, count: 1, tooltip: 'Warning: a | b' };
    expect(parseBadgeKey(badgeKey(badge))).toEqual(badge);
    expect(parseBadgeKey(badgeKey(undefined))).toBeUndefined();
  });

  it('sorts and summarises findings', () => {
    const list = [finding('warning', 'a', 'w1'), finding('error', 'b', 'e1'), finding('warning', 'c', 'w2')];
    expect(sortFindings(list).map((item) => item.message)).toEqual(['e1', 'w1', 'w2']);
    expect(findingsSummary(list)).toBe('1 error, 2 warnings');
    expect(findingsSummary([])).toBe('');
  });
});
