/** Credentials of connectors and webhook triggers, sealed with AES-256-GCM under keys from the environment. */
export { parseCredentialKeys, type CredentialKey } from './credential-keys.ts';
export { createCredentialService, type CredentialService } from './credential-service.ts';
export { createCredentialStore, HEADER_REF_PREFIX, type CredentialStore, type CredentialStoreOptions } from './credential-store.ts';
export type { CredentialValue } from './credential-value.ts';
