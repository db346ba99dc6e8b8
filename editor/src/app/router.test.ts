import { describe, expect, it } from 'vitest';
import { parseRoute } from './router.ts';

describe('routes', () => {
  it('parses the app paths', () => {
    expect(parseRoute('/', '')).toEqual({ name: 'workflows' });
    expect(parseRoute('/workflows/', '')).toEqual({ name: 'workflows' });
    expect(parseRoute('/workflows/ap-invoice-intake', '')).toEqual({ name: 'workflow', workflowId: 'ap-invoice-intake' });
    expect(parseRoute('/sign-in', '?next=%2Fworkflows%2Fx')).toEqual({ name: 'sign-in', next: '/workflows/x' });
    expect(parseRoute('/nope', '')).toEqual({ name: 'not-found', path: '/nope' });
  });

  it('ignores sign-in redirects to other sites', () => {
    expect(parseRoute('/sign-in', '?next=https://evil.example')).toEqual({ name: 'sign-in', next: null });
    expect(parseRoute('/sign-in', '?next=//evil.example')).toEqual({ name: 'sign-in', next: null });
  });
});
