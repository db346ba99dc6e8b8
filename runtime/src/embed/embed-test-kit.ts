import { CreatedEmbedKeySchema } from '@countersign/shared';
import type { TestRuntime } from '../api/api-test-harness.ts';
import { signEmbedToken, type EmbedTokenInput } from './sign-embed-token.ts';

/** An embed key as its creator holds it: id and secret. */
export interface HeldEmbedKey {
  id: string;
  secret: string;
}

/** Creates an embed key through the API as `adminToken`'s user (201 expected). */
export async function createEmbedKey(t: TestRuntime, adminToken: string, name = 'Partner portal'): Promise<HeldEmbedKey> {
  const { status, body } = await t.call('POST', '/api/embed/keys', { token: adminToken, json: { name } });
  if (status !== 201) throw new Error(`creating embed key failed: ${status} ${JSON.stringify(body)}`);
  const created = CreatedEmbedKeySchema.parse(body);
  return { id: created.id, secret: created.secret };
}

/** An embed token of the demo tenant for a host user `u-1` ("Ana Host") as designer, with overrides. */
export function embedToken(key: HeldEmbedKey, overrides: Partial<EmbedTokenInput> = {}, now?: Date): Promise<string> {
  return signEmbedToken(key, { tenantId: 'demo', userId: 'u-1', name: 'Ana Host', email: 'ana@host.test', roles: ['designer'], ...overrides }, now);
}
