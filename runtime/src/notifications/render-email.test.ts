import { describe, expect, it } from 'vitest';
import { emailContent } from './email-content.ts';
import { NOTIFICATION_KINDS } from './notification-request.ts';
import { renderEmail } from './render-email.ts';
import { taskRequest } from './notifier-test-kit.ts';

describe('notification emails', () => {
  it('says who, what, how much, by when, and links to the inbox task', () => {
    const request = taskRequest('t1');
    const email = renderEmail(emailContent(request, 'Countersign', 'https://app.example.com/'));
    expect(email.subject).toBe('[Countersign] Approval needed: Invoice 4711 from ACME GmbH');
    expect(email.text).toContain('Hello Anna Approver,');
    expect(email.text).toMatch(/Workflow: +Invoice approval/);
    expect(email.text).toMatch(/Amount: +1234\.50 EUR/);
    expect(email.text).toMatch(/Level: +1/);
    expect(email.text).toMatch(/Due: +2030-03-03 17:00 UTC/);
    expect(email.text).toContain(`Review and decide: https://app.example.com/inbox/${request.task.id}`);
    expect(email.html).toContain(`href="https://app.example.com/inbox/${request.task.id}"`);
  });

  it('has its own subject and lead per kind, and a product name of choice', () => {
    const subjects = NOTIFICATION_KINDS.map((kind) => renderEmail(emailContent(taskRequest('t1', { kind }), 'Acme Approvals', undefined)).subject);
    expect(subjects).toEqual([
      '[Acme Approvals] Approval needed: Invoice 4711 from ACME GmbH',
      '[Acme Approvals] Reminder: approval needed: Invoice 4711 from ACME GmbH',
      '[Acme Approvals] Escalated approval: Invoice 4711 from ACME GmbH',
      '[Acme Approvals] Approval withdrawn: Invoice 4711 from ACME GmbH',
    ]);
    const revoked = renderEmail(emailContent(taskRequest('t1', { kind: 'task.revoked' }), 'Countersign', undefined));
    expect(revoked.text).toContain('no action is needed');
  });

  it('escapes workflow data in HTML, keeps subjects on one line, and leaves out what is unknown', () => {
    const base = taskRequest('t1');
    const request = { ...base, task: { ...base.task, title: 'Pay <b>me</b>\r\nBcc: x@evil.test', amount: null, dueAt: null } };
    const email = renderEmail(emailContent(request, 'Countersign', undefined));
    expect(email.subject).toBe('[Countersign] Approval needed: Pay <b>me</b> Bcc: x@evil.test');
    expect(email.html).toContain('Pay &lt;b&gt;me&lt;/b&gt;');
    expect(email.html).not.toContain('<b>me');
    expect(email.text).not.toMatch(/Amount|Due/);
    expect(email.text).toContain('Review and decide in your inbox.');
    expect(email.html).not.toContain('href=');
  });
});
