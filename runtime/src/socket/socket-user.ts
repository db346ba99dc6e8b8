import type { Socket } from 'socket.io';
import type { Auth, AuthUser } from '../auth/auth.ts';
import { requestCredential } from '../api/bearer-token.ts';

/** A non-empty string of the handshake's `auth` payload, or undefined. */
function authField(socket: Pick<Socket, 'handshake'>, name: 'token' | 'apiKey'): string | undefined {
  const value: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * The credential of a socket handshake: `auth.token` (a sign-in token or an API key, with or without
 * "Bearer "), `auth.apiKey`, else the `X-Api-Key` or `Authorization` header.
 */
export function handshakeToken(socket: Pick<Socket, 'handshake'>): string | undefined {
  const token = authField(socket, 'token');
  if (token !== undefined) return requestCredential({ authorization: token }) ?? token;
  return authField(socket, 'apiKey') ?? requestCredential(socket.handshake.headers);
}

/** The user of a handshake, or undefined when the credential is missing, invalid or a revoked key. */
export async function authenticateHandshake(auth: Auth, socket: Pick<Socket, 'handshake'>): Promise<AuthUser | undefined> {
  const token = handshakeToken(socket);
  if (token === undefined) return undefined;
  return auth.verify(token).catch(() => undefined);
}
