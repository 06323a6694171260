"use strict";
exports.id = 38;
exports.ids = [38];
exports.modules = {

/***/ 6038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fetchJwtSvid: () => (/* binding */ fetchJwtSvid)
});

// UNUSED EXPORTS: FETCH_JWT_SVID, SECURITY_HEADER

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(4649);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/http/json.ts
var json = __webpack_require__(2868);
// EXTERNAL MODULE: ./src/oidc/jwt-value.ts
var jwt_value = __webpack_require__(6500);
// EXTERNAL MODULE: ./src/oidc/spiffe/endpoint.ts
var spiffe_endpoint = __webpack_require__(126);
// EXTERNAL MODULE: external "node:http2"
var external_node_http2_ = __webpack_require__(2467);
var external_node_http2_default = /*#__PURE__*/__webpack_require__.n(external_node_http2_);
;// CONCATENATED MODULE: ./src/oidc/spiffe/grpc.ts


// A unary gRPC call over HTTP/2, per gRPC's PROTOCOL-HTTP2.md: one length-prefixed message each way, the
// outcome in the `grpc-status` trailer (or in the headers of a trailers-only answer). Only what the
// Workload API needs: no compression, no streaming, no retries (the caller decides).
/** gRPC status codes Keyless tells apart (grpc/doc/statuscodes.md). */
const GRPC = { OK: 0, INVALID_ARGUMENT: 3, DEADLINE_EXCEEDED: 4, NOT_FOUND: 5, PERMISSION_DENIED: 7, UNAVAILABLE: 14, UNIMPLEMENTED: 12 };
/**
 * Makes the call and resolves with its status: transport and framing failures are thrown as KeylessErrors
 * (HTTP_NETWORK, HTTP_TIMEOUT, HTTP_TOO_LARGE, HTTP_BAD_RESPONSE), a non-OK status is returned for the
 * caller to explain. The connection is closed either way, so a finished call never keeps Node alive.
 */
function unaryCall(call) {
    return new Promise((resolve, reject) => {
        let settled = false;
        const session = external_node_http2_default().connect('http://localhost', { createConnection: () => call.connect() });
        const finish = (outcome) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            session.destroy();
            try {
                resolve(outcome());
            }
            catch (error) {
                reject(error instanceof Error ? error : new Error(String(error)));
            }
        };
        const fail = (error) => { finish(() => { throw error; }); };
        const timer = setTimeout(() => { fail(new errors/* KeylessError */.FM('HTTP_TIMEOUT', `${call.what} did not answer within ${call.timeoutMs} ms`, { hint: 'check that the agent is running and healthy' })); }, call.timeoutMs);
        session.on('error', (error) => {
            fail(new errors/* KeylessError */.FM('HTTP_NETWORK', `${call.what} cannot be reached (${error.code ?? error.message})`, { hint: 'check that the agent is running and that its socket is mounted into the job', cause: error }));
        });
        const stream = session.request({
            ':method': 'POST',
            ':path': call.path,
            'content-type': 'application/grpc',
            te: 'trailers',
            'grpc-timeout': `${call.timeoutMs}m`,
            ...call.metadata,
        });
        stream.on('error', (error) => {
            // A session that failed (no socket there) cancels its streams first: let its error, which says why, win.
            setImmediate(() => { fail(new errors/* KeylessError */.FM('HTTP_NETWORK', `${call.what} broke off the call (${error.code ?? error.message})`, { cause: error })); });
        });
        let head = {};
        let trailers = {};
        const chunks = [];
        let received = 0;
        stream.on('response', (headers) => {
            head = headers;
            // Checked before any body is read: an HTTP error page is not a frame whose length could be believed.
            if (head[':status'] !== 200 || !isGrpc(head['content-type']))
                finish(() => outcomeOf(call, head, {}, Buffer.alloc(0)));
        });
        stream.on('trailers', (headers) => { trailers = headers; });
        stream.on('data', (chunk) => {
            chunks.push(chunk);
            received += chunk.length;
            if (chunks.length > 1 && received >= 5 && chunks[0] !== undefined && chunks[0].length < 5)
                chunks.splice(0, chunks.length, Buffer.concat(chunks));
            const declared = (chunks[0]?.length ?? 0) >= 5 ? chunks[0].readUInt32BE(1) : 0;
            if (declared > call.maxMessageBytes || received > call.maxMessageBytes + 5) {
                fail(new errors/* KeylessError */.FM('HTTP_TOO_LARGE', `${call.what} answered with a message of more than ${call.maxMessageBytes} bytes`, { hint: 'the agent is misbehaving, or the socket is not a SPIFFE Workload API' }));
            }
        });
        stream.on('end', () => { finish(() => outcomeOf(call, head, trailers, Buffer.concat(chunks))); });
        // A reset stream or a session the server dropped closes without 'end': never a silent success.
        stream.on('close', () => { setImmediate(() => { fail(new errors/* KeylessError */.FM('HTTP_NETWORK', `${call.what} closed the call before answering`, { hint: 'the agent may have restarted; retry the job' })); }); });
        stream.end(grpc_frame(call.message));
    });
}
/** A gRPC message on the wire: an uncompressed flag, its length (4 bytes, big-endian), the bytes. */
function grpc_frame(message) {
    const header = Buffer.alloc(5);
    header.writeUInt32BE(message.length, 1);
    return Buffer.concat([header, message]);
}
/** The one message of a unary answer, refusing a compressed, truncated or second message. */
function unframe(body, what) {
    const bad = (why) => new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${what} sent a malformed gRPC answer: ${why}`, { hint: 'the socket may not be a SPIFFE Workload API, or the agent is misbehaving' });
    if (body.length < 5)
        throw bad(body.length === 0 ? 'no message' : 'a frame header cut short');
    if (body[0] !== 0)
        throw bad('a compressed message, though none was offered');
    const length = body.readUInt32BE(1);
    if (body.length < 5 + length)
        throw bad('a message cut short');
    if (body.length > 5 + length)
        throw bad('more than one message in a unary answer');
    return body.subarray(5);
}
function outcomeOf(call, head, trailers, body) {
    const status = head[':status'];
    const type = head['content-type'] ?? '';
    if (status !== 200 || !isGrpc(type)) {
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${call.what} answered HTTP ${String(status)}${type === '' ? '' : ` (${type.slice(0, 60)})`}, not a gRPC answer`, {
            hint: 'the address may not be a SPIFFE Workload API',
        });
    }
    // A trailers-only answer (an error before any message) carries the status in its headers.
    const grpcStatus = trailers['grpc-status'] ?? head['grpc-status'];
    const code = typeof grpcStatus === 'string' && /^\d{1,2}$/.test(grpcStatus) ? Number(grpcStatus) : undefined;
    if (code === undefined)
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${call.what} ended the call without a valid grpc-status`, { hint: 'the agent may have crashed mid-call; retry the job' });
    const raw = trailers['grpc-message'] ?? head['grpc-message'];
    const statusMessage = typeof raw === 'string' ? percentDecoded(raw) : '';
    if (code !== GRPC.OK)
        return { status: code, statusMessage };
    return { status: code, statusMessage, message: unframe(body, call.what) };
}
function isGrpc(type) {
    return /^application\/grpc(\+|;|$)/.test(type ?? '');
}
/** grpc-message is percent-encoded UTF-8; a malformed escape is kept as sent. */
function percentDecoded(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}

;// CONCATENATED MODULE: ./src/oidc/spiffe/protobuf.ts
// The few protobuf messages of the SPIFFE Workload API that Keyless speaks, by hand: two string fields
// out, three in. Wire format per protobuf's encoding guide; a generated codec would pull protobufjs
// (and its reflection) onto the start path of every run that asks for a JWT-SVID.
const LEN = 2;
const utf8 = new TextDecoder('utf-8', { fatal: true });
/** JWTSVIDRequest { repeated string audience = 1; string spiffe_id = 2; } */
function encodeJwtSvidRequest(audiences, spiffeId) {
    const parts = audiences.map((audience) => stringField(1, audience));
    // proto3 leaves a field at its default (empty) off the wire.
    if (spiffeId !== undefined && spiffeId !== '')
        parts.push(stringField(2, spiffeId));
    return Buffer.concat(parts);
}
/** JWTSVIDResponse { repeated JWTSVID svids = 1; } with JWTSVID { string spiffe_id = 1; string svid = 2; string hint = 3; } */
function decodeJwtSvidResponse(bytes) {
    return readFields(bytes)
        .filter(({ field }) => field === 1)
        .map(({ data }) => {
        const svid = { spiffeId: '', svid: '', hint: '' };
        for (const { field, data: value } of readFields(expectBytes(data, 'JWTSVIDResponse.svids'))) {
            // A later occurrence of a singular field wins, as in every protobuf parser.
            if (field === 1)
                svid.spiffeId = protobuf_text(value, 'JWTSVID.spiffe_id');
            else if (field === 2)
                svid.svid = protobuf_text(value, 'JWTSVID.svid');
            else if (field === 3)
                svid.hint = protobuf_text(value, 'JWTSVID.hint');
        }
        return svid;
    });
}
class ProtobufError extends Error {
    name = 'ProtobufError';
}
/** Every field of one message, length-delimited payloads sliced out, others skipped; refuses anything truncated or malformed. */
function readFields(bytes) {
    const fields = [];
    let at = 0;
    const varint = () => {
        let value = 0;
        for (let shift = 0; shift < 64; shift += 7) {
            if (at >= bytes.length)
                throw new ProtobufError('a varint runs past the end of the message');
            const byte = bytes[at++];
            // Beyond 2^53 a length or tag cannot be real; its low bits are all that matter for a skipped scalar.
            value += (byte & 0x7f) * 2 ** shift;
            if ((byte & 0x80) === 0)
                return value;
        }
        throw new ProtobufError('a varint is longer than 10 bytes');
    };
    const skip = (n) => {
        if (n > bytes.length - at)
            throw new ProtobufError('a field runs past the end of the message');
        at += n;
    };
    while (at < bytes.length) {
        const key = varint();
        const field = Math.floor(key / 8);
        const wire = key % 8;
        if (field === 0 || field > 0x1fffffff)
            throw new ProtobufError(`field number ${field} is not valid`);
        if (wire === LEN) {
            const length = varint();
            const start = at;
            skip(length);
            fields.push({ field, data: bytes.subarray(start, at) });
        }
        else if (wire === 0) {
            varint();
            fields.push({ field, data: undefined });
        }
        else if (wire === 1 || wire === 5) {
            skip(wire === 1 ? 8 : 4);
            fields.push({ field, data: undefined });
        }
        else {
            // 3 and 4 are the deprecated groups, 6 and 7 do not exist: none belongs in these messages.
            throw new ProtobufError(`wire type ${wire} (field ${field}) is not one these messages use`);
        }
    }
    return fields;
}
function expectBytes(data, name) {
    if (data === undefined)
        throw new ProtobufError(`${name} is not length-delimited`);
    return data;
}
function protobuf_text(data, name) {
    try {
        return utf8.decode(expectBytes(data, name));
    }
    catch (error) {
        if (error instanceof ProtobufError)
            throw error;
        throw new ProtobufError(`${name} is not valid UTF-8`);
    }
}
function stringField(field, value) {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([encodeVarint(field * 8 + LEN), encodeVarint(bytes.length), bytes]);
}
function encodeVarint(value) {
    const out = [];
    let rest = value;
    while (rest >= 0x80) {
        out.push((rest % 0x80) | 0x80);
        rest = Math.floor(rest / 0x80);
    }
    out.push(rest);
    return Uint8Array.from(out);
}

;// CONCATENATED MODULE: ./src/oidc/spiffe/workload-api.ts







/** The Workload API's gRPC method for JWT-SVIDs (SPIFFE workloadapi.proto; the service has no package). */
const FETCH_JWT_SVID = '/SpiffeWorkloadAPI/FetchJWTSVID';
/** Every Workload API call carries it; a server refuses a call without it (InvalidArgument). */
const SECURITY_HEADER = { 'workload.spiffe.io': 'true' };
/** An answer holds a few JWT-SVIDs of a few KB each. */
const MAX_ANSWER_BYTES = 256 * 1024;
const TIMEOUT_MS = 15_000;
/**
 * A JWT-SVID for `audience` from the SPIFFE Workload API, masked before it returns. The agent attests the
 * calling process itself (by its pid over the unix socket), so there is no credential to present.
 */
async function fetchJwtSvid(options) {
    if (options.socket === undefined || options.socket === '') {
        throw new errors/* KeylessError */.FM('OIDC_REQUEST_FAILED', 'SPIFFE_ENDPOINT_SOCKET is not set, so the SPIFFE Workload API cannot be found', {
            hint: "set SPIFFE_ENDPOINT_SOCKET (e.g. unix:///run/spire/agent.sock) in the job, or spiffe-socket on the entry",
        });
    }
    const endpoint = (0,spiffe_endpoint/* parseWorkloadEndpoint */.y)(options.socket, options.socketFrom);
    const what = `the SPIFFE Workload API at ${(0,spiffe_endpoint/* endpointText */.H)(endpoint)}`;
    const answer = await unaryCall({
        connect: () => (endpoint.kind === 'unix' ? (0,external_node_net_.connect)({ path: endpoint.path }) : (0,external_node_net_.connect)({ host: endpoint.host, port: endpoint.port })),
        path: FETCH_JWT_SVID,
        message: encodeJwtSvidRequest([options.audience], options.spiffeId),
        metadata: SECURITY_HEADER,
        timeoutMs: options.timeoutMs ?? TIMEOUT_MS,
        maxMessageBytes: MAX_ANSWER_BYTES,
        what,
    });
    if (answer.status !== GRPC.OK || answer.message === undefined)
        throw refusal(what, answer.status, answer.statusMessage, options);
    let svids;
    try {
        svids = decodeJwtSvidResponse(answer.message);
    }
    catch (error) {
        if (!(error instanceof ProtobufError))
            throw error;
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${what} sent a JWTSVIDResponse that does not parse: ${error.message}`, { hint: 'the agent is misbehaving, or the socket is not a SPIFFE Workload API', cause: error });
    }
    const chosen = options.spiffeId === undefined ? svids[0] : svids.find((svid) => svid.spiffeId === options.spiffeId);
    if (chosen === undefined || chosen.svid === '') {
        throw new errors/* KeylessError */.FM('OIDC_REQUEST_FAILED', `${what} returned no JWT-SVID${options.spiffeId === undefined ? '' : ` for ${options.spiffeId}`}`, {
            hint: 'check the registration entries for this workload (spire-server entry show)',
        });
    }
    const hint = 'check the JWT-SVID settings of the SPIRE server (issuer, key type)';
    const token = (0,jwt_value/* acceptJwt */.EW)(chosen.svid, { what: `the JWT-SVID from ${what}`, mask: options.mask, audience: options.audience, now: options.now, hint });
    // A JWT-SVID's subject is its SPIFFE ID (JWT-SVID spec §3): one that says otherwise is not what the agent labelled it.
    if (token.claims.sub !== chosen.spiffeId) {
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${what} labelled a JWT-SVID ${JSON.stringify((0,json/* serverText */.Tn)(chosen.spiffeId, 200) ?? '')} whose sub claim says otherwise`, { hint });
    }
    return token;
}
function refusal(what, status, said, options) {
    const detail = (0,json/* serverText */.Tn)(said, 300);
    const message = `${what} refused the JWT-SVID request (gRPC status ${status}${detail ? `: ${detail}` : ''})`;
    switch (status) {
        case GRPC.PERMISSION_DENIED:
            return new errors/* KeylessError */.FM('OIDC_PERMISSION_MISSING', message, {
                hint: `no registration entry matches this workload${options.spiffeId === undefined ? '' : ` for ${options.spiffeId}`}: add one whose selectors match the job's process (spire-server entry create)`,
            });
        case GRPC.UNAVAILABLE:
        case GRPC.DEADLINE_EXCEEDED:
            return new errors/* KeylessError */.FM('HTTP_NETWORK', message, { hint: 'the agent is not ready (still attesting, or cannot reach its server); retry the job' });
        case GRPC.UNIMPLEMENTED:
            return new errors/* KeylessError */.FM('OIDC_REQUEST_FAILED', message, { hint: 'the socket is not a SPIFFE Workload API that serves JWT-SVIDs' });
        default:
            return new errors/* KeylessError */.FM('OIDC_REQUEST_FAILED', message, { hint: 'see the agent\'s log for why it refused' });
    }
}


/***/ })

};
;