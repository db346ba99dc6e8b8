import type { Socket } from 'socket.io';
import type { Auth, AuthUser } from '../auth/auth.ts';
import { bearerToken } from '../api/bearer-token.ts';

/** The token of a socket handshake: `auth.token` (with or without "Bearer "), else the Authorization header. */
export function handshakeToken(socket: Pick<Socket, 'handshake'>): string | undefined {
  const fromAuth: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.['token'];
  if (typeof fromAuth === 'string' && fromAuth !== '') return bearerToken(fromAuth) ?? fromAuth;
  return bearerToken(socket.handshake.headers.authorization);
}

/** The user of a handshake, or undefined when the token is missing or invalid. */
export async function authenticateHandshake(auth: Auth, socket: Pick<Socket, 'handshake'>): Promise<AuthUser | undefined> {
  const token = handshakeToken(socket);
  if (token === undefined) return undefined;
  return auth.verify(token).catch(() => undefined);
}
