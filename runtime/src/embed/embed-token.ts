import { decodeJwt, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { CountersignError, EMBED_TOKEN_MAX_SECONDS, EmbedTokenClaimsSchema, type UserDto } from '@countersign/shared';
import type { EmbedKeysService } from './embed-keys-service.ts';

/** Seconds of clock difference tolerated between the partner's server and the runtime. */
const SKEW_SECONDS = 30;

/** The prefix of the user id an embedded session acts under (`embed:<the host app's user id>`). */
export const EMBED_USER_PREFIX = 'embed:';

const refused = (why: string): CountersignError => new CountersignError('UNAUTHENTICATED', `The embed token is refused: ${why}`);

/** Whether a bearer token is an embed token: a JWT whose header names a key (`kid`); sign-in tokens carry none. */
export function isEmbedToken(token: string): boolean {
  try {
    return typeof decodeProtectedHeader(token).kid === 'string';
  } catch {
    return false;
  }
}

/** The key id and tenant a token claims, read before its signature is checked (to find the key). */
function keyOf(token: string): { kid: string; iss: string } {
  let kid: unknown;
  let iss: unknown;
  try {
    kid = decodeProtectedHeader(token).kid;
    iss = decodeJwt(token).iss;
  } catch {
    throw refused('it is not a JWT');
  }
  if (typeof kid !== 'string' || typeof iss !== 'string') throw refused('it needs a kid header (the embed key id) and an iss claim (the tenant id)');
  return { kid, iss };
}

/**
 * The user of an embed token: signed (HS256) by a live embed key of the tenant named in `iss`, not
 * expired, living at most 15 minutes, with valid roles. UNAUTHENTICATED otherwise.
 */
export async function verifyEmbedToken(token: string, keys: Pick<EmbedKeysService, 'signingKey'>, now = new Date()): Promise<UserDto> {
  const { kid, iss } = keyOf(token);
  // Only a key of the tenant the token names: another tenant's kid is unknown here.
  const key = await keys.signingKey(iss, kid, now);
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: iss, requiredClaims: ['sub', 'exp'], currentDate: now, clockTolerance: SKEW_SECONDS }));
  } catch (error) {
    throw refused(error instanceof errors.JWTExpired ? 'it has expired: ask the host app for a new one' : 'its signature or claims are invalid');
  }
  const parsed = EmbedTokenClaimsSchema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refused(`claim ${issue?.path.join('.') || '?'}: ${issue?.message ?? 'invalid'}`);
  }
  const claims = parsed.data;
  if (claims.exp - now.getTime() / 1000 > EMBED_TOKEN_MAX_SECONDS + SKEW_SECONDS) throw refused(`it lives longer than ${EMBED_TOKEN_MAX_SECONDS / 60} minutes (exp)`);
  return {
    id: `${EMBED_USER_PREFIX}${claims.sub}`,
    tenantId: claims.iss,
    name: claims.name,
    email: claims.email ?? '',
    roles: [...new Set(claims.roles)],
    ...(claims.restrictions ? { restrictions: claims.restrictions } : {}),
  };
}
