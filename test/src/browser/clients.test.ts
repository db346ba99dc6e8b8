import { describe, expect, it } from 'vitest';
import { browserAvailable, screenshot } from '../support/browser.ts';
import { signIn, useBrowserApp } from '../support/browser-app.ts';

const available = browserAvailable();
if (!available.ok && process.env['CI']) throw new Error(`browser tests cannot run in CI: ${available.reason}`);

// Skipped only outside CI when Chromium or the built editor is missing (reason printed above by browserAvailable).
describe.skipIf(!available.ok)("a partner admin's clients in a browser", () => {
  const suite = useBrowserApp();

  it("sees each client's runs and approval tasks, opens one as its admin, and goes back", async () => {
    const { page, runtime } = suite;
    // A run in the client "Demo Finance Ltd": an invoice through its published AP workflow.
    const invoice = { invoiceNumber: 'INV-9001', vendor: 'ACME-GMBH', amount: 845_000, currency: 'EUR', invoiceDate: '2026-11-20', submittedBy: 'demo-operator' };
    const hook = await fetch(`${runtime.baseUrl}/hooks/ap-invoice-intake`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(invoice) });
    expect(hook.status).toBe(202);

    await signIn(page, runtime.baseUrl, 'partner');
    await page.getByTestId('clients-link').click();
    await page.getByRole('heading', { name: 'Clients' }).waitFor();
    const demo = page.getByTestId('client-demo');
    await demo.waitFor();
    expect(await demo.textContent()).toContain('Demo Finance Ltd');
    // The invoice waits for an approval in the client: one waiting run, and open tasks for its approvers.
    await expect.poll(async () => (await page.reload(), await demo.textContent()), { timeout: 15_000 }).toMatch(/0 · 1[1-9]\d* open/);
    await screenshot(page, 'partner-clients');

    await page.getByTestId('client-open-demo').click();
    await page.getByTestId('partner-banner').waitFor();
    expect(await page.getByTestId('partner-banner').textContent()).toContain('Demo Finance Ltd');
    await page.getByRole('heading', { name: 'Workflows' }).waitFor();
    // The client's own workflows, as its admin.
    await page.getByRole('link', { name: /AP invoice/i }).first().waitFor();
    await screenshot(page, 'partner-acting-in-client');

    await page.getByRole('button', { name: 'Back to your clients' }).click();
    await page.getByRole('heading', { name: 'Clients' }).waitFor();
    expect(await page.getByTestId('partner-banner').count()).toBe(0);
  });
});
