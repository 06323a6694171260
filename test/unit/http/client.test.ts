import { afterEach, describe, expect, it } from 'vitest';
import { KeylessError } from '../../../src/errors.js';
import { createHttpClient } from '../../../src/http/client.js';
import { proxyAgentFor } from '../../../src/http/proxy.js';
import { parseRetryAfter } from '../../../src/http/retry.js';
import { applyFault, type Fake, type Fault, json, startFake } from '../../fakes/http-fake.js';

let fake: Fake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function serve(faults: Fault[]) {
  fake = await startFake({
    'POST /t': async (_req, res) => {
      if (await applyFault(faults.shift(), res)) return;
      json(res, 200, { ok: true });
    },
  });
  return new URL(`${fake.url}/t`);
}

function client(waits: number[] = [], overrides = {}) {
  return createHttpClient({ sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    }, random: () => 0.5, timeoutMs: 500, ...overrides });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KeylessError) return error.code;
    throw error;
  }
  return 'resolved';
}

describe('http client', () => {
  it('refuses plain http to a non-loopback host before connecting', async () => {
    const code = await codeOf(client().request({ method: 'GET', url: new URL('http://sts.example.com/x'), what: 'x' }));
    expect(code).toBe('HTTP_INSECURE_URL');
  });

  it('retries 5xx with jittered backoff and reports the attempts', async () => {
    const url = await serve([{ kind: 'status', status: 502 }, { kind: 'status', status: 500 }]);
    const waits: number[] = [];
    const response = await client(waits).request({ method: 'POST', url, what: 'x', body: '' });
    expect(response.status).toBe(200);
    expect(response.attempts).toBe(3);
    expect(waits).toEqual([125, 250]);
  });

  it('does not retry a 4xx other than 408 and 429', async () => {
    const url = await serve([{ kind: 'status', status: 400 }]);
    const response = await client().request({ method: 'POST', url, what: 'x', body: '' });
    expect(response.status).toBe(400);
    expect(fake?.requests).toHaveLength(1);
  });

  it('waits what Retry-After says, and gives up on one longer than the cap', async () => {
    const url = await serve([{ kind: 'status', status: 429, headers: { 'retry-after': '2' } }, { kind: 'status', status: 503, headers: { 'retry-after': '3600' } }]);
    const waits: number[] = [];
    const response = await client(waits).request({ method: 'POST', url, what: 'x', body: '' });
    expect(waits).toEqual([2000]);
    expect(response.status).toBe(503);
  });

  it('times out a request whose body stalls, and stops after maxAttempts', async () => {
    const url = await serve([{ kind: 'hang' }, { kind: 'hang' }]);
    expect(await codeOf(client([], { maxAttempts: 2, timeoutMs: 200 }).request({ method: 'POST', url, what: 'x', body: '' }))).toBe('HTTP_TIMEOUT');
    expect(fake?.requests).toHaveLength(2);
  });

  it('treats a body cut off mid-way as a network error, then retries it', async () => {
    const url = await serve([{ kind: 'truncate' }]);
    const response = await client().request({ method: 'POST', url, what: 'x', body: '' });
    expect(response.attempts).toBe(2);
    expect(JSON.parse(response.body)).toEqual({ ok: true });
  });

  it('caps the response size and does not retry it', async () => {
    const url = await serve([{ kind: 'oversize', bytes: 4096 }]);
    expect(await codeOf(client([], { maxBytes: 1024 }).request({ method: 'POST', url, what: 'x', body: '' }))).toBe('HTTP_TOO_LARGE');
    expect(fake?.requests).toHaveLength(1);
  });

  it('does not repeat a non-idempotent request that reached the server', async () => {
    const url = await serve([{ kind: 'status', status: 500 }]);
    const response = await client().request({ method: 'POST', url, what: 'x', body: '', idempotent: false });
    expect(response.status).toBe(500);
    expect(fake?.requests).toHaveLength(1);
  });

  it('retries a non-idempotent request whose connection was refused', async () => {
    const url = await serve([]);
    await fake?.close();
    fake = undefined;
    const waits: number[] = [];
    expect(await codeOf(client(waits).request({ method: 'POST', url, what: 'x', body: '', idempotent: false }))).toBe('HTTP_NETWORK');
    expect(waits).toHaveLength(3);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('7', 0)).toBe(7000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
  });
});

describe('proxy', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of ['HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy']) {
      if (saved[key] === undefined) Reflect.deleteProperty(process.env, key);
      else process.env[key] = saved[key];
    }
  });

  it('tunnels https through HTTPS_PROXY, except for NO_PROXY hosts and loopback', async () => {
    process.env.HTTPS_PROXY = 'http://proxy.internal:3128';
    process.env.NO_PROXY = '.corp.example';
    const agent = (await proxyAgentFor(new URL('https://sts.example.com/token'))) as unknown as { proxyOptions?: { host: string } } | undefined;
    expect(agent?.proxyOptions?.host).toBe('proxy.internal');
    expect(await proxyAgentFor(new URL('https://sts.corp.example/token'))).toBeUndefined();
    expect(await proxyAgentFor(new URL('http://127.0.0.1:8080/token'))).toBeUndefined();
  });
  // Whether the proxy client is loaded at all: proxy-lazy.test.ts.
});
