import { CountersignError, type HttpClient, type HttpRequest, type HttpResponse } from '@countersign/shared';

const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Outbound HTTP for connectors, on the platform fetch. Network failures are operational (retryable). */
export function createHttpClient(): HttpClient {
  return {
    async request(request: HttpRequest, signal: AbortSignal): Promise<HttpResponse> {
      const signals = [signal];
      if (request.timeoutMs !== undefined) signals.push(AbortSignal.timeout(request.timeoutMs));
      let response: Response;
      try {
        response = await fetch(request.url, {
          method: request.method,
          headers: request.headers ?? {},
          ...(request.body === undefined ? {} : { body: request.body }),
          signal: AbortSignal.any(signals),
          redirect: 'manual',
        });
      } catch (error) {
        if (signal.aborted || (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))) {
          throw new CountersignError('NODE_TIMEOUT', `${request.method} ${request.url} was aborted or timed out`, { cause: error });
        }
        const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
        throw new CountersignError('UNAVAILABLE', `${request.method} ${request.url} failed: ${reason}`, { cause: error });
      }
      const buffer = await response.arrayBuffer();
      if (buffer.byteLength > MAX_BODY_BYTES) {
        throw new CountersignError('HTTP_ERROR', `${request.method} ${request.url} answered with more than ${MAX_BODY_BYTES} bytes`, { retryable: false });
      }
      const headers: Record<string, string> = {};
      response.headers.forEach((value, key) => {
        headers[key] = value;
      });
      return { status: response.status, headers, body: new TextDecoder().decode(buffer) };
    },
  };
}
