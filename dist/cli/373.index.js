"use strict";
exports.id = 373;
exports.ids = [373];
exports.modules = {

/***/ 2357:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  uT: () => (/* binding */ createHttpClient),
  Z: () => (/* binding */ headerValue)
});

// UNUSED EXPORTS: defaultHttpOptions

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/http/network-error.ts

// What a failed connection becomes: a KeylessError that says which refusal it was and what to do.
/**
 * A TLS handshake the server or this client refused: a certificate that does not verify, or a server that
 * wants a client certificate. Trying again cannot change the answer, so it is not retried.
 */
function isTlsRefusal(error) {
    const code = error?.code;
    return typeof code === 'string' && TLS_REFUSAL.test(code);
}
const TLS_REFUSAL = /^(ERR_SSL_|ERR_TLS_CERT|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED|SELF_SIGNED_CERT)/;
function tlsHint(code) {
    if (/ALERT_(CERTIFICATE_REQUIRED|HANDSHAKE_FAILURE|BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_UNKNOWN)/.test(code)) {
        return 'the server refused the TLS handshake: it probably requires a client certificate it trusts (Vault: client-certificate and client-key)';
    }
    return "the server's TLS certificate did not verify: if a private CA signed it, give that CA to the entry (Vault: ca-certificate) or to Node in the job's NODE_EXTRA_CA_CERTS; check that the URL's host name is the one in the certificate";
}
/** `privateTls`: the request carried its own CA or client certificate, so a reset may be a refused certificate. */
function asNetworkError(error, where, privateTls) {
    if (error instanceof errors/* KeylessError */.FM)
        return error;
    const code = error.code;
    const reason = code ?? (error instanceof Error ? error.message : String(error));
    if (code !== undefined && isTlsRefusal(error)) {
        return new errors/* KeylessError */.FM('HTTP_NETWORK', `${where} refused the TLS connection (${code})`, { hint: tlsHint(code), cause: error });
    }
    // Under TLS 1.3 a server checks the client certificate after the client thinks the handshake is done:
    // its refusal often reaches the client as a bare reset.
    if (code === 'ECONNRESET' && privateTls) {
        return new errors/* KeylessError */.FM('HTTP_NETWORK', `${where} closed the connection (ECONNRESET)`, {
            hint: 'a server that requires mutual TLS resets the connection when it does not trust the client certificate: give one its CA signed (Vault: client-certificate and client-key); else check the network and any proxy',
            cause: error,
        });
    }
    return new errors/* KeylessError */.FM('HTTP_NETWORK', `${where} could not be reached (${reason})`, {
        hint: 'check the URL, DNS and any proxy (HTTPS_PROXY/NO_PROXY) between the runner and the endpoint',
        cause: error,
    });
}

;// CONCATENATED MODULE: ./src/http/proxy.ts
/** The variables getProxyUrl reads: with none of them set there is no proxy, and its module is not loaded. */
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
/**
 * The proxy agent for `url` when HTTPS_PROXY/HTTP_PROXY apply (NO_PROXY and loopback bypass them), else
 * undefined. The http client is imported only then: it loads undici eagerly, which costs a proxy-less
 * run ~100 ms of start-up for nothing.
 */
async function proxyAgentFor(url, tls = {}, connect) {
    if (!PROXY_VARIABLES.some((name) => process.env[name]))
        return undefined;
    const { getProxyUrl } = await __webpack_require__.e(/* import() */ 783).then(__webpack_require__.bind(__webpack_require__, 9783));
    const proxy = getProxyUrl(url);
    if (proxy === undefined || proxy.hostname === '')
        return undefined;
    const { HttpClient } = await __webpack_require__.e(/* import() */ 779).then(__webpack_require__.bind(__webpack_require__, 2779));
    const agent = new HttpClient('keyless').getAgent(url.href);
    // The tunnel agent opens the TLS connection to the server with its own options, never the request's:
    // a private CA, a client certificate and the certificate check must be on the agent, which is this
    // request's alone.
    if (url.protocol === 'https:')
        agent.options = { ...agent.options, ...tls, rejectUnauthorized: true };
    // The tunnel agent sends its CONNECT with these options and gives it no timeout of its own: with the
    // signal, the attempt that gives up ends the CONNECT too (tunnel then fails the request, once).
    if (connect !== undefined && agent.proxyOptions !== undefined)
        agent.proxyOptions = { ...agent.proxyOptions, signal: connect };
    return agent;
}

// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __webpack_require__(8902);
// EXTERNAL MODULE: ./src/http/url.ts
var url = __webpack_require__(6697);
;// CONCATENATED MODULE: ./src/http/client.ts








const defaultHttpOptions = {
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
function createHttpClient(overrides = {}) {
    const options = { ...defaultHttpOptions, ...overrides };
    return { request: (req) => requestWithRetries(req, options) };
}
async function requestWithRetries(req, options) {
    (0,url/* assertSecure */.EO)(req.url, req.what);
    const send = await transport(req.url);
    const deadline = req.deadlineMs === undefined ? undefined : options.now() + req.deadlineMs;
    const maxBytes = req.maxBytes ?? options.maxBytes;
    // A revocation is what a stop wants done: neither signal holds it back (its own timeout bounds it),
    // except on a client that only cleans up, whose signals are the stops of the cleanup itself.
    const { signal: stopping, abandon } = req.undo === true && options.stopsUndo !== true ? {} : options;
    for (let attempt = 1;; attempt++) {
        stopping?.throwIfAborted();
        const timeoutMs = deadline === undefined ? options.timeoutMs : deadline - options.now();
        // No attempt starts, and no wait ends, past the deadline.
        const last = (waitMs) => attempt >= options.maxAttempts || (deadline !== undefined && options.now() + waitMs >= deadline);
        let waitMs;
        try {
            // An agent for each attempt, and a way to end the proxy's CONNECT with it (see attemptOnce).
            const connect = new AbortController();
            const agent = await proxyAgentFor(req.url, req.tls, connect.signal);
            const response = await attemptOnce(req, { ...options, timeoutMs, maxBytes, abandon }, { agent, connect }, send);
            const retryAfter = (0,retry/* parseRetryAfter */.mu)(headerValue(response.headers['retry-after']), options.now());
            const retryable = ((0,retry/* isRetryableStatus */.PS)(response.status) || req.retryOn?.(response) === true) && (req.idempotent !== false || retryAfter !== undefined);
            waitMs = retryAfter ?? (0,retry/* backoffMs */.jo)(attempt - 1, options.backoffBaseMs, options.backoffCapMs, options.random);
            if (last(waitMs) || !retryable || (retryAfter ?? 0) > options.maxRetryAfterMs)
                return { ...response, attempts: attempt };
        }
        catch (error) {
            throwIfStopped(stopping, abandon);
            waitMs = (0,retry/* backoffMs */.jo)(attempt - 1, options.backoffBaseMs, options.backoffCapMs, options.random);
            if (last(waitMs) || !isRetryableError(error, req))
                throw withAttempts(error, attempt);
        }
        await pause(waitMs, options.sleep, stopping);
    }
}
/** A request that failed after a stop failed because of it: the stop's reason, not a network error, is the outcome. */
function throwIfStopped(...signals) {
    for (const signal of signals)
        signal?.throwIfAborted();
}
/** The wait before a retry, cut short by the client's signal (its listener removed after, or retries would pile them up). */
async function pause(ms, sleep, signal) {
    if (signal === undefined)
        return sleep(ms);
    let stop = () => { };
    const stopped = new Promise((_resolve, reject) => {
        stop = () => reject(signal.reason);
        signal.addEventListener('abort', stop, { once: true });
    });
    try {
        await Promise.race([sleep(ms), stopped]);
    }
    finally {
        signal.removeEventListener('abort', stop);
    }
}
function isRetryableError(error, req) {
    // Not a KeylessError: Node refused the request before sending it (a header with a line break), which no retry fixes.
    if (!(error instanceof errors/* KeylessError */.FM) || isTlsRefusal(error.cause))
        return false;
    if (req.idempotent === false)
        return error.cause?.code === 'ECONNREFUSED';
    return error.code === 'HTTP_NETWORK' || error.code === 'HTTP_TIMEOUT';
}
function withAttempts(error, attempts) {
    if (!(error instanceof errors/* KeylessError */.FM) || attempts === 1)
        return error;
    error.message = `${error.message} (after ${attempts} attempts)`;
    return error;
}
/** Loads only the module the scheme needs: TLS costs start-up that a loopback call never uses. */
async function transport(url) {
    return url.protocol === 'https:' ? (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23))).request : (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7067, 23))).request;
}
function attemptOnce(req, options, via, send) {
    return new Promise((resolve, reject) => {
        const headers = { 'user-agent': options.userAgent, ...req.headers };
        if (req.body !== undefined)
            headers['content-length'] = String(Buffer.byteLength(req.body));
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
        const fail = (error) => {
            settle();
            reject(asNetworkError(error, where, req.url.protocol === 'https:' && req.tls !== undefined));
        };
        // Rejects at once rather than wait for the request's 'error': a request still waiting for a proxy's
        // CONNECT has no socket, and Node emits nothing for it until one comes, which may be never. Ending the
        // CONNECT closes that connection too, so it cannot keep the process alive.
        const giveUp = (error) => {
            via.connect.abort(error);
            outgoing.destroy(error instanceof Error ? error : undefined);
            fail(error);
        };
        // One timer for the whole attempt: a server that sends headers and then stalls mid-body is as stuck
        // as one that never answers.
        const timer = setTimeout(() => {
            giveUp(new errors/* KeylessError */.FM('HTTP_TIMEOUT', `${where} did not answer within ${options.timeoutMs} ms`, { hint: 'check that the endpoint is reachable from the runner, or raise http-timeout' }));
        }, options.timeoutMs);
        const abandoned = () => { giveUp(options.abandon?.reason); };
        if (options.abandon?.aborted === true)
            abandoned();
        else
            options.abandon?.addEventListener('abort', abandoned, { once: true });
        outgoing.on('error', fail);
        outgoing.on('response', (res) => {
            const ok = Math.trunc((res.statusCode ?? 0) / 100) === 2;
            (req.saveTo !== undefined && ok ? saveBody(res, req.saveTo, options.maxBytes, where) : readBody(res, options.maxBytes, where)).then((bytes) => {
                settle();
                resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString('utf8'), bytes });
            }, (error) => {
                outgoing.destroy();
                fail(error);
            });
        });
        outgoing.end(req.body);
    });
}
/**
 * Reads the whole body or rejects: a connection closed before the body is complete is a network error,
 * never a short success, and never a promise left pending (Node would exit 0 with the work undone).
 */
function readBody(res, maxBytes, where) {
    return new Promise((resolve, reject) => {
        const declared = Number(res.headers['content-length'] ?? Number.NaN);
        if (declared > maxBytes) {
            reject(tooLarge(where, maxBytes));
            return;
        }
        const chunks = [];
        let size = 0;
        // Over the cap, the caller destroys the request, which ends this stream.
        res.on('data', (chunk) => {
            size += chunk.length;
            if (size > maxBytes)
                reject(tooLarge(where, maxBytes));
            else
                chunks.push(chunk);
        });
        // An error, or a close before the end (ERR_STREAM_PREMATURE_CLOSE): either way the body is incomplete.
        (0,external_node_stream_.finished)(res, (error) => {
            if (error)
                reject(cutOff(where, error));
            else
                resolve(Buffer.concat(chunks));
        });
    });
}
/** Streams the body into a file under the same cap and cut-off rules as `readBody`. */
async function saveBody(res, path, maxBytes, where) {
    if (Number(res.headers['content-length'] ?? Number.NaN) > maxBytes)
        throw tooLarge(where, maxBytes);
    let size = 0;
    const cap = new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            size += chunk.length;
            done(size > maxBytes ? tooLarge(where, maxBytes) : null, chunk);
        },
    });
    try {
        await (0,promises_.pipeline)(res, cap, (0,external_node_fs_.createWriteStream)(path, { mode: 0o600 }));
    }
    catch (error) {
        if (error instanceof errors/* KeylessError */.FM)
            throw error;
        // pipeline rejects a source closed before its end as well (ERR_STREAM_PREMATURE_CLOSE).
        throw cutOff(where, error);
    }
    return Buffer.alloc(0);
}
function cutOff(where, cause) {
    return new errors/* KeylessError */.FM('HTTP_NETWORK', `${where} closed the connection mid-response`, {
        hint: 'the endpoint or a proxy dropped the connection; re-run the job, and check the proxy if it repeats',
        cause,
    });
}
function tooLarge(where, maxBytes) {
    return new errors/* KeylessError */.FM('HTTP_TOO_LARGE', `${where} sent a response larger than ${maxBytes} bytes`, {
        hint: 'the endpoint is not a token service, or is misbehaving; check the URL',
    });
}
function headerValue(value) {
    return Array.isArray(value) ? value[0] : value;
}


/***/ }),

/***/ 2868:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   J9: () => (/* binding */ jsonBody),
/* harmony export */   Tn: () => (/* binding */ serverText),
/* harmony export */   il: () => (/* binding */ parseLoose)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** The body as JSON, or a clear error when the server sent something else (an HTML login page, a proxy error). */
function jsonBody(response, what) {
    const type = response.headers['content-type'] ?? '';
    if (!/^application\/(([\w.+-]+\+)?json\b|x-amz-json-1\.[01]\b)/i.test(type)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('HTTP_BAD_RESPONSE', `${what} answered HTTP ${response.status} with ${type === '' ? 'no content type' : type}, not JSON`, { hint: 'the URL probably points at a web page or a proxy, not at the token service' });
    }
    try {
        return JSON.parse(response.body);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('HTTP_BAD_RESPONSE', `${what} answered HTTP ${response.status} with malformed JSON`, {
            hint: 'the service is misbehaving; try again, or report it to its operator',
            cause: error,
        });
    }
}
/** JSON.parse that answers undefined instead of throwing: for error bodies, which may be anything. */
function parseLoose(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Printable text from a server field: bounded, single-line, so a hostile body cannot flood the log. */
function serverText(value, max = 300) {
    if (typeof value !== 'string' || value === '')
        return undefined;
    const flat = value.replace(/[\r\n\t]+/g, ' ').replace(/[^\x20-\x7e\u00a0-\uffff]/g, '');
    return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}


/***/ }),

/***/ 8902:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PS: () => (/* binding */ isRetryableStatus),
/* harmony export */   jo: () => (/* binding */ backoffMs),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/** Statuses worth another attempt: the server says it is overloaded or broken, not that we are wrong. */
function isRetryableStatus(status) {
    return status === 408 || status === 429 || status >= 500;
}
/**
 * `Retry-After` as milliseconds (delta-seconds or an HTTP date), or undefined when absent or unreadable.
 */
function parseRetryAfter(value, now) {
    if (value === undefined)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    // An HTTP-date starts with the day's name in each of its three forms (RFC 9110 §5.6.7); Date.parse alone
    // would read almost anything as some date ("1.5" is January 2001).
    if (!/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)/.test(trimmed))
        return undefined;
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** Full-jitter exponential backoff: a random wait in [0, min(cap, base·2^attempt)). */
function backoffMs(attempt, baseMs, capMs, random) {
    return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}


/***/ }),

/***/ 6697:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bk: () => (/* binding */ parseEndpoint),
/* harmony export */   EO: () => (/* binding */ assertSecure),
/* harmony export */   U9: () => (/* binding */ isLoopback)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
function isLoopback(url) {
    return LOOPBACK.test(url.hostname);
}
/**
 * Parses a user- or server-supplied endpoint and refuses anything but https, except plain http on
 * loopback (local fakes, a sidecar STS). `what` names the endpoint in the error.
 */
function parseEndpoint(value, what) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('INPUT_INVALID', `${what} "${value}" is not an absolute URL`, {
            hint: 'use the form https://host/path',
        });
    }
    assertSecure(url, what);
    return url;
}
function assertSecure(url, what) {
    if (url.protocol === 'https:')
        return;
    if (url.protocol === 'http:' && isLoopback(url))
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('HTTP_INSECURE_URL', `${what} ${url.origin} is not https`, {
        hint: 'credentials travel only over https; plain http is allowed on loopback (127.0.0.1, ::1, localhost) only',
    });
}


/***/ }),

/***/ 6186:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kb: () => (/* binding */ toPosixPath),
/* harmony export */   nx: () => (/* binding */ inside),
/* harmony export */   qN: () => (/* binding */ repoPath)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

/**
 * `file` with `/` between its parts. Only a Windows path separates with `\`: on every other OS a
 * backslash is a character of a file's name, and stays.
 *
 * @example
 * toPosixPath('D:\\a\\repo\\.github\\workflows\\ci.yml', path.win32) // 'D:/a/repo/.github/workflows/ci.yml'
 * toPosixPath('\\\\server\\share\\x.yml', path.win32)                // '//server/share/x.yml'
 */
function toPosixPath(file, flavour = (node_path__WEBPACK_IMPORTED_MODULE_0___default())) {
    return flavour.sep === '\\' ? file.replaceAll('\\', '/') : file;
}
/**
 * `file` as GitHub names a file of the repository checked out at `root`: relative to it, `/`-separated.
 * A file outside `root` keeps the `../` or absolute form `relative` gives it, so it is never passed off
 * as a file of the repository.
 *
 * @example
 * repoPath('D:\\a\\repo', 'D:\\a\\repo\\.github\\workflows\\ci.yml', path.win32) // '.github/workflows/ci.yml'
 */
function repoPath(root, file, flavour = (node_path__WEBPACK_IMPORTED_MODULE_0___default())) {
    return toPosixPath(flavour.relative(root, file), flavour);
}
/**
 * `child` relative to `parent` (in native form, `''` when they are the same folder) when it lies inside
 * `parent`, else undefined. Lexical only: resolve links first where they matter. On Windows the
 * comparison ignores case, and a path on another drive or share is outside.
 */
function inside(parent, child, flavour = (node_path__WEBPACK_IMPORTED_MODULE_0___default())) {
    const rel = flavour.relative(parent, child);
    // `..x` is a name inside; only `..` as a whole first part climbs out.
    if (rel === '..' || rel.startsWith(`..${flavour.sep}`) || flavour.isAbsolute(rel))
        return undefined;
    return rel;
}


/***/ }),

/***/ 7837:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ readRegularFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


/**
 * The bytes of a file from a place others can write to, refusing what is not a regular file of at most
 * `maxBytes`: a FIFO (opened non-blocking, so it cannot hang the step), a device such as /dev/zero, a
 * directory. The checks apply to what was opened, not to what the path named a moment before. Links are
 * followed: Kubernetes projects its token files as a link into a folder it swaps atomically on rotation.
 */
function readRegularFile(path, limits) {
    const shown = limits.shown ?? path;
    let fd;
    try {
        // Windows has no O_NOFOLLOW: undefined, which `|` takes as 0.
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK | (limits.noFollow === true ? node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW : 0));
    }
    catch (error) {
        throw unreadable(shown, error, limits.unreadableHint);
    }
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!stat.isFile())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .KeylessError */ .FM('INPUT_INVALID', `${shown} is not a regular file`, { hint: limits.hint });
        if (stat.size > limits.maxBytes)
            throw tooLarge(shown, limits);
        return readAtMost(fd, stat.size, shown, limits);
    }
    catch (error) {
        throw error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .KeylessError */ .FM ? error : unreadable(shown, error, limits.unreadableHint);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/**
 * Never more than maxBytes + 1 bytes: a file may have grown since fstat, and a regular file of size 0 may
 * have no end a read would reach (/proc/self/pagemap spans the address space), which readFileSync would
 * read whole while the event loop, and every signal handler, waits. The first read asks for the size fstat
 * gave, plus one byte that shows whether the file grew.
 */
function readAtMost(fd, size, shown, limits) {
    const chunks = [];
    let length = 0;
    let want = size + 1;
    while (length <= limits.maxBytes) {
        const chunk = Buffer.allocUnsafe(Math.min(want, limits.maxBytes + 1 - length));
        const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, chunk, 0, chunk.length, null);
        if (n === 0)
            break;
        chunks.push(chunk.subarray(0, n));
        length += n;
        want = 64 * 1024;
    }
    if (length > limits.maxBytes)
        throw tooLarge(shown, limits);
    return Buffer.concat(chunks, length);
}
function unreadable(shown, error, hint) {
    const reason = error.code ?? (error instanceof Error ? error.message : String(error));
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .KeylessError */ .FM('INPUT_INVALID', `cannot read ${shown} (${reason})`, { hint, cause: error });
}
function tooLarge(shown, limits) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .KeylessError */ .FM('INPUT_TOO_LARGE', `${shown} is larger than ${limits.maxBytes} bytes`, { hint: limits.hint });
}


/***/ })

};
;