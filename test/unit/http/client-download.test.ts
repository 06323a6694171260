import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeylessError } from '../../../src/errors.js';
import { createHttpClient } from '../../../src/http/client.js';
import { type Fake, json, startFake } from '../../fakes/http-fake.js';

// The client options a tool download uses: saveTo, a per-request maxBytes, and a deadline over every attempt.
let fake: Fake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const file = () => join(mkdtempSync(join(tmpdir(), 'keyless-save-')), 'tool');
const client = (timeoutMs = 200) => createHttpClient({ timeoutMs, backoffBaseMs: 10, backoffCapMs: 10 });

async function failure(promise: Promise<unknown>): Promise<KeylessError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(KeylessError);
  return error as KeylessError;
}

describe('HTTP client downloads', () => {
  it('streams a 2xx body into the file, beyond the client cap but within the request cap', async () => {
    const body = Buffer.alloc(3 * 1024 * 1024, 7);
    fake = await startFake({ 'GET /f': (_req, res) => { res.writeHead(200).end(body); } });
    const saveTo = file();
    const response = await client(10_000).request({ method: 'GET', url: new URL(`${fake.url}/f`), what: 'x', saveTo, maxBytes: body.length });
    expect(response.status).toBe(200);
    expect(response.bytes.length).toBe(0);
    expect(readFileSync(saveTo).equals(body)).toBe(true);
  });

  it('keeps an error body in memory and writes no file', async () => {
    fake = await startFake({ 'GET /f': (_req, res) => { json(res, 404, { message: 'Not Found' }); } });
    const saveTo = file();
    const response = await client().request({ method: 'GET', url: new URL(`${fake.url}/f`), what: 'x', saveTo });
    expect(response.status).toBe(404);
    expect(existsSync(saveTo)).toBe(false);
  });

  it('refuses a body over the request cap', async () => {
    fake = await startFake({ 'GET /f': (_req, res) => { res.writeHead(200).end(Buffer.alloc(2048)); } });
    const error = await failure(client().request({ method: 'GET', url: new URL(`${fake.url}/f`), what: 'x', saveTo: file(), maxBytes: 1024 }));
    expect(error.code).toBe('HTTP_TOO_LARGE');
  });

  it('lets an attempt run past the per-attempt timeout under a deadline, and ends a trickle at the deadline', async () => {
    fake = await startFake({
      'GET /f': (_req, res) => {
        res.writeHead(200, { 'content-length': '1000' });
        const drip = setInterval(() => res.write('x'), 50);
        res.on('close', () => { clearInterval(drip); });
      },
    });
    const started = Date.now();
    const error = await failure(client().request({ method: 'GET', url: new URL(`${fake.url}/f`), what: 'x', saveTo: file(), deadlineMs: 800 }));
    expect(error.code).toBe('HTTP_TIMEOUT');
    // One attempt used the whole deadline (not the 200 ms per-attempt timeout), and no retry ran past it.
    expect(Date.now() - started).toBeGreaterThanOrEqual(750);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(fake.requests).toHaveLength(1);
  });

  it('retries a 503 only while the deadline allows', async () => {
    fake = await startFake({ 'GET /f': (_req, res) => { json(res, 503, {}, { 'retry-after': '1' }); } });
    const response = await client().request({ method: 'GET', url: new URL(`${fake.url}/f`), what: 'x', deadlineMs: 500 });
    expect(response.status).toBe(503);
    expect(fake.requests).toHaveLength(1);
  });
});
