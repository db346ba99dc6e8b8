import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request seen by the target. */
export interface SeenRequest {
  path: string;
  idempotencyKey: string | undefined;
  body: string;
  at: number;
}

/** A local HTTP endpoint standing in for an ERP: records what it receives, answers after `delayMs`. */
export interface HttpTarget {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/** Starts a recording HTTP target on the loopback interface. */
export async function startHttpTarget(delayMs = 0): Promise<HttpTarget> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ path: req.url ?? '', idempotencyKey: req.headers['idempotency-key'] as string | undefined, body, at: Date.now() });
      setTimeout(() => res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ posted: true, n: seen.length })), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
