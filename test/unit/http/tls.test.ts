import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type TlsOptions } from '../../../src/http/client.js';
import { KeylessError } from '../../../src/errors.js';
import { makeTestCa, type Issued, type TestCa } from '../../fakes/test-ca.js';

// A request's own CA and client certificate, straight to a server that requires mutual TLS and through an
// HTTPS_PROXY tunnel, whose agent opens the TLS connection with its options, not the request's.

let ca: TestCa;
let server: Issued;
let client_: Issued;
beforeAll(async () => {
  ca = await makeTestCa();
  [server, client_] = await Promise.all([ca.server(['vault.test']), ca.client('ci')]);
});

const open: Server[] = [];
const saved = { ...process.env };
afterEach(async () => {
  for (const key of ['HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy', 'NODE_TLS_REJECT_UNAUTHORIZED']) {
    if (saved[key] === undefined) Reflect.deleteProperty(process.env, key);
    else process.env[key] = saved[key];
  }
  await Promise.all(open.splice(0).map((s) => new Promise((resolve) => { s.closeAllConnections(); s.close(resolve); })));
});

async function listen(s: Server): Promise<number> {
  open.push(s);
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return (s.address() as AddressInfo).port;
}

/** An https server that answers only clients with a certificate the test CA signed. */
function mtlsServer(): Promise<number> {
  return listen(createHttpsServer({ key: server.key, cert: server.cert, ca: [ca.cert], requestCert: true, rejectUnauthorized: true }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  }));
}

/** A CONNECT proxy that tunnels any host to the loopback port asked for, recording the targets. */
async function proxy(targets: string[]): Promise<number> {
  const s = createHttpServer();
  s.on('connect', (req, socket) => {
    targets.push(req.url ?? '');
    const port = Number((req.url ?? '').split(':')[1]);
    const upstream = connect(port, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(socket).pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  return listen(s);
}

const http = createHttpClient({ maxAttempts: 1, sleep: () => Promise.resolve() });
const get = (url: string, tls?: TlsOptions) => http.request({ method: 'GET', url: new URL(url), what: 'Vault', ...(tls ? { tls } : {}) });

describe('TLS options of a request', () => {
  it('trusts the CA given and presents the client certificate, directly and through a proxy tunnel', async () => {
    const port = await mtlsServer();
    const tls = { ca: ca.cert, cert: client_.cert, key: client_.key };
    expect((await get(`https://127.0.0.1:${port}/v1/sys/health`, tls)).status).toBe(200);
    const targets: string[] = [];
    process.env.HTTPS_PROXY = `http://127.0.0.1:${String(await proxy(targets))}`;
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    expect((await get(`https://vault.test:${port}/v1/sys/health`, tls)).status).toBe(200);
    expect(targets).toEqual([`vault.test:${port}`]);
    // Through the tunnel as directly: without the CA the server is not trusted.
    const refused = await get(`https://vault.test:${port}/v1/sys/health`, { cert: client_.cert, key: client_.key }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(KeylessError);
    expect((refused as KeylessError).message).toMatch(/refused the TLS connection \((SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\)/);
  });

  it('does not retry a certificate that does not verify', async () => {
    const port = await mtlsServer();
    const waits: number[] = [];
    const retrying = createHttpClient({ maxAttempts: 4, sleep: (ms) => { waits.push(ms); return Promise.resolve(); } });
    const error = await retrying.request({ method: 'GET', url: new URL(`https://127.0.0.1:${port}/`), what: 'Vault' }).catch((e: unknown) => e);
    expect((error as KeylessError).code).toBe('HTTP_NETWORK');
    expect((error as KeylessError).hint).toContain('ca-certificate');
    expect(waits).toEqual([]);
  });

  // An earlier step can export it through GITHUB_ENV; the runner blocks only NODE_OPTIONS. Node would then
  // accept any certificate, and a post step would report "revoked" to whoever answered.
  it('checks certificates even when NODE_TLS_REJECT_UNAUTHORIZED=0, directly and through a proxy tunnel', async () => {
    const port = await mtlsServer();
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    const client = { cert: client_.cert, key: client_.key };
    const direct = await get(`https://127.0.0.1:${port}/v1/sys/health`, client).catch((error: unknown) => error);
    expect((direct as KeylessError).message).toMatch(/refused the TLS connection/);
    process.env.HTTPS_PROXY = `http://127.0.0.1:${String(await proxy([]))}`;
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    const tunnelled = await get(`https://vault.test:${port}/v1/sys/health`, client).catch((error: unknown) => error);
    expect((tunnelled as KeylessError).message).toMatch(/refused the TLS connection/);
  });
});

describe('a proxy that never answers CONNECT', () => {
  /** HTTPS_PROXY pointed at a proxy that takes every CONNECT and never answers; the sockets it holds. */
  const silentProxy = async () => {
    const held: Socket[] = [];
    const silent = createHttpServer();
    silent.on('connect', (_req, socket: Socket) => { held.push(socket); });
    process.env.HTTPS_PROXY = `http://127.0.0.1:${String(await listen(silent))}`;
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    return held;
  };

  // The attempt has no socket while the tunnel waits for the CONNECT, and Node reports nothing for such a
  // request until one comes: the timeout must end the request itself, and the CONNECT with it, or the
  // promise never settles and the open connection keeps the step alive until the job's timeout.
  it('fails with HTTP_TIMEOUT after http-timeout and closes the CONNECT', async () => {
    const held = await silentProxy();
    const quick = createHttpClient({ maxAttempts: 1, timeoutMs: 200 });
    const error = await quick.request({ method: 'POST', url: new URL('https://sts.example.test/token'), what: 'token endpoint', body: 'x' }).catch((e: unknown) => e);
    expect((error as KeylessError).code).toBe('HTTP_TIMEOUT');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(held).toHaveLength(1);
    expect(held.every((socket) => socket.destroyed || socket.readableEnded)).toBe(true);
    for (const socket of held) socket.destroy();
  });

  it('gives the request up when the client is told to abandon it', async () => {
    const held = await silentProxy();
    const abandon = new AbortController();
    const client = createHttpClient({ maxAttempts: 1, timeoutMs: 60_000, abandon: abandon.signal });
    const pending = client.request({ method: 'GET', url: new URL('https://sts.example.test/'), what: 'token endpoint' }).catch((e: unknown) => e);
    setTimeout(() => { abandon.abort(new Error('told to stop (SIGTERM)')); }, 50);
    expect(((await pending) as Error).message).toBe('told to stop (SIGTERM)');
    for (const socket of held) socket.destroy();
  });
});
