import { getEventListeners } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { createHttpClient, type HttpRequest } from '../../../src/http/client.js';

// keyless exec told to stop while it mints: its client starts no attempt and ends every wait for a retry at
// once (`signal`), lets a request already sent bring its answer (a credential the server issued is one to
// revoke), and gives such requests up only later (`abandon`). A revocation (`undo`) still goes out.

const open: Server[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => new Promise((resolve) => { s.closeAllConnections(); s.close(resolve); })));
});

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A loopback server answering with `answer` (or, once `handle` is called, with the handler it is given). */
async function serve(answer: (requests: number, res: ServerResponse) => void): Promise<{ url: URL; requests: () => number; handle: (h: Handler) => void }> {
  let requests = 0;
  let handler: Handler | undefined;
  const server = createServer((req, res) => {
    requests++;
    if (handler) handler(req, res);
    else answer(requests, res);
  });
  open.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/token`), requests: () => requests, handle: (h) => { handler = h; } };
}

const get = (url: URL): HttpRequest => ({ method: 'GET', url, what: 'test' });
const stopped = new Error('told to stop (SIGTERM)');

const arrived = async (requests: () => number, count = 1) => {
  while (requests() < count) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('a client told to stop', () => {
  it('lets a request already sent bring its answer: what the server issued is not lost', async () => {
    const server = await serve((_n, res) => { setTimeout(() => res.writeHead(200).end('{"access_token":"issued"}'), 100); });
    const stop = new AbortController();
    const http = createHttpClient({ timeoutMs: 600_000, signal: stop.signal, abandon: new AbortController().signal });
    const pending = http.request(get(server.url));
    await arrived(server.requests);
    stop.abort(stopped);
    expect((await pending).body).toBe('{"access_token":"issued"}');
    await expect(http.request(get(server.url))).rejects.toBe(stopped);
    expect(server.requests()).toBe(1);
  });

  it('gives up a request the server holds open once abandon aborts', async () => {
    const server = await serve(() => {}); // never answers
    const abandon = new AbortController();
    const http = createHttpClient({ timeoutMs: 600_000, abandon: abandon.signal });
    const pending = http.request(get(server.url));
    await arrived(server.requests);
    abandon.abort(stopped);
    await expect(pending).rejects.toBe(stopped);
    expect(server.requests()).toBe(1);
  });

  it('still sends a revocation (undo) after the stop', async () => {
    const server = await serve((_n, res) => { res.writeHead(204).end(); });
    const stop = new AbortController();
    stop.abort(stopped);
    const http = createHttpClient({ signal: stop.signal });
    expect((await http.request({ ...get(server.url), undo: true })).status).toBe(204);
    await expect(http.request(get(server.url))).rejects.toBe(stopped);
    expect(server.requests()).toBe(1);
  });

  it('abandons the wait before a retry, and starts no attempt after', async () => {
    const server = await serve((_n, res) => { res.writeHead(503).end(); });
    const stop = new AbortController();
    let waiting = () => {};
    const asleep = new Promise<void>((resolve) => { waiting = resolve; });
    const http = createHttpClient({ signal: stop.signal, maxAttempts: 4, sleep: () => { waiting(); return new Promise(() => {}); } });
    const pending = http.request(get(server.url));
    await asleep;
    stop.abort(stopped);
    await expect(pending).rejects.toBe(stopped);
    expect(server.requests()).toBe(1);
    await expect(http.request(get(server.url))).rejects.toBe(stopped);
    expect(server.requests()).toBe(1);
  });

  it('leaves no listener on the signal behind its waits', async () => {
    const server = await serve((n, res) => { res.writeHead(n % 4 === 0 ? 200 : 503).end('{}'); });
    const stop = new AbortController();
    const http = createHttpClient({ signal: stop.signal, maxAttempts: 4, sleep: () => Promise.resolve() });
    for (let i = 0; i < 5; i++) expect((await http.request(get(server.url))).status).toBe(200);
    expect(server.requests()).toBe(20);
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
  });

  it('leaves no listener on abandon behind a request that succeeded (keyless exec makes many)', async () => {
    const server = await serve((_n, res) => { res.writeHead(200).end('{}'); });
    const abandon = new AbortController();
    const http = createHttpClient({ abandon: abandon.signal });
    for (let i = 0; i < 12; i++) expect((await http.request(get(server.url))).status).toBe(200);
    expect(getEventListeners(abandon.signal, 'abort')).toHaveLength(0);
  });

  it('holds back a revocation (undo) too on a client that only cleans up (stopsUndo)', async () => {
    const server = await serve(() => undefined);
    const abandon = new AbortController();
    const cleanup = createHttpClient({ timeoutMs: 60_000, maxAttempts: 1, abandon: abandon.signal, stopsUndo: true });
    const pending = cleanup.request({ ...get(server.url), undo: true }).catch((e: unknown) => e);
    setTimeout(() => { abandon.abort(new Error('told to stop (SIGTERM)')); }, 50);
    expect(((await pending) as Error).message).toBe('told to stop (SIGTERM)');
  });
});

describe('vault told to stop while it reads secrets', () => {
  it('revokes the token it logged in with once the read is given up: the exchange returns nothing to revoke later', async () => {
    const seen: string[] = [];
    const server = await serve(() => {});
    server.handle((req, res) => {
      seen.push(req.url ?? '');
      if (req.url?.endsWith('/login')) res.writeHead(200, { 'content-type': 'application/json' }).end('{"auth":{"client_token":"hvs.minted-vault-token-value","lease_duration":600,"policies":["ci"]}}');
      else if (req.url?.includes('revoke-self')) res.writeHead(204).end();
      // the secret read hangs
    });
    const credentials = `- provider: vault\n  id: v\n  url: ${server.url.origin}\n  role: ci\n  secrets:\n    - path: kv/data/ci\n      key: password\n      name: DB_PASSWORD`;
    const [entry] = loadConfig({ credentials }, process.cwd(), { policyFile: false }).credentials;
    if (entry === undefined || entry.provider.derived) throw new Error('no vault entry');
    const stop = new AbortController();
    const abandon = new AbortController();
    const http = createHttpClient({ timeoutMs: 600_000, signal: stop.signal, abandon: abandon.signal });
    const pending = entry.provider.exchange(entry.config, { http, idToken: { jwt: 'a.b.c', claims: {} }, mask: () => {}, subject: 'vault "v"', env: {}, now: Date.now });
    while (!seen.some((url) => url.includes('kv/data'))) await new Promise((resolve) => setTimeout(resolve, 5));
    stop.abort(stopped);
    abandon.abort(stopped);
    await expect(pending).rejects.toBe(stopped);
    expect(seen.filter((url) => url.includes('revoke-self'))).toHaveLength(1);
  });
});
