export const id = 968;
export const ids = [968];
export const modules = {

/***/ 6968:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  refresh: () => (/* binding */ refresh)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/base64url.js
var base64url = __webpack_require__(1445);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/buffer_utils.js
var buffer_utils = __webpack_require__(7410);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/validate.js
var validate = __webpack_require__(7784);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/errors.js
var errors = __webpack_require__(5674);
;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/decode_jwt.js




function decodeJwt(jwt) {
  if (typeof jwt != "string")
    throw new errors/* JWTInvalid */.Dp("JWTs must use Compact JWS serialization, JWT must be a string");
  const { 1: encodedPayload, length } = jwt.split(".");
  if (length === 5)
    throw new errors/* JWTInvalid */.Dp("Only JWTs using Compact JWS serialization can be decoded");
  if (length !== 3)
    throw new errors/* JWTInvalid */.Dp("Invalid JWT");
  if (!encodedPayload)
    throw new errors/* JWTInvalid */.Dp("JWTs must contain a payload");
  let claimsSetBytes;
  try {
    claimsSetBytes = (0,base64url/* decode */.D)(encodedPayload);
  } catch (cause) {
    throw new errors/* JWTInvalid */.Dp("Failed to base64url decode the payload", { cause });
  }
  let claimsSet;
  try {
    claimsSet = JSON.parse(buffer_utils/* strictDecoder */.u8.decode(claimsSetBytes));
  } catch (cause) {
    throw new errors/* JWTInvalid */.Dp("Failed to parse the decoded payload as JSON", { cause });
  }
  if (!(0,validate/* isObject */.Gv)(claimsSet))
    throw new errors/* JWTInvalid */.Dp("Invalid JWT Claims Set");
  return claimsSet;
}


// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/http/client.ts + 1 modules
var client = __webpack_require__(3243);
// EXTERNAL MODULE: ./src/os/fs-retry.ts
var fs_retry = __webpack_require__(608);
// EXTERNAL MODULE: ./src/http/json.ts
var json = __webpack_require__(2868);
// EXTERNAL MODULE: ./src/http/url.ts
var http_url = __webpack_require__(6697);
;// CONCATENATED MODULE: ./src/runner/oidc.ts




const PERMISSION_HINT = 'give the job `permissions: { id-token: write, contents: read }` (workflow or job level); ' +
    'pull requests from forks never receive an OIDC token';
/** A compact JWS: three base64url parts. Checked before the value is masked or used anywhere. */
const JWS_COMPACT = /^[\w-]+\.[\w-]+\.[\w-]*$/;
/**
 * Asks the runner for a GitHub OIDC token with the given audience. The token is masked before this
 * returns; its claims are decoded (not verified: the relying party verifies) for checks and the audit.
 */
async function requestIdToken(runner, http, audience) {
    const base = runner.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const bearer = runner.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!base || !bearer) {
        throw new src_errors/* KeylessError */.FM('OIDC_PERMISSION_MISSING', 'the runner offered no OIDC token to this job', {
            hint: PERMISSION_HINT,
        });
    }
    runner.mask(bearer);
    const url = (0,http_url/* parseEndpoint */.Bk)(base, 'ACTIONS_ID_TOKEN_REQUEST_URL');
    url.searchParams.set('audience', audience);
    const what = `runner OIDC token request (audience "${audience}")`;
    const response = await http.request({
        method: 'GET',
        url,
        what: 'runner OIDC endpoint',
        headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
    });
    if (response.status !== 200) {
        const body = response.headers['content-type']?.includes('json') ? (0,json/* parseLoose */.il)(response.body) : undefined;
        const detail = (0,json/* serverText */.Tn)((0,json/* isObject */.Gv)(body) ? body.message : undefined);
        throw new src_errors/* KeylessError */.FM('OIDC_REQUEST_FAILED', `${what} failed with HTTP ${response.status}${detail ? `: ${detail}` : ''}`, {
            hint: response.status === 403 || response.status === 401 ? PERMISSION_HINT : 'retry the job; if it persists, check githubstatus.com',
        });
    }
    const body = (0,json/* jsonBody */.J9)(response, what);
    const jwt = (0,json/* isObject */.Gv)(body) ? body.value : undefined;
    if (typeof jwt === 'string' && jwt !== '' && !JWS_COMPACT.test(jwt)) {
        throw new src_errors/* KeylessError */.FM('OIDC_REQUEST_FAILED', `${what} returned a value that is not a JWT`, {
            hint: 'retry the job; the runner service returned an unexpected reply',
        });
    }
    if (typeof jwt !== 'string' || jwt === '') {
        throw new src_errors/* KeylessError */.FM('OIDC_REQUEST_FAILED', `${what} returned no token (no "value" field)`, {
            hint: 'retry the job; the runner service returned an unexpected reply',
        });
    }
    runner.mask(jwt);
    try {
        return { jwt, claims: decodeJwt(jwt) };
    }
    catch (error) {
        throw new src_errors/* KeylessError */.FM('OIDC_REQUEST_FAILED', `${what} returned a value that is not a JWT`, { cause: error });
    }
}

// EXTERNAL MODULE: ./src/runner/owned-path.ts
var owned_path = __webpack_require__(8871);
// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
;// CONCATENATED MODULE: ./src/cli/refresh.ts










/** A session file names what az and Az PowerShell sign in with (src/sessions/azure-session.ts); by name, so its code loads only then. */
function isSessionFile(file) {
    return (0,external_node_path_.basename)(file) === 'azure-session.json';
}
/**
 * Rewrites the OIDC token files Keyless wrote (Azure's federated token file, GCP's ADC token file, AWS's
 * web identity token file) with fresh runner tokens, for a later step of a long job: SDKs re-read the
 * file, so they keep working after the first token expired. Each file keeps its audience, read from the token it holds. Only files that
 * exist are replaced, atomically and 0600. A session file (an azure entry's az or Az PowerShell session)
 * is not rewritten: the sessions it names sign in again with a fresh runner token.
 */
async function refresh(args, runner) {
    const { values: options } = (0,cli_args/* parseFlags */.bQ)(args, { file: { type: 'string' }, audience: { type: 'string' } });
    const temp = runner.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
    const listed = filesToRefresh(options.file, runner, temp);
    const http = (0,client/* createHttpClient */.uT)();
    const tokens = new Map();
    const sessions = listed.some(isSessionFile) ? await __webpack_require__.e(/* import() */ 706).then(__webpack_require__.bind(__webpack_require__, 6706)) : undefined;
    for (const file of listed) {
        const session = sessions !== undefined && isSessionFile(file) ? sessions : undefined;
        const audience = options.audience ?? (session ? session.sessionAudience(file, temp) : audienceIn(file));
        let token = tokens.get(audience);
        if (token === undefined) {
            token = requestIdToken(runner, http, audience);
            tokens.set(audience, token);
        }
        const { jwt, claims } = await token;
        const expires = typeof claims.exp === 'number' ? `, valid until ${new Date(claims.exp * 1000).toISOString()}` : '';
        if (session) {
            const done = await session.refreshAzureSession(file, jwt, runner);
            runner.info(`Signed in again: ${done.join(' and ') || 'nothing'} (audience ${audience})${expires}.`);
            continue;
        }
        const temporary = `${file}.${process.pid}.tmp`;
        (0,external_node_fs_.writeFileSync)(temporary, jwt, { mode: 0o600, flag: 'wx' });
        // On Windows an SDK reading the old token holds the file for a moment.
        (0,fs_retry/* retryBusy */.O)(() => (0,external_node_fs_.renameSync)(temporary, file));
        runner.info(`Refreshed ${file} (audience ${audience})${expires}.`);
    }
    return 0;
}
/** The files to refresh: --file, else KEYLESS_REFRESH's, which must lie in Keyless's own folders and exist. */
function filesToRefresh(given, runner, temp) {
    const listed = given ? [given] : (runner.env.KEYLESS_REFRESH || runner.env.AZURE_FEDERATED_TOKEN_FILE || '').split(external_node_path_.delimiter).filter(Boolean);
    // Any earlier step can export these variables: without --file, only a file in Keyless's own folders gets
    // a live token. A path given with --file is the caller's own choice.
    const roots = (0,owned_path/* ownedRoots */.F7)(runner.env, temp);
    const foreign = given ? [] : listed.filter((file) => (0,owned_path/* ownedPath */.bD)(file, roots) === undefined);
    if (foreign.length > 0) {
        const source = runner.env.KEYLESS_REFRESH ? 'KEYLESS_REFRESH' : 'AZURE_FEDERATED_TOKEN_FILE';
        throw new src_errors/* KeylessError */.FM('INPUT_INVALID', `${source} names ${foreign.length} file(s) outside Keyless's own folders (keyless-* under RUNNER_TEMP, .keyless-* in the workspace), so they get no token`, {
            hint: `an earlier step may have changed ${source}; pass a file of your own with --file`,
        });
    }
    const missing = listed.filter((file) => !(0,external_node_fs_.existsSync)(file));
    if (listed.length === 0 || missing.length > 0) {
        throw new src_errors/* KeylessError */.FM('INPUT_INVALID', `no token file to refresh${missing.length > 0 ? ` at ${missing.join(', ')}` : ''}`, {
            hint: 'run it in the job where Keyless wrote the file (an azure entry with mode: sdk or an az session, a gcp entry exported to env (its credentials file is the default), an aws entry with mode: web-identity), or pass --file',
        });
    }
    return listed;
}
function audienceIn(file) {
    try {
        const { aud } = decodeJwt((0,external_node_fs_.readFileSync)(file, 'utf8').trim());
        const audience = Array.isArray(aud) ? aud[0] : aud;
        if (audience)
            return audience;
    }
    catch {
        // Reported below: the file was not written by Keyless, or was overwritten.
    }
    throw new src_errors/* KeylessError */.FM('INPUT_INVALID', `${file} holds no OIDC token to read the audience from`, { hint: 'pass --audience' });
}


/***/ }),

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

/***/ 8871:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F7: () => (/* binding */ ownedRoots),
/* harmony export */   bD: () => (/* binding */ ownedPath)
/* harmony export */ });
/* unused harmony export isOwned */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _os_paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6186);



/** The roots of a job as its environment names them. */
function ownedRoots(env, temp) {
    return { temp, workspace: env.GITHUB_WORKSPACE || undefined };
}
/**
 * The path as it really lies, when that is inside one of the folders main creates. The parent is resolved
 * (a symlinked folder on the way could point anywhere); the last component is not, so a link is removed,
 * never followed.
 */
function ownedPath(file, roots) {
    const { temp, workspace } = typeof roots === 'string' ? { temp: roots, workspace: undefined } : roots;
    let real;
    try {
        real = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file)), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(file));
    }
    catch {
        return undefined;
    }
    if (ownedUnder(real, temp, 'keyless-'))
        return real;
    if (workspace !== undefined && ownedUnder(real, workspace, '.keyless-'))
        return real;
    return undefined;
}
function ownedUnder(real, root, prefix) {
    try {
        return isOwned(real, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(root), (node_path__WEBPACK_IMPORTED_MODULE_1___default()), prefix);
    }
    catch {
        return false;
    }
}
/** Whether `real` is, or lies in, an entry named `prefix*` directly under `root` (both real paths). */
function isOwned(real, root, flavour = (node_path__WEBPACK_IMPORTED_MODULE_1___default()), prefix = 'keyless-') {
    const rel = (0,_os_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .inside */ .nx)(root, real, flavour);
    const top = rel?.split(flavour.sep)[0] ?? '';
    return top.startsWith(prefix);
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

/***/ }),

/***/ 7410:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D0: () => (/* binding */ decoder),
/* harmony export */   Rd: () => (/* binding */ encoder),
/* harmony export */   WG: () => (/* binding */ encodeBase64),
/* harmony export */   lF: () => (/* binding */ encode),
/* harmony export */   u8: () => (/* binding */ strictDecoder),
/* harmony export */   xW: () => (/* binding */ concat),
/* harmony export */   y4: () => (/* binding */ decodeBase64)
/* harmony export */ });
/* unused harmony exports digest, uint32be, uint64be */
const encoder = new TextEncoder(), decoder = new TextDecoder(), strictDecoder = new TextDecoder("utf-8", { fatal: !0 }), UINT32_RANGE = (/* unused pure expression or super */ null && (2 ** 32));
function concat(...buffers) {
  const size = buffers.reduce((acc, { length }) => acc + length, 0), buf = new Uint8Array(size);
  let i = 0;
  for (const buffer of buffers)
    buf.set(buffer, i), i += buffer.length;
  return buf;
}
function writeUInt32BE(buf, value, offset) {
  if (value < 0 || value >= UINT32_RANGE)
    throw new RangeError(`value must be >= 0 and <= ${UINT32_RANGE - 1}. Received ${value}`);
  buf.set([value >>> 24, value >>> 16, value >>> 8, value & 255], offset);
}
function uint64be(value) {
  const high = Math.floor(value / UINT32_RANGE), low = value % UINT32_RANGE, buf = new Uint8Array(8);
  return writeUInt32BE(buf, high, 0), writeUInt32BE(buf, low, 4), buf;
}
function uint32be(value) {
  const buf = new Uint8Array(4);
  return writeUInt32BE(buf, value), buf;
}
const NON_ASCII = /[^\x00-\x7f]/;
function encode(string) {
  if (typeof string == "string" && string.length >= 128) {
    if (NON_ASCII.test(string))
      throw new TypeError("non-ASCII string encountered in encode()");
    return encoder.encode(string);
  }
  const bytes = new Uint8Array(string.length);
  for (let i = 0; i < string.length; i++) {
    const code = string.charCodeAt(i);
    if (code > 127)
      throw new TypeError("non-ASCII string encountered in encode()");
    bytes[i] = code;
  }
  return bytes;
}
function encodeBase64(input, url = !1) {
  if (Uint8Array.prototype.toBase64)
    return input.toBase64({ alphabet: url ? "base64url" : "base64", omitPadding: url });
  const CHUNK_SIZE = 32768, arr = [];
  for (let i = 0; i < input.length; i += CHUNK_SIZE)
    arr.push(String.fromCharCode.apply(null, input.subarray(i, i + CHUNK_SIZE)));
  const encoded = btoa(arr.join(""));
  return url ? encoded.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_") : encoded;
}
function decodeBase64(encoded, url = !1) {
  if (Uint8Array.fromBase64)
    return Uint8Array.fromBase64(encoded, { alphabet: url ? "base64url" : "base64" });
  if (url) {
    if (encoded.includes("+") || encoded.includes("/"))
      throw new TypeError("Invalid base64url");
    encoded = encoded.replace(/-/g, "+").replace(/_/g, "/");
  }
  const binary = atob(encoded), bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++)
    bytes[i] = binary.charCodeAt(i);
  return bytes;
}
async function digest(algorithm, data) {
  const subtleDigest = `SHA-${algorithm.slice(-3)}`;
  return new Uint8Array(await crypto.subtle.digest(subtleDigest, data));
}



/***/ }),

/***/ 7784:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BU: () => (/* binding */ validateCritDuplicates),
/* harmony export */   Fw: () => (/* binding */ validateAlgorithms),
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   J0: () => (/* binding */ validateB64),
/* harmony export */   MV: () => (/* binding */ encodeAsciiMember),
/* harmony export */   OX: () => (/* binding */ parseJoseHeader),
/* harmony export */   ac: () => (/* binding */ assertNotSet),
/* harmony export */   fV: () => (/* binding */ isJwkSet),
/* harmony export */   fz: () => (/* binding */ isDisjoint),
/* harmony export */   h2: () => (/* binding */ decodeBase64url),
/* harmony export */   ji: () => (/* binding */ serializeJoseHeader),
/* harmony export */   nI: () => (/* binding */ validateCrit),
/* harmony export */   qc: () => (/* binding */ JWS_RECOGNIZED)
/* harmony export */ });
/* unused harmony exports JWE_RECOGNIZED, assertUint8Array */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5674);
/* harmony import */ var _util_base64url_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1445);
/* harmony import */ var _buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7410);



function assertUint8Array(input, label) {
  if (!(input instanceof Uint8Array))
    throw new TypeError(`${label} must be an instance of Uint8Array`);
}
function isObject(input) {
  if (typeof input != "object" || input === null || Object.prototype.toString.call(input) !== "[object Object]")
    return !1;
  const prototype = Object.getPrototypeOf(input);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
function isJwkSet(input) {
  return isObject(input) && Array.isArray(input.keys) && Array.from(input.keys).every(isObject);
}
function isDisjoint(...headers) {
  const parameters = /* @__PURE__ */ new Set();
  for (const header of headers)
    if (header)
      for (const parameter of Object.keys(header)) {
        if (parameters.has(parameter))
          return !1;
        parameters.add(parameter);
      }
  return !0;
}
function assertNotSet(value, name) {
  if (value !== void 0)
    throw new TypeError(`${name} can only be called once`);
}
function decodeBase64url(value, label, ErrorClass) {
  try {
    return (0,_util_base64url_js__WEBPACK_IMPORTED_MODULE_0__/* .decode */ .D)(value);
  } catch (cause) {
    throw new ErrorClass(`Failed to base64url decode the ${label}`, { cause });
  }
}
function encodeAsciiMember(value, label, ErrorClass) {
  try {
    return (0,_buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .encode */ .lF)(value);
  } catch (cause) {
    throw new ErrorClass(`The ${label} is not a valid base64url string`, { cause });
  }
}
function parseJoseHeader(encodedProtectedHeader, ErrorClass, message) {
  let parsed;
  try {
    parsed = JSON.parse(_buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .strictDecoder */ .u8.decode((0,_util_base64url_js__WEBPACK_IMPORTED_MODULE_0__/* .decode */ .D)(encodedProtectedHeader)));
  } catch (cause) {
    throw new ErrorClass(message, { cause });
  }
  if (!isObject(parsed))
    throw new ErrorClass(message);
  return parsed;
}
const JWS_RECOGNIZED = { __proto__: null, b64: !0 }, JWE_RECOGNIZED = { __proto__: null };
function validateAlgorithms(option, algorithms) {
  if (algorithms !== void 0 && (!Array.isArray(algorithms) || algorithms.some((s) => typeof s != "string")))
    throw new TypeError(`"${option}" option must be an array of strings`);
  return algorithms === void 0 ? void 0 : new Set(algorithms);
}
function validateCritDuplicates(Err, protectedHeader) {
  const { crit } = protectedHeader ?? {};
  if (Array.isArray(crit) && new Set(crit).size !== crit.length)
    throw new Err('"crit" (Critical) Header Parameter MUST NOT contain duplicate values');
}
function validateCrit(Err, recognizedDefault, recognizedOption, protectedHeader, joseHeader) {
  if (joseHeader.crit !== void 0 && protectedHeader?.crit === void 0)
    throw new Err('"crit" (Critical) Header Parameter MUST be integrity protected');
  if (!protectedHeader || protectedHeader.crit === void 0)
    return [];
  if (!Array.isArray(protectedHeader.crit) || protectedHeader.crit.length === 0 || protectedHeader.crit.some((input) => typeof input != "string" || input.length === 0))
    throw new Err('"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present');
  const recognized = recognizedOption === void 0 ? recognizedDefault : { __proto__: null, ...recognizedOption, ...recognizedDefault };
  for (const parameter of protectedHeader.crit) {
    if (!(parameter in recognized))
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .JOSENotSupported */ .T0(`Extension Header Parameter "${parameter}" is not recognized`);
    if (!Object.hasOwn(joseHeader, parameter) || joseHeader[parameter] === void 0)
      throw new Err(`Extension Header Parameter "${parameter}" is missing`);
    if (recognized[parameter] && (!Object.hasOwn(protectedHeader, parameter) || protectedHeader[parameter] === void 0))
      throw new Err(`Extension Header Parameter "${parameter}" MUST be integrity protected`);
  }
  return protectedHeader.crit;
}
function validateB64(protectedHeader, extensions) {
  if (extensions.includes("b64")) {
    const b64 = protectedHeader.b64;
    if (typeof b64 != "boolean")
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .JWSInvalid */ .Ye('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
    return b64;
  }
  return !0;
}
function serializeJoseHeader(Err, header) {
  let serialized, parsed;
  try {
    serialized = JSON.stringify(header), parsed = JSON.parse(serialized);
  } catch (cause) {
    throw new Err("JOSE Header is not valid JSON", { cause });
  }
  if (!isObject(parsed))
    throw new Err("JOSE Header is not a JSON object");
  return [parsed, serialized];
}



/***/ }),

/***/ 1445:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ decode),
/* harmony export */   l: () => (/* binding */ encode)
/* harmony export */ });
/* harmony import */ var _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7410);

const invalid = "The input to be decoded is not correctly encoded.";
function decode(input) {
  try {
    return (0,_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeBase64 */ .y4)(typeof input == "string" ? input : _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .decoder */ .D0.decode(input), !0);
  } catch (cause) {
    throw new TypeError(invalid, { cause });
  }
}
function encode(input) {
  return (0,_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .encodeBase64 */ .WG)(typeof input == "string" ? _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .encoder */ .Rd.encode(input) : input, !0);
}



/***/ }),

/***/ 5674:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $4: () => (/* binding */ JWKSMultipleMatchingKeys),
/* harmony export */   BT: () => (/* binding */ JWKSNoMatchingKey),
/* harmony export */   Dm: () => (/* binding */ JWKSInvalid),
/* harmony export */   Dp: () => (/* binding */ JWTInvalid),
/* harmony export */   Rb: () => (/* binding */ JOSEAlgNotAllowed),
/* harmony export */   T0: () => (/* binding */ JOSENotSupported),
/* harmony export */   Ye: () => (/* binding */ JWSInvalid),
/* harmony export */   h2: () => (/* binding */ JWSSignatureVerificationFailed),
/* harmony export */   i4: () => (/* binding */ JOSEError),
/* harmony export */   ie: () => (/* binding */ JWTClaimValidationFailed),
/* harmony export */   n: () => (/* binding */ JWTExpired),
/* harmony export */   xb: () => (/* binding */ JWKSTimeout)
/* harmony export */ });
/* unused harmony exports JWEDecryptionFailed, JWEInvalid, JWKInvalid */
class JOSEError extends Error {
  static code = "ERR_JOSE_GENERIC";
  code = "ERR_JOSE_GENERIC";
  constructor(message, options) {
    super(message, options), this.name = this.constructor.name, Error.captureStackTrace?.(this, this.constructor);
  }
}
class JWTClaimValidationFailed extends JOSEError {
  static code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  claim;
  reason;
  payload;
  constructor(message, payload, claim = "unspecified", reason = "unspecified") {
    super(message, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
}
class JWTExpired extends JOSEError {
  static code = "ERR_JWT_EXPIRED";
  code = "ERR_JWT_EXPIRED";
  claim;
  reason;
  payload;
  constructor(message, payload, claim = "unspecified", reason = "unspecified") {
    super(message, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
}
class JOSEAlgNotAllowed extends JOSEError {
  static code = "ERR_JOSE_ALG_NOT_ALLOWED";
  code = "ERR_JOSE_ALG_NOT_ALLOWED";
}
class JOSENotSupported extends JOSEError {
  static code = "ERR_JOSE_NOT_SUPPORTED";
  code = "ERR_JOSE_NOT_SUPPORTED";
}
class JWEDecryptionFailed extends JOSEError {
  static code = "ERR_JWE_DECRYPTION_FAILED";
  code = "ERR_JWE_DECRYPTION_FAILED";
  constructor(message = "decryption operation failed", options) {
    super(message, options);
  }
}
class JWEInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWE_INVALID"));
  code = "ERR_JWE_INVALID";
}
class JWSInvalid extends JOSEError {
  static code = "ERR_JWS_INVALID";
  code = "ERR_JWS_INVALID";
}
class JWTInvalid extends JOSEError {
  static code = "ERR_JWT_INVALID";
  code = "ERR_JWT_INVALID";
}
class JWKInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWK_INVALID"));
  code = "ERR_JWK_INVALID";
}
class JWKSInvalid extends JOSEError {
  static code = "ERR_JWKS_INVALID";
  code = "ERR_JWKS_INVALID";
}
class JWKSNoMatchingKey extends JOSEError {
  static code = "ERR_JWKS_NO_MATCHING_KEY";
  code = "ERR_JWKS_NO_MATCHING_KEY";
  constructor(message = "no applicable key found in the JSON Web Key Set", options) {
    super(message, options);
  }
}
class JWKSMultipleMatchingKeys extends JOSEError {
  [Symbol.asyncIterator] = async function* () {
  };
  static code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  constructor(message = "multiple matching keys found in the JSON Web Key Set", options) {
    super(message, options);
  }
}
class JWKSTimeout extends JOSEError {
  static code = "ERR_JWKS_TIMEOUT";
  code = "ERR_JWKS_TIMEOUT";
  constructor(message = "request timed out", options) {
    super(message, options);
  }
}
class JWSSignatureVerificationFailed extends JOSEError {
  static code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  constructor(message = "signature verification failed", options) {
    super(message, options);
  }
}



/***/ })

};
