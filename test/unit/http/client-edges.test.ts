import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { KeylessError } from '../../../src/errors.js';
import { createHttpClient, defaultHttpOptions, type HttpRequest } from '../../../src/http/client.js';
import { parseRetryAfter } from '../../../src/http/retry.js';
import { makeTestCa, type Issued, type TestCa } from '../../fakes/test-ca.js';

// The edges of what the client reads and refuses: a declared length over the cap (refused before the body
// arrives), a body of exactly the cap (taken), a connection cut mid-body, a file download's cap, mode and
// truncation, each TLS refusal with its own message and hint, and a reset with and without a private CA.

const open: (Server | TcpServer)[] = [];
const saved = { ...process.env };
afterEach(async () => {
  for (const key of ['HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy']) {
    if (saved[key] === undefined) Reflect.deleteProperty(process.env, key);
    else process.env[key] = saved[key];
  }
  await Promise.all(open.splice(0).map((s) => new Promise((resolve) => {
    if ('closeAllConnections' in s) s.closeAllConnections();
    s.close(resolve);
  })));
});

async function listen(s: Server | TcpServer): Promise<number> {
  open.push(s);
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return (s.address() as AddressInfo).port;
}

/** A plain http server on loopback answering every request with `answer`; counts requests. */
async function serve(answer: Parameters<typeof createHttpServer>[1] & {}): Promise<{ url: URL; requests: () => number }> {
  let requests = 0;
  const port = await listen(createHttpServer((req, res) => { requests++; answer(req, res); }));
  return { url: new URL(`http://127.0.0.1:${port}/x`), requests: () => requests };
}

/** A TCP server that drops every connection the moment it is made: counts the connections. */
async function resetting(): Promise<{ port: number; connections: () => number }> {
  let connections = 0;
  const port = await listen(createTcpServer((socket) => { connections++; socket.resetAndDestroy(); }));
  return { port, connections: () => connections };
}

const get = (url: URL, extra: Partial<HttpRequest> = {}): HttpRequest => ({ method: 'GET', url, what: 'token endpoint', ...extra });
const client = (waits: number[] = [], maxAttempts = 1) => createHttpClient({ maxAttempts, timeoutMs: 2_000, maxBytes: 64, random: () => 0.5, sleep: (ms) => { waits.push(ms); return Promise.resolve(); } });

async function failure(promise: Promise<unknown>): Promise<KeylessError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(KeylessError);
  return error as KeylessError;
}

const file = () => join(mkdtempSync(join(tmpdir(), 'keyless-edge-')), 'tool');

describe('the size cap, in memory', () => {
  it('refuses a declared length over the cap at the headers, before the body comes', async () => {
    // The body never arrives: a client that waited for it would time out instead.
    const { url } = await serve((_req, res) => { res.writeHead(200, { 'content-length': '65' }); res.write('{'); });
    const error = await failure(client().request(get(url)));
    expect(error.code).toBe('HTTP_TOO_LARGE');
    expect(error.message).toBe(`token endpoint ${url.origin}/x sent a response larger than 64 bytes`);
  });

  it('takes a body of exactly the cap sent without a length, and refuses one byte more', async () => {
    const exact = await serve((_req, res) => { res.writeHead(200); res.write('a'.repeat(32)); res.end('b'.repeat(32)); });
    expect((await client().request(get(exact.url))).body).toBe(`${'a'.repeat(32)}${'b'.repeat(32)}`);
    const over = await serve((_req, res) => { res.writeHead(200); res.write('a'.repeat(32)); res.end('b'.repeat(33)); });
    expect((await failure(client().request(get(over.url)))).code).toBe('HTTP_TOO_LARGE');
  });

  it('takes a declared length of exactly the cap', async () => {
    const { url } = await serve((_req, res) => { res.writeHead(200, { 'content-length': '64' }).end('c'.repeat(64)); });
    expect((await client().request(get(url))).bytes).toHaveLength(64);
  });

  it('calls a chunked body cut off mid-way a network error, never a short success', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200);
      res.write('{"access_token":"abc', () => setTimeout(() => res.socket?.destroy(), 20));
    });
    const error = await failure(client().request(get(url)));
    expect(error.code).toBe('HTTP_NETWORK');
    expect(error.message).toBe(`token endpoint ${url.origin}/x closed the connection mid-response`);
    expect(error.hint).toBe('the endpoint or a proxy dropped the connection; re-run the job, and check the proxy if it repeats');
  });
});

describe('a download into a file', () => {
  it('refuses a declared length over the request cap without creating the file', async () => {
    const { url } = await serve((_req, res) => { res.writeHead(200, { 'content-length': '2048' }); res.write('x'); });
    const saveTo = file();
    const error = await failure(client().request(get(url, { saveTo, maxBytes: 1024 })));
    expect(error.code).toBe('HTTP_TOO_LARGE');
    expect(error.message).toContain('larger than 1024 bytes');
    expect(existsSync(saveTo)).toBe(false);
  });

  it('takes exactly the cap, replaces what the file held, and makes it readable by its owner only', async () => {
    const body = Buffer.alloc(1024, 9);
    const { url } = await serve((_req, res) => { res.writeHead(200); res.write(body.subarray(0, 512)); res.end(body.subarray(512)); });
    const saveTo = file();
    const fresh = await client().request(get(url, { saveTo, maxBytes: 1024 }));
    expect(fresh.status).toBe(200);
    expect(fresh.body).toBe('');
    expect(readFileSync(saveTo).equals(body)).toBe(true);
    expect(statSync(saveTo).mode & 0o777).toBe(0o600);
    const longer = file();
    writeFileSync(longer, Buffer.alloc(4096, 1));
    await client().request(get(url, { saveTo: longer, maxBytes: 1024 }));
    expect(readFileSync(longer).equals(body)).toBe(true);
  });

  it('takes a declared length of exactly the cap, and keeps a 3xx answer in memory', async () => {
    const { url } = await serve((req, res) => {
      if (req.url === '/moved') res.writeHead(300, { 'content-length': '2' }).end('{}');
      else res.writeHead(200, { 'content-length': '1024' }).end(Buffer.alloc(1024, 3));
    });
    const saveTo = file();
    await client().request(get(url, { saveTo, maxBytes: 1024 }));
    expect(readFileSync(saveTo)).toHaveLength(1024);
    const moved = file();
    const response = await client().request(get(new URL('/moved', url), { saveTo: moved, maxBytes: 1024 }));
    expect(response.status).toBe(300);
    expect(response.body).toBe('{}');
    expect(existsSync(moved)).toBe(false);
  });

  it('hangs up on a server that declared too much, instead of leaving its connection open', async () => {
    let closed!: () => void;
    const hungUp = new Promise<void>((resolve) => { closed = resolve; });
    const { url } = await serve((req, res) => {
      req.socket.on('close', closed);
      res.writeHead(200, { 'content-length': '2048' });
      res.write('x');
    });
    expect((await failure(client().request(get(url, { saveTo: file(), maxBytes: 1024 })))).code).toBe('HTTP_TOO_LARGE');
    await hungUp;
  });

  it('refuses a body one byte over the cap as too large, not as a network error', async () => {
    const { url } = await serve((_req, res) => { res.writeHead(200); res.write(Buffer.alloc(1024)); res.end(Buffer.alloc(1)); });
    const error = await failure(client().request(get(url, { saveTo: file(), maxBytes: 1024 })));
    expect(error.code).toBe('HTTP_TOO_LARGE');
  });

  it('calls a download cut off mid-way a network error naming the endpoint', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '4096' });
      res.write(Buffer.alloc(100), () => setTimeout(() => res.socket?.destroy(), 20));
    });
    const error = await failure(client().request(get(url, { saveTo: file(), maxBytes: 8192 })));
    expect(error.code).toBe('HTTP_NETWORK');
    expect(error.message).toBe(`token endpoint ${url.origin}/x closed the connection mid-response`);
  });
});

describe('a connection reset before any answer', () => {
  it('over http: names the reset, points at the network, and tries again', async () => {
    const { port, connections } = await resetting();
    const waits: number[] = [];
    const error = await failure(client(waits, 3).request(get(new URL(`http://127.0.0.1:${port}/x`))));
    expect(error.code).toBe('HTTP_NETWORK');
    expect(error.message).toBe(`token endpoint http://127.0.0.1:${port}/x could not be reached (ECONNRESET) (after 3 attempts)`);
    expect(error.hint).toBe('check the URL, DNS and any proxy (HTTPS_PROXY/NO_PROXY) between the runner and the endpoint');
    expect(connections()).toBe(3);
    // Full jitter at half of 250·2^n: the same backoff as a 5xx.
    expect(waits).toEqual([125, 250]);
  });

  it('over https with the public roots: the same network advice', async () => {
    const { port } = await resetting();
    const error = await failure(client().request(get(new URL(`https://127.0.0.1:${port}/x`))));
    expect(error.message).toBe(`token endpoint https://127.0.0.1:${port}/x could not be reached (ECONNRESET)`);
  });

  it('over http with TLS options (ignored there): the network advice, as the request had no private TLS', async () => {
    const ca = await makeTestCa();
    const { port } = await resetting();
    const error = await failure(client().request(get(new URL(`http://127.0.0.1:${port}/x`), { tls: { ca: ca.cert } })));
    expect(error.message).toBe(`token endpoint http://127.0.0.1:${port}/x could not be reached (ECONNRESET)`);
  });

  it('a refused connection with a private CA is still a refused connection, not a mutual-TLS reset', async () => {
    const ca = await makeTestCa();
    const { port } = await resetting();
    await new Promise((resolve) => open.pop()?.close(resolve));
    const error = await failure(client().request(get(new URL(`https://127.0.0.1:${port}/x`), { tls: { ca: ca.cert } })));
    expect(error.message).toBe(`token endpoint https://127.0.0.1:${port}/x could not be reached (ECONNREFUSED)`);
  });

  it('over https with a private CA: says a mutual-TLS server does this to a client certificate it does not trust', async () => {
    const ca = await makeTestCa();
    const { port } = await resetting();
    const error = await failure(client().request(get(new URL(`https://127.0.0.1:${port}/x`), { tls: { ca: ca.cert } })));
    expect(error.code).toBe('HTTP_NETWORK');
    expect(error.message).toBe(`token endpoint https://127.0.0.1:${port}/x closed the connection (ECONNRESET)`);
    expect(error.hint).toContain('requires mutual TLS resets the connection');
    expect(error.hint).toContain('client-certificate and client-key');
  });
});

describe('TLS refusals', () => {
  let ca: TestCa;
  let other: TestCa;
  let server: Issued;
  beforeAll(async () => {
    [ca, other] = await Promise.all([makeTestCa(), makeTestCa('Another CA')]);
    server = await ca.server(['vault.test']);
  });

  /** An https server with the test CA's certificate; with `clientCa`, it requires a client certificate that CA signed. */
  async function httpsServer(clientCa?: string): Promise<{ port: number; connections: () => number }> {
    let connections = 0;
    const s = createHttpsServer({ key: server.key, cert: server.cert, ...(clientCa ? { ca: [clientCa], requestCert: true, rejectUnauthorized: true } : {}) }, (_req, res) => {
      res.writeHead(200).end('{}');
    });
    s.on('connection', () => { connections++; });
    return { port: await listen(s), connections: () => connections };
  }

  it('a certificate no trusted CA signed: names the code, says how to trust a private CA, and does not retry', async () => {
    const { port, connections } = await httpsServer();
    const waits: number[] = [];
    const error = await failure(client(waits, 4).request(get(new URL(`https://127.0.0.1:${port}/x`))));
    expect(error.code).toBe('HTTP_NETWORK');
    expect(error.message).toMatch(new RegExp(`^token endpoint https://127\\.0\\.0\\.1:${port}/x refused the TLS connection \\((SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\\)$`));
    expect(error.hint).toContain('NODE_EXTRA_CA_CERTS');
    expect(connections()).toBe(1);
    expect(waits).toEqual([]);
  });

  it('a certificate for another host name: names ERR_TLS_CERT_ALTNAME_INVALID and the host name check, and does not retry', async () => {
    const { port, connections } = await httpsServer();
    // The CONNECT proxy carries any host name to the loopback server, so no name needs to resolve.
    const proxy = createHttpServer();
    proxy.on('connect', (_req, socket) => {
      const upstream = connect(port, '127.0.0.1', () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(socket).pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    process.env.HTTPS_PROXY = `http://127.0.0.1:${await listen(proxy)}`;
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    const waits: number[] = [];
    const error = await failure(client(waits, 4).request(get(new URL(`https://other.test:${port}/x`), { tls: { ca: ca.cert } })));
    expect(error.message).toBe(`token endpoint https://other.test:${port}/x refused the TLS connection (ERR_TLS_CERT_ALTNAME_INVALID)`);
    expect(error.hint).toContain("check that the URL's host name is the one in the certificate");
    expect(connections()).toBe(1);
    expect(waits).toEqual([]);
  });

  it('a server that wants a client certificate and got none, or one from another CA: says to give one', async () => {
    for (const tls of [{ ca: ca.cert }, { ca: ca.cert, ...(await other.client('ci')) }]) {
      const { port } = await httpsServer(ca.cert);
      const error = await failure(client().request(get(new URL(`https://127.0.0.1:${port}/x`), { tls })));
      expect(error.code).toBe('HTTP_NETWORK');
      // Under TLS 1.3 the refusal comes as an alert or, when it races the request, as a bare reset.
      expect(error.message).toMatch(/ (refused the TLS connection \(ERR_SSL_TLSV\d+_ALERT_(CERTIFICATE_REQUIRED|UNKNOWN_CA|BAD_CERTIFICATE|HANDSHAKE_FAILURE)\)|closed the connection \(ECONNRESET\))$/);
      expect(error.hint).toContain('client-certificate and client-key');
    }
  });
});

describe('what the client leaves behind', () => {
  it('clears its timer on every outcome: an answer, a refusal, a body over the cap', async () => {
    const { url } = await serve((req, res) => {
      if (req.url === '/big') res.writeHead(200).end('x'.repeat(100));
      else res.writeHead(200).end('{}');
    });
    const refused = await resetting();
    const setSpy = vi.spyOn(globalThis, 'setTimeout');
    const clearSpy = vi.spyOn(globalThis, 'clearTimeout');
    try {
      const timed = createHttpClient({ maxAttempts: 1, timeoutMs: 4321, maxBytes: 64 });
      await timed.request(get(url));
      await timed.request(get(new URL(`http://127.0.0.1:${refused.port}/x`))).catch(() => undefined);
      await timed.request(get(new URL('/big', url))).catch(() => undefined);
      const ours = setSpy.mock.calls.flatMap((call, i) => (call[1] === 4321 ? [setSpy.mock.results[i]?.value as unknown] : []));
      expect(ours).toHaveLength(3);
      for (const handle of ours) expect(clearSpy).toHaveBeenCalledWith(handle);
    } finally {
      setSpy.mockRestore();
      clearSpy.mockRestore();
    }
  });

  it('does not retry a request Node refuses to send (a header with a line break)', async () => {
    const { url, requests } = await serve((_req, res) => { res.writeHead(200).end('{}'); });
    const waits: number[] = [];
    const error = await client(waits, 3).request(get(url, { headers: { 'x-name': 'a\r\nb' } })).catch((e: unknown) => e);
    expect((error as NodeJS.ErrnoException).code).toBe('ERR_INVALID_CHAR');
    expect(waits).toEqual([]);
    expect(requests()).toBe(0);
  });

  it('stops at a deadline that a wait would reach exactly', async () => {
    const { url, requests } = await serve((_req, res) => { res.writeHead(503).end('{}'); });
    const waits: number[] = [];
    // A wait of 0.5 · 200 = 100 ms would end exactly at the 100 ms deadline: no attempt can follow it.
    const atDeadline = createHttpClient({ maxAttempts: 4, backoffBaseMs: 200, random: () => 0.5, now: () => 0, sleep: (ms) => { waits.push(ms); return Promise.resolve(); } });
    expect((await atDeadline.request(get(url, { deadlineMs: 100 }))).status).toBe(503);
    expect(requests()).toBe(1);
    expect(waits).toEqual([]);
  });

  it('sleeps for real by default', async () => {
    const started = performance.now();
    await defaultHttpOptions.sleep(20);
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
  });
});

describe('Retry-After', () => {
  it('reads only whole digits as seconds', () => {
    expect(parseRetryAfter('15', 0)).toBe(15_000);
    expect(parseRetryAfter('x5', 0)).toBeUndefined();
    expect(parseRetryAfter('5x', 0)).toBeUndefined();
    expect(parseRetryAfter('1.5', 0)).toBeUndefined();
  });

  it('reads the three forms of an HTTP-date, and nothing else that looks like a date', () => {
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 0)).toBe(10_000);
    expect(parseRetryAfter('Thursday, 01-Jan-70 00:00:10 GMT', 0)).toBe(10_000);
    expect(parseRetryAfter('Thu Jan  1 00:00:10 1970', 0)).toBe(10_000 + new Date(0).getTimezoneOffset() * 60_000);
    expect(parseRetryAfter('1970-01-01T00:00:10Z', 0)).toBeUndefined();
    expect(parseRetryAfter('12/31/2099', 0)).toBeUndefined();
    expect(parseRetryAfter('Jan 01 1970 00:00:10 GMT (Thu)', 0)).toBeUndefined();
  });
});
