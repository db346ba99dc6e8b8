/** Embedding: embed keys, the embed tokens a partner's server signs with them, and their restrictions. */
export { createEmbedKeysService, type EmbedKeyActor, type EmbedKeysService } from './embed-keys-service.ts';
export { EMBED_USER_PREFIX, isEmbedToken, verifyEmbedToken } from './embed-token.ts';
export { signEmbedToken, type EmbedTokenInput } from './sign-embed-token.ts';
export { isMutation, withEmbedRestrictions, type RestrictionDeps } from './embed-restrictions.ts';
