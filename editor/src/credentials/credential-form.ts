import type { CredentialDto } from '@countersign/shared';
import { ApiError, errorMessage } from '../api/api-error.ts';
import type { CredentialValue } from './credentials-api.ts';

/** What a credential holds. */
export type CredentialKind = CredentialDto['kind'];

/** Each kind in words, in the order the kind select offers them. */
export const KIND_LABEL: Record<CredentialKind, string> = {
  api_token: 'API token',
  basic_auth: 'Basic auth',
  header: 'Header',
  webhook_secret: 'Webhook signing secret',
};

/** How the runtime uses each kind: what an admin needs to pick the right one. */
export const KIND_HINT: Record<CredentialKind, string> = {
  api_token: 'Sent as Authorization: Bearer <token>.',
  basic_auth: 'Sent as Authorization: Basic, from a username and password.',
  header: 'Sent as it is in the header you name, e.g. X-Api-Key.',
  webhook_secret: 'Checks the signature of the webhooks a sender posts to a trigger; never sent anywhere.',
};

/** "API token", or "Header (X-Api-Key)" for a header credential. */
export function kindLabel(credential: Pick<CredentialDto, 'kind' | 'headerName'>): string {
  return credential.kind === 'header' && credential.headerName ? `Header (${credential.headerName})` : KIND_LABEL[credential.kind];
}

/** What the secret inputs hold: one text, or basic auth's username and password. */
export interface SecretInput {
  secret: string;
  username: string;
  password: string;
}

export const EMPTY_SECRET: SecretInput = { secret: '', username: '', password: '' };

/** The value to send, in the shape of the kind. Not trimmed: a secret's spaces may be part of it. */
export function credentialValue(kind: CredentialKind, input: SecretInput): CredentialValue {
  return kind === 'basic_auth' ? { username: input.username, password: input.password } : input.secret;
}

/** Fields of the credential dialogs a runtime issue can be pinned on. */
export type CredentialField = 'name' | 'kind' | 'headerName' | 'value' | 'username' | 'password';

export type FieldIssues = Partial<Record<CredentialField, string>>;

const FIELD_OF: Record<string, CredentialField> = {
  'body.name': 'name',
  'body.kind': 'kind',
  'body.headerName': 'headerName',
  'body.value': 'value',
  'body.value.username': 'username',
  'body.value.password': 'password',
};

const PINNED_STATUSES = new Set([400, 409, 422]);

/** The field of an issue path: the deepest prefix the form knows (a union's inner issue lands on `value`). */
function fieldOf(path: readonly (string | number)[]): CredentialField | undefined {
  for (let length = path.length; length > 1; length--) {
    const field = FIELD_OF[path.slice(0, length).join('.')];
    if (field) return field;
  }
  return undefined;
}

/**
 * A refused change as a dialog shows it: issues of a 400, 409 or 422 pinned on their fields, the rest
 * as one message. `conflictField` takes a 409 without issues (the create form's taken name).
 */
export function formFailure(error: unknown, conflictField?: CredentialField): { fields: FieldIssues; message: string } {
  const fields: FieldIssues = {};
  const general: string[] = [];
  if (error instanceof ApiError && PINNED_STATUSES.has(error.status)) {
    for (const issue of error.issues) {
      const field = fieldOf(issue.path);
      if (field) fields[field] ??= issue.message;
      else general.push(issue.message);
    }
    if (error.status === 409 && error.issues.length === 0 && conflictField) fields[conflictField] = error.message;
  }
  if (Object.keys(fields).length === 0) return { fields, message: errorMessage(error) };
  return { fields, message: general.length > 0 ? general.join(' ') : 'Check the highlighted fields.' };
}

/** A version that still names a credential (the `uses` of a refused delete). */
export interface CredentialUse {
  workflowId: string;
  workflowName: string;
  version: number;
  status: string;
  nodeId: string;
}

function isUse(value: unknown): value is CredentialUse {
  if (typeof value !== 'object' || value === null) return false;
  const use = value as Record<string, unknown>;
  return typeof use['workflowId'] === 'string' && typeof use['workflowName'] === 'string' && typeof use['version'] === 'number' && typeof use['status'] === 'string' && typeof use['nodeId'] === 'string';
}

/** The versions that kept a delete from happening (409 `details.uses`); [] for any other error. */
export function credentialUses(error: unknown): CredentialUse[] {
  if (!(error instanceof ApiError) || error.status !== 409) return [];
  const uses = error.details['uses'];
  return Array.isArray(uses) ? uses.filter(isUse) : [];
}
