import { z } from 'zod';

/** What a credential holds: a bearer token, basic-auth username and password, a header value, or a webhook signing secret. */
export const CREDENTIAL_KINDS = ['api_token', 'basic_auth', 'header', 'webhook_secret'] as const;

/** A credential as the API shows it: never its value. */
export const CredentialSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(CREDENTIAL_KINDS),
  /** For `header`: the header it is sent in (e.g. X-Api-Key). */
  headerName: z.string().nullable(),
  /** The id of the encryption key the value is sealed with (rotation moves it to the current key). */
  keyId: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastUsedAt: z.string().nullable(),
});

/** The secret part of a credential (write-only). */
export const CredentialValueSchema = z.union([
  z.string().min(1).max(10_000),
  z.strictObject({ username: z.string().min(1).max(500), password: z.string().min(1).max(10_000) }),
]);

/** `POST /api/credentials`. */
export const CreateCredentialRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(CREDENTIAL_KINDS),
  headerName: z.string().regex(/^[A-Za-z0-9-]{1,100}$/).optional(),
  value: CredentialValueSchema,
});

/** `PUT /api/credentials/:id/value`: replaces the value (e.g. a renewed token). */
export const UpdateCredentialValueRequestSchema = z.strictObject({ value: CredentialValueSchema });

/** `GET /api/credentials`. */
export const CredentialListSchema = z.object({ items: z.array(CredentialSchema) });

/** `POST /api/credentials/rotate` (admin): re-seals every credential of the tenant under the current key. */
export const CredentialRotationSchema = z.object({ rotated: z.number().int(), currentKeyId: z.string() });

export type CredentialDto = z.output<typeof CredentialSchema>;
export type CreateCredentialRequest = z.output<typeof CreateCredentialRequestSchema>;
