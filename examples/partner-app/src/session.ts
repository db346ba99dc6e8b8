import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

/** The portal's own sign-in session: a signed cookie holding the user id and an expiry. */
export interface Sessions {
  /** The signed-in user's id, or undefined. */
  userOf(req: Request): string | undefined;
  start(res: Response, userId: string): void;
  end(res: Response): void;
}

const COOKIE = 'nw_session';
const LIFETIME_MS = 8 * 60 * 60 * 1000;

function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** Cookie sessions signed with HMAC-SHA256 (HttpOnly, SameSite=Lax; a real portal adds Secure over HTTPS). */
export function createSessions(secret: string): Sessions {
  const sign = (payload: string): string => createHmac('sha256', secret).update(payload).digest('base64url');
  return {
    userOf(req) {
      const [payload, signature] = (cookieValue(req, COOKIE) ?? '').split('.');
      if (!payload || !signature) return undefined;
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      const { userId, expires } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { userId: string; expires: number };
      return Date.now() < expires ? userId : undefined;
    },
    start(res, userId) {
      const payload = Buffer.from(JSON.stringify({ userId, expires: Date.now() + LIFETIME_MS })).toString('base64url');
      res.cookie(COOKIE, `${payload}.${sign(payload)}`, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: LIFETIME_MS });
    },
    end(res) {
      res.clearCookie(COOKIE, { path: '/' });
    },
  };
}
