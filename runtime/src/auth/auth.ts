import type { Knex } from 'knex';
import { SignJWT, jwtVerify } from 'jose';
import { CountersignError, type TenantDto, type UserDto } from '@countersign/shared';
import { createApiKeyVerifier } from '../api-keys/api-key-verifier.ts';
import { isApiKeyCredential } from '../api-keys/api-key-secret.ts';
import { audited, auditEntry, userActor } from '../audit/audit-log.ts';
import type { EmbedKeysService } from '../embed/embed-keys-service.ts';
import { isEmbedToken, verifyEmbedToken } from '../embed/embed-token.ts';
import { loadOrCreateJwtSecret } from './jwt-secret.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { asSystem } from '../db/tenant-scope.ts';

/** The signed-in user a request acts as; every query is scoped by its `tenantId`. */
export type AuthUser = UserDto;

/** Who a credential stands for; `apiKey` is set when it was an API key (its rate limit applies). */
export interface Authenticated {
  user: AuthUser;
  apiKey?: { id: string; rateLimitPerMinute: number };
}

/** Sign-in and token checks for the API and the socket. */
export interface Auth {
  /** Checks the password and issues a token; the same error for an unknown email and a wrong password. */
  login(email: string, password: string): Promise<{ token: string; user: AuthUser }>;
  /** The user of a sign-in token, an API key or an embed token (401 UNAUTHENTICATED when it is bad, expired, revoked, or its user is gone). */
  verify(token: string): Promise<AuthUser>;
  /**
   * A token for a partner's admin to act in one of its client tenants (as admin there), short-lived;
   * the caller has checked the client belongs to the user's partner tenant.
   */
  issueSwitchToken(user: AuthUser, clientTenantId: string): Promise<string>;
  /** The user as sign-in returns it: with the kind of its tenant (partner, client, standalone). */
  describe(user: AuthUser): Promise<AuthUser>;
  /** Like `verify`, telling an API key (`csk_...`, with its rate limit) from a user's bearer token. */
  authenticate(credential: string): Promise<Authenticated>;
  hashPassword(password: string): Promise<string>;
  verifyPassword(password: string, encoded: string): Promise<boolean>;
}

/** What `createAuth` accepts besides sign-in tokens and API keys. */
export interface AuthOptions {
  /** Embed keys: embed tokens (a JWT with a `kid`) signed by a partner's server are accepted when given. */
  embedKeys?: Pick<EmbedKeysService, 'signingKey'>;
}

interface UserRow {
  id: string;
  tenant_id: string;
  email: string;
  name: string;
  password_hash: string;
  roles: unknown;
}

const ISSUER = 'countersign';
const TOKEN_LIFETIME = '12h';
const SWITCH_LIFETIME = '1h';
const WRONG_CREDENTIALS = 'Email or password is wrong';

function toUser(row: UserRow): AuthUser {
  const roles = Array.isArray(row.roles) ? row.roles.filter((role): role is string => typeof role === 'string') : [];
  return { id: row.id, tenantId: row.tenant_id, email: row.email, name: row.name, roles };
}

/** Creates the auth service; without `jwtSecret` the database's shared secret is used (created once). */
export async function createAuth(knex: Knex, jwtSecret?: string, options: AuthOptions = {}): Promise<Auth> {
  const key = new TextEncoder().encode(jwtSecret ?? (await loadOrCreateJwtSecret(knex)));
  // Compared against when the email is unknown, so both failures cost one scrypt.
  const decoy = await hashPassword('countersign-decoy-password');

  const apiKeys = createApiKeyVerifier(knex);
  const findUser = (where: Record<string, string>): Promise<UserRow | undefined> => knex('users').where(where).first<UserRow | undefined>();

  const verifyToken = async (token: string): Promise<AuthUser> => {
    let sub: string | undefined;
    let tid: unknown;
    let via: unknown;
    try {
      const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: ISSUER, requiredClaims: ['sub', 'exp'] });
      sub = payload.sub;
      tid = payload['tid'];
      via = payload['via'];
    } catch {
      throw new CountersignError('UNAUTHENTICATED', 'The token is invalid or has expired: sign in again');
    }
    if (typeof via === 'string' && typeof sub === 'string' && typeof tid === 'string') {
      // A partner admin switched into a client: still an admin of the partner, and the client still its client.
      const partnerUser = await findUser({ id: sub, tenant_id: via });
      const client = await knex('tenants').where({ id: tid, parent_id: via }).first('id');
      if (!partnerUser || !client || !toUser(partnerUser).roles.includes('admin')) throw new CountersignError('UNAUTHENTICATED', 'This partner session is no longer valid: switch into the client again');
      return { ...toUser(partnerUser), tenantId: tid, roles: ['admin'] };
    }
    // The database, not the token, is the truth for roles and whether the user still exists.
    const row = typeof sub === 'string' && typeof tid === 'string' ? await findUser({ id: sub, tenant_id: tid }) : undefined;
    if (!row) throw new CountersignError('UNAUTHENTICATED', 'The user of this token no longer exists: sign in again');
    return toUser(row);
  };

  const authenticate = async (credential: string): Promise<Authenticated> => {
    if (isApiKeyCredential(credential)) {
      const { user, keyId, rateLimitPerMinute } = await apiKeys.verify(credential);
      return { user, apiKey: { id: keyId, rateLimitPerMinute } };
    }
    // Sign-in tokens have no `kid`; a partner's embed token names the embed key that signed it.
    if (!isEmbedToken(credential)) return { user: await verifyToken(credential) };
    if (!options.embedKeys) throw new CountersignError('UNAUTHENTICATED', 'This runtime does not accept embed tokens');
    return { user: await verifyEmbedToken(credential, options.embedKeys) };
  };

  const describe = async (user: AuthUser): Promise<AuthUser> => {
    const tenant = await knex('tenants').where({ id: user.tenantId }).first<{ kind: TenantDto['kind'] } | undefined>('kind');
    return tenant ? { ...user, tenantKind: tenant.kind } : user;
  };

  // Signing in and checking a credential come before any tenant is known: system work.
  return {
    describe,
    login: (email, password) => asSystem(async () => {
      const row = await findUser({ email: email.trim().toLowerCase() });
      const matches = await verifyPassword(password, row?.password_hash ?? decoy);
      // A wrong password for a known user is a refused attempt in that user's tenant; an unknown email has no tenant.
      if (row && !matches) {
        await audited(knex, row.tenant_id, async (_trx, record) => record(auditEntry({ actor: userActor(row.id), action: 'auth.login_refused', target: { type: 'user', id: row.id }, reason: WRONG_CREDENTIALS })));
      }
      if (!row || !matches) throw new CountersignError('UNAUTHENTICATED', WRONG_CREDENTIALS);
      const user = await describe(toUser(row));
      await audited(knex, user.tenantId, async (_trx, record) => record(auditEntry({ actor: userActor(user.id), action: 'auth.login', target: { type: 'user', id: user.id } })));
      const token = await new SignJWT({ tid: user.tenantId, roles: user.roles })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(user.id)
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setExpirationTime(TOKEN_LIFETIME)
        .sign(key);
      return { token, user };
    }),
    authenticate: (credential) => asSystem(() => authenticate(credential)),
    verify: (token) => asSystem(async () => (await authenticate(token)).user),
    issueSwitchToken: (user, clientTenantId) =>
      new SignJWT({ tid: clientTenantId, via: user.tenantId, roles: ['admin'] })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(user.id)
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setExpirationTime(SWITCH_LIFETIME)
        .sign(key),
    hashPassword,
    verifyPassword,
  };
}
