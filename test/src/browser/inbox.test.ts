import { describe, expect, it } from 'vitest';
import { browserAvailable, screenshot } from '../support/browser.ts';
import { signIn, useBrowserApp } from '../support/browser-app.ts';
import { DEMO_PASSWORD } from '../support/runtime-process.ts';

const available = browserAvailable();
if (!available.ok && process.env['CI']) throw new Error(`browser tests cannot run in CI: ${available.reason}`);

async function submitInvoice(baseUrl: string, invoice: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${baseUrl}/hooks/ap-invoice-intake`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(invoice) });
  expect(response.status).toBe(202);
  return ((await response.json()) as { runId: string }).runId;
}

// Skipped only outside CI when Chromium or the built editor is missing (reason printed above by browserAvailable).
describe.skipIf(!available.ok)('the approval inbox in a browser', () => {
  const suite = useBrowserApp();

  it('an approver opens a task with its evidence, approves it, and watches the run continue to the ERP post', async () => {
    const { page, runtime } = suite;
    const invoice = { invoiceNumber: 'INV-5521', vendor: 'ACME-GMBH', amount: 845_000, currency: 'EUR', invoiceDate: '2026-11-20', submittedBy: 'demo-operator' };
    const runId = await submitInvoice(runtime.baseUrl, invoice);
    // An invoice the approver submitted themselves never reaches their inbox.
    await submitInvoice(runtime.baseUrl, { ...invoice, invoiceNumber: 'INV-7730', vendor: 'Initech', submittedBy: 'demo-approver' });

    await signIn(page, runtime.baseUrl, 'approver');
    await page.getByTestId('inbox-link').click();
    const rows = page.getByTestId('inbox-task-row');
    await rows.first().waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().textContent()).toContain('INV-5521');
    await rows.first().click();

    // The evidence: the invoice, the SLA clock, the policy checks and where the run waits.
    await page.getByTestId('sla-clock').first().waitFor();
    expect(await page.getByTestId('sla-clock').first().textContent()).toMatch(/left/);
    await expect.poll(() => page.getByTestId('policy-result').count()).toBe(3);
    expect(await page.getByText('8450.00 EUR').first().isVisible()).toBe(true);
    const approveNode = page.locator('[data-testid="run-position"] [data-node-id="approve"]');
    await expect.poll(() => approveNode.getAttribute('data-node-status'), { timeout: 10_000 }).toBe('waiting');
    await screenshot(page, 'inbox-task');

    await page.getByTestId('task-approve').click();
    await expect.poll(() => page.getByTestId('task-status').first().getAttribute('data-status'), { timeout: 10_000 }).toBe('approved');
    // The run resumes in the engine: the mini canvas follows it live to the ERP post.
    const post = page.locator('[data-testid="run-position"] [data-node-id="post-to-erp"]');
    await expect.poll(() => post.getAttribute('data-node-status'), { timeout: 20_000 }).toBe('succeeded');
    await expect.poll(() => page.getByTestId('run-position').getAttribute('data-run-status'), { timeout: 10_000 }).toBe('succeeded');
    await screenshot(page, 'inbox-approved');

    const run = (await (await fetch(`${runtime.baseUrl}/api/runs/${runId}`, { headers: { authorization: `Bearer ${await tokenOf(runtime.baseUrl)}` } })).json()) as { status: string };
    expect(run.status).toBe('succeeded');
    await expect.poll(async () => (await page.getByTestId('inbox-link').getAttribute('aria-label')) ?? '').toContain('0 open');
  });
});

async function tokenOf(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@demo.test', password: DEMO_PASSWORD }) });
  return ((await response.json()) as { token: string }).token;
}
