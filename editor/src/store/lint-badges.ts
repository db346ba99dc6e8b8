import type { LintFinding } from '@countersign/shared';

/** What a node's lint badge shows: the worst severity, how many findings, and their messages for the tooltip. */
export interface LintBadge {
  severity: LintFinding['severity'];
  count: number;
  /** One line per finding, errors first: the badge's tooltip. */
  tooltip: string;
}

const RANK: Record<LintFinding['severity'], number> = { error: 0, warning: 1 };

/** Findings sorted errors first (stable within a severity), as lists and tooltips show them. */
export function sortFindings(findings: readonly LintFinding[]): LintFinding[] {
  return findings.map((finding, index) => ({ finding, index })).sort((a, b) => RANK[a.finding.severity] - RANK[b.finding.severity] || a.index - b.index).map(({ finding }) => finding);
}

/** The badge of each node that has findings (findings about the whole workflow pin to no node). */
export function lintBadges(findings: readonly LintFinding[]): Record<string, LintBadge> {
  const byNode = new Map<string, LintFinding[]>();
  for (const finding of sortFindings(findings)) {
    if (finding.nodeId === undefined) continue;
    const list = byNode.get(finding.nodeId) ?? [];
    list.push(finding);
    byNode.set(finding.nodeId, list);
  }
  const badges: Record<string, LintBadge> = {};
  for (const [nodeId, list] of byNode) {
    badges[nodeId] = {
      severity: list.some((finding) => finding.severity === 'error') ? 'error' : 'warning',
      count: list.length,
      tooltip: list.map((finding) => `${finding.severity === 'error' ? 'Error' : 'Warning'}: ${finding.message}`).join('\n'),
    };
  }
  return badges;
}

/** The badge of one node as a string (a narrow, value-compared store selector for 500 nodes): `severity|count|tooltip` or ''. */
export function badgeKey(badge: LintBadge | undefined): string {
  return badge ? `${badge.severity}|${badge.count}|${badge.tooltip}` : '';
}

/** The inverse of {@link badgeKey}. */
export function parseBadgeKey(key: string): LintBadge | undefined {
  if (key === '') return undefined;
  const [severity, count, ...rest] = key.split('|');
  return { severity: severity === 'error' ? 'error' : 'warning', count: Number(count), tooltip: rest.join('|') };
}

/** A short summary: "1 error, 2 warnings" (empty when there is no finding). */
export function findingsSummary(findings: readonly LintFinding[]): string {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  const parts = [errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''];
  return parts.filter(Boolean).join(', ');
}
