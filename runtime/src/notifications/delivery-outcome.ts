/** The result of one delivery attempt: sent, worth another try (maybe not before `retryAfterMs`), or never deliverable. */
export type DeliveryOutcome =
  | { kind: 'sent' }
  | { kind: 'retry'; error: string; retryAfterMs?: number | undefined }
  | { kind: 'dead'; error: string };

/** The longest wait a `Retry-After` header may impose; beyond it the schedule's own bound is the better judge. */
export const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/** Milliseconds to wait from a `Retry-After` value (delay-seconds or an HTTP date), capped at a day; undefined if malformed. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  let ms: number;
  if (/^\d+$/.test(text)) ms = Number(text) * 1000;
  else {
    const at = Date.parse(text);
    if (Number.isNaN(at)) return undefined;
    ms = Math.max(0, at - nowMs);
  }
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}

/**
 * What an HTTP answer to a webhook means: 2xx delivered; 410 Gone and other 4xx (the request itself is
 * refused) end it; 408, 429, 3xx and 5xx are tried again, 429 and 503 not before `Retry-After`.
 */
export function classifyHttpStatus(status: number, retryAfter: string | undefined, nowMs: number): DeliveryOutcome {
  if (status >= 200 && status < 300) return { kind: 'sent' };
  const error = `HTTP ${status}`;
  if (status === 410) return { kind: 'dead', error: `${error}: the receiver asked to stop (410 Gone)` };
  if (status === 429 || status === 503) return { kind: 'retry', error, retryAfterMs: parseRetryAfter(retryAfter, nowMs) };
  if (status === 408) return { kind: 'retry', error };
  if (status >= 400 && status < 500) return { kind: 'dead', error: `${error}: the receiver refused the request` };
  return { kind: 'retry', error };
}
