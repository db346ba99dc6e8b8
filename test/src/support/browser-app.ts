import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { EDITOR_DIST, launchBrowser, newPage } from './browser.ts';
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

/** What the tests of a {@link useBrowserApp} suite reach: set before the first test runs. */
export interface BrowserSuite {
  readonly runtime: RuntimeProcess;
  readonly browser: Browser;
  readonly page: Page;
}

/**
 * Starts the product and a page for the enclosing `describe` (closed after its last test). Read the
 * fields inside the tests, not at collection time.
 */
export function useBrowserApp(): BrowserSuite {
  let app: BrowserApp | undefined;
  let page: Page | undefined;
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The browser app has no ${what} yet: use it inside a test`);
    return value;
  };
  beforeAll(async () => {
    app = await startBrowserApp();
    page = await newPage(app.browser);
  });
  afterAll(async () => {
    await app?.close();
  });
  return {
    get runtime() {
      return started(app, 'runtime').runtime;
    },
    get browser() {
      return started(app, 'browser').browser;
    },
    get page() {
      return started(page, 'page');
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
