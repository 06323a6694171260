import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type TlsOptions } from '../../../src/http/client.js';
import { KeylessError } from '../../../src/errors.js';
import { makeTestCa, type Issued, type TestCa } from '../../fakes/test-ca.js';

// A request's own CA and client certificate, straight to a server that requires mutual TLS and through an
// HTTPS_PROXY tunnel, whose agent opens the TLS connection with its options, not the request's.

let ca: TestCa;
let server: Issued;
let client: Issued;
beforeAll(async () => {
  ca = await makeTestCa();
  [server, client] = await Promise.all([ca.server(['vault.test']), ca.client('ci')]);
});

const open: Server[] = [];
const saved = { ...process.env };
afterEach(async () => {
  for (const key of ['HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy']) {
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
    const tls = { ca: ca.cert, cert: client.cert, key: client.key };
    expect((await get(`https://127.0.0.1:${port}/v1/sys/health`, tls)).status).toBe(200);
    const targets: string[] = [];
    process.env.HTTPS_PROXY = `http://127.0.0.1:${String(await proxy(targets))}`;
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    expect((await get(`https://vault.test:${port}/v1/sys/health`, tls)).status).toBe(200);
    expect(targets).toEqual([`vault.test:${port}`]);
    // Through the tunnel as directly: without the CA the server is not trusted.
    const refused = await get(`https://vault.test:${port}/v1/sys/health`, { cert: client.cert, key: client.key }).catch((error: unknown) => error);
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
});
