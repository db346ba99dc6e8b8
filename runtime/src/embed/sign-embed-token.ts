import { SignJWT } from 'jose';
import { EMBED_TOKEN_MAX_SECONDS, type EmbedRestrictions, type Role } from '@countersign/shared';

/** Who an embed token is for: the host app's user, mapped into a Countersign tenant with roles. */
export interface EmbedTokenInput {
  tenantId: string;
  /** The host app's own id of the user (the session acts as `embed:<userId>`). */
  userId: string;
  name: string;
  email?: string;
  roles: readonly Role[];
  restrictions?: EmbedRestrictions;
  /** Lifetime in seconds (default 10 minutes, at most 15). */
  expiresInSeconds?: number;
}

/**
 * Signs an embed token the way a partner's server does (any JWT library works; this is the reference):
 * HS256 with the embed key's secret, `kid` = key id, `iss` = tenant, `sub` = user, short `exp`.
 */
export function signEmbedToken(key: { id: string; secret: string }, input: EmbedTokenInput, now = new Date()): Promise<string> {
  const lifetime = Math.min(input.expiresInSeconds ?? 600, EMBED_TOKEN_MAX_SECONDS);
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ name: input.name, ...(input.email ? { email: input.email } : {}), roles: [...input.roles], ...(input.restrictions ? { restrictions: input.restrictions } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: key.id })
    .setIssuer(input.tenantId)
    .setSubject(input.userId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetime)
    .sign(new TextEncoder().encode(key.secret));
}
