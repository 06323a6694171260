export const id = 440;
export const ids = [440];
export const modules = {

/***/ 3243:
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
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/proxy.js
var lib_proxy = __webpack_require__(9783);
;// CONCATENATED MODULE: ./src/http/proxy.ts

/**
 * The proxy agent for `url` when HTTPS_PROXY/HTTP_PROXY apply (NO_PROXY and loopback bypass them), else
 * undefined. The http client is imported only then: it loads undici eagerly, which costs a proxy-less
 * run ~100 ms of start-up for nothing.
 */
async function proxyAgentFor(url, tls = {}) {
    const proxy = (0,lib_proxy/* getProxyUrl */.s)(url);
    if (proxy === undefined || proxy.hostname === '')
        return undefined;
    const { HttpClient } = await __webpack_require__.e(/* import() */ 779).then(__webpack_require__.bind(__webpack_require__, 2779));
    const agent = new HttpClient('keyless').getAgent(url.href);
    // The tunnel agent opens the TLS connection to the server with its own options, never the request's:
    // a private CA or a client certificate must be on the agent, which is this request's alone.
    if (url.protocol === 'https:' && Object.keys(tls).length > 0)
        agent.options = { ...agent.options, ...tls };
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
    const agent = await proxyAgentFor(req.url, req.tls);
    const send = await transport(req.url);
    const deadline = req.deadlineMs === undefined ? undefined : options.now() + req.deadlineMs;
    const maxBytes = req.maxBytes ?? options.maxBytes;
    for (let attempt = 1;; attempt++) {
        const timeoutMs = deadline === undefined ? options.timeoutMs : deadline - options.now();
        // No attempt starts, and no wait ends, past the deadline.
        const last = (waitMs) => attempt >= options.maxAttempts || (deadline !== undefined && options.now() + waitMs >= deadline);
        let waitMs;
        try {
            const response = await attemptOnce(req, { ...options, timeoutMs, maxBytes }, agent, send);
            const retryAfter = (0,retry/* parseRetryAfter */.mu)(headerValue(response.headers['retry-after']), options.now());
            const retryable = ((0,retry/* isRetryableStatus */.PS)(response.status) || req.retryOn?.(response) === true) && (req.idempotent !== false || retryAfter !== undefined);
            waitMs = retryAfter ?? (0,retry/* backoffMs */.jo)(attempt - 1, options.backoffBaseMs, options.backoffCapMs, options.random);
            if (last(waitMs) || !retryable || (retryAfter ?? 0) > options.maxRetryAfterMs)
                return { ...response, attempts: attempt };
        }
        catch (error) {
            waitMs = (0,retry/* backoffMs */.jo)(attempt - 1, options.backoffBaseMs, options.backoffCapMs, options.random);
            if (last(waitMs) || !isRetryableError(error, req))
                throw withAttempts(error, attempt);
        }
        await options.sleep(waitMs);
    }
}
function isRetryableError(error, req) {
    if (!(error instanceof errors/* KeylessError */.FM))
        return false;
    if (error.code === 'HTTP_TOO_LARGE' || isTlsRefusal(error.cause))
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
function attemptOnce(req, options, agent, send) {
    return new Promise((resolve, reject) => {
        const headers = { 'user-agent': options.userAgent, ...req.headers };
        if (req.body !== undefined)
            headers['content-length'] = String(Buffer.byteLength(req.body));
        const where = `${req.what} ${req.url.origin}${req.url.pathname}`;
        const tls = req.url.protocol === 'https:' ? (req.tls ?? {}) : {};
        const outgoing = send(req.url, { method: req.method, headers, ...(agent ? { agent } : {}), ...tls });
        // One timer for the whole attempt: a server that sends headers and then stalls mid-body is as stuck
        // as one that never answers.
        const timer = setTimeout(() => {
            outgoing.destroy(new errors/* KeylessError */.FM('HTTP_TIMEOUT', `${where} did not answer within ${options.timeoutMs} ms`, {
                hint: 'check that the endpoint is reachable from the runner, or raise http-timeout',
            }));
        }, options.timeoutMs);
        const fail = (error) => {
            clearTimeout(timer);
            reject(asNetworkError(error, where, req.url.protocol === 'https:' && req.tls !== undefined));
        };
        outgoing.on('error', fail);
        outgoing.on('response', (res) => {
            const ok = res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300;
            (req.saveTo !== undefined && ok ? saveBody(res, req.saveTo, options.maxBytes, where) : readBody(res, options.maxBytes, where)).then((bytes) => {
                clearTimeout(timer);
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
        res.on('data', (chunk) => {
            size += chunk.length;
            if (size > maxBytes) {
                reject(tooLarge(where, maxBytes));
                res.destroy();
                return;
            }
            chunks.push(chunk);
        });
        res.on('end', () => {
            resolve(Buffer.concat(chunks));
        });
        res.on('error', (error) => { reject(cutOff(where, error)); });
        res.on('close', () => {
            if (!res.complete)
                reject(cutOff(where));
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
        throw cutOff(where, error);
    }
    if (!res.complete)
        throw cutOff(where);
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
function asNetworkError(error, where, privateTls = false) {
    if (error instanceof errors/* KeylessError */.FM)
        return error;
    const code = error.code;
    const reason = code ?? (error instanceof Error ? error.message : 'unknown error');
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

/***/ 608:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ retryBusy)
/* harmony export */ });
/* unused harmony export removeOptions */
// On Windows a file another process holds open — an antivirus scan, the search indexer, an SDK reading
// the token file Keyless is replacing — cannot be renamed over, removed or opened for a while: the call
// fails with EPERM, EBUSY or EACCES and succeeds moments later. Elsewhere those codes mean what they say
// (a permission, a mount point), so there they are never retried.
const TRANSIENT_ON_WINDOWS = new Set(['EPERM', 'EBUSY', 'EACCES']);
/** Attempts in all; with the pauses below, under a second before the error stands. */
const TRIES = 5;
const PAUSE_MS = 50;
/**
 * Runs a synchronous file operation, retrying it with a short, growing pause while Windows reports the
 * file busy. Only for operations that are all-or-nothing when they fail this way (a rename, a removal,
 * an exclusive open): a retry must not repeat half of an earlier attempt.
 *
 * @example
 * retryBusy(() => renameSync(temp, file));
 */
function retryBusy(operation, options = {}) {
    const { platform = process.platform, tries = TRIES, pause = sleep } = options;
    for (let attempt = 1;; attempt++) {
        try {
            return operation();
        }
        catch (error) {
            const code = error?.code;
            if (attempt >= tries || platform !== 'win32' || code === undefined || !TRANSIENT_ON_WINDOWS.has(code))
                throw error;
            pause(PAUSE_MS * attempt);
        }
    }
}
/**
 * Options for `rmSync` of a file or folder Keyless made: Node's own retries (EBUSY, EPERM, ENOTEMPTY…,
 * with a growing pause) on Windows, none elsewhere. Node applies them only with `recursive: true`.
 */
function removeOptions(platform = process.platform) {
    return { recursive: true, force: true, maxRetries: platform === 'win32' ? TRIES - 1 : 0, retryDelay: PAUSE_MS };
}
/** Node lets the main thread block on Atomics.wait: a pause without a busy loop, for synchronous code. */
function sleep(ms) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}


/***/ }),

/***/ 6186:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kb: () => (/* binding */ toPosixPath),
/* harmony export */   nx: () => (/* binding */ inside)
/* harmony export */ });
/* unused harmony export repoPath */
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
function repoPath(root, file, flavour = path) {
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

/***/ 9783:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ getProxyUrl)
/* harmony export */ });
/* unused harmony export checkBypass */
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map

/***/ })

};
