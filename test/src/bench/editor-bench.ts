import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api-client.ts';
import { browserAvailable, EDITOR_DIST, launchBrowser, newPage } from '../support/browser.ts';
import { createTestDatabase } from '../support/databases.ts';
import { startRuntime } from '../support/runtime-process.ts';

// `pnpm bench:editor`: opens a 500-node workflow in the built editor (headless Chromium, 1280x800)
// and prints the time to a rendered canvas and the frame times while dragging a node and panning.

const N = Number(process.env['BENCH_EDITOR_NODES'] ?? 500);

interface FrameStats {
  frames: number;
  avgMs: number;
  p95Ms: number;
  maxMs: number;
}

declare global {
  interface Window {
    __benchFrames?: number[];
    __benchRaf?: number;
    __countersignPerf?: { marks: Record<string, number>; nodeCount: number };
  }
}

async function frameTimes(page: Page, action: () => Promise<void>): Promise<FrameStats> {
  // A string, not a function: the bundler's helpers (e.g. __name) do not exist in the page.
  await page.evaluate(`(() => {
    window.__benchFrames = [];
    let last = performance.now();
    const tick = (now) => { window.__benchFrames.push(now - last); last = now; window.__benchRaf = requestAnimationFrame(tick); };
    window.__benchRaf = requestAnimationFrame(tick);
  })()`);
  await action();
  const samples = await page.evaluate(() => {
    cancelAnimationFrame(window.__benchRaf ?? 0);
    return (window.__benchFrames ?? []).slice(2);
  });
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
  return { frames: samples.length, avgMs: samples.reduce((a, b) => a + b, 0) / samples.length, p95Ms: at(0.95), maxMs: at(1) };
}

async function sweep(page: Page, from: { x: number; y: number }, dx: number, dy: number): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let s = 1; s <= 60; s++) await page.mouse.move(from.x + s * dx, from.y + s * dy);
  await page.mouse.up();
}

const fmt = (stats: FrameStats): string => `${stats.frames} frames, mean ${stats.avgMs.toFixed(1)} ms, p95 ${stats.p95Ms.toFixed(1)} ms, max ${stats.maxMs.toFixed(1)} ms`;

async function main(): Promise<void> {
  const available = browserAvailable();
  if (!available.ok) throw new Error(`editor benchmark needs ${available.reason}`);
  const db = await createTestDatabase('pglite');
  const runtime = await startRuntime({ ...db.env, COUNTERSIGN_EDITOR_DIR: EDITOR_DIST });
  const browser = await launchBrowser();
  try {
    const api = await ApiClient.login(runtime.baseUrl);
    const nodes = [{ id: 'start', type: 'trigger.manual', typeVersion: 1, label: 'Start', position: { x: 0, y: 0 }, config: {} }];
    const edges = [];
    for (let i = 1; i < N; i++) {
      nodes.push({ id: `set-${i}`, type: 'data.set', typeVersion: 1, label: `Step ${i}`, position: { x: (i % 25) * 260, y: Math.floor(i / 25) * 140 }, config: { fields: { step: i } } as never });
      edges.push({ id: `e${i}`, source: i === 1 ? 'start' : `set-${i - 1}`, target: `set-${i}` });
    }
    const created = await api.call<{ id: string }>('POST', '/api/workflows', { name: `Bench ${N} nodes`, graph: { schemaVersion: 1, nodes, edges } });
    if (created.status !== 201) throw new Error(`could not create the workflow: ${JSON.stringify(created.body)}`);
    const me = await api.call('GET', '/api/auth/me');
    const page = await newPage(browser);
    await page.goto(`${runtime.baseUrl}/sign-in`);
    await page.evaluate((session) => sessionStorage.setItem('countersign.session', JSON.stringify(session)), { token: api.token, user: me.body });

    const opens: number[] = [];
    for (let i = 0; i < 4; i++) {
      await page.goto(`${runtime.baseUrl}/workflows/${created.body.id}`);
      await page.waitForFunction(() => window.__countersignPerf?.marks['graph-rendered'] !== undefined, null, { timeout: 30_000 });
      opens.push(await page.evaluate(() => window.__countersignPerf?.marks['graph-rendered'] ?? Number.NaN));
    }
    const [cold, ...warm] = opens;
    console.log(`open ${N} nodes (navigation to rendered canvas): first ${cold?.toFixed(0)} ms, then ${warm.map((ms) => ms.toFixed(0)).join(' / ')} ms`);

    const node = page.locator('.react-flow__node[data-id="set-2"]');
    const box = await node.boundingBox();
    if (!box) throw new Error('node set-2 is not on screen');
    console.log(`drag a node:   ${fmt(await frameTimes(page, () => sweep(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, 3, 2)))}`);
    const pane = await page.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('no canvas pane');
    console.log(`pan:           ${fmt(await frameTimes(page, () => sweep(page, { x: pane.x + 20, y: pane.y + pane.height - 20 }, 5, -3)))}`);
    await page.locator('.react-flow__pane').click({ position: { x: 300, y: 300 } });
    const began = await page.evaluate(() => performance.now());
    await page.keyboard.press('Shift+1');
    await page.waitForFunction((count) => document.querySelectorAll('.react-flow__node').length >= count, N, { timeout: 30_000 });
    const fitted = (await page.evaluate(() => performance.now())) - began;
    console.log(`zoom to fit (all ${N} nodes rendered): ${fitted.toFixed(0)} ms`);
    console.log(`pan, all nodes on screen: ${fmt(await frameTimes(page, () => sweep(page, { x: pane.x + 20, y: pane.y + pane.height - 20 }, 5, -3)))}`);
  } finally {
    await browser.close();
    await runtime.stop();
    await db.drop();
  }
}

await main();
