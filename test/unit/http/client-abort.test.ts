import { getEventListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpRequest } from '../../../src/http/client.js';

// A client given a signal (keyless exec's, aborted at the first stop signal) gives up at once: a request a
// server holds open, a wait before a retry, and any attempt after, each rejecting with the signal's reason.

const open: Server[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => new Promise((resolve) => { s.closeAllConnections(); s.close(resolve); })));
});

async function serve(answer: (requests: number, res: import('node:http').ServerResponse) => void): Promise<{ url: URL; requests: () => number }> {
  let requests = 0;
  const server = createServer((_req, res) => answer(++requests, res));
  open.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/token`), requests: () => requests };
}

const get = (url: URL): HttpRequest => ({ method: 'GET', url, what: 'test' });
const stopped = new Error('told to stop (SIGTERM)');

describe('a client with a signal', () => {
  it('abandons a request the server holds open the moment the signal aborts', async () => {
    const server = await serve(() => {}); // never answers
    const stop = new AbortController();
    const http = createHttpClient({ timeoutMs: 600_000, signal: stop.signal });
    const pending = http.request(get(server.url));
    while (server.requests() === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    stop.abort(stopped);
    await expect(pending).rejects.toBe(stopped);
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
});
