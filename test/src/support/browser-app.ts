import type { Browser, Page } from 'playwright-core';
import { EDITOR_DIST, launchBrowser } from './browser.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';
import { DEMO_PASSWORD, startRuntime, type RuntimeProcess } from './runtime-process.ts';

/** The product for a browser test: a runtime serving the built editor on a fresh PGlite, and Chromium. */
export interface BrowserApp {
  runtime: RuntimeProcess;
  browser: Browser;
  close(): Promise<void>;
}

/** Starts the runtime (seeded demo tenant) and the browser. */
export async function startBrowserApp(): Promise<BrowserApp> {
  const db: TestDatabase = await createTestDatabase('pglite');
  const runtime = await startRuntime({ ...db.env, COUNTERSIGN_EDITOR_DIR: EDITOR_DIST });
  const browser = await launchBrowser();
  return {
    runtime,
    browser,
    async close() {
      await browser.close();
      await runtime.stop();
      await db.drop();
    },
  };
}

/** Signs in as a seeded demo user (`designer` for designer@demo.test) and waits for the workflow list. */
export async function signIn(page: Page, baseUrl: string, who = 'designer'): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(`${who}@demo.test`);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Workflows' }).waitFor();
}
