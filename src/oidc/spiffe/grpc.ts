import http2 from 'node:http2';
import type { Duplex } from 'node:stream';
import { KeylessError } from '../../errors.js';

// A unary gRPC call over HTTP/2, per gRPC's PROTOCOL-HTTP2.md: one length-prefixed message each way, the
// outcome in the `grpc-status` trailer (or in the headers of a trailers-only answer). Only what the
// Workload API needs: no compression, no streaming, no retries (the caller decides).

/** gRPC status codes Keyless tells apart (grpc/doc/statuscodes.md). */
export const GRPC = { OK: 0, INVALID_ARGUMENT: 3, DEADLINE_EXCEEDED: 4, NOT_FOUND: 5, PERMISSION_DENIED: 7, UNAVAILABLE: 14, UNIMPLEMENTED: 12 } as const;

export interface UnaryCall {
  /** Opens the transport (a unix socket, a TCP connection). */
  connect(): Duplex;
  /** `/package.Service/Method`. */
  path: string;
  message: Uint8Array;
  /** Custom metadata, sent as headers. */
  metadata?: Readonly<Record<string, string>>;
  timeoutMs: number;
  /** The largest answer accepted; a larger one is refused as soon as its frame header says so. */
  maxMessageBytes: number;
  /** For messages: `the SPIFFE Workload API at unix:///…`. */
  what: string;
}

export interface UnaryResult {
  status: number;
  /** `grpc-message`, percent-decoded; outside text, for the caller to make inert. */
  statusMessage: string;
  /** The answer, present when status is OK. */
  message?: Uint8Array;
}

/**
 * Makes the call and resolves with its status: transport and framing failures are thrown as KeylessErrors
 * (HTTP_NETWORK, HTTP_TIMEOUT, HTTP_TOO_LARGE, HTTP_BAD_RESPONSE), a non-OK status is returned for the
 * caller to explain. The connection is closed either way, so a finished call never keeps Node alive.
 */
export function unaryCall(call: UnaryCall): Promise<UnaryResult> {
  return new Promise<UnaryResult>((resolve, reject) => {
    let settled = false;
    const session = http2.connect('http://localhost', { createConnection: () => call.connect() });
    const finish = (outcome: () => UnaryResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      session.destroy();
      try {
        resolve(outcome());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const fail = (error: KeylessError) => { finish(() => { throw error; }); };
    const timer = setTimeout(() => { fail(new KeylessError('HTTP_TIMEOUT', `${call.what} did not answer within ${call.timeoutMs} ms`, { hint: 'check that the agent is running and healthy' })); }, call.timeoutMs);
    session.on('error', (error: NodeJS.ErrnoException) => {
      fail(new KeylessError('HTTP_NETWORK', `${call.what} cannot be reached (${error.code ?? error.message})`, { hint: 'check that the agent is running and that its socket is mounted into the job', cause: error }));
    });
    const stream = session.request({
      ':method': 'POST',
      ':path': call.path,
      'content-type': 'application/grpc',
      te: 'trailers',
      'grpc-timeout': `${call.timeoutMs}m`,
      ...call.metadata,
    });
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // A session that failed (no socket there) cancels its streams first: let its error, which says why, win.
      setImmediate(() => { fail(new KeylessError('HTTP_NETWORK', `${call.what} broke off the call (${error.code ?? error.message})`, { cause: error })); });
    });
    let head: http2.IncomingHttpHeaders & http2.IncomingHttpStatusHeader = {};
    let trailers: http2.IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    let received = 0;
    stream.on('response', (headers) => {
      head = headers;
      // Checked before any body is read: an HTTP error page is not a frame whose length could be believed.
      if (head[':status'] !== 200 || !isGrpc(head['content-type'])) finish(() => outcomeOf(call, head, {}, Buffer.alloc(0)));
    });
    stream.on('trailers', (headers: http2.IncomingHttpHeaders) => { trailers = headers; });
    stream.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      if (chunks.length > 1 && received >= 5 && chunks[0] !== undefined && chunks[0].length < 5) chunks.splice(0, chunks.length, Buffer.concat(chunks));
      const declared = (chunks[0]?.length ?? 0) >= 5 ? (chunks[0] as Buffer).readUInt32BE(1) : 0;
      if (declared > call.maxMessageBytes || received > call.maxMessageBytes + 5) {
        fail(new KeylessError('HTTP_TOO_LARGE', `${call.what} answered with a message of more than ${call.maxMessageBytes} bytes`, { hint: 'the agent is misbehaving, or the socket is not a SPIFFE Workload API' }));
      }
    });
    stream.on('end', () => { finish(() => outcomeOf(call, head, trailers, Buffer.concat(chunks))); });
    // A reset stream or a session the server dropped closes without 'end': never a silent success.
    stream.on('close', () => { setImmediate(() => { fail(new KeylessError('HTTP_NETWORK', `${call.what} closed the call before answering`, { hint: 'the agent may have restarted; retry the job' })); }); });
    stream.end(frame(call.message));
  });
}

/** A gRPC message on the wire: an uncompressed flag, its length (4 bytes, big-endian), the bytes. */
export function frame(message: Uint8Array): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt32BE(message.length, 1);
  return Buffer.concat([header, message]);
}

/** The one message of a unary answer, refusing a compressed, truncated or second message. */
export function unframe(body: Buffer, what: string): Uint8Array {
  const bad = (why: string) => new KeylessError('HTTP_BAD_RESPONSE', `${what} sent a malformed gRPC answer: ${why}`, { hint: 'the socket may not be a SPIFFE Workload API, or the agent is misbehaving' });
  if (body.length < 5) throw bad(body.length === 0 ? 'no message' : 'a frame header cut short');
  if (body[0] !== 0) throw bad('a compressed message, though none was offered');
  const length = body.readUInt32BE(1);
  if (body.length < 5 + length) throw bad('a message cut short');
  if (body.length > 5 + length) throw bad('more than one message in a unary answer');
  return body.subarray(5);
}

function outcomeOf(call: UnaryCall, head: http2.IncomingHttpHeaders & http2.IncomingHttpStatusHeader, trailers: http2.IncomingHttpHeaders, body: Buffer): UnaryResult {
  const status = head[':status'];
  const type = head['content-type'] ?? '';
  if (status !== 200 || !isGrpc(type)) {
    throw new KeylessError('HTTP_BAD_RESPONSE', `${call.what} answered HTTP ${String(status)}${type === '' ? '' : ` (${type.slice(0, 60)})`}, not a gRPC answer`, {
      hint: 'the address may not be a SPIFFE Workload API',
    });
  }
  // A trailers-only answer (an error before any message) carries the status in its headers.
  const grpcStatus = trailers['grpc-status'] ?? head['grpc-status'];
  const code = typeof grpcStatus === 'string' && /^\d{1,2}$/.test(grpcStatus) ? Number(grpcStatus) : undefined;
  if (code === undefined) throw new KeylessError('HTTP_BAD_RESPONSE', `${call.what} ended the call without a valid grpc-status`, { hint: 'the agent may have crashed mid-call; retry the job' });
  const raw = trailers['grpc-message'] ?? head['grpc-message'];
  const statusMessage = typeof raw === 'string' ? percentDecoded(raw) : '';
  if (code !== GRPC.OK) return { status: code, statusMessage };
  return { status: code, statusMessage, message: unframe(body, call.what) };
}

function isGrpc(type: string | undefined): boolean {
  return /^application\/grpc(\+|;|$)/.test(type ?? '');
}

/** grpc-message is percent-encoded UTF-8; a malformed escape is kept as sent. */
function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
