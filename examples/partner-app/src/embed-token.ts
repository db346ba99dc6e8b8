import { SignJWT } from 'jose';
import type { PortalUser } from './users.ts';

/** The embed key the portal signs with: its id (the JWT `kid`) and secret, from Countersign. */
export interface EmbedKey {
  id: string;
  secret: string;
}

/** Embed tokens live 10 minutes (Countersign accepts at most 15); the page asks for a new one when refused. */
export const TOKEN_SECONDS = 10 * 60;

/**
 * Signs an embed token for a portal user: HS256 with the key's secret; `kid` = key id, `iss` = the
 * Countersign tenant, `sub` = the portal's user id, name, email, roles and restrictions.
 */
export async function signEmbedToken(key: EmbedKey, tenantId: string, user: PortalUser): Promise<{ token: string; expiresAt: string }> {
  const { roles, readOnly, nodeCategories } = user.countersign;
  const restrictions = { ...(readOnly ? { readOnly } : {}), ...(nodeCategories ? { nodeCategories } : {}) };
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ name: user.name, email: user.email, roles, ...(Object.keys(restrictions).length > 0 ? { restrictions } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: key.id })
    .setIssuer(tenantId)
    .setSubject(user.id)
    .setIssuedAt(now)
    .setExpirationTime(now + TOKEN_SECONDS)
    .sign(new TextEncoder().encode(key.secret));
  return { token, expiresAt: new Date((now + TOKEN_SECONDS) * 1000).toISOString() };
}
