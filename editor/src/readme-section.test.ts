import { describe, expect, it } from 'vitest';
import readme from '../../README.md?raw';
import { readmeSection } from './readme-section.ts';

describe('readmeSection', () => {
  const markdown = '# Title\n\n## One\n\nfirst\n\n```sh\n# a comment, not a heading\n```\n\n## Two\nsecond\n';

  it('returns the body of a section up to the next section', () => {
    expect(readmeSection(markdown, 'One')).toBe('first\n\n```sh\n# a comment, not a heading\n```');
  });

  it('returns the last section up to the end', () => {
    expect(readmeSection(markdown, 'Two')).toBe('second');
  });

  it('returns null for a missing section', () => {
    expect(readmeSection(markdown, 'Three')).toBeNull();
  });

  it('finds the API quickstart the placeholder page shows', () => {
    expect(readmeSection(readme, 'API quickstart')).toContain('/api/auth/login');
  });
});
