/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer +([^\s]+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** The value of an `X-Api-Key` header (trimmed), or undefined when absent or empty. */
export function apiKeyHeader(header: string | string[] | undefined): string | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** The credential of a request: `X-Api-Key: csk_...` first, else `Authorization: Bearer <token or key>`. */
export function requestCredential(headers: { authorization?: string | undefined; 'x-api-key'?: string | string[] | undefined }): string | undefined {
  return apiKeyHeader(headers['x-api-key']) ?? bearerToken(headers.authorization);
}
