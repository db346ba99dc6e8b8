export { LINT_CODES, LintFindingSchema, type LintCode, type LintFinding } from './lint-finding.ts';
