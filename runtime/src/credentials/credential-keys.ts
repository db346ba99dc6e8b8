/** An AES-256 key that seals credential values, named so a sealed value records which key sealed it. */
export interface CredentialKey {
  id: string;
  /** 32 bytes. */
  key: Buffer;
}

/** The keys a runtime holds: new values are sealed with `current`; any listed key opens a value. */
export interface CredentialKeyring {
  current: CredentialKey;
  byId: ReadonlyMap<string, CredentialKey>;
}

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$|^[A-Za-z0-9_-]+$/;

/**
 * Parses `keyId:base64-32-bytes[,keyId:base64...]` (the first key is current). Throws an Error whose
 * message says which entry is wrong and why, never echoing key material.
 */
export function parseCredentialKeys(text: string): CredentialKey[] {
  const entries = text.split(',').map((entry) => entry.trim());
  const keys: CredentialKey[] = [];
  entries.forEach((entry, index) => {
    const where = `entry ${index + 1}`;
    const colon = entry.indexOf(':');
    if (colon < 0) throw new Error(`${where} must be keyId:base64-key (e.g. k2025:<32 random bytes in base64>)`);
    const id = entry.slice(0, colon);
    const encoded = entry.slice(colon + 1);
    if (!KEY_ID.test(id)) throw new Error(`${where}: the key id must be 1-64 letters, digits, ".", "_" or "-"`);
    if (!BASE64.test(encoded)) throw new Error(`key "${id}" is not valid base64`);
    const key = Buffer.from(encoded, encoded.includes('-') || encoded.includes('_') ? 'base64url' : 'base64');
    if (key.length !== 32) throw new Error(`key "${id}" must decode to 32 bytes (AES-256), not ${key.length}; generate one with: openssl rand -base64 32`);
    if (keys.some((known) => known.id === id)) throw new Error(`key id "${id}" is listed twice`);
    keys.push({ id, key });
  });
  return keys;
}

/** A keyring of keys whose first is current; refuses no key, a key not of 32 bytes and a repeated id. */
export function keyringOf(keys: readonly CredentialKey[]): CredentialKeyring {
  const [current] = keys;
  if (current === undefined) throw new Error('At least one credential key is needed');
  const byId = new Map<string, CredentialKey>();
  for (const key of keys) {
    if (key.key.length !== 32) throw new Error(`Credential key "${key.id}" must be 32 bytes (AES-256), not ${key.key.length}`);
    if (byId.has(key.id)) throw new Error(`Credential key id "${key.id}" is listed twice`);
    byId.set(key.id, key);
  }
  return { current, byId };
}
