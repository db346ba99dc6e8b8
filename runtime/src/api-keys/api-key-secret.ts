import { createHash, randomBytes } from 'node:crypto';

/** What every Countersign API key starts with (so scanners and log filters can recognise one). */
export const API_KEY_PREFIX = 'csk_';

// 32 random bytes in base64url are 43 characters.
const KEY_PATTERN = /^csk_[A-Za-z0-9_-]{43}$/;
/** Characters of the key kept in the clear (`csk_` + 6) to tell keys apart in a listing. */
const SHOWN_CHARS = API_KEY_PREFIX.length + 6;

/** A new key: the key itself (shown once), its listed prefix and its stored SHA-256. */
export interface NewApiKey {
  key: string;
  prefix: string;
  hash: string;
}

/** SHA-256 hex of a key: what the database holds (the key has 256 random bits, so no slow hash is needed). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Whether a credential is meant as an API key (rather than a bearer token of a signed-in user). */
export function isApiKeyCredential(credential: string): boolean {
  return credential.startsWith(API_KEY_PREFIX);
}

/** Whether a credential has the exact shape of a key (a malformed one needs no database look-up). */
export function isWellFormedApiKey(credential: string): boolean {
  return KEY_PATTERN.test(credential);
}

/** Generates a key `csk_<32 random bytes, base64url>`. */
export function generateApiKey(): NewApiKey {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, SHOWN_CHARS), hash: hashApiKey(key) };
}
