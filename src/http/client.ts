import { createWriteStream } from 'node:fs';
import type { Agent, ClientRequest, IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { RequestOptions } from 'node:https';
import { finished, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { KeylessError } from '../errors.js';
import { asNetworkError, isTlsRefusal } from './network-error.js';
import { proxyAgentFor } from './proxy.js';
import { backoffMs, isRetryableStatus, parseRetryAfter } from './retry.js';
import { assertSecure } from './url.js';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: URL;
  /** Names the endpoint in errors, e.g. `token endpoint`. */
  what: string;
  headers?: Record<string, string>;
  body?: string;
  /**
   * False for a request that must not reach the server twice (a single-use assertion): it is then retried
   * only when the connection was refused, which proves the server never saw it.
   */
  idempotent?: boolean;
  /** A provider's own "try again" signal beyond 408/429/5xx (AWS throttles with HTTP 400 `Throttling`). */
  retryOn?: (response: Omit<HttpResponse, 'attempts'>) => boolean;
  /** This request's size cap, instead of the client's (a tool download). */
  maxBytes?: number;
  /**
   * A deadline for the whole request, every attempt and wait included; each attempt may use all that
   * remains instead of the client's per-attempt timeout (a large download legitimately takes long).
   */
  deadlineMs?: number;
  /** A 2xx body streams into this file (truncated first) instead of memory; `body` and `bytes` are then empty. */
  saveTo?: string;
  /** How to trust the server and prove this client to it (a private CA, mutual TLS); https only. */
  tls?: TlsOptions;
  /** It revokes what this run minted: the client's `signal` and `abandon` never hold it back. */
  undo?: boolean;
}

/**
 * PEM text as Node's TLS takes it. `ca` replaces the public roots for this request: a service behind a
 * private CA is trusted through that CA alone. `cert` and `key` are the client certificate (mutual TLS).
 */
export interface TlsOptions {
  ca?: string;
  cert?: string;
  key?: string;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as UTF-8 text, and as the bytes that arrived (for binary bodies). */
  body: string;
  bytes: Buffer;
  /** How many attempts it took, for the audit record and the bench. */
  attempts: number;
}

export interface HttpClient {
  /** Resolves with the final response of any status; rejects only when no usable response arrived. */
  request(req: HttpRequest): Promise<HttpResponse>;
}

export interface HttpOptions {
  timeoutMs: number;
  maxAttempts: number;
  maxBytes: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** A Retry-After longer than this is not waited for: the step would stall rather than fail clearly. */
  maxRetryAfterMs: number;
  userAgent: string;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
  /**
   * Once aborted, no attempt starts (but an `undo`) and no wait before a retry goes on, rejecting with the
   * signal's reason: `keyless exec` told to stop while it mints must not sit out retries before it revokes.
   */
  signal?: AbortSignal | undefined;
  /**
   * Once aborted, the requests still waiting for their answer are given up too. Between the two a request the
   * server may already have acted on can still bring its answer (a credential to record and revoke).
   */
  abandon?: AbortSignal | undefined;
  /** This client only cleans up (`keyless exec` after COMMAND): `signal` and `abandon` hold back `undo` requests too. */
  stopsUndo?: boolean;
}

export const defaultHttpOptions: HttpOptions = {
  timeoutMs: 15_000,
  maxAttempts: 4,
  maxBytes: 1024 * 1024,
  backoffBaseMs: 250,
  backoffCapMs: 5_000,
  maxRetryAfterMs: 30_000,
  userAgent: 'keyless',
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: Date.now,
};

export function createHttpClient(overrides: Partial<HttpOptions> = {}): HttpClient {
  const options = { ...defaultHttpOptions, ...overrides };
  return { request: (req) => requestWithRetries(req, options) };
}

async function requestWithRetries(req: HttpRequest, options: HttpOptions): Promise<HttpResponse> {
  assertSecure(req.url, req.what);
  const send = await transport(req.url);
  const deadline = req.deadlineMs === undefined ? undefined : options.now() + req.deadlineMs;
  const maxBytes = req.maxBytes ?? options.maxBytes;
  // A revocation is what a stop wants done: neither signal holds it back (its own timeout bounds it),
  // except on a client that only cleans up, whose signals are the stops of the cleanup itself.
  const { signal: stopping, abandon } = req.undo === true && options.stopsUndo !== true ? {} : options;
  for (let attempt = 1; ; attempt++) {
    stopping?.throwIfAborted();
    const timeoutMs = deadline === undefined ? options.timeoutMs : deadline - options.now();
    // No attempt starts, and no wait ends, past the deadline.
    const last = (waitMs: number) => attempt >= options.maxAttempts || (deadline !== undefined && options.now() + waitMs >= deadline);
    let waitMs: number;
    try {
      // An agent for each attempt, and a way to end the proxy's CONNECT with it (see attemptOnce).
      const connect = new AbortController();
      const agent = await proxyAgentFor(req.url, req.tls, connect.signal);
      const response = await attemptOnce(req, { ...options, timeoutMs, maxBytes, abandon }, { agent, connect }, send);
      const retryAfter = parseRetryAfter(headerValue(response.headers['retry-after']), options.now());
      const retryable =
        (isRetryableStatus(response.status) || req.retryOn?.(response) === true) && (req.idempotent !== false || retryAfter !== undefined);
      waitMs = retryAfter ?? backoffMs(attempt - 1, options.backoffBaseMs, options.backoffCapMs, options.random);
      if (last(waitMs) || !retryable || (retryAfter ?? 0) > options.maxRetryAfterMs) return { ...response, attempts: attempt };
    } catch (error) {
      throwIfStopped(stopping, abandon);
      waitMs = backoffMs(attempt - 1, options.backoffBaseMs, options.backoffCapMs, options.random);
      if (last(waitMs) || !isRetryableError(error, req)) throw withAttempts(error, attempt);
    }
    await pause(waitMs, options.sleep, stopping);
  }
}

/** A request that failed after a stop failed because of it: the stop's reason, not a network error, is the outcome. */
function throwIfStopped(...signals: (AbortSignal | undefined)[]): void {
  for (const signal of signals) signal?.throwIfAborted();
}

/** The wait before a retry, cut short by the client's signal (its listener removed after, or retries would pile them up). */
async function pause(ms: number, sleep: HttpOptions['sleep'], signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return sleep(ms);
  let stop = () => {};
  const stopped = new Promise<never>((_resolve, reject) => {
    stop = () => reject(signal.reason as Error);
    signal.addEventListener('abort', stop, { once: true });
  });
  try {
    await Promise.race([sleep(ms), stopped]);
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

function isRetryableError(error: unknown, req: HttpRequest): boolean {
  // Not a KeylessError: Node refused the request before sending it (a header with a line break), which no retry fixes.
  if (!(error instanceof KeylessError) || isTlsRefusal(error.cause)) return false;
  if (req.idempotent === false) return (error.cause as NodeJS.ErrnoException | undefined)?.code === 'ECONNREFUSED';
  return error.code === 'HTTP_NETWORK' || error.code === 'HTTP_TIMEOUT';
}

function withAttempts(error: unknown, attempts: number): unknown {
  if (!(error instanceof KeylessError) || attempts === 1) return error;
  error.message = `${error.message} (after ${attempts} attempts)`;
  return error;
}

type Attempt = Omit<HttpResponse, 'attempts'>;
type Send = (url: URL, options: RequestOptions) => ClientRequest;

/** Loads only the module the scheme needs: TLS costs start-up that a loopback call never uses. */
async function transport(url: URL): Promise<Send> {
  return url.protocol === 'https:' ? (await import('node:https')).request : (await import('node:http')).request;
}

function attemptOnce(req: HttpRequest, options: HttpOptions, via: { agent: Agent | undefined; connect: AbortController }, send: Send): Promise<Attempt> {
  return new Promise<Attempt>((resolve, reject) => {
    const headers: Record<string, string> = { 'user-agent': options.userAgent, ...req.headers };
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    const where = `${req.what} ${req.url.origin}${req.url.pathname}`;
    // node:http ignores TLS options, so they need no scheme check. Certificates are always checked: an
    // earlier step can export NODE_TLS_REJECT_UNAUTHORIZED=0, which would otherwise turn that off.
    const outgoing = send(req.url, { method: req.method, headers, ...(via.agent ? { agent: via.agent } : {}), ...req.tls, rejectUnauthorized: true });
    // Settled either way, the attempt leaves nothing behind: a listener left on the client's signal would
    // hold this request, and a later stop would act on it.
    const settle = () => {
      clearTimeout(timer);
      options.abandon?.removeEventListener('abort', abandoned);
    };
    const fail = (error: unknown) => {
      settle();
      reject(asNetworkError(error, where, req.url.protocol === 'https:' && req.tls !== undefined));
    };
    // Rejects at once rather than wait for the request's 'error': a request still waiting for a proxy's
    // CONNECT has no socket, and Node emits nothing for it until one comes, which may be never. Ending the
    // CONNECT closes that connection too, so it cannot keep the process alive.
    const giveUp = (error: unknown) => {
      via.connect.abort(error);
      outgoing.destroy(error instanceof Error ? error : undefined);
      fail(error);
    };
    // One timer for the whole attempt: a server that sends headers and then stalls mid-body is as stuck
    // as one that never answers.
    const timer = setTimeout(() => {
      giveUp(new KeylessError('HTTP_TIMEOUT', `${where} did not answer within ${options.timeoutMs} ms`, { hint: 'check that the endpoint is reachable from the runner, or raise http-timeout' }));
    }, options.timeoutMs);
    const abandoned = () => { giveUp(options.abandon?.reason); };
    if (options.abandon?.aborted === true) abandoned();
    else options.abandon?.addEventListener('abort', abandoned, { once: true });
    outgoing.on('error', fail);
    outgoing.on('response', (res) => {
      const ok = Math.trunc((res.statusCode ?? 0) / 100) === 2;
      (req.saveTo !== undefined && ok ? saveBody(res, req.saveTo, options.maxBytes, where) : readBody(res, options.maxBytes, where)).then(
        (bytes) => {
          settle();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString('utf8'), bytes });
        },
        (error: unknown) => {
          outgoing.destroy();
          fail(error);
        },
      );
    });
    outgoing.end(req.body);
  });
}

/**
 * Reads the whole body or rejects: a connection closed before the body is complete is a network error,
 * never a short success, and never a promise left pending (Node would exit 0 with the work undone).
 */
function readBody(res: IncomingMessage, maxBytes: number, where: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(res.headers['content-length'] ?? Number.NaN);
    if (declared > maxBytes) {
      reject(tooLarge(where, maxBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    // Over the cap, the caller destroys the request, which ends this stream.
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) reject(tooLarge(where, maxBytes));
      else chunks.push(chunk);
    });
    // An error, or a close before the end (ERR_STREAM_PREMATURE_CLOSE): either way the body is incomplete.
    finished(res, (error) => {
      if (error) reject(cutOff(where, error));
      else resolve(Buffer.concat(chunks));
    });
  });
}

/** Streams the body into a file under the same cap and cut-off rules as `readBody`. */
async function saveBody(res: IncomingMessage, path: string, maxBytes: number, where: string): Promise<Buffer> {
  if (Number(res.headers['content-length'] ?? Number.NaN) > maxBytes) throw tooLarge(where, maxBytes);
  let size = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(size > maxBytes ? tooLarge(where, maxBytes) : null, chunk);
    },
  });
  try {
    await pipeline(res, cap, createWriteStream(path, { mode: 0o600 }));
  } catch (error) {
    if (error instanceof KeylessError) throw error;
    // pipeline rejects a source closed before its end as well (ERR_STREAM_PREMATURE_CLOSE).
    throw cutOff(where, error);
  }
  return Buffer.alloc(0);
}

function cutOff(where: string, cause?: unknown): KeylessError {
  return new KeylessError('HTTP_NETWORK', `${where} closed the connection mid-response`, {
    hint: 'the endpoint or a proxy dropped the connection; re-run the job, and check the proxy if it repeats',
    cause,
  });
}

function tooLarge(where: string, maxBytes: number): KeylessError {
  return new KeylessError('HTTP_TOO_LARGE', `${where} sent a response larger than ${maxBytes} bytes`, {
    hint: 'the endpoint is not a token service, or is misbehaving; check the URL',
  });
}

export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
