import { describe, expect, it } from 'vitest';
import { issuesAt, issuesBelow, pathEquals, unclaimedIssues } from './issue-paths.ts';

const issue = (path: (string | number)[]) => ({ code: 'invalid_config', path, message: path.join('.') });

describe('issue paths', () => {
  const issues = [issue(['url']), issue(['fields', 'amount']), issue(['cases', 0, 'port']), issue([]), issue(['extra'])];

  it('matches exact paths, comparing indexes as text', () => {
    expect(issuesAt(issues, ['url']).map((i) => i.message)).toEqual(['url']);
    expect(issuesAt(issues, ['cases', '0', 'port'])).toHaveLength(1);
    expect(pathEquals(['a', 1], ['a', '1'])).toBe(true);
    expect(pathEquals(['a'], ['a', 1])).toBe(false);
  });

  it('rolls sub-path issues up onto their ancestors only', () => {
    expect(issuesBelow(issues, ['cases'])).toHaveLength(1);
    expect(issuesBelow(issues, ['cases', 0])).toHaveLength(1);
    expect(issuesBelow(issues, ['url'])).toHaveLength(0);
    expect(issuesBelow(issues, [])).toHaveLength(4);
  });

  it('leaves root and unknown-key issues to the form', () => {
    expect(unclaimedIssues(issues, ['url', 'fields', 'cases']).map((i) => i.message)).toEqual(['', 'extra']);
  });
});
