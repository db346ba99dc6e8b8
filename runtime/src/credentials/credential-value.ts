import { CountersignError, CredentialValueSchema, type CredentialDto, type ValidationIssue } from '@countersign/shared';

/** The secret part of a credential: a text, or a username and password (basic auth). */
export type CredentialValue = string | { username: string; password: string };

type Kind = CredentialDto['kind'];

// Headers the HTTP client or Countersign itself owns: a credential cannot replace them.
const RESERVED_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'idempotency-key', 'content-type']);

const issue = (field: string, message: string): ValidationIssue => ({ code: 'invalid_credential', path: ['body', field], message });

/** Whether a value and header name fit the kind (basic auth needs a username and password, `header` a header name). */
export function checkCredentialShape(kind: Kind, headerName: string | null | undefined, value: CredentialValue): void {
  const issues: ValidationIssue[] = [];
  if (kind === 'basic_auth' && typeof value === 'string') issues.push(issue('value', 'A basic_auth credential takes { "username", "password" }'));
  if (kind !== 'basic_auth' && typeof value !== 'string') issues.push(issue('value', `A ${kind} credential takes a text value`));
  if (typeof value !== 'string' && value.username.includes(':')) issues.push(issue('value', 'A basic-auth username cannot contain ":" (RFC 7617)'));
  if (kind === 'header' && !headerName) issues.push(issue('headerName', 'A header credential needs the header it is sent in, e.g. X-Api-Key'));
  if (kind !== 'header' && headerName) issues.push(issue('headerName', `Only a header credential has a header name (${kind} is sent as ${kind === 'basic_auth' || kind === 'api_token' ? 'Authorization' : 'a signing key'})`));
  if (headerName && RESERVED_HEADERS.has(headerName.toLowerCase())) issues.push(issue('headerName', `${headerName} is set by the runtime or the HTTP client and cannot carry a credential`));
  if (typeof value === 'string' && /[\r\n\0]/.test(value) && kind !== 'webhook_secret') issues.push(issue('value', 'A value sent in a header cannot contain line breaks'));
  const first = issues[0];
  if (first) throw new CountersignError('VALIDATION_FAILED', `Invalid request: ${first.path.join('.')}: ${first.message}`, { issues });
}

/** The plaintext that is sealed: JSON, so both shapes of value round-trip. */
export const encodeValue = (value: CredentialValue): string => JSON.stringify(value);

/** The value of sealed plaintext. */
export function decodeValue(plaintext: string): CredentialValue {
  const parsed = CredentialValueSchema.safeParse(JSON.parse(plaintext));
  if (!parsed.success) throw new Error('A sealed credential value has an unknown shape');
  return parsed.data;
}

/** The value as a node reads it: text, and basic auth as `username:password`. */
export const valueText = (value: CredentialValue): string => (typeof value === 'string' ? value : `${value.username}:${value.password}`);

/** The header a credential is sent in: Bearer for a token, Basic for basic auth, its own for `header`. */
export function credentialHeader(kind: Kind, headerName: string | null, value: CredentialValue): { name: string; value: string } {
  switch (kind) {
    case 'api_token':
      return { name: 'Authorization', value: `Bearer ${valueText(value)}` };
    case 'basic_auth':
      return { name: 'Authorization', value: `Basic ${Buffer.from(valueText(value), 'utf8').toString('base64')}` };
    case 'header':
      return { name: headerName ?? 'Authorization', value: valueText(value) };
    case 'webhook_secret':
      throw new CountersignError('INVALID_CONFIG', 'A webhook signing secret verifies incoming webhooks; it cannot be sent in a request header', { retryable: false });
    default: {
      const never: never = kind;
      throw new Error(`Unknown credential kind ${String(never)}`);
    }
  }
}
