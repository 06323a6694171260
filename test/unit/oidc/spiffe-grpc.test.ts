import { mkdtempSync } from 'node:fs';
import http2 from 'node:http2';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import { KeylessError } from '../../../src/errors.js';
import { parseWorkloadEndpoint } from '../../../src/oidc/spiffe/endpoint.js';
import { frame, unaryCall, unframe } from '../../../src/oidc/spiffe/grpc.js';
import { fetchJwtSvid } from '../../../src/oidc/spiffe/workload-api.js';
import { type SpiffeWorkloadApiFake, startSpiffeWorkloadApi, WORKLOAD_ID } from '../../fakes/spiffe-workload-api.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const socketPath = () => join(mkdtempSync(join(tmpdir(), 'keyless-grpc-')), 's.sock');

/** A bare HTTP/2 server on a unix socket that answers every stream as `answer` says: framing faults a real gRPC server never makes. */
async function rawServer(answer: (stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders) => void): Promise<{ path: string; seen: http2.IncomingHttpHeaders[] }> {
  const path = socketPath();
  const seen: http2.IncomingHttpHeaders[] = [];
  const server = http2.createServer();
  server.on('stream', (stream, headers) => {
    seen.push(headers);
    stream.on('error', () => {});
    answer(stream, headers);
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  closers.push(() => new Promise<void>((resolve) => { server.close(() => { resolve(); }); }));
  return { path, seen };
}

const call = (path: string, overrides: Partial<Parameters<typeof unaryCall>[0]> = {}) =>
  unaryCall({ connect: () => connect({ path }), path: '/S/M', message: Uint8Array.from([1, 2]), timeoutMs: 2000, maxMessageBytes: 64, what: 'the test server', ...overrides });

const codeOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(KeylessError);
  return (error as KeylessError).code;
};

const ok = (stream: http2.ServerHttp2Stream, body: Buffer, trailers: Record<string, string> = { 'grpc-status': '0' }) => {
  stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
  stream.on('wantTrailers', () => { stream.sendTrailers(trailers); });
  stream.end(body);
};

describe('unaryCall framing', () => {
  it('sends one length-prefixed message with the gRPC headers and returns the one it gets', async () => {
    const server = await rawServer((stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => { ok(stream, frame(Buffer.concat(chunks).subarray(5).reverse())); });
    });
    const result = await call(server.path, { metadata: { 'workload.spiffe.io': 'true' } });
    expect(result).toEqual({ status: 0, statusMessage: '', message: Buffer.from([2, 1]) });
    expect(server.seen[0]).toMatchObject({ ':method': 'POST', ':path': '/S/M', 'content-type': 'application/grpc', te: 'trailers', 'workload.spiffe.io': 'true', 'grpc-timeout': '2000m' });
  });

  it('returns a non-OK status with its percent-decoded message, from a trailers-only answer', async () => {
    const server = await rawServer((stream) => {
      stream.respond({ ':status': 200, 'content-type': 'application/grpc', 'grpc-status': '7', 'grpc-message': 'no%20identity%20issued%3A%20%E2%9C%97' }, { endStream: true });
    });
    expect(await call(server.path)).toEqual({ status: 7, statusMessage: 'no identity issued: ✗' });
  });

  it.each([
    ['a message larger than the cap, refused from its frame header', (s: http2.ServerHttp2Stream) => { ok(s, Buffer.concat([Buffer.from([0, 0, 0, 1, 0]), Buffer.alloc(300)])); }, 'HTTP_TOO_LARGE'],
    ['a compressed message nobody offered to decode', (s: http2.ServerHttp2Stream) => { ok(s, Buffer.from([1, 0, 0, 0, 1, 9])); }, 'HTTP_BAD_RESPONSE'],
    ['a message shorter than its frame says', (s: http2.ServerHttp2Stream) => { ok(s, Buffer.from([0, 0, 0, 0, 9, 1, 2])); }, 'HTTP_BAD_RESPONSE'],
    ['a frame header cut short', (s: http2.ServerHttp2Stream) => { ok(s, Buffer.from([0, 0, 0])); }, 'HTTP_BAD_RESPONSE'],
    ['two messages in a unary answer', (s: http2.ServerHttp2Stream) => { ok(s, Buffer.concat([frame(Buffer.from([1])), frame(Buffer.from([2]))])); }, 'HTTP_BAD_RESPONSE'],
    ['OK with no message at all', (s: http2.ServerHttp2Stream) => { ok(s, Buffer.alloc(0)); }, 'HTTP_BAD_RESPONSE'],
    ['no grpc-status', (s: http2.ServerHttp2Stream) => { ok(s, frame(Buffer.from([1])), { 'x-other': '1' }); }, 'HTTP_BAD_RESPONSE'],
    ['a grpc-status that is no number', (s: http2.ServerHttp2Stream) => { ok(s, frame(Buffer.from([1])), { 'grpc-status': 'OK' }); }, 'HTTP_BAD_RESPONSE'],
    ['an HTTP error that is not gRPC', (s: http2.ServerHttp2Stream) => { s.respond({ ':status': 404, 'content-type': 'text/plain' }); s.end('not found'); }, 'HTTP_BAD_RESPONSE'],
    ['HTTP 200 of another content type', (s: http2.ServerHttp2Stream) => { s.respond({ ':status': 200, 'content-type': 'application/grpc-web' }); s.end(); }, 'HTTP_BAD_RESPONSE'],
    ['a stream reset before any answer', (s: http2.ServerHttp2Stream) => { s.close(http2.constants.NGHTTP2_INTERNAL_ERROR); }, 'HTTP_NETWORK'],
  ])('refuses %s', async (_name, answer, code) => {
    const server = await rawServer(answer);
    expect(await codeOf(call(server.path))).toBe(code);
  });

  it('gives up on a server that never answers, at its deadline', async () => {
    const server = await rawServer(() => {});
    const started = Date.now();
    expect(await codeOf(call(server.path, { timeoutMs: 200 }))).toBe('HTTP_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('says the socket cannot be reached when nothing listens there', async () => {
    const error = await call(socketPath()).catch((e: unknown) => e);
    expect((error as KeylessError).code).toBe('HTTP_NETWORK');
    expect((error as KeylessError).message).toContain('ENOENT');
  });

  it('unframe refuses what frame did not make, and undoes what it did', () => {
    expect([...unframe(frame(Uint8Array.from([7, 8])), 'x')]).toEqual([7, 8]);
    expect(() => unframe(Buffer.alloc(0), 'x')).toThrow(/no message/);
  });
});

describe('parseWorkloadEndpoint', () => {
  it.each([
    ['unix:///run/spire/agent.sock', { kind: 'unix', path: '/run/spire/agent.sock' }],
    ['unix:/tmp/agent.sock', { kind: 'unix', path: '/tmp/agent.sock' }],
    ['tcp://127.0.0.1:8081', { kind: 'tcp', host: '127.0.0.1', port: 8081 }],
    ['tcp://[::1]:8081', { kind: 'tcp', host: '::1', port: 8081 }],
  ])('reads %s', (address, expected) => {
    expect(parseWorkloadEndpoint(address, 'x')).toEqual(expected);
  });

  it.each(['/run/spire/agent.sock', 'unix://host/agent.sock', 'unix:///', 'tcp://spire-agent:8081', 'tcp://127.0.0.1', 'tcp://127.0.0.1:8081/path', 'unix:///a.sock?x=1', 'http://127.0.0.1:8081', 'npipe:spire'])('refuses %s', (address) => {
    expect(() => parseWorkloadEndpoint(address, 'SPIFFE_ENDPOINT_SOCKET')).toThrow(/SPIFFE_ENDPOINT_SOCKET .*expected unix:/);
  });
});

describe('fetchJwtSvid against @grpc/grpc-js', () => {
  let fake: SpiffeWorkloadApiFake;
  const masked: string[] = [];
  const fetch = (options: Partial<Parameters<typeof fetchJwtSvid>[0]> = {}) =>
    fetchJwtSvid({ socket: fake.endpoint, socketFrom: 'SPIFFE_ENDPOINT_SOCKET', audience: 'https://sts.example.com', mask: (s) => masked.push(s), now: Date.now, timeoutMs: 5000, ...options });
  const start = async () => {
    fake = await startSpiffeWorkloadApi();
    closers.push(() => fake.close());
    masked.length = 0;
  };

  it('fetches and masks a JWT-SVID for the audience, with the security header', async () => {
    await start();
    const token = await fetch();
    expect(token.jwt).toBe(fake.issued[0]);
    expect(masked).toEqual([token.jwt]);
    expect(token.claims).toMatchObject({ sub: WORKLOAD_ID, aud: ['https://sts.example.com'], iss: fake.issuer });
    expect(fake.requests).toEqual([{ audience: ['https://sts.example.com'], spiffeId: '', securityHeader: ['true'] }]);
  });

  it('asks for a given SPIFFE ID, and says PermissionDenied means no registration entry', async () => {
    await start();
    await fetch({ spiffeId: WORKLOAD_ID });
    expect(fake.requests[0]?.spiffeId).toBe(WORKLOAD_ID);
    const error = (await fetch({ spiffeId: 'spiffe://example.org/other' }).catch((e: unknown) => e)) as KeylessError;
    expect(error.code).toBe('OIDC_PERMISSION_MISSING');
    expect(error.message).toContain('gRPC status 7: no identity issued');
    expect(error.hint).toContain('registration entry');
  });

  it.each([
    [{ kind: 'status', code: status.UNAVAILABLE, message: 'agent is not ready' } as const, 'HTTP_NETWORK'],
    [{ kind: 'status', code: status.INTERNAL, message: 'boom' } as const, 'OIDC_REQUEST_FAILED'],
    [{ kind: 'no-svids' } as const, 'OIDC_REQUEST_FAILED'],
    [{ kind: 'audience', audience: 'https://elsewhere.example.com' } as const, 'OIDC_REQUEST_FAILED'],
    [{ kind: 'mislabelled' } as const, 'HTTP_BAD_RESPONSE'],
  ])('refuses %j with %s, masking any SVID it got first', async (fault, code) => {
    await start();
    fake.faults.push(fault);
    expect(await codeOf(fetch())).toBe(code);
    expect(fake.issued.every((svid) => masked.includes(svid))).toBe(true);
  });

  it('needs an address to call', async () => {
    const error = (await fetchJwtSvid({ socket: undefined, socketFrom: 'SPIFFE_ENDPOINT_SOCKET', audience: 'a', mask: () => {}, now: Date.now }).catch((e: unknown) => e)) as KeylessError;
    expect(error.code).toBe('OIDC_REQUEST_FAILED');
    expect(error.message).toContain('SPIFFE_ENDPOINT_SOCKET is not set');
  });
});
