import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../support/api-client.ts';
import { browserAvailable, newPage, screenshot } from '../support/browser.ts';
import { signIn, startBrowserApp, type BrowserApp } from '../support/browser-app.ts';
import type { RuntimeProcess } from '../support/runtime-process.ts';

const available = browserAvailable();
if (!available.ok && process.env['CI']) throw new Error(`browser tests cannot run in CI: ${available.reason}`);

const WORKFLOW = 'ap-invoice-intake';

/** Opens the seeded workflow in the editor and shows its Versions tab. */
async function openVersions(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/workflows/${WORKFLOW}`);
  await page.getByTestId('canvas').waitFor();
  await page.getByRole('tab', { name: 'Versions' }).click();
}

const versionRow = (page: Page, version: number) => page.locator(`[data-testid="version-row"][data-version="${version}"]`);

// Skipped only outside CI when Chromium or the built editor is missing (reason printed above by browserAvailable).
describe.skipIf(!available.ok)('change control in a browser', () => {
  let app: BrowserApp;
  let runtime: RuntimeProcess;
  let browser: Browser;

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ runtime, browser } = app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('a designer changes the AP workflow and submits it, cannot approve it, a reviewer approves it from the diff, and the designer publishes it', { timeout: 180_000 }, async () => {
    const designer = await newPage(browser);
    await signIn(designer, runtime.baseUrl, 'designer');
    await designer.goto(`${runtime.baseUrl}/workflows/${WORKFLOW}`);
    await designer.getByTestId('canvas').waitFor();

    // The live control lint pins its findings on the canvas: the seeded webhook is not signed.
    const webhookBadge = designer.locator('[data-node-id="invoice-received"] [data-testid="lint-badge"]');
    await expect.poll(() => webhookBadge.getAttribute('data-severity'), { timeout: 15_000 }).toBe('warning');
    expect(await webhookBadge.getAttribute('title')).toMatch(/unsigned/);

    // Change a label and a config value of one node.
    await designer.locator('.react-flow__node[data-id="reject-invalid"]').click();
    const panel = designer.getByRole('complementary', { name: 'Details' });
    await panel.getByLabel('Label', { exact: true }).fill('Reject: incomplete invoice');
    await panel.getByRole('textbox', { name: /Value of status/ }).fill('incomplete');
    await designer.getByText(/^Saved/).first().waitFor({ timeout: 15_000 });
    await designer.getByRole('button', { name: 'Save version' }).click();
    await designer.getByText(/Version 2 saved/).first().waitFor({ timeout: 15_000 });
    await expect.poll(async () => (await designer.getByTestId('issues-button').textContent()) ?? '').toMatch(/1 issue/);
    await screenshot(designer, 'change-control-01-canvas-lint');

    // Submit v2: the lint runs first (one warning, nothing blocking), then the version is in review.
    await designer.getByRole('tab', { name: 'Versions' }).click();
    const row = versionRow(designer, 2);
    await expect.poll(() => row.getByTestId('version-status').getAttribute('data-status')).toBe('draft');
    await expect.poll(() => row.getByTestId('lint-finding').count(), { timeout: 15_000 }).toBe(1);
    await row.getByTestId('submit-version').click();
    await expect.poll(() => row.getByTestId('version-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('in_review');
    expect(await row.getByTestId('version-waiting').textContent()).toContain('Waiting for another reviewer');
    await screenshot(designer, 'change-control-02-submitted');

    // The author opens the review: no Approve, but why; and the runtime refuses the designer's approval too.
    await row.getByTestId('open-review').click();
    await designer.getByTestId('review-screen').waitFor();
    await designer.getByTestId('review-author-notice').waitFor();
    expect(await designer.getByTestId('review-author-notice').textContent()).toMatch(/Waiting for another reviewer.*You authored version 2/);
    expect(await designer.getByTestId('review-approve').count()).toBe(0);
    const designerApi = await ApiClient.login(runtime.baseUrl, 'designer@demo.test');
    const refused = await designerApi.call<{ error: { code: string } }>('POST', `/api/workflows/${WORKFLOW}/versions/2/approve`, {});
    expect(refused.status).toBe(403);
    await screenshot(designer, 'change-control-03-author-cannot-approve');

    // The reviewer finds the version in review, sees the changed node and its fields, and approves.
    const reviewer = await newPage(browser);
    await signIn(reviewer, runtime.baseUrl, 'reviewer');
    await openVersions(reviewer, runtime.baseUrl);
    await versionRow(reviewer, 2).getByTestId('open-review').click();
    await reviewer.getByTestId('review-screen').waitFor();
    const change = reviewer.locator('[data-testid="review-change"][data-node-id="reject-invalid"]');
    await change.waitFor();
    expect(await change.getAttribute('data-change-kind')).toBe('changed');
    expect(await reviewer.locator('[data-testid="review-graph-after"] [data-node-id="reject-invalid"]').getAttribute('data-change-kind')).toBe('changed');
    await change.click();
    const status = reviewer.locator('[data-testid="review-field-change"][data-path="config.fields.status"]');
    await status.waitFor();
    expect(await status.textContent()).toMatch(/"rejected".*"incomplete"/);
    expect(await reviewer.locator('[data-testid="review-field-change"][data-path="label"]').textContent()).toMatch(/Reject: invalid invoice.*Reject: incomplete invoice/);
    await screenshot(reviewer, 'change-control-04-review-diff');
    await reviewer.getByTestId('review-comment').fill('Clearer status for incomplete invoices.');
    await reviewer.getByTestId('review-approve').click();
    await expect.poll(() => reviewer.getByTestId('review-outcome').getAttribute('data-status'), { timeout: 15_000 }).toBe('approved');
    await screenshot(reviewer, 'change-control-05-approved');

    // The designer publishes v2: it becomes the live version.
    await openVersions(designer, runtime.baseUrl);
    const published = versionRow(designer, 2);
    await expect.poll(() => published.getByTestId('version-status').getAttribute('data-status')).toBe('approved');
    expect(await published.getByTestId('version-review-comment').textContent()).toContain('Clearer status');
    await published.getByTestId('publish-version').click();
    await expect.poll(() => published.getByTestId('version-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('published');
    await published.getByTestId('version-live').waitFor();
    expect(await versionRow(designer, 1).getByTestId('version-live').count()).toBe(0);
    await screenshot(designer, 'change-control-06-published-live');
    const workflow = await designerApi.call<{ publishedVersion: number | null }>('GET', `/api/workflows/${WORKFLOW}`);
    expect(workflow.body.publishedVersion).toBe(2);

    // The reviewer reads the audit trail of it and verifies the chain.
    await reviewer.getByTestId('audit-link').click();
    await reviewer.getByTestId('audit-row').first().waitFor();
    await reviewer.getByTestId('audit-filter-targetId').fill(`${WORKFLOW}@2`);
    await reviewer.getByTestId('audit-apply').click();
    await expect.poll(async () => (await reviewer.getByTestId('audit-row').allTextContents()).join('\n'), { timeout: 10_000 }).toMatch(/demo-reviewer/);
    await reviewer.getByTestId('audit-verify').click();
    const result = reviewer.getByTestId('audit-verify-result');
    await expect.poll(() => result.getAttribute('data-ok'), { timeout: 15_000 }).toBe('true');
    expect(await result.textContent()).toMatch(/Chain intact: \d+ events checked/);
    await screenshot(reviewer, 'change-control-07-audit-verified');

    // A production run now uses v2; its evidence pack is saved as sent, verified in the browser, and printable.
    const hook = await fetch(`${runtime.baseUrl}/hooks/${WORKFLOW}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invoiceNumber: 'INV-8812', vendor: 'ACME-GMBH', amount: 120_000, currency: 'EUR', invoiceDate: '2026-11-20', submittedBy: 'demo-operator' }),
    });
    expect(hook.status).toBe(202);
    const { runId } = (await hook.json()) as { runId: string };
    await reviewer.goto(`${runtime.baseUrl}/audit?runId=${encodeURIComponent(runId)}`);
    await reviewer.getByTestId('audit-row').first().waitFor();
    const [download] = await Promise.all([reviewer.waitForEvent('download'), reviewer.getByTestId('evidence-json').click()]);
    expect(download.suggestedFilename()).toBe(`evidence-${runId}.json`);
    const pack = JSON.parse(await readFile(await download.path(), 'utf8')) as { version: { version: number }; run: { id: string } };
    expect(pack.version.version).toBe(2);
    expect(pack.run.id).toBe(runId);
    await expect.poll(() => reviewer.getByTestId('evidence-verified').getAttribute('data-ok'), { timeout: 10_000 }).toBe('true');
    await screenshot(reviewer, 'change-control-08-evidence');
    const [printable] = await Promise.all([reviewer.context().waitForEvent('page'), reviewer.getByTestId('evidence-html').click()]);
    await printable.waitForURL(/^blob:/, { timeout: 15_000 });
    await printable.getByRole('heading', { name: /Evidence pack/ }).waitFor();
    await screenshot(printable, 'change-control-09-evidence-printable');
  });
});
