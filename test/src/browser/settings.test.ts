import { describe, expect, it } from 'vitest';
import { browserAvailable, screenshot } from '../support/browser.ts';
import { signIn, useBrowserApp } from '../support/browser-app.ts';

const available = browserAvailable();
if (!available.ok && process.env['CI']) throw new Error(`browser tests cannot run in CI: ${available.reason}`);

// Skipped only outside CI when Chromium or the built editor is missing (reason printed above by browserAvailable).
describe.skipIf(!available.ok)("a tenant admin's settings in a browser", () => {
  const suite = useBrowserApp();

  it('adds a credential (its value never shown), creates an API key shown once, and sees the branding form', async () => {
    const { page, runtime } = suite;
    await signIn(page, runtime.baseUrl, 'admin');
    await page.getByTestId('settings-link').click();
    await page.getByRole('heading', { name: 'Credentials' }).waitFor();

    await page.getByTestId('credential-new').click();
    const dialog = page.getByTestId('credential-new-dialog');
    await dialog.getByLabel('Name').fill('ERP API token');
    await dialog.getByLabel('Token').fill('tok-browser-5555');
    await dialog.getByTestId('credential-create').click();
    const row = page.locator('[data-testid^="credential-row-"]', { hasText: 'ERP API token' });
    await row.waitFor();
    expect(await row.textContent()).toContain('API token');
    expect(await page.content()).not.toContain('tok-browser-5555');
    await screenshot(page, 'settings-credentials');

    await page.getByTestId('settings-api-keys').click();
    await page.getByRole('heading', { name: 'API keys' }).waitFor();
    await page.getByTestId('apikey-new').click();
    const keyDialog = page.getByTestId('apikey-dialog');
    await keyDialog.getByLabel('Name').fill('ERP sync');
    await keyDialog.getByTestId('apikey-role-operator').check();
    await keyDialog.getByTestId('apikey-create').click();
    const shown = page.getByTestId('apikey-created-key');
    await shown.waitFor();
    const key = ((await shown.textContent()) ?? '').match(/csk_[A-Za-z0-9_-]+/)?.[0];
    expect(key).toBeDefined();
    // The key works at once for a server-to-server call.
    const response = await fetch(`${runtime.baseUrl}/api/workflows`, { headers: { 'x-api-key': key as string } });
    expect(response.status).toBe(200);
    await screenshot(page, 'settings-api-keys');

    await page.getByTestId('settings-branding').click();
    await page.getByTestId('branding-form').waitFor();
    await screenshot(page, 'settings-branding');
  });
});
