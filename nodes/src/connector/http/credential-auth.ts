import { CountersignError, type HttpRequest, type HttpResponse, type NodeContext } from '@countersign/shared';

/** A header that carries a credential. */
export interface CredentialHeader {
  name: string;
  value: string;
}

// Asking for `header:<id>` gets the header line the credential is sent in: the runtime derives the
// scheme from the credential's kind (api_token: Authorization: Bearer, basic_auth: Authorization: Basic,
// header: its own header name), so the node never needs to know the kind (see the runtime's credential store).
const HEADER_REF_PREFIX = 'header:';
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+): ([^\r\n]*)$/;
const REDACTED = '[redacted]';
// Shorter strings are too likely to occur by chance to be cut out of a response.
const MIN_SCRUBBED_LENGTH = 4;

/** The header a credential of the run's tenant is sent in. */
export async function credentialHeader(secrets: NodeContext<unknown>['secrets'], credentialId: string, nodeId: string): Promise<CredentialHeader> {
  const line = await secrets.get(`${HEADER_REF_PREFIX}${credentialId}`);
  const match = HEADER_LINE.exec(line);
  if (!match?.[1] || match[2] === undefined) throw new CountersignError('INVALID_CONFIG', `Credential ${credentialId} cannot be sent as a request header`, { nodeId, retryable: false });
  return { name: match[1], value: match[2] };
}

/** The request with the credential's header, replacing one of the same name set by the user. */
export function withCredential(request: HttpRequest, header: CredentialHeader): HttpRequest {
  const others = Object.entries(request.headers ?? {}).filter(([name]) => name.toLowerCase() !== header.name.toLowerCase());
  return { ...request, headers: { ...Object.fromEntries(others), [header.name]: header.value } };
}

function decodeBase64(text: string): string | undefined {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(text), (char) => char.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** What must never appear in the node's output or errors: the header value, its token, and a Basic pair decoded. */
export function secretStrings(header: CredentialHeader | undefined): string[] {
  if (header === undefined) return [];
  const strings = [header.value];
  const [scheme, token] = header.value.split(' ', 2);
  if (token !== undefined && /^(bearer|basic)$/i.test(scheme ?? '')) strings.push(token);
  const pair = token !== undefined && /^basic$/i.test(scheme ?? '') ? decodeBase64(token) : undefined;
  if (pair !== undefined) strings.push(pair, pair.slice(pair.indexOf(':') + 1));
  // Longest first, so a value is cut whole before any of its parts.
  return strings.filter((text) => text.length >= MIN_SCRUBBED_LENGTH).sort((a, b) => b.length - a.length);
}

/** Text with every secret string replaced. */
export function scrub(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join(REDACTED), text);
}

/** A response as the node may keep it: a server that echoes the credential (e.g. a debugging endpoint) does not leak it into run data. */
export function scrubResponse(response: HttpResponse, secrets: readonly string[]): HttpResponse {
  if (secrets.length === 0) return response;
  const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, scrub(value, secrets)]));
  return { ...response, headers, body: scrub(response.body, secrets) };
}
