import { request } from 'node:http';
import { hashPassword } from '../auth/password.ts';
import { TEST_PASSWORD, type LooseJson, type TestRuntime } from '../api/api-test-harness.ts';

// Shared by the branding tests only (not exported from the module).

/** GET with a chosen Host header (fetch does not let a caller set it). */
export function getWithHost(baseUrl: string, path: string, host: string): Promise<{ status: number; body: LooseJson; text: string }> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname: url.hostname, port: url.port, path: url.pathname, method: 'GET', headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as LooseJson, text });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Another partner tenant with an admin; returns the admin's token. */
export async function otherPartnerAdmin(t: TestRuntime, id: string): Promise<string> {
  const knex = t.database.knex;
  await knex('tenants').insert({ id, name: `Partner ${id}`, kind: 'partner' });
  await knex('users').insert({ id: `${id}-admin`, tenant_id: id, email: `admin@${id}.test`, name: 'Other admin', password_hash: await hashPassword(TEST_PASSWORD), roles: JSON.stringify(['admin']) });
  return t.login(`admin@${id}.test`);
}

/** A PNG data: URL of about `bytes` decoded bytes (the content is not a real image). */
export function pngDataUrl(bytes: number): string {
  return `data:image/png;base64,${Buffer.alloc(bytes, 7).toString('base64')}`;
}
