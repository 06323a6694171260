import { afterEach, describe, expect, it } from 'vitest';
import { KeylessError } from '../../../src/errors.js';
import { createHttpClient, defaultHttpOptions, headerValue, type HttpOptions, type HttpRequest } from '../../../src/http/client.js';
import { backoffMs, isRetryableStatus, parseRetryAfter } from '../../../src/http/retry.js';
import { assertSecure, isLoopback, parseEndpoint } from '../../../src/http/url.js';
import { applyFault, type Fake, type Fault, json, startFake } from '../../fakes/http-fake.js';

// The HTTP client's contract, exactly: what it sends, when it tries again and how long it waits, and the
// message and hint of each failure.

let fake: Fake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function serve(faults: Fault[], extra: Record<string, Parameters<typeof startFake>[0][string]> = {}) {
  fake = await startFake({
    'POST /t': async (_req, res) => {
      if (await applyFault(faults.shift(), res)) return;
      json(res, 200, { ok: true });
    },
    'GET /t': async (_req, res) => {
      if (await applyFault(faults.shift(), res)) return;
      json(res, 200, { ok: true });
    },
    ...extra,
  });
  return new URL(`${fake.url}/t`);
}

function client(waits: number[] = [], overrides: Partial<HttpOptions> = {}) {
  return createHttpClient({ sleep: (ms) => { waits.push(ms); return Promise.resolve(); }, random: () => 0.5, timeoutMs: 500, ...overrides });
}

async function failure(promise: Promise<unknown>): Promise<KeylessError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(KeylessError);
  return error as KeylessError;
}

const post = (url: URL, extra: Partial<HttpRequest> = {}): HttpRequest => ({ method: 'POST', url, what: 'token endpoint', body: '', ...extra });

describe('what the client sends', () => {
  it('names itself, sets the body length in bytes, and lets the caller\'s headers win', async () => {
    const url = await serve([]);
    await client().request(post(url, { body: 'é=1', headers: { accept: 'application/json' } }));
    await client([], { userAgent: 'keyless/test' }).request(post(url, { headers: { 'user-agent': 'custom' } }));
    await client().request({ method: 'GET', url, what: 'x' });
    const [first, second, third] = fake?.requests ?? [];
    expect(first?.headers['user-agent']).toBe('keyless');
    expect(first?.headers['content-length']).toBe('4');
    expect(first?.headers.accept).toBe('application/json');
    expect(first?.body).toBe('é=1');
    expect(second?.headers['user-agent']).toBe('custom');
    expect(third?.headers['content-length']).toBeUndefined();
  });

  it('has the documented defaults', () => {
    expect({ ...defaultHttpOptions, sleep: undefined, random: undefined, now: undefined }).toEqual({
      timeoutMs: 15_000, maxAttempts: 4, maxBytes: 1024 * 1024, backoffBaseMs: 250, backoffCapMs: 5_000, maxRetryAfterMs: 30_000, userAgent: 'keyless', sleep: undefined, random: undefined, now: undefined,
    });
  });

  it('returns the status, headers, body and bytes of the final answer', async () => {
    const url = await serve([{ kind: 'status', status: 404, body: { message: 'nope' }, headers: { 'x-id': 'a' } }]);
    const response = await client().request(post(url));
    expect(response.status).toBe(404);
    expect(response.headers['x-id']).toBe('a');
    expect(JSON.parse(response.body)).toEqual({ message: 'nope' });
    expect(response.bytes.toString('utf8')).toBe(response.body);
    expect(response.attempts).toBe(1);
  });
});

describe('when the client tries again', () => {
  it('retries 408 and 429 and any 5xx, and not 400, 404 or 499', async () => {
    for (const status of [408, 429, 500, 599]) {
      const url = await serve([{ kind: 'status', status }]);
      expect((await client().request(post(url))).attempts, String(status)).toBe(2);
      await fake?.close();
    }
    for (const status of [400, 404, 499]) {
      const url = await serve([{ kind: 'status', status }]);
      expect((await client().request(post(url))).attempts, String(status)).toBe(1);
      await fake?.close();
    }
    fake = undefined;
  });

  it('retries what the caller\'s retryOn says, and stops after maxAttempts with the last answer', async () => {
    const url = await serve([{ kind: 'status', status: 400, body: { code: 'Throttling' } }, { kind: 'status', status: 400, body: { code: 'Throttling' } }, { kind: 'status', status: 400, body: { code: 'Throttling' } }]);
    const waits: number[] = [];
    const response = await client(waits, { maxAttempts: 3 }).request(post(url, { retryOn: (r) => r.body.includes('Throttling') }));
    expect(response.status).toBe(400);
    expect(response.attempts).toBe(3);
    expect(waits).toEqual([125, 250]);
  });

  it('retries a non-idempotent request the server asked to retry with Retry-After, as it never acted on it', async () => {
    const url = await serve([{ kind: 'status', status: 503, headers: { 'retry-after': '0' } }]);
    const waits: number[] = [];
    const response = await client(waits).request(post(url, { idempotent: false }));
    expect(response.attempts).toBe(2);
    expect(waits).toEqual([0]);
  });

  it('waits a Retry-After equal to the cap, and not one above it', async () => {
    const url = await serve([{ kind: 'status', status: 503, headers: { 'retry-after': '2' } }, { kind: 'status', status: 503, headers: { 'retry-after': '3' } }]);
    const waits: number[] = [];
    const response = await client(waits, { maxRetryAfterMs: 2000 }).request(post(url));
    expect(waits).toEqual([2000]);
    expect(response.attempts).toBe(2);
    expect(response.status).toBe(503);
  });

  it('backs off exponentially up to the cap', async () => {
    const url = await serve([{ kind: 'status', status: 500 }, { kind: 'status', status: 500 }, { kind: 'status', status: 500 }, { kind: 'status', status: 500 }]);
    const waits: number[] = [];
    await client(waits, { maxAttempts: 5, random: () => 0.999, backoffBaseMs: 100, backoffCapMs: 350 }).request(post(url));
    expect(waits).toEqual([99, 199, 349, 349]);
  });

  it('starts no attempt past the deadline', async () => {
    let now = 0;
    const url = await serve([{ kind: 'status', status: 500 }, { kind: 'status', status: 500 }]);
    const waits: number[] = [];
    const response = await client(waits, { now: () => now, sleep: (ms) => { waits.push(ms); now += ms; return Promise.resolve(); } }).request(post(url, { deadlineMs: 200 }));
    expect(waits).toEqual([125]);
    expect(response.attempts).toBe(2);
  });

  it('says how many attempts a failure took, and nothing when it took one', async () => {
    const url = await serve([{ kind: 'truncate' }, { kind: 'truncate' }]);
    const twice = await failure(client([], { maxAttempts: 2 }).request(post(url)));
    expect(twice.message).toBe(`token endpoint ${url.origin}/t closed the connection mid-response (after 2 attempts)`);
    expect(twice.hint).toBe('the endpoint or a proxy dropped the connection; re-run the job, and check the proxy if it repeats');
    const url2 = await serve([{ kind: 'truncate' }]);
    const once = await failure(client([], { maxAttempts: 1 }).request(post(url2)));
    expect(once.message).toBe(`token endpoint ${url2.origin}/t closed the connection mid-response`);
  });

  it('does not retry a non-idempotent request cut off mid-answer: the server saw it', async () => {
    const url = await serve([{ kind: 'truncate' }, { kind: 'truncate' }]);
    const error = await failure(client().request(post(url, { idempotent: false })));
    expect(error.code).toBe('HTTP_NETWORK');
    expect(fake?.requests).toHaveLength(1);
  });
});

describe('what each failure says', () => {
  it('a timeout names the endpoint and the time, and what to do', async () => {
    const url = await serve([{ kind: 'hang' }]);
    const error = await failure(client([], { maxAttempts: 1, timeoutMs: 100 }).request(post(url)));
    expect(error.code).toBe('HTTP_TIMEOUT');
    expect(error.message).toBe(`token endpoint ${url.origin}/t did not answer within 100 ms`);
    expect(error.hint).toBe('check that the endpoint is reachable from the runner, or raise http-timeout');
  });

  it('a body over the cap, declared or sent, names the cap', async () => {
    const url = await serve([{ kind: 'oversize', bytes: 100 }, { kind: 'status', status: 200, body: 'x'.repeat(100) }]);
    const sent = await failure(client([], { maxBytes: 50 }).request(post(url)));
    expect(sent.code).toBe('HTTP_TOO_LARGE');
    expect(sent.message).toBe(`token endpoint ${url.origin}/t sent a response larger than 50 bytes`);
    expect(sent.hint).toBe('the endpoint is not a token service, or is misbehaving; check the URL');
    expect((await failure(client([], { maxBytes: 50 }).request(post(url)))).code).toBe('HTTP_TOO_LARGE');
    const exact = await serve([{ kind: 'status', status: 200, body: 'x'.repeat(48) }]);
    expect((await client([], { maxBytes: 50 }).request(post(exact))).bytes).toHaveLength(50);
  });

  it('a refused connection names the endpoint, the error code and where to look', async () => {
    const url = await serve([]);
    await fake?.close();
    fake = undefined;
    const error = await failure(client([], { maxAttempts: 1 }).request(post(url)));
    expect(error.code).toBe('HTTP_NETWORK');
    expect(error.message).toBe(`token endpoint ${url.origin}/t could not be reached (ECONNREFUSED)`);
    expect(error.hint).toBe('check the URL, DNS and any proxy (HTTPS_PROXY/NO_PROXY) between the runner and the endpoint');
  });

  it('names the endpoint without its query', async () => {
    const url = await serve([{ kind: 'hang' }]);
    url.search = '?sig=secret';
    const error = await failure(client([], { maxAttempts: 1, timeoutMs: 50 }).request({ method: 'GET', url, what: 'download' }));
    expect(error.message).not.toContain('secret');
  });
});

describe('retry arithmetic', () => {
  it('isRetryableStatus', () => {
    expect([407, 408, 409, 428, 429, 430, 499, 500, 503].map(isRetryableStatus)).toEqual([false, true, false, false, true, false, false, true, true]);
  });

  it('parseRetryAfter trims, and reads a past date as 0', () => {
    expect(parseRetryAfter(' 3 ', 0)).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:01 GMT', 5000)).toBe(0);
    expect(parseRetryAfter('', 0)).toBeUndefined();
  });

  it('backoffMs is a whole number below min(cap, base·2^attempt)', () => {
    expect(backoffMs(0, 100, 1000, () => 0.999)).toBe(99);
    expect(backoffMs(3, 100, 1000, () => 0.999)).toBe(799);
    expect(backoffMs(4, 100, 1000, () => 0.999)).toBe(999);
    expect(backoffMs(2, 100, 1000, () => 0)).toBe(0);
  });

  it('headerValue takes the first of a repeated header', () => {
    expect(headerValue(['a', 'b'])).toBe('a');
    expect(headerValue('c')).toBe('c');
    expect(headerValue(undefined)).toBeUndefined();
  });
});

describe('endpoints', () => {
  it.each([['localhost'], ['LOCALHOST'], ['127.0.0.1'], ['127.1.2.3'], ['127.10.200.255'], ['[::1]']])('takes plain http on loopback %s', (host) => {
    expect(isLoopback(new URL(`http://${host}:8080/`))).toBe(true);
    expect(() => { assertSecure(new URL(`http://${host}/`), 'x'); }).not.toThrow();
  });

  it.each([['127.0.0.1.evil.example'], ['localhost.evil.example'], ['mylocalhost'], ['128.0.0.1'], ['10.0.0.1'], ['[::2]']])('refuses plain http to %s', (host) => {
    expect(isLoopback(new URL(`http://${host}/`))).toBe(false);
  });

  it('refuses what is not https, naming the endpoint and saying where plain http is allowed', () => {
    for (const url of ['http://sts.example.com/x', 'ftp://127.0.0.1/x', 'file:///etc/passwd']) {
      let error: unknown;
      try { assertSecure(new URL(url), 'token endpoint'); } catch (e) { error = e; }
      expect(error).toBeInstanceOf(KeylessError);
      expect((error as KeylessError).code).toBe('HTTP_INSECURE_URL');
      expect((error as KeylessError).message).toBe(`token endpoint ${new URL(url).origin} is not https`);
      expect((error as KeylessError).hint).toBe('credentials travel only over https; plain http is allowed on loopback (127.0.0.1, ::1, localhost) only');
    }
    expect(() => { assertSecure(new URL('https://sts.example.com/'), 'x'); }).not.toThrow();
  });

  it('parseEndpoint refuses what is not an absolute URL', () => {
    expect(parseEndpoint('https://sts.example.com/a', 'x').href).toBe('https://sts.example.com/a');
    let error: unknown;
    try { parseEndpoint('/relative', 'token-endpoint'); } catch (e) { error = e; }
    expect((error as KeylessError).code).toBe('INPUT_INVALID');
    expect((error as KeylessError).message).toBe('token-endpoint "/relative" is not an absolute URL');
    expect((error as KeylessError).hint).toBe('use the form https://host/path');
    expect(() => parseEndpoint('http://sts.example.com/', 'x')).toThrow(KeylessError);
  });
});
