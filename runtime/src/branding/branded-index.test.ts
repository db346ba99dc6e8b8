import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../api/api-test-harness.ts';
import { createRuntime, type Runtime } from '../create-runtime.ts';
import { connectDatabase } from '../db/connect.ts';
import { createLogger } from '../logging/logger.ts';

// The editor's index page as the browser first receives it: before any script, the tab already shows
// the product name of the host's branding.
describe('the index page on a custom domain', () => {
  let runtime: Runtime;
  let base: string;
  const editorDir = mkdtempSync(join(tmpdir(), 'countersign-editor-'));

  beforeAll(async () => {
    writeFileSync(join(editorDir, 'index.html'), '<!doctype html><html><head><title></title></head><body><div id="root"></div></body></html>');
    writeFileSync(join(editorDir, 'app.js'), 'console.log("app")');
    runtime = await createRuntime({ database: await connectDatabase({ dataDir: ':memory:' }), seed: true, demoPassword: TEST_PASSWORD, editorDir, logger: createLogger('silent') });
    const server = await runtime.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'partner@demo.test', password: TEST_PASSWORD }) });
    const { token } = (await login.json()) as { token: string };
    const saved = await fetch(`${base}/api/branding`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ productName: 'Northwind & Co Flow', primaryColor: '#6d28d9', customDomains: ['flows.northwind.test'] }),
    });
    expect(saved.status).toBe(200);
  });
  afterAll(async () => {
    await runtime?.close();
    rmSync(editorDir, { recursive: true, force: true });
  });

  const page = async (path: string, host: string): Promise<string> => {
    // fetch does not let a caller set Host; node:http does.
    const url = new URL(path, base);
    return new Promise((resolve, reject) => {
      const req = request({ hostname: url.hostname, port: url.port, path: url.pathname, headers: { host } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () => resolve(body));
      });
      req.on('error', reject);
      req.end();
    });
  };

  it("names the partner's product, escaped, on its domain, for the app and its client-side routes", async () => {
    for (const path of ['/', '/workflows/abc', '/inbox']) {
      const html = await page(path, 'Flows.Northwind.test');
      expect(html).toContain('<title>Northwind &amp; Co Flow</title>');
      expect(html).toContain('<meta name="theme-color" content="#6d28d9" />');
      expect(html).not.toContain('Countersign');
    }
  });

  it('names Countersign on any other host, and still serves the built files', async () => {
    expect(await page('/', 'localhost')).toContain('<title>Countersign</title>');
    expect(await page('/app.js', 'flows.northwind.test')).toBe('console.log("app")');
  });
});
