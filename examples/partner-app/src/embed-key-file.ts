import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Runtime } from '@countersign/runtime';
import type { EmbedKey } from './embed-token.ts';

/** The actor the portal creates its key as (recorded in the tenant's audit trail as a service). */
const PORTAL_ACTOR = 'service:northwind-portal';

/**
 * The portal's embed key: read from its own secret file, or created at first start through the
 * runtime's service API (no admin password involved) and written there. A key that is missing or was
 * revoked in Countersign is replaced. A real partner keeps the secret in its secret manager instead.
 */
export async function ensureEmbedKey(runtime: Runtime, tenantId: string, dataDir: string): Promise<EmbedKey> {
  const file = join(dataDir, 'embed-key.json');
  const actor = { id: PORTAL_ACTOR, tenantId, service: true };
  if (existsSync(file)) {
    const held = JSON.parse(readFileSync(file, 'utf8')) as EmbedKey & { tenantId?: string };
    const live = (await runtime.embedKeys.list(actor)).some((key) => key.id === held.id && key.revokedAt === null);
    if (live && held.tenantId === tenantId) return { id: held.id, secret: held.secret };
  }
  const { id, secret } = await runtime.embedKeys.create(actor, { name: 'Northwind Portal' });
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify({ id, secret, tenantId }, null, 2), { mode: 0o600 });
  return { id, secret };
}
