import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountersignError } from '@countersign/shared';
import { errorHandler, notFound } from './http-errors.ts';
import { jsonBody } from './json-body.ts';
import { requestLog } from './request-log.ts';

const lines: Record<string, unknown>[] = [];
let server: Server;
let baseUrl = '';

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const log = pino({ level: 'info' }, stream);
  const app = express();
  app.use(requestLog(log));
  app.post('/api/echo', jsonBody, (req, res) => {
    res.json(req.body);
  });
  app.get('/api/bug', () => {
    throw new TypeError('cannot read properties of undefined (secret detail)');
  });
  app.get('/api/internal', () => {
    throw new CountersignError('INTERNAL', 'database password is hunter2');
  });
  app.get('/api/busy', () => {
    throw new CountersignError('UNAVAILABLE', 'The ERP is down');
  });
  app.use('/api', notFound);
  app.use(errorHandler(log));
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function call(path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}${path}`, init);
  return { status: response.status, body: await response.json() };
}

describe('API error mapping and request logs', () => {
  it('turns an unknown throw into a generic 500 and logs it with its stack', async () => {
    const { status, body } = await call('/api/bug');
    expect(status).toBe(500);
    expect(body).toEqual({ error: { code: 'INTERNAL', message: 'Something went wrong on our side; the error has been logged' } });
    const logged = lines.find((line) => line['msg'] === 'unexpected error while handling a request');
    expect((logged?.['err'] as { stack: string }).stack).toContain('secret detail');
    expect((await call('/api/internal')).body).toEqual(body);
  });

  it('keeps the code and message of operational errors', async () => {
    expect(await call('/api/busy')).toEqual({ status: 503, body: { error: { code: 'UNAVAILABLE', message: 'The ERP is down' } } });
  });

  it('logs method, path, status and duration, never the Authorization header, query or body', async () => {
    lines.length = 0;
    await call('/api/echo?token=abc', { method: 'POST', headers: { authorization: 'Bearer very-secret', 'content-type': 'application/json' }, body: JSON.stringify({ card: '4111' }) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const entry = lines.find((line) => line['msg'] === 'request');
    expect(entry).toMatchObject({ method: 'POST', path: '/api/echo', status: 200, ms: expect.any(Number) });
    const text = JSON.stringify(lines);
    expect(text).not.toContain('very-secret');
    expect(text).not.toContain('4111');
    expect(text).not.toContain('token=abc');
  });

  it('answers 415 for a body without a JSON content type and accepts an empty body', async () => {
    expect((await call('/api/echo', { method: 'POST', body: 'hello', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await fetch(`${baseUrl}/api/echo`, { method: 'POST' })).status).toBe(200);
  });
});
