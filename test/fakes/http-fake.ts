import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions as HttpsOptions } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  /**
   * When the request arrived and when its response ended, on the test process's clock (performance.now()),
   * so requests to different fakes compare: times relative to each fake's own start did not, by however long
   * starting the later fake took.
   */
  startedAt: number;
  endedAt?: number;
}

export type Route = (req: RecordedRequest, res: ServerResponse) => void | Promise<void>;

/** A whole answer as a route produced it, before it goes on the wire. */
export interface Answer {
  status: number;
  headers: OutgoingHttpHeaders;
  body: string;
}

/** Rewrites a route's answer (a hostile server: test/fakes/hostile.ts). */
export type ResponseFilter = (answer: Answer, req: RecordedRequest) => Answer;

export interface Fake {
  url: string;
  requests: RecordedRequest[];
  /** Requests that matched no route: a fake fails loudly on anything it was not built to expect. */
  unexpected: RecordedRequest[];
  /** Applied in order to every answer a route ends with one body; shared by every copy of the fake. */
  filters: ResponseFilter[];
  /** An https fake: each TLS handshake it refused, by the error's code (a client without a certificate). */
  tlsErrors: string[];
  close(): Promise<void>;
}

/**
 * How long every fake holds each request before answering it, in ms: loopback answers in microseconds,
 * a runner's token service and a cloud's STS in tens of milliseconds. Only the bench sets it
 * (BENCH_LATENCY_MS), to see how much of a step's own work hides behind the network it waits on.
 */
let answerDelayMs = 0;
export function delayAnswers(ms: number): void {
  answerDelayMs = ms;
}

/**
 * A framework-free HTTP server on 127.0.0.1:0. Routes are keyed `METHOD /path` (or `METHOD /prefix*`); every request is recorded
 * with its body, and one that matches no route gets a 404 and lands in `unexpected`.
 */
export async function startFake(routes: Record<string, Route>, tls?: HttpsOptions): Promise<Fake> {
  const requests: RecordedRequest[] = [];
  const unexpected: RecordedRequest[] = [];
  const filters: ResponseFilter[] = [];
  const tlsErrors: string[] = [];
  const listener: RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (answerDelayMs > 0) setTimeout(answer, answerDelayMs);
      else answer();
    });
    const answer = () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        startedAt: performance.now(),
      };
      requests.push(recorded);
      res.on('close', () => {
        recorded.endedAt = performance.now();
      });
      if (filters.length > 0) hold(res, (answer) => filters.reduce((a, filter) => filter(a, recorded), answer));
      const exact = `${recorded.method} ${recorded.path}`;
      // A key ending in * matches by prefix (paths that carry an id, like /compare/{a}...{b}).
      const route = routes[exact] ?? Object.entries(routes).find(([k]) => k.endsWith('*') && exact.startsWith(k.slice(0, -1)))?.[1];
      if (route === undefined) {
        unexpected.push(recorded);
        json(res, 404, { error: 'not_found', error_description: `fake has no route ${recorded.method} ${recorded.path}` });
        return;
      }
      Promise.resolve(route(recorded, res)).catch((error: unknown) => {
        json(res, 500, { error: 'fake_crashed', error_description: String(error) });
      });
    };
  };
  const server: Server = tls ? createHttpsServer(tls, listener) : createServer(listener);
  server.on('tlsClientError', (error: NodeJS.ErrnoException) => tlsErrors.push(error.code ?? error.message));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    unexpected,
    filters,
    tlsErrors,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => { resolve(); });
      }),
  };
}

/**
 * Holds back the head a route writes until it ends the response with its body, so a filter sees and may
 * rewrite status, headers and body together. A route that streams (`write`) is sent as written.
 */
function hold(res: ServerResponse, filter: (answer: Answer) => Answer): void {
  const writeHead = res.writeHead.bind(res) as (status: number, headers: OutgoingHttpHeaders) => ServerResponse;
  const write = res.write.bind(res);
  const end = res.end.bind(res) as (body?: unknown) => ServerResponse;
  let head: { status: number; headers: OutgoingHttpHeaders } | undefined;
  const flush = () => {
    if (head === undefined) return;
    writeHead(head.status, head.headers);
    head = undefined;
  };
  res.writeHead = (status: number, ...rest: unknown[]) => {
    const headers = rest.find((arg) => typeof arg === 'object') as OutgoingHttpHeaders | undefined;
    head = { status, headers: { ...headers } };
    return res;
  };
  res.write = ((...args: Parameters<typeof res.write>) => {
    flush();
    return write(...args);
  }) as typeof res.write;
  res.end = ((body?: string | Buffer | (() => void)) => {
    if (res.headersSent || typeof body === 'function') {
      flush();
      return end(body);
    }
    const held = head ?? { status: res.statusCode, headers: {} };
    head = undefined;
    const headers: OutgoingHttpHeaders = { ...res.getHeaders(), ...held.headers };
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    delete headers['content-length'];
    const text = body === undefined ? '' : Buffer.isBuffer(body) ? body.toString('utf8') : body;
    const answer = filter({ status: held.status, headers, body: text });
    writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
    return end(answer.body);
  }) as typeof res.end;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Faults any fake can inject into its next responses, to prove the client's handling of each. */
export type Fault =
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'delay'; ms: number }
  | { kind: 'hang' }
  | { kind: 'truncate' }
  | { kind: 'oversize'; bytes: number }
  | { kind: 'html' }
  | { kind: 'malformed-json' }
  /** Holds the request open, answering normally only once `until` settles; `onHeld` says it arrived. */
  | { kind: 'hold'; until: Promise<unknown>; onHeld: () => void };

/** A request held open: `held` resolves when it arrives, `release` lets the normal answer go. */
export interface Hold {
  fault: Fault;
  held: Promise<void>;
  release(): void;
}

/** A hold fault: a test learns the moment a client is waiting on this request, and acts before it is answered. */
export function holdOpen(): Hold {
  let arrived = () => {};
  let release = () => {};
  const held = new Promise<void>((resolve) => { arrived = resolve; });
  const until = new Promise<void>((resolve) => { release = resolve; });
  return { fault: { kind: 'hold', until, onHeld: arrived }, held, release };
}

/** The same fault for the next `count` requests. */
export function repeat(count: number, fault: Fault): Fault[] {
  return Array.from({ length: count }, () => fault);
}

/**
 * Every secret a fault's successful answer handed out (a test's own token in place of the fake's): the
 * fakes' `issued` lists never see these, so setup.ts scans for them from here. Cleared after each test.
 */
export const faultSecrets: string[] = [];

const SECRET_KEY = /^(?:access_token|refresh_token|id_token|client_token|token|accessKeyId|secretAccessKey|sessionToken|password|secret|value)$/i;

function collectSecrets(value: unknown, key = ''): void {
  if (typeof value === 'string') {
    if (SECRET_KEY.test(key) && value.length >= 8) faultSecrets.push(value);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) collectSecrets(v, Array.isArray(value) ? key : k);
  }
}

/**
 * Applies a fault; returns true when it answered (the route stops), false when the normal answer follows
 * (after a delay).
 */
export async function applyFault(fault: Fault | undefined, res: ServerResponse): Promise<boolean> {
  if (fault === undefined) return false;
  switch (fault.kind) {
    case 'status':
      if (fault.status < 300) collectSecrets(fault.body);
      json(res, fault.status, fault.body ?? {}, fault.headers);
      return true;
    case 'delay':
      await new Promise((resolve) => setTimeout(resolve, fault.ms));
      return false;
    case 'hang':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"access_token":');
      return true;
    case 'truncate':
      // Declares 200 bytes, sends 20, closes: the body is cut off mid-way.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
      // Cut only after the partial body is on the wire, so the client really sees a short body.
      res.write('{"access_token":"abc', () => setTimeout(() => res.socket?.destroy(), 20));
      return true;
    case 'oversize': {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"pad":"${'x'.repeat(fault.bytes)}"}`);
      return true;
    }
    case 'html':
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Sign in</body></html>');
      return true;
    case 'malformed-json':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"access_token": ');
      return true;
    case 'hold':
      fault.onHeld();
      await fault.until;
      return false;
  }
}
