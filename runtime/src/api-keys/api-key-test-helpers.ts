import { CreatedApiKeySchema, type ApiKeyDto } from '@countersign/shared';
import { hashPassword } from '../auth/password.ts';
import { TEST_PASSWORD, type LooseJson, type TestRuntime } from '../api/api-test-harness.ts';

/** Creates a standalone tenant with one admin and returns the admin's token (for isolation tests). */
export async function otherTenantAdmin(t: TestRuntime, tenantId: string): Promise<string> {
  await t.database.knex('tenants').insert({ id: tenantId, name: `Tenant ${tenantId}` });
  const email = `admin@${tenantId}.test`;
  await t.database.knex('users').insert({ id: `${tenantId}-admin`, tenant_id: tenantId, email, name: 'Other admin', password_hash: await hashPassword(TEST_PASSWORD), roles: JSON.stringify(['admin']) });
  return t.login(email);
}

/** Creates an API key through the API (201 expected) and returns the key and its listing. */
export async function createKey(t: TestRuntime, token: string, json: { name: string; roles: string[]; rateLimitPerMinute?: number }): Promise<{ key: string; apiKey: ApiKeyDto }> {
  const { status, body } = await t.call('POST', '/api/api-keys', { token, json });
  if (status !== 201) throw new Error(`creating key ${json.name} failed: ${status} ${JSON.stringify(body)}`);
  return CreatedApiKeySchema.parse(body);
}

/** A request authenticated by an API key (as `X-Api-Key`, or as a bearer token), with the response headers. */
export async function callWithKey(
  t: TestRuntime,
  key: string,
  method: string,
  path: string,
  options: { json?: unknown; as?: 'x-api-key' | 'bearer' } = {},
): Promise<{ status: number; body: LooseJson; headers: Headers }> {
  const headers: Record<string, string> = options.as === 'bearer' ? { authorization: `Bearer ${key}` } : { 'x-api-key': key };
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${t.baseUrl}${path}`, { method, headers, ...(options.json === undefined ? {} : { body: JSON.stringify(options.json) }) });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as LooseJson), headers: response.headers };
}
