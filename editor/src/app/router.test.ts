import { describe, expect, it } from 'vitest';
import { auditPath, parseRoute, reviewPath, taskPath, workflowPath } from './router.ts';

describe('routes', () => {
  it('parses the app paths', () => {
    expect(parseRoute('/', '')).toEqual({ name: 'workflows' });
    expect(parseRoute('/workflows/', '')).toEqual({ name: 'workflows' });
    expect(parseRoute('/workflows/ap-invoice-intake', '')).toEqual({ name: 'workflow', workflowId: 'ap-invoice-intake', runId: null });
    expect(parseRoute('/sign-in', '?next=%2Fworkflows%2Fx')).toEqual({ name: 'sign-in', next: '/workflows/x' });
    expect(parseRoute('/nope', '')).toEqual({ name: 'not-found', path: '/nope' });
    expect(parseRoute('/clients', '')).toEqual({ name: 'clients' });
    expect(parseRoute('/settings', '')).toEqual({ name: 'settings', section: 'credentials' });
    expect(parseRoute('/settings/api-keys/', '')).toEqual({ name: 'settings', section: 'api-keys' });
    expect(parseRoute('/settings/branding', '')).toEqual({ name: 'settings', section: 'branding' });
  });

  it('ignores sign-in redirects to other sites', () => {
    expect(parseRoute('/sign-in', '?next=https://evil.example')).toEqual({ name: 'sign-in', next: null });
    expect(parseRoute('/sign-in', '?next=//evil.example')).toEqual({ name: 'sign-in', next: null });
  });

  it('parses the inbox and a task in it', () => {
    expect(parseRoute('/inbox', '')).toEqual({ name: 'inbox', taskId: null });
    expect(parseRoute('/inbox/', '')).toEqual({ name: 'inbox', taskId: null });
    expect(parseRoute('/inbox/task%201', '')).toEqual({ name: 'inbox', taskId: 'task 1' });
    expect(parseRoute('/inbox/a/b', '')).toEqual({ name: 'not-found', path: '/inbox/a/b' });
  });

  it('opens a workflow on a run', () => {
    expect(parseRoute('/workflows/w1', '?run=r%2F1')).toEqual({ name: 'workflow', workflowId: 'w1', runId: 'r/1' });
    expect(parseRoute('/workflows/w1', '?run=')).toEqual({ name: 'workflow', workflowId: 'w1', runId: null });
  });

  it('builds the paths it parses', () => {
    const task = new URL(taskPath('t/1'), 'http://x');
    expect(parseRoute(task.pathname, task.search)).toEqual({ name: 'inbox', taskId: 't/1' });
    const run = new URL(workflowPath('w 1', 'r&1'), 'http://x');
    expect(parseRoute(run.pathname, run.search)).toEqual({ name: 'workflow', workflowId: 'w 1', runId: 'r&1' });
    expect(workflowPath('w1')).toBe('/workflows/w1');
  });

  it('parses the review screen of a version, and only of a positive version number', () => {
    expect(parseRoute('/workflows/ap-invoice-intake/review/3', '')).toEqual({ name: 'review', workflowId: 'ap-invoice-intake', version: 3 });
    expect(parseRoute('/workflows/w%201/review/12/', '')).toEqual({ name: 'review', workflowId: 'w 1', version: 12 });
    expect(parseRoute('/workflows/w1/review/0', '')).toEqual({ name: 'not-found', path: '/workflows/w1/review/0' });
    expect(parseRoute('/workflows/w1/review/x', '')).toEqual({ name: 'not-found', path: '/workflows/w1/review/x' });
    const review = new URL(reviewPath('w/1', 4), 'http://x');
    expect(parseRoute(review.pathname, review.search)).toEqual({ name: 'review', workflowId: 'w/1', version: 4 });
  });

  it('parses the audit trail, pre-filtered to a run', () => {
    expect(parseRoute('/audit', '')).toEqual({ name: 'audit', runId: null });
    const filtered = new URL(auditPath('r&1'), 'http://x');
    expect(parseRoute(filtered.pathname, filtered.search)).toEqual({ name: 'audit', runId: 'r&1' });
    expect(auditPath()).toBe('/audit');
  });
});
