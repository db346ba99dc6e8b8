import { CredentialListSchema, CredentialRotationSchema, CredentialSchema, type CreateCredentialRequest } from '@countersign/shared';
import type { Transport } from '../api/transport.ts';

/** The secret part of a credential as it is written: a text, or a username and password (basic auth). */
export type CredentialValue = CreateCredentialRequest['value'];

/** Credentials of connectors and webhook triggers: metadata is read, values are only ever written. */
export function credentialsApi({ request }: Transport) {
  const id = encodeURIComponent;
  return {
    /** The tenant's credentials (designers and admins), by name; never their values. */
    listCredentials: async () => (await request('GET', '/api/credentials', CredentialListSchema)).items,
    /** Stores a credential (admins); 422 with issues per field, 409 when the name is taken. */
    createCredential: (body: CreateCredentialRequest) => request('POST', '/api/credentials', CredentialSchema, body),
    /** Replaces the value (e.g. a renewed token) in the shape of the credential's kind. */
    replaceCredentialValue: (credentialId: string, value: CredentialValue) => request('PUT', `/api/credentials/${id(credentialId)}/value`, CredentialSchema, { value }),
    /** Deletes a credential; 409 with `details.uses` while a live or pending version still names it. */
    deleteCredential: (credentialId: string) => request('DELETE', `/api/credentials/${id(credentialId)}`, CredentialSchema),
    /** Re-seals every credential of the tenant under the runtime's current encryption key. */
    rotateCredentialKey: () => request('POST', '/api/credentials/rotate', CredentialRotationSchema),
  };
}

/** The calls of {@link credentialsApi}. */
export type CredentialsApi = ReturnType<typeof credentialsApi>;
