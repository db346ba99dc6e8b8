import { ApiError, errorFromResponse } from './api-error.ts';

/** How the client reaches the runtime. */
export interface ApiClientOptions {
  /** Origin (and optional prefix) of the runtime, e.g. `https://runtime.example`; '' for the same origin. */
  baseUrl: string;
  /** Bearer token; null before sign-in. */
  token: string | null;
  /** Called when the runtime answers 401 (the token expired or was revoked). */
  onUnauthorized?: () => void;
  /** Injected in tests. */
  fetch?: typeof fetch;
}

/** HTTP methods the client uses. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What the client needs of a schema (shared's zod schemas satisfy it; the editor does not import zod itself). */
export interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { message: string }[] } };
}

/** `?a=1&b=2` of the defined, non-empty entries of a query, or '' when there are none. */
export function queryString(query: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  return params.size > 0 ? `?${params.toString()}` : '';
}

/** The two ways the client talks to the runtime: JSON parsed with a schema, or text (e.g. printable HTML). */
export interface Transport {
  request<T>(method: Method, path: string, schema: Schema<T>, body?: unknown): Promise<T>;
  /** A GET answered with text; `accept` is the media type asked for. */
  requestText(path: string, accept: string): Promise<string>;
}

/** Creates the transport: bearer token, error mapping (401 calls `onUnauthorized`), and network failures as `NETWORK`. */
export function createTransport(options: ApiClientOptions): Transport {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl.replace(/\/+$/, '');

  async function send(method: Method, path: string, accept: string, body?: unknown): Promise<{ response: Response; text: string }> {
    const headers: Record<string, string> = { accept };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      throw new ApiError(0, 'NETWORK', `The runtime cannot be reached (${error instanceof Error ? error.message : 'network error'})`);
    }
    const text = await response.text();
    if (!response.ok) {
      if (response.status === 401) options.onUnauthorized?.();
      throw errorFromResponse(response.status, parseJson(text));
    }
    return { response, text };
  }

  return {
    async request(method, path, schema, body) {
      const { response, text } = await send(method, path, 'application/json', body);
      const parsed = schema.safeParse(parseJson(text));
      if (!parsed.success) throw new ApiError(response.status, 'BAD_RESPONSE', `Unexpected answer from ${method} ${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return parsed.data;
    },
    async requestText(path, accept) {
      return (await send('GET', path, accept)).text;
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}
