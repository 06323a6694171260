/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 7663:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ fingerprint)
/* harmony export */ });
/**
 * First 16 hex of a token's SHA-256: lets an operator match the audit record to the issuer's logs
 * without the record holding anything usable. node:crypto loads here, not at start-up.
 */
async function fingerprint(token) {
    const { createHash } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7598, 23));
    return createHash('sha256').update(token).digest('hex').slice(0, 16);
}


/***/ }),

/***/ 6587:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ execInputsOf),
/* harmony export */   f: () => (/* binding */ EXEC_KEYS)
/* harmony export */ });
/** The settings `keyless exec` mints with, besides the entries: claims, tools and how to reach and write. */
const EXEC_KEYS = ['require-claims', 'tools', 'tool-policy', 'trusted-root', 'tuf-refresh', 'tuf-mirror', 'strict-cleanup', 'files', 'http-timeout'];
/**
 * The `export: exec` entries and the settings they are minted with, as inputs (JSON is YAML), when there
 * are any: what the step hands a later `keyless exec`, which checks them again as it checks any input.
 */
function execInputsOf(credentials, text) {
    const exec = credentials.filter((entry) => entry.exports.has('exec'));
    if (exec.length === 0)
        return {};
    const inputs = { credentials: JSON.stringify(exec.map((entry) => entry.written)) };
    for (const key of EXEC_KEYS) {
        const value = text(key);
        if (value !== undefined)
            inputs[key] = value;
    }
    return { execInputs: inputs };
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cv: () => (/* binding */ about),
/* harmony export */   FM: () => (/* binding */ KeylessError),
/* harmony export */   vr: () => (/* binding */ renderError)
/* harmony export */ });
/* unused harmony export ERROR_CODES */
/**
 * Every failure a user can hit is a KeylessError with a stable `code`: tests and scripts switch on the
 * code, people read `message` (what happened) and `hint` (what to do). Rendering happens once, at the edge.
 * A list, not only a type, so the README's Errors table can be checked against it (test/unit/docs.test.ts).
 */
const ERROR_CODES = (/* unused pure expression or super */ null && ([
    'INPUT_INVALID',
    'INPUT_TOO_LARGE',
    'OIDC_PERMISSION_MISSING',
    'OIDC_REQUEST_FAILED',
    'CLAIMS_REFUSED',
    'HTTP_INSECURE_URL',
    'HTTP_NETWORK',
    'HTTP_TIMEOUT',
    'HTTP_TOO_LARGE',
    'HTTP_STATUS',
    'HTTP_BAD_RESPONSE',
    'DISCOVERY_FAILED',
    'EXCHANGE_DENIED',
    'EXCHANGE_FAILED',
    'REVOKE_FAILED',
    'SIGNATURE_INVALID',
    'TOOL_UNVERIFIED',
    'POLICY_PIN_VIOLATION',
    'POLICY_SECRET_VIOLATION',
    'TRUST_ROOT_INVALID',
    'USAGE',
    'INCOMPLETE',
]));
class KeylessError extends Error {
    code;
    hint;
    subject;
    constructor(code, message, details = {}) {
        super(message, details.cause === undefined ? undefined : { cause: details.cause });
        this.name = 'KeylessError';
        this.code = code;
        this.hint = details.hint;
        this.subject = details.subject;
    }
}
/** The error, naming the entry it happened in: errors from shared layers learn their subject late. */
function about(error, subject) {
    if (error.subject !== undefined)
        return error;
    return new KeylessError(error.code, error.message, { subject, cause: error.cause, ...(error.hint === undefined ? {} : { hint: error.hint }) });
}
/** `[CODE] subject: what happened — what to do`, on one line. */
function renderError(error) {
    if (error instanceof KeylessError) {
        const subject = error.subject === undefined ? '' : `${error.subject}: `;
        const hint = error.hint === undefined ? '' : ` — ${error.hint}`;
        return oneLine(`[${error.code}] ${subject}${error.message}${hint}`);
    }
    const message = error instanceof Error ? error.message : String(error);
    return oneLine(`[INTERNAL] ${message} — this is a Keyless bug; please report it with the step log`);
}
function oneLine(text) {
    return text.replace(/\s*[\r\n]+\s*/g, ' ');
}


/***/ }),

/***/ 2868:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   J9: () => (/* binding */ jsonBody),
/* harmony export */   Tn: () => (/* binding */ serverText),
/* harmony export */   il: () => (/* binding */ parseLoose)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);

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

/***/ 6697:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bk: () => (/* binding */ parseEndpoint),
/* harmony export */   EO: () => (/* binding */ assertSecure),
/* harmony export */   U9: () => (/* binding */ isLoopback)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);

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

/***/ 6500:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EW: () => (/* binding */ acceptJwt),
/* harmony export */   HI: () => (/* binding */ MAX_JWT_BYTES)
/* harmony export */ });
/* unused harmony export JWS_COMPACT */
/* harmony import */ var jose_jwt_decode__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9937);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);


/** A compact JWS: three base64url parts. Checked before the value is masked or used anywhere. */
const JWS_COMPACT = /^[\w-]+\.[\w-]+\.[\w-]*$/;
/** Larger than any OIDC token or JWT-SVID a real issuer signs (GitHub's are ~1.5 KB); past it, a value is refused unread. */
const MAX_JWT_BYTES = 64 * 1024;
/**
 * A subject token Keyless did not ask an issuer for (a file, a variable, a Workload API answer), made an
 * IdToken: a compact JWS of bounded size, masked before anything else sees it, its claims decoded (not
 * verified: the relying party verifies), unexpired, and meant for this entry's audience. Sending a token
 * to a relying party it was not issued for would let that party replay it where it was meant to go.
 */
function acceptJwt(value, options) {
    // (A token without exp passes here: the relying party decides whether it accepts one.)
    const { what, hint } = options;
    const jwt = value.trim();
    if (jwt === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('OIDC_REQUEST_FAILED', `${what} holds no token (it is empty)`, { hint });
    if (jwt.length > MAX_JWT_BYTES)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('INPUT_TOO_LARGE', `${what} holds more than ${MAX_JWT_BYTES} bytes, more than any JWT`, { hint });
    if (!JWS_COMPACT.test(jwt))
        throw notJwt(what, hint);
    options.mask(jwt);
    let claims;
    try {
        claims = (0,jose_jwt_decode__WEBPACK_IMPORTED_MODULE_1__/* .decodeJwt */ .i)(jwt);
    }
    catch (error) {
        throw notJwt(what, hint, error);
    }
    const audiences = typeof claims.aud === 'string' ? [claims.aud] : Array.isArray(claims.aud) ? claims.aud : [];
    if (!audiences.includes(options.audience)) {
        const held = audiences.length === 0 ? 'no aud claim' : `aud ${audiences.map((a) => JSON.stringify(a)).join(', ')}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('OIDC_REQUEST_FAILED', `the token in ${what} is not meant for audience "${options.audience}" (it has ${held})`, {
            hint: "set the entry's oidc-audience to the audience the token is issued for, or have the issuer add this audience",
        });
    }
    if (typeof claims.exp === 'number' && claims.exp * 1000 <= options.now()) {
        // A date before year −271821 has no ISO form: such a token is expired all the same.
        const when = claims.exp * 1000 >= -8.64e15 ? ` at ${new Date(claims.exp * 1000).toISOString()}` : '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('OIDC_REQUEST_FAILED', `the token in ${what} expired${when}`, { hint });
    }
    return { jwt, claims };
}
function notJwt(what, hint, cause) {
    // Never quoted: whatever it holds may be a secret of another kind.
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('OIDC_REQUEST_FAILED', `${what} does not hold a JWT (three base64url parts joined by dots)`, { hint, ...(cause === undefined ? {} : { cause }) });
}


/***/ }),

/***/ 126:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ endpointText),
/* harmony export */   y: () => (/* binding */ parseWorkloadEndpoint)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);


const FORMS = 'unix:///PATH/TO/agent.sock (or unix:/PATH), or tcp://IP:PORT';
/**
 * Parses SPIFFE_ENDPOINT_SOCKET (or an entry's spiffe-socket). The spec allows no host name for tcp (no
 * DNS on the way to the identity provider) and no query, fragment or user information in either form.
 */
function parseWorkloadEndpoint(address, where) {
    const bad = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .KeylessError */ .FM('INPUT_INVALID', `${where} ${why}; expected ${FORMS}`, { hint: 'SPIRE agents listen at e.g. unix:///run/spire/agent.sock; use the socket path your agent is configured with' });
    let url;
    try {
        url = new URL(address);
    }
    catch {
        throw bad('is not a URL');
    }
    if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '')
        throw bad('has a query, fragment or user information');
    if (url.protocol === 'unix:') {
        if (url.host !== '' || !url.pathname.startsWith('/') || url.pathname === '/')
            throw bad('is not a unix socket with an absolute path');
        return { kind: 'unix', path: decodeURIComponent(url.pathname) };
    }
    if (url.protocol === 'tcp:') {
        const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
        if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) === 0)
            throw bad('names a host, not an IP address');
        if (url.port === '' || (url.pathname !== '' && url.pathname !== '/'))
            throw bad('needs a port and no path');
        return { kind: 'tcp', host, port: Number(url.port) };
    }
    throw bad(`uses scheme ${url.protocol.replace(/[^a-z0-9+.-]/gi, '')}`);
}
function endpointText(endpoint) {
    return endpoint.kind === 'unix' ? `unix://${endpoint.path}` : `tcp://${endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host}:${endpoint.port}`;
}


/***/ }),

/***/ 608:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ retryBusy),
/* harmony export */   r: () => (/* binding */ removeOptions)
/* harmony export */ });
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
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   kb: () => (/* binding */ toPosixPath),
/* harmony export */   nx: () => (/* binding */ inside),
/* harmony export */   qN: () => (/* binding */ repoPath)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

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

/***/ 8272:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I7: () => (/* binding */ realFolderProblem),
/* harmony export */   Kf: () => (/* binding */ soleRegularFile)
/* harmony export */ });
/* unused harmony exports ownedByMe, privateFileProblem */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


// Windows has neither POSIX owners nor mode bits worth reading (stat reports 0 and 0666/0444): those
// checks pass there, as they do everywhere else in Keyless.
const posix = process.platform !== 'win32';
/** Whether the current user owns what `stats` describes. */
function ownedByMe(stats) {
    return !posix || stats.uid === process.getuid?.();
}
/**
 * Whether `stats` (of an opened descriptor, or an lstat) is a regular file of the current user with no
 * second name: a hard link made by an earlier step is a regular file to lstat and O_NOFOLLOW, yet writing
 * to it writes the file it shares its data with. An nlink of 0 (some Windows file systems) is no link.
 */
function soleRegularFile(stats) {
    return stats.isFile() && stats.nlink <= 1 && ownedByMe(stats);
}
/** Why `dir` is not a real folder (not a link) of the current user, or undefined when it is. */
function realFolderProblem(dir) {
    const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(dir, { throwIfNoEntry: false });
    if (stats === undefined)
        return 'it does not exist';
    if (stats.isSymbolicLink())
        return 'it is a link';
    if (!stats.isDirectory())
        return 'it is not a folder';
    if (!ownedByMe(stats))
        return 'another user owns it';
    return undefined;
}
/**
 * Why `file` is not a token file as main writes one (a 0600 regular file with one name, in a 0700 folder,
 * both the current user's: src/sinks/deliver.ts), or undefined when it is. lstat, never open: a FIFO is
 * refused without being opened.
 */
function privateFileProblem(file) {
    const stats = lstatSync(file, { throwIfNoEntry: false });
    if (stats === undefined)
        return 'it does not exist';
    if (stats.isSymbolicLink())
        return 'it is a link';
    if (!stats.isFile())
        return 'it is not a regular file';
    if (stats.nlink > 1)
        return 'it has another name (a hard link)';
    if (!ownedByMe(stats))
        return 'another user owns it';
    if (posix && (stats.mode & 0o777) !== 0o600)
        return `its mode is ${modeOf(stats)}, not 0600`;
    const folder = realFolderProblem(dirname(file));
    if (folder !== undefined)
        return `its folder: ${folder}`;
    const dir = lstatSync(dirname(file));
    if (posix && (dir.mode & 0o777) !== 0o700)
        return `its folder's mode is ${modeOf(dir)}, not 0700`;
    return undefined;
}
function modeOf(stats) {
    return `0${(stats.mode & 0o777).toString(8).padStart(3, '0')}`;
}


/***/ }),

/***/ 7837:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ readRegularFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);


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


/***/ }),

/***/ 7237:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ev: () => (/* binding */ judgeUses),
/* harmony export */   iT: () => (/* binding */ parseRule),
/* harmony export */   jR: () => (/* binding */ parseAllowList)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _refs_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8313);


const NAME = /^[A-Za-z0-9_.-]+$/;
/**
 * One allowlist entry, `PATTERN` or `PATTERN=POLICY` (default `ref-pin`): `*`, `owner/*`, `owner/repo`
 * (the repository's root action), `owner/repo/*` (anything in it) or `owner/repo/sub/path`.
 */
function parseRule(entry) {
    const [pattern = '', policy = 'ref-pin'] = entry.split('=').map((part) => part.trim());
    if (policy !== 'any' && policy !== 'ref-pin' && policy !== 'hash-pin') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('INPUT_INVALID', `unknown pin policy "${policy}" in ${entry}`, { hint: 'use any, ref-pin or hash-pin' });
    }
    if (pattern.includes('@')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('INPUT_INVALID', `cannot use exact ref patterns here: \`${pattern}\``, { hint: 'allow owner/repo (or owner/*), not a ref' });
    }
    const invalid = () => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('INPUT_INVALID', `invalid pattern: ${pattern}`, { hint: 'use *, owner/*, owner/repo, owner/repo/* or owner/repo/sub/path' });
    if (pattern === '*')
        return { pattern, policy, specificity: 0, matches: () => true };
    const [owner, repo, ...rest] = pattern.split('/');
    if (!owner || !NAME.test(owner) || repo === undefined)
        throw invalid();
    if (repo === '*' && rest.length === 0)
        return { pattern, policy, specificity: 1, matches: (u) => same(u.owner, owner) };
    if (!NAME.test(repo))
        throw invalid();
    if (rest.length === 1 && rest[0] === '*')
        return { pattern, policy, specificity: 2, matches: (u) => same(u.owner, owner) && same(u.repo, repo) };
    if (rest.some((part) => !NAME.test(part)))
        throw invalid();
    const subpath = rest.join('/');
    return { pattern, policy, specificity: 3, matches: (u) => same(u.owner, owner) && same(u.repo, repo) && u.subpath === subpath };
}
function same(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}
function parseAllowList(entries) {
    return entries.map(parseRule);
}
/** Whether the reference meets its policy: the most specific matching rule's, else hash-pin. */
function judgeUses(uses, allow) {
    if ((0,_refs_js__WEBPACK_IMPORTED_MODULE_1__/* .isCommitPinned */ .Cv)(uses))
        return true;
    const rule = allow.filter((r) => r.matches(uses)).sort((a, b) => b.specificity - a.specificity)[0];
    const policy = rule?.policy ?? 'hash-pin';
    return policy === 'any' || (policy === 'ref-pin' && uses.ref !== undefined && uses.ref !== '');
}


/***/ }),

/***/ 8313:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ap: () => (/* binding */ parseUses),
/* harmony export */   Cv: () => (/* binding */ isCommitPinned),
/* harmony export */   ac: () => (/* binding */ isImagePinned)
/* harmony export */ });
const COMMIT = /^[0-9a-f]{40}$/i;
const IMAGE_DIGEST = /@sha256:[0-9a-f]{64}$/i;
/** Classifies a `uses:` value: local (`./x`, `$/x`) refs are exempt, `docker://` refs are images. */
function parseUses(raw) {
    const value = raw.trim();
    if (value.startsWith('./') || value.startsWith('$/'))
        return { kind: 'local' };
    if (value.startsWith('docker://'))
        return { kind: 'docker', image: value.slice('docker://'.length) };
    const at = value.lastIndexOf('@');
    const path = at === -1 ? value : value.slice(0, at);
    const ref = at === -1 ? undefined : value.slice(at + 1);
    const [owner, repo, ...rest] = path.split('/');
    if (!owner || !repo)
        return { kind: 'invalid' };
    return { kind: 'repo', owner, repo, subpath: rest.filter((part) => part !== '').join('/'), ref };
}
/** Pinned means a full 40-hex commit: a tag or branch is whatever its owner points it at next. */
function isCommitPinned(uses) {
    return uses.ref !== undefined && COMMIT.test(uses.ref);
}
/** Pinned means `@sha256:` and 64 hex digits; `image@8.0` or a placeholder is not a digest. */
function isImagePinned(image) {
    return IMAGE_DIGEST.test(image.trim());
}


/***/ }),

/***/ 1738:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ aadstsHint)
/* harmony export */ });
/* unused harmony export AADSTS_HINTS */
/** What to do about the AADSTS codes that federation setups hit. */
const AADSTS_HINTS = {
    '700213': 'add a federated identity credential to the app registration whose issuer, subject and audience are exactly the token\'s iss, sub and aud above (audience api://AzureADTokenExchange by default)',
    '70021': 'the federated identity credential must match the token\'s issuer (no trailing slash), subject and audience exactly',
    '700024': 'the OIDC token expired before it was used; run `keyless refresh` before long steps (mode: sdk, or an az or Az PowerShell session)',
    '700016': 'client-id names no application in this tenant; check client-id and tenant-id',
    '90002': 'tenant-id names no tenant; check it, and environment (or authority-host) for sovereign clouds',
    '7000215': 'the app expects a client secret: it has no federated identity credential for this token',
};
/** The hint for the first AADSTS code in `text`, if Keyless knows one. */
function aadstsHint(text) {
    const code = /AADSTS(\d+)/.exec(text)?.[1];
    return code === undefined ? undefined : AADSTS_HINTS[code];
}


/***/ }),

/***/ 1552:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   JJ: () => (/* binding */ CLOUDS),
/* harmony export */   Mo: () => (/* binding */ azureStackEndpoints),
/* harmony export */   Tj: () => (/* binding */ publicCloud),
/* harmony export */   WA: () => (/* binding */ cloudByName)
/* harmony export */ });
/* unused harmony export METADATA_API_VERSION */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _http_json_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2868);
/* harmony import */ var _http_url_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6697);



/**
 * The Azure clouds azure/login's `environment` names, by the name `az cloud` and Connect-AzAccount use:
 * each sets the Entra ID authority and the Resource Manager audience together. Azure Stack Hub has no
 * fixed endpoints: they come from its Resource Manager's metadata endpoint.
 */
const CLOUDS = ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud', 'AzureStack'];
const PUBLIC = {
    AzureCloud: { authority: 'https://login.microsoftonline.com/', arm: 'https://management.azure.com/' },
    AzureUSGovernment: { authority: 'https://login.microsoftonline.us/', arm: 'https://management.usgovcloudapi.net/' },
    AzureChinaCloud: { authority: 'https://login.chinacloudapi.cn/', arm: 'https://management.chinacloudapi.cn/' },
};
/** The peer's names, any case; AzureGermanCloud closed in 2021 and is refused with that reason. */
function cloudByName(text) {
    return CLOUDS.find((name) => name.toLowerCase() === text.toLowerCase());
}
function publicCloud(name) {
    const { authority, arm } = PUBLIC[name];
    return { authorityHost: new URL(authority), armScope: `${arm}.default` };
}
/** The api-version Azure Stack Hub's metadata endpoint answers, as `az cloud register` asks for it. */
const METADATA_API_VERSION = '2015-01-01';
/**
 * Azure Stack Hub's endpoints from `GET {arm}/metadata/endpoints`: `authentication.loginEndpoint` is the
 * authority, `authentication.audiences[0]` Resource Manager's audience. A stamp that signs in with AD FS
 * cannot accept a federated token from GitHub: refused here with that reason.
 */
async function azureStackEndpoints(arm, http, authorityHost) {
    const url = new URL('metadata/endpoints', arm.href.endsWith('/') ? arm : new URL(`${arm.href}/`));
    url.searchParams.set('api-version', METADATA_API_VERSION);
    const what = `Azure Stack Hub metadata ${url.origin}${url.pathname}`;
    const response = await http.request({ method: 'GET', url, what: 'Azure Stack Hub metadata', headers: { accept: 'application/json' } });
    if (response.status !== 200) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('DISCOVERY_FAILED', `${what} answered HTTP ${response.status}`, { hint: 'check resource-manager-endpoint: it is the stamp\'s Resource Manager URL, such as https://management.local.azurestack.external/' });
    }
    const body = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .jsonBody */ .J9)(response, what);
    const auth = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(body) && (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(body.authentication) ? body.authentication : undefined;
    const login = typeof auth?.loginEndpoint === 'string' ? auth.loginEndpoint : undefined;
    const audience = Array.isArray(auth?.audiences) && typeof auth.audiences[0] === 'string' ? auth.audiences[0] : undefined;
    if (login === undefined || audience === undefined || !/^https:\/\/\S+$/.test(audience)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('DISCOVERY_FAILED', `${what} answered without authentication.loginEndpoint and authentication.audiences`, {
            hint: 'resource-manager-endpoint must be an Azure Stack Hub Resource Manager',
        });
    }
    let named;
    try {
        named = (0,_http_url_js__WEBPACK_IMPORTED_MODULE_2__/* .parseEndpoint */ .Bk)(login, 'authentication.loginEndpoint');
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('DISCOVERY_FAILED', `${what} named a login endpoint that is not https: ${(0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .serverText */ .Tn)(login, 200) ?? ''}`, { cause: error });
    }
    if (/\/adfs\/?$/i.test(named.pathname)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('EXCHANGE_FAILED', `${what} says this stamp signs in with AD FS (${named.origin}${named.pathname}), which accepts no federated token from GitHub`, {
            hint: 'only an Azure Stack Hub that uses Microsoft Entra ID as its identity provider can federate the runner token',
        });
    }
    checkAuthority(named.origin, authorityHost, what);
    if (!named.pathname.endsWith('/'))
        named.pathname += '/';
    return { authorityHost: named, armScope: `${audience.replace(/\/?$/, '/')}.default` };
}
/** Microsoft Entra ID's own authorities (login.windows.net is the one Azure Stack Hub stamps often name). */
const ENTRA_ORIGINS = new Set([...Object.values(PUBLIC).map((cloud) => new URL(cloud.authority).origin), 'https://login.windows.net', 'https://login.partner.microsoftonline.cn']);
/**
 * The runner token goes to the login endpoint a stamp's metadata names (az sends it there too), so the
 * metadata alone may not name any host: only Entra ID's own, or the one authority-host names.
 */
function checkAuthority(origin, authorityHost, what) {
    if (ENTRA_ORIGINS.has(origin) || origin === authorityHost?.origin)
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('DISCOVERY_FAILED', `${what} names the login endpoint ${origin}, which is not Microsoft Entra ID's; the runner token was not sent there`, {
        hint: `if the stamp really signs in there, name it in authority-host: ${origin}/; otherwise check resource-manager-endpoint`,
    });
}


/***/ }),

/***/ 3897:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EW: () => (/* binding */ BASE64),
/* harmony export */   No: () => (/* binding */ credentialValue),
/* harmony export */   Pe: () => (/* binding */ expiresAfter),
/* harmony export */   yl: () => (/* binding */ JWT)
/* harmony export */ });
/* unused harmony export TOKEN */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);

/**
 * Any token: printable ASCII, no space or control character, bounded. Every token format Keyless hands
 * out (JWTs, base64 and base64url, `ghs_`, `hvs.`, `ya29.`, `npm_`, `pypi-`) fits, and nothing that could
 * end a line, a record or a quoted string in a file or a variable does.
 */
const TOKEN = { pattern: /^[\x21-\x7e]{1,16384}$/, expected: 'printable ASCII without spaces, at most 16384 characters' };
/** A compact JWS (header.payload.signature), as the runner's OIDC token and ACR refresh tokens are. */
const JWT = { pattern: /^[\w-]{1,8192}\.[\w-]{1,16384}\.[\w-]{0,8192}$/, expected: 'a compact JWT (three base64url parts)' };
/** Standard base64 (`+`, `/`, `=` padding), for secrets AWS documents as base64-encoded. */
const BASE64 = { pattern: /^[A-Za-z0-9+/]{1,16384}={0,2}$/, expected: 'base64, at most 16384 characters' };
/**
 * Checks a credential the moment it arrives, before it is masked, used or written anywhere: a value a
 * server could shape into a second line of a file or a variable is refused, not handed on. The error
 * names the service and the field, never the value.
 *
 * @example credentialValue(body.token, 'token', `crates.io at ${url.origin}`)
 */
function credentialValue(value, field, what, shape = TOKEN) {
    if (typeof value === 'string' && shape.pattern.test(value))
        return value;
    const missing = value === undefined || value === null || value === '';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('HTTP_BAD_RESPONSE', missing ? `${what} answered without ${field}` : `${what} answered ${field} in a form that is not ${shape.expected}; it was not used`, { hint: 'the service is misbehaving, or the URL points at something that is not this service; report it to its operator' });
}
/**
 * The ISO date `seconds` after `now`; for a lifetime past any date JavaScript can hold, a text the exchange
 * refuses as unreadable (src/exchange.ts) once the credential's revocation is recorded, where throwing
 * here, before that, would leave a revocable token unrevoked.
 */
function expiresAfter(now, seconds) {
    const at = new Date(now + seconds * 1000);
    return Number.isNaN(at.getTime()) ? `in ${String(seconds)} s` : at.toISOString();
}


/***/ }),

/***/ 7840:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Fx: () => (/* binding */ dockerHubProblem),
/* harmony export */   Tg: () => (/* binding */ dockerLogins),
/* harmony export */   cU: () => (/* binding */ DOCKER_USERNAME),
/* harmony export */   fF: () => (/* binding */ registryHostClaims),
/* harmony export */   zv: () => (/* binding */ REGISTRY_HOST)
/* harmony export */ });
// A docker login as a provider hands it to the sink (src/sinks/docker-config.ts): one `auths` part of the
// shared config.json, merged there with every other entry's logins and the job's earlier config.
/** A registry host as Docker keys `auths`: a lower-case name and optional port, no scheme or path. */
const REGISTRY_HOST = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/;
// Docker's own names for Docker Hub; the CLI keys its login https://index.docker.io/v1/, so a login
// under any of these would sit beside, not replace, one made by `docker login`.
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com', 'hub.docker.com']);
/** Why a host cannot take this login: Docker Hub takes no token Keyless mints, under any of its names. */
function dockerHubProblem(host, loginOf) {
    if (!DOCKER_HUB.has(host.replace(/:443$/, '')))
        return undefined;
    return `is Docker Hub, which takes no ${loginOf}: name the registry that issued it, and log in to Docker Hub with docker/login-action`;
}
/** What `user:password` may hold for the login to stay one `auth` value: no colon in the user, nothing unprintable. */
const DOCKER_USERNAME = { pattern: /^[\x21-\x39\x3b-\x7e]{1,255}$/, expected: 'printable ASCII without spaces or colons, at most 255 characters' };
/**
 * The docker config part that logs in to each host with one username and password. The base64 `auth`
 * is masked as well: it would slip past a mask of the password alone.
 */
function dockerLogins(hosts, username, password, mask) {
    const auth = Buffer.from(`${username}:${password}`).toString('base64');
    mask(auth);
    const auths = Object.fromEntries(hosts.map((host) => [host, { auth }]));
    return { env: 'DOCKER_CONFIG', name: 'docker/config.json', format: 'docker-config', content: JSON.stringify({ auths }) };
}
/**
 * Each host an entry logs in to, taken in the one docker config the job (or `keyless exec`'s command)
 * gets: of two logins to one host the later would silently replace the earlier. Claimed with the
 * settings, so two entries naming one host are refused before either is minted; hosts only an answer
 * names (ECR without `host`) are caught when the config is written.
 */
function registryHostClaims(hosts, places, field) {
    if (places.size === 0)
        return [];
    return [...new Set(hosts)].map((host) => ({
        key: `registry host ${host}`,
        field,
        message: (other) => `logs in to ${host}, as ${other} does; the later login would silently replace the earlier: keep one entry per registry host (one entry's ${field} may list several)`,
    }));
}


/***/ }),

/***/ 530:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   X_: () => (/* binding */ callJson),
/* harmony export */   jD: () => (/* binding */ sendJson),
/* harmony export */   tQ: () => (/* binding */ jsonAnswer)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _http_json_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2868);
/* harmony import */ var _oauth_error_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8350);



/** A JSON request to a token service: the JSON answer on 2xx, else one clear error quoting the service. */
async function callJson(call) {
    return jsonAnswer(call, await sendJson(call));
}
/** Sends the request of a JSON call, for a caller that looks at the status first (Vault's 404 for a missing secret). */
function sendJson(call) {
    return call.http.request({
        method: call.method,
        url: call.url,
        what: call.what,
        headers: { accept: 'application/json', ...(call.body === undefined ? {} : { 'content-type': 'application/json' }), ...call.headers },
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
        ...(call.idempotent === false ? { idempotent: false } : {}),
        ...(call.tls ? { tls: call.tls } : {}),
        ...(call.retryOn ? { retryOn: call.retryOn } : {}),
        ...(call.undo ? { undo: true } : {}),
    });
}
/** The JSON answer of a 2xx response, else one clear error quoting the service. */
function jsonAnswer(call, response) {
    const where = `${call.what} ${call.url.origin}${call.url.pathname}`;
    if (response.status < 200 || response.status >= 300) {
        const said = call.describe((0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseLoose */ .il)(response.body), response.body);
        const text = `${where} answered HTTP ${response.status}${said ? `: ${call.idToken ? said.split(call.idToken.jwt).join('***') : said}` : ''}`;
        if ((call.denied ?? [401, 403]).includes(response.status)) {
            const claims = call.idToken ? ` The token carried ${(0,_oauth_error_js__WEBPACK_IMPORTED_MODULE_2__/* .claimsForHumans */ .D1)(call.idToken)}.` : '';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('EXCHANGE_DENIED', `${text}.${claims}`, { hint: call.deniedHint });
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('EXCHANGE_FAILED', text, { hint: response.status >= 500 ? 're-run later; the service is failing' : 'check the entry keys' });
    }
    if (response.status === 204 || response.body === '')
        return { body: {}, response };
    const body = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .jsonBody */ .J9)(response, where);
    if (!(0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(body))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('HTTP_BAD_RESPONSE', `${where} answered with JSON that is not an object`);
    return { body, response };
}


/***/ }),

/***/ 8350:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D1: () => (/* binding */ claimsForHumans),
/* harmony export */   YM: () => (/* binding */ oauthError),
/* harmony export */   xD: () => (/* binding */ issuerOf)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _http_json_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2868);


/** RFC 6749 §5.2 codes that mean "you may not", as opposed to "you asked wrongly" or "I am broken". */
const DENIED = new Set(['invalid_grant', 'unauthorized_client', 'access_denied', 'invalid_target', 'invalid_scope', 'invalid_client']);
/**
 * The claims relying parties match trust policies on; none is secret. `iss` first: on GitHub Enterprise
 * Server and GHE.com it is not token.actions.githubusercontent.com, the usual mismatch there.
 */
function claimsForHumans(idToken) {
    const { iss, sub, aud, job_workflow_ref: workflow, environment } = idToken.claims;
    const pairs = [['iss', iss], ['sub', sub], ['aud', aud], ['job_workflow_ref', workflow], ['environment', environment]];
    return pairs
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
        .join(' ');
}
/**
 * The token's issuer as a trust policy names it (an https URL, no trailing slash), for setup hints:
 * never a hard-coded github.com issuer, which is wrong on GHES and GHE.com.
 */
function issuerOf(idToken) {
    const { iss } = idToken.claims;
    if (typeof iss !== 'string' || iss.length > 200 || !URL.canParse(iss))
        return undefined;
    return new URL(iss).protocol === 'https:' ? iss.replace(/\/$/, '') : undefined;
}
/**
 * The error for a failed token request: RFC 6749 §5.2 / RFC 8693 §2.2.2 bodies (`error`,
 * `error_description`, `error_uri`) are quoted; a denial prints the claims the policy was matched against.
 */
function oauthError(response, what, idToken, deniedHint = "compare these claims with the issuer's trust policy for this workload (subject, audience, workflow)") {
    const body = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseLoose */ .il)(response.body);
    const code = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(body) ? (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .serverText */ .Tn)(body.error, 80) : undefined;
    const description = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(body) ? (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .serverText */ .Tn)(body.error_description) : undefined;
    const uri = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(body) ? (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .serverText */ .Tn)(body.error_uri, 200) : undefined;
    const said = code === undefined ? '' : `: ${code}${description ? ` "${description}"` : ''}${uri ? ` (${uri})` : ''}`;
    // A server may echo the request back; the subject token must not travel on in our message.
    const message = `${what} answered HTTP ${response.status}${idToken ? said.split(idToken.jwt).join('***') : said}`;
    if (code !== undefined && DENIED.has(code)) {
        const claims = idToken === undefined ? '' : ` The token carried ${claimsForHumans(idToken)}.`;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('EXCHANGE_DENIED', `${message}.${claims}`, { hint: deniedHint });
    }
    const hint = code === 'invalid_request' || code === 'unsupported_grant_type'
        ? 'the server does not accept this request; check the entry keys against its documentation'
        : response.status >= 500 || response.status === 429
            ? 'the service is failing or throttling; re-run the job later'
            : 'check the endpoint URL and the entry keys';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('EXCHANGE_FAILED', message, { hint });
}


/***/ }),

/***/ 9171:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ QUAY_ROBOT),
/* harmony export */   d: () => (/* binding */ quay)
/* harmony export */ });
/* harmony import */ var jose_jwt_decode__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(9937);
/* harmony import */ var _audit_fingerprint_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(7663);
/* harmony import */ var _http_json_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2868);
/* harmony import */ var _credential_value_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3897);
/* harmony import */ var _docker_login_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7840);
/* harmony import */ var _json_endpoint_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(530);






// Quay robot account federation (quay.io, and Red Hat Quay 3.13 and later): the runner token, presented
// as the password of a robot account whose federation lists its issuer and subject, for a short-lived
// robot token that `docker login` takes in place of the robot's stored password.
// `GET /oauth2/federation/robot/token` with Basic auth; `{"token"}` on success, `{"error"}` with 401.
const OUTPUTS = { public: ['username', 'host', 'expires-at'], secret: ['password'] };
/** A Quay robot username: the organisation or user namespace, `+`, the robot's short name. */
const QUAY_ROBOT = /^(?=.{4,255}$)[a-z0-9]+(?:[._-][a-z0-9]+)*\+[a-z][a-z0-9_]{1,254}$/;
/** Beyond this the answer is not a temporary robot token (Quay's last one hour). */
const MAX_LIFETIME_MS = 24 * 3600_000;
function read(fields) {
    const url = fields.url('url') ?? new URL('https://quay.io');
    const robot = fields.string('robot', {
        required: true,
        pattern: QUAY_ROBOT,
        expected: 'a robot account as Quay names it, NAMESPACE+ROBOT (e.g. acme+github_ci)',
    });
    if (url.pathname !== '/' || url.search !== '' || url.hash !== '')
        fields.report('url', 'has a path, query or fragment: give the Quay origin alone, e.g. https://quay.io');
    const hub = (0,_docker_login_js__WEBPACK_IMPORTED_MODULE_2__/* .dockerHubProblem */ .Fx)(url.hostname, 'Quay robot token');
    if (hub)
        fields.report('url', hub);
    if (robot === undefined)
        return undefined;
    return { url: new URL(url.origin), robot };
}
/** Quay answers `{"error": "..."}` to a refused federation; anything else is quoted, bounded. */
function quayError(body, text) {
    return (0,_http_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(body) ? (0,_http_json_js__WEBPACK_IMPORTED_MODULE_0__/* .serverText */ .Tn)(body.error) : (0,_http_json_js__WEBPACK_IMPORTED_MODULE_0__/* .serverText */ .Tn)(text, 200);
}
async function exchange(config, ctx) {
    const url = new URL('oauth2/federation/robot/token', config.url);
    // The runner token as a password: its Basic form would slip past a mask of the token alone.
    const basic = Buffer.from(`${config.robot}:${ctx.idToken.jwt}`).toString('base64');
    ctx.mask(basic);
    const call = {
        http: ctx.http,
        method: 'GET',
        url,
        what: 'Quay robot federation',
        headers: { authorization: `Basic ${basic}` },
        describe: quayError,
        denied: [401, 403],
        deniedHint: deniedHint(config, ctx.idToken),
        idToken: ctx.idToken,
    };
    const response = await (0,_json_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .sendJson */ .jD)(call);
    const { body } = (0,_json_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .jsonAnswer */ .tQ)(call, response);
    const where = `Quay at ${url.origin}`;
    // Quay's temporary robot tokens are JWTs it signs; the shape is all Keyless checks of one.
    const token = (0,_credential_value_js__WEBPACK_IMPORTED_MODULE_1__/* .credentialValue */ .No)(body.token, 'a token', where, _credential_value_js__WEBPACK_IMPORTED_MODULE_1__/* .JWT */ .yl);
    ctx.mask(token);
    const expiresAt = expiryOf(token, ctx.now());
    const host = config.url.host;
    return {
        env: {},
        files: [(0,_docker_login_js__WEBPACK_IMPORTED_MODULE_2__/* .dockerLogins */ .Tg)([host], config.robot, token, (secret) => { ctx.mask(secret); })],
        secretOutputs: { password: token },
        // The robot's name is on every push it makes, not a secret; masking it would blank it all over the log.
        publicOutputs: { username: config.robot, host, ...(expiresAt ? { 'expires-at': expiresAt } : {}) },
        info: {
            principal: `${config.robot} at ${host}`,
            ...(expiresAt ? { expiresAt } : {}),
            tokenType: 'Quay robot token (docker config)',
            endpoint: `${url.origin}${url.pathname}`,
            attempts: response.attempts,
            fingerprint: await (0,_audit_fingerprint_js__WEBPACK_IMPORTED_MODULE_4__/* .fingerprint */ .R)(token),
        },
        irrevocable: 'Quay offers no revocation of a federated robot token; the docker config is deleted and the token expires on its own (1 hour)',
    };
}
/** The token's own `exp`, for the report and `expires-at` only: read, not trusted, and left out when absurd. */
function expiryOf(token, now) {
    let exp;
    try {
        ({ exp } = (0,jose_jwt_decode__WEBPACK_IMPORTED_MODULE_5__/* .decodeJwt */ .i)(token));
    }
    catch {
        return undefined;
    }
    if (typeof exp !== 'number' || !Number.isFinite(exp) || exp * 1000 <= now || exp * 1000 - now > MAX_LIFETIME_MS)
        return undefined;
    return new Date(exp * 1000).toISOString();
}
/** Quay matches the token's `iss` and `sub` exactly against the robot's federation entries. */
function deniedHint(config, idToken) {
    const { iss, sub } = idToken.claims;
    return (`in Quay, open the robot account ${config.robot} → Set robot federation, and add an entry with issuer ${JSON.stringify(iss)} and ` +
        `subject ${JSON.stringify(sub)}: Quay compares both exactly (no wildcards), so a job on another branch or environment needs its own entry`);
}
/** One login per registry host in the job's docker config: a second entry for the same Quay would silently replace the first. */
function exclusive(config, places) {
    return (0,_docker_login_js__WEBPACK_IMPORTED_MODULE_2__/* .registryHostClaims */ .fF)([config.url.host], places, 'url');
}
const quay = {
    name: 'quay',
    outputs: OUTPUTS,
    read,
    // Quay does not check the audience; the instance's origin keeps the token good for nothing else that does.
    defaultAudience: (config) => config.url.origin,
    exchange,
    exclusive,
};


/***/ }),

/***/ 7474:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   WV: () => (/* binding */ displayText),
/* harmony export */   tJ: () => (/* binding */ inert)
/* harmony export */ });
/* unused harmony export inertLines */
// The one place where text from outside (a server's answer, a token's claims, a workflow file, a path,
// step state) becomes log text. The runner reads stdout and stderr line by line and runs any line that
// starts with `::` (after trimming white space) or holds `##[` (the legacy form) as a workflow command:
// `::add-mask::`, `::save-state::`, `::stop-commands::`… So outside text must never end a line or start
// a command. Every line Keyless prints passes through `inert`.
// CR, LF, CRLF end a line for the runner; NEL, LS, PS, VT and FF do for log viewers and editors.
const BREAKS = /[\r\n\v\f\u0085\u2028\u2029]+/g;
// Other C0/C1 controls (ANSI escapes can repaint or hide a line) and bidi overrides (can disguise one).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** One log line's worth of `text`: no line break, no control character, no workflow command. */
function inert(text) {
    return text
        .replace(BREAKS, ' ')
        .replace(CONTROLS, '\ufffd')
        .replace(/^(\s*):/, '$1\u00b7:')
        .replace(/##\[/g, '#\u00b7#[');
}
/** Text of many lines (a CLI report) made inert line by line; its own line ends are kept. */
function inertLines(text) {
    return text.split('\n').map(inert).join('\n');
}
/**
 * A display value from outside (a principal, a scope, a token type) as it may be shown, exported as an
 * output or recorded: one inert line of bounded length. A later step reads outputs through `${{ }}`,
 * where a line break would be script.
 */
function displayText(text, max = 512) {
    const line = inert(text).replace(/\t/g, ' ');
    return line.length > max ? `${line.slice(0, max)}…` : line;
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = require("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = require("buffer");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = require("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = require("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = require("fs");

/***/ }),

/***/ 1943:
/***/ ((module) => {

module.exports = require("fs/promises");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = require("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = require("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = require("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = require("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = require("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = require("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = require("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = require("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = require("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = require("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = require("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = require("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = require("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = require("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = require("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = require("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = require("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = require("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = require("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = require("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = require("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = require("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = require("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = require("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = require("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = require("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = require("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = require("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = require("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = require("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = require("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = require("process");

/***/ }),

/***/ 3480:
/***/ ((module) => {

module.exports = require("querystring");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = require("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = require("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = require("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = require("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = require("util");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
exports.Vj = identity.isAlias;
exports.P3 = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
exports.Ll = identity.isNode;
exports.tO = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
exports.X5 = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
exports.hR = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
exports.YR = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ }),

/***/ 9937:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ decodeJwt)
});

;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/buffer_utils.js
const buffer_utils_encoder = new TextEncoder(), decoder = new TextDecoder(), buffer_utils_strictDecoder = new TextDecoder("utf-8", { fatal: !0 }), UINT32_RANGE = (/* unused pure expression or super */ null && (2 ** 32));
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
function buffer_utils_encode(string) {
  if (typeof string == "string" && string.length >= 128) {
    if (NON_ASCII.test(string))
      throw new TypeError("non-ASCII string encountered in encode()");
    return buffer_utils_encoder.encode(string);
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
function buffer_utils_encodeBase64(input, url = !1) {
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


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/base64url.js

const invalid = "The input to be decoded is not correctly encoded.";
function base64url_decode(input) {
  try {
    return decodeBase64(typeof input == "string" ? input : decoder.decode(input), !0);
  } catch (cause) {
    throw new TypeError(invalid, { cause });
  }
}
function base64url_encode(input) {
  return encodeBase64(typeof input == "string" ? encoder.encode(input) : input, !0);
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/validate.js



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
    return decode(value);
  } catch (cause) {
    throw new ErrorClass(`Failed to base64url decode the ${label}`, { cause });
  }
}
function encodeAsciiMember(value, label, ErrorClass) {
  try {
    return encode(value);
  } catch (cause) {
    throw new ErrorClass(`The ${label} is not a valid base64url string`, { cause });
  }
}
function parseJoseHeader(encodedProtectedHeader, ErrorClass, message) {
  let parsed;
  try {
    parsed = JSON.parse(strictDecoder.decode(decode(encodedProtectedHeader)));
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
      throw new JOSENotSupported(`Extension Header Parameter "${parameter}" is not recognized`);
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
      throw new JWSInvalid('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
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


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/errors.js
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
class JOSEAlgNotAllowed extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JOSE_ALG_NOT_ALLOWED"));
  code = "ERR_JOSE_ALG_NOT_ALLOWED";
}
class errors_JOSENotSupported extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JOSE_NOT_SUPPORTED"));
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
class errors_JWSInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWS_INVALID"));
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
class JWKSInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWKS_INVALID"));
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


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/decode_jwt.js




function decodeJwt(jwt) {
  if (typeof jwt != "string")
    throw new JWTInvalid("JWTs must use Compact JWS serialization, JWT must be a string");
  const { 1: encodedPayload, length } = jwt.split(".");
  if (length === 5)
    throw new JWTInvalid("Only JWTs using Compact JWS serialization can be decoded");
  if (length !== 3)
    throw new JWTInvalid("Invalid JWT");
  if (!encodedPayload)
    throw new JWTInvalid("JWTs must contain a payload");
  let claimsSetBytes;
  try {
    claimsSetBytes = base64url_decode(encodedPayload);
  } catch (cause) {
    throw new JWTInvalid("Failed to base64url decode the payload", { cause });
  }
  let claimsSet;
  try {
    claimsSet = JSON.parse(buffer_utils_strictDecoder.decode(claimsSetBytes));
  } catch (cause) {
    throw new JWTInvalid("Failed to parse the decoded payload as JSON", { cause });
  }
  if (!isObject(claimsSet))
    throw new JWTInvalid("Invalid JWT Claims Set");
  return claimsSet;
}



/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/compat get default export */
/******/ 	(() => {
/******/ 		// getDefaultExport function for compatibility with non-harmony modules
/******/ 		__nccwpck_require__.n = (module) => {
/******/ 			var getter = module && module.__esModule ?
/******/ 				() => (module['default']) :
/******/ 				() => (module);
/******/ 			__nccwpck_require__.d(getter, { a: getter });
/******/ 			return getter;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/create fake namespace object */
/******/ 	(() => {
/******/ 		var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 		var leafPrototypes;
/******/ 		// create a fake namespace object
/******/ 		// mode & 1: value is a module id, require it
/******/ 		// mode & 2: merge all properties of value into the ns
/******/ 		// mode & 4: return value when already ns object
/******/ 		// mode & 16: return value when it's Promise-like
/******/ 		// mode & 8|1: behave like require
/******/ 		__nccwpck_require__.t = function(value, mode) {
/******/ 			if(mode & 1) value = this(value);
/******/ 			if(mode & 8) return value;
/******/ 			if(typeof value === 'object' && value) {
/******/ 				if((mode & 4) && value.__esModule) return value;
/******/ 				if((mode & 16) && typeof value.then === 'function') return value;
/******/ 			}
/******/ 			var ns = Object.create(null);
/******/ 			__nccwpck_require__.r(ns);
/******/ 			var def = {};
/******/ 			leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 			for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 				Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 			}
/******/ 			def['default'] = () => (value);
/******/ 			__nccwpck_require__.d(ns, def);
/******/ 			return ns;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".index.js";
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		// no baseURI
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};
// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  run: () => (/* binding */ main_run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
;// CONCATENATED MODULE: external "node:stream/promises"
const promises_namespaceObject = require("node:stream/promises");
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
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
    const { getProxyUrl } = await __nccwpck_require__.e(/* import() */ 783).then(__nccwpck_require__.bind(__nccwpck_require__, 9783));
    const proxy = getProxyUrl(url);
    if (proxy === undefined || proxy.hostname === '')
        return undefined;
    const { HttpClient } = await __nccwpck_require__.e(/* import() */ 779).then(__nccwpck_require__.bind(__nccwpck_require__, 2779));
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

;// CONCATENATED MODULE: ./src/http/retry.ts
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

// EXTERNAL MODULE: ./src/http/url.ts
var http_url = __nccwpck_require__(6697);
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
    (0,http_url/* assertSecure */.EO)(req.url, req.what);
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
            const retryAfter = parseRetryAfter(headerValue(response.headers['retry-after']), options.now());
            const retryable = (isRetryableStatus(response.status) || req.retryOn?.(response) === true) && (req.idempotent !== false || retryAfter !== undefined);
            waitMs = retryAfter ?? backoffMs(attempt - 1, options.backoffBaseMs, options.backoffCapMs, options.random);
            if (last(waitMs) || !retryable || (retryAfter ?? 0) > options.maxRetryAfterMs)
                return { ...response, attempts: attempt };
        }
        catch (error) {
            throwIfStopped(stopping, abandon);
            waitMs = backoffMs(attempt - 1, options.backoffBaseMs, options.backoffCapMs, options.random);
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
    return url.protocol === 'https:' ? (await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4708, 23))).request : (await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7067, 23))).request;
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
        await (0,promises_namespaceObject.pipeline)(res, cap, (0,external_node_fs_.createWriteStream)(path, { mode: 0o600 }));
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

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(3136);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: ./src/os/fs-retry.ts
var fs_retry = __nccwpck_require__(608);
;// CONCATENATED MODULE: ./src/audit/record.ts





/** The GitHub OIDC claims that say who ran: read from the token, not the environment it could not vouch for. */
const IDENTITY_CLAIMS = [
    'iss', 'sub', 'repository', 'repository_id', 'repository_owner', 'ref', 'sha', 'workflow', 'job_workflow_ref',
    'event_name', 'environment', 'run_id', 'run_attempt', 'actor', 'runner_environment',
];
function identityFromClaims(claims) {
    const identity = {};
    for (const claim of IDENTITY_CLAIMS) {
        const value = claims[claim];
        if (typeof value === 'string' || typeof value === 'number')
            identity[claim] = String(value);
    }
    return identity;
}
/**
 * Creates the audit file: 0600, and only if nothing is at that path yet (never through a link an earlier
 * step planted). Every string in it passes through the log's redaction: server text can quote a token.
 */
/**
 * Where a run's audit record goes: RUNNER_TEMP, under a name with the run's id and a random part. The id
 * is used only when it is the number the runner sets: a variable is text, and `../` in it would place the
 * file elsewhere.
 */
function auditFilePath(env, prefix) {
    const run = /^\d{1,20}$/.test(env.GITHUB_RUN_ID ?? '') ? env.GITHUB_RUN_ID : 'local';
    return (0,external_node_path_.join)(env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), `${prefix}-${run ?? 'local'}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.json`);
}
/** Writes a new audit file; returns the SHA-256 of what it wrote, for the post step to know the file is still main's. */
function writeAudit(path, record, redact) {
    const text = auditText(record, redact);
    (0,external_node_fs_.writeFileSync)(path, text, { mode: 0o600, flag: 'wx' });
    return auditDigest(Buffer.from(text));
}
function auditDigest(bytes) {
    return (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
}
/**
 * Replaces the audit file whole: a fresh 0600 file beside it, renamed over it (a link at the path is
 * replaced, not followed). On Windows the rename waits a moment for a scanner that holds the file open.
 */
function rewriteAudit(path, record, redact) {
    const temp = `${path}.${process.pid}.tmp`;
    try {
        writeFileSync(temp, auditText(record, redact), { mode: 0o600, flag: 'wx' });
        retryBusy(() => renameSync(temp, path));
    }
    finally {
        retryBusy(() => rmSync(temp, { force: true }));
    }
}
// Redacting the JSON text is sound: every secret is masked in its JSON-escaped form too, and `***` is valid inside a string.
function auditText(record, redact) {
    return `${redact(JSON.stringify(record, null, 2))}\n`;
}

// EXTERNAL MODULE: ./src/runner/inert.ts
var inert = __nccwpck_require__(7474);
;// CONCATENATED MODULE: ./src/audit/summary.ts

/**
 * A table cell from text that may come from a server or a token: redacted first (an escaped secret would
 * no longer match), made one inert line, with Markdown's own characters escaped so a principal cannot
 * become a link, an image, HTML or a new table row. GitHub also links bare `scheme://…` and `www.…` text,
 * which an escape in the middle breaks (`https\://`, `www\.`), and `name@host.tld`, which it finds after
 * joining the text back: a word joiner (U+2060, invisible) after an `@` that a host name follows keeps
 * that from being an address (`setup-node@v4` stays as it is).
 */
function cell(value, redact) {
    return (0,inert/* inert */.tJ)(redact(value ?? '—'))
        .replace(/[\\`[\]<>|]/g, '\\$&')
        .replace(/:(?=\/\/)/g, '\\:')
        .replace(/(www)\./gi, '$1\\.')
        .replace(/@(?=[\w-]+\.[\w-])/g, '@\u2060');
}
function table(header, rows, redact) {
    const line = (cells) => `| ${cells.map((c) => cell(c, redact)).join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
/** The job-summary section the main step writes: who ran, and what was minted for whom. */
function mainSummary(record, redact) {
    const { identity } = record;
    const who = table(['repository', 'ref', 'sha', 'workflow', 'run'], [[identity.repository, identity.ref, identity.sha?.slice(0, 12), identity.job_workflow_ref ?? identity.workflow, identity.run_id]], redact);
    const minted = table(['entry', 'provider', 'principal / audience', 'scope', 'expires at', 'revocable'], record.credentials.map((c) => [c.id, c.from ? `${c.provider} ← ${c.from}` : c.provider, c.principal, c.scope, c.expiresAt, c.revocable ? 'at job end' : 'no (expires)']), redact);
    const tools = record.tools.length === 0
        ? ''
        : `${table(['tool', 'digest', 'signed by', 'issuer', 'log index'], record.tools.map((t) => [t.name, t.digest.slice(0, 19), t.identity ?? 'pinned key', t.issuer, t.tlogIndex]), redact)}\n\n`;
    const chained = record.credentials.filter((c) => c.chain !== undefined);
    const chains = chained.length === 0
        ? ''
        : `\n**Built on other entries** (the principal of each hop, first to last):\n\n${table(['entry', 'chain'], chained.map((c) => [c.id, (c.chain ?? []).join(' → ')]), redact)}\n`;
    const credentials = record.credentials.length === 0 ? '' : `${minted}\n${chains}`;
    const pins = record.pins.length === 0
        ? ''
        : `\n**Not pinned to an immutable digest** (${record.pins.length}):\n\n${table(['file', 'line', 'kind', 'reference'], record.pins.map((f) => [f.file, String(f.line), f.kind, f.ref]), redact)}\n`;
    const stored = record.storedSecrets ?? [];
    const secrets = stored.length === 0
        ? ''
        : `\n**Stored secrets still read** (${stored.length}; \`keyless secrets\` prints what replaces each):\n\n${table(['file', 'line', 'secret', 'kind'], stored.map((f) => [f.file, String(f.line), f.secret, f.kind]), redact)}\n`;
    const deferred = record.exchanges.filter((e) => e.outcome === 'exec');
    const exec = deferred.length === 0 ? '' : `\n**Checked for \`keyless exec\`** (minted only for its command, revoked when it exits): ${deferred.map((e) => cell(e.id, redact)).join(', ')}\n`;
    return `### Keyless\n\n${who}\n\n${tools}${credentials}${exec}${pins}${secrets}`;
}
/** The section each `keyless exec` appends: the command (its argv[0] alone), what it got, from when to when, how it ended. */
function execSummary(record, redact) {
    const status = `${record.exitStatus ?? 'not started'}${record.signal ? ` (${record.signal})` : ''}`;
    const run = table(['command', 'entries', 'minted', 'revoked / deleted', 'exit status'], [[record.command, record.entries.join(', '), record.mintedAt, record.cleanedAt, status]], redact);
    const rows = record.cleanup.map((r) => [r.id, r.provider, r.status === 'revoked' ? 'revoked' : r.status === 'failed' ? `failed: ${r.detail ?? ''}` : `not revocable: ${r.detail ?? ''}`, r.expiresAt]);
    const results = rows.length === 0 ? '' : `\n\n${table(['entry', 'provider', 'result', 'expires at'], rows, redact)}`;
    return `### Keyless exec\n\n${run}${results}\n`;
}
/** The same, as one line for stderr outside GitHub Actions. */
function execLine(record) {
    const status = `${record.exitStatus === undefined ? 'not started' : `exit ${record.exitStatus}`}${record.signal ? ` (${record.signal})` : ''}`;
    const results = record.cleanup.map((r) => `${r.id} ${r.status}`).join(', ');
    return `keyless exec: ${record.command}: ${record.entries.join(', ') || 'no entry'} minted ${record.mintedAt ?? '—'} → cleaned up ${record.cleanedAt ?? '—'}${results ? ` (${results})` : ''}; ${status}`;
}
/** The section the post step writes: what became of each credential. */
function cleanupSummary(results, deleted, redact, gone = 0) {
    const rows = results.map((r) => [r.id, r.provider, r.status === 'revoked' ? 'revoked' : r.status === 'failed' ? `revocation failed: ${r.detail ?? ''}` : `not revocable: ${r.detail ?? ''}`, r.expiresAt]);
    const body = rows.length > 0 ? table(['entry', 'provider', 'result', 'expires at'], rows, redact) : 'No credential was minted.';
    const goneNote = gone > 0 ? ` ${gone} ${gone === 1 ? 'was' : 'were'} already gone: moved or deleted after Keyless wrote ${gone === 1 ? 'it' : 'them'} (the step log names ${gone === 1 ? 'it' : 'them'}).` : '';
    return `### Keyless cleanup\n\n${body}\n\n${deleted} file(s) and folder(s) deleted.${goneNote}\n`;
}

;// CONCATENATED MODULE: ./src/config/duration.ts
const UNIT_SECONDS = { s: 1, m: 60, h: 3600 };
/**
 * Seconds in a duration written `900`, `90s`, `15m`, `1h` or `1h30m`; undefined for anything else,
 * so "abc" is an error the caller reports, never a silent default.
 */
function parseDuration(value) {
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text);
    if (!/^(\d+[hms])+$/.test(text))
        return undefined;
    let seconds = 0;
    const seen = new Set();
    for (const [, amount, unit] of text.matchAll(/(\d+)([hms])/g)) {
        if (unit === undefined || seen.has(unit))
            return undefined;
        seen.add(unit);
        seconds += Number(amount) * (UNIT_SECONDS[unit] ?? 0);
    }
    return seconds;
}
function formatDuration(seconds) {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    return [h ? `${h}h` : '', m ? `${m}m` : '', s || seconds === 0 ? `${s}s` : ''].join('');
}

;// CONCATENATED MODULE: ./src/config/env-names.ts
// Variables an entry may not export (`export-env`, or the name derived from its id): each would change
// how every later step of the job runs, or belongs to the runner. Policy as data, one reason per rule;
// names are compared upper-cased, because Windows runners read `Path` as `PATH`.
const rule = (names, reason) => ({ pattern: new RegExp(`^(${names})$`), reason });
const ENV_NAME_RULES = [
    rule('PATH|PATHEXT|CDPATH', 'it decides which program every later command runs'),
    rule('BASH_.*|ENV|SHELL|SHELLOPTS|BASHOPTS|PS4|PROMPT_COMMAND|IFS|GLOBIGNORE|ZDOTDIR|COMSPEC|PSMODULEPATH', 'the shells of later steps read it at start-up, and several of these run commands'),
    rule('LD_.*|DYLD_.*', 'the dynamic loader preloads libraries from it into every later process'),
    rule('NODE_OPTIONS|NODE_PATH|NODE_EXTRA_CA_CERTS|NODE_TLS_REJECT_UNAUTHORIZED', 'Node.js reads it in every later node process, actions included (code to load, or certificates to trust)'),
    rule('PYTHONPATH|PYTHONSTARTUP|PYTHONHOME|PYTHONUSERBASE|PYTHONINSPECT|PYTHONBREAKPOINT|PYTHONWARNINGS', 'Python imports or runs code from it'),
    rule('PERL5OPT|PERL5LIB|PERLLIB|PERL5DB|RUBYOPT|RUBYLIB', 'Perl or Ruby loads code from it'),
    rule('JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS|CLASSPATH|MAVEN_OPTS|GRADLE_OPTS', 'every JVM (or Maven, Gradle) takes options or classes from it'),
    rule('DOTNET_STARTUP_HOOKS|CORECLR_.*|COR_.*', '.NET loads code from it'),
    rule('GIT_.*', 'git reads GIT_* variables, several of which run commands (GIT_SSH_COMMAND, GIT_ASKPASS, GIT_EXTERNAL_DIFF) or inject configuration (GIT_CONFIG_*)'),
    rule('NPM_CONFIG_.*', 'npm reads its configuration from it, and settings such as script-shell and node-options run commands'),
    rule('GOPROXY|GOSUMDB|GONOSUMDB|GONOSUMCHECK|GOINSECURE|GOPRIVATE|GONOPROXY', 'the Go tool chain fetches modules from it, or skips checking them'),
    rule('GOFLAGS|RUSTC|RUSTC_WRAPPER|RUSTC_WORKSPACE_WRAPPER|CARGO_BUILD_RUSTC.*|CARGO_TARGET_.*_RUNNER', 'the Go or Rust tool chain runs commands named in it'),
    rule('OPENSSL_CONF|OPENSSL_ENGINES|OPENSSL_MODULES|GCONV_PATH|LUA_INIT|LUA_INIT_5_\\d|PHPRC|PHP_INI_SCAN_DIR', 'OpenSSL, glibc\'s iconv, Lua or PHP load code or configuration that runs code from it'),
    rule('AWS_CONFIG_FILE|KUBECONFIG', 'it names a configuration file whose settings run commands (credential_process, exec plugins)'),
    rule('EDITOR|VISUAL|PAGER|MANPAGER|GIT_PAGER|BROWSER|LESSOPEN|LESSCLOSE|SSH_ASKPASS|CC|CXX|CPP|AR|MAKEFLAGS', 'tools run the command it names'),
    rule('HTTP_PROXY|HTTPS_PROXY|ALL_PROXY|NO_PROXY|SSL_CERT_FILE|SSL_CERT_DIR|CURL_CA_BUNDLE|REQUESTS_CA_BUNDLE', 'it decides where the traffic of later steps goes, or which certificates they trust'),
    rule('AWS_ENDPOINT_URL(?:_.*)?|AWS_CA_BUNDLE|AWS_SHARED_CREDENTIALS_FILE|DOCKER_HOST|DOCKER_CONTEXT|CONTAINER_HOST|CONTAINER_CONNECTION|DOCKER_CERT_PATH|DOCKER_TLS_VERIFY|TWINE_REPOSITORY(?:_URL)?|PIP_(?:EXTRA_)?INDEX_URL|UV_(?:EXTRA_|DEFAULT_)?INDEX(?:_URL)?|UV_PUBLISH_URL|CLOUDSDK_API_ENDPOINT_OVERRIDES_.*|AZURE_AUTHORITY_HOST|GH_HOST|CARGO_REGISTRIES_.*|CARGO_REGISTRY_INDEX', 'it sends the requests of later steps, with the credentials other entries hand out, to another server'),
    rule('HOME|USERPROFILE|XDG_CONFIG_HOME|TMPDIR', 'tools read their configuration (which may run commands) or write their files there'),
    rule('GITHUB_.*|RUNNER_.*|ACTIONS_.*|INPUT_.*|STATE_.*|CI', 'it belongs to the runner: later steps and actions rely on its value'),
    rule('KEYLESS_(?:REFRESH|CLI|EXEC_CONFIG)|AZURE_CONFIG_DIR', 'Keyless sets it for its own commands (or for the az session it signs in)'),
];
/** Why an entry may not export `name`, or undefined when it may. */
function envNameRefusal(name) {
    const upper = name.toUpperCase();
    return ENV_NAME_RULES.find((r) => r.pattern.test(upper))?.reason;
}
/**
 * The prefixes other tools read their endpoints, credentials and settings from. A name a server's key
 * makes (a Vault `*`) may not start with one: whoever can write that secret would otherwise choose, say,
 * AWS_ENDPOINT_URL_STS or DOCKER_HOST and receive what other entries hand out. A name the user writes,
 * or a `*` under a prefix of the user's (`name: APP_`), is the user's choice and only meets the rules above.
 */
const TOOL_NAMESPACES = /^(?:AWS|AZURE|ARM|MSI|IDENTITY|GOOGLE|CLOUDSDK|GCLOUD|GCE|DOCKER|BUILDX|BUILDKIT|CONTAINERS?|REGISTRY|PODMAN|TWINE|PIP|UV|PYPI|CARGO|RUSTUP|GH|GITHUB|JF|JFROG|VAULT|BAO|NPM|YARN|PNPM|NODE|GEM|BUNDLE|RUBYGEMS|KUBE|KUBECTL|HELM|TF_CLI|TF_PLUGIN|SSH|GPG|GNUPG|SIGSTORE|COSIGN|KEYLESS)(?:_|$)/;
/**
 * Outside those namespaces, the shapes tools of every vendor give an endpoint (SONAR_HOST_URL,
 * OPENAI_BASE_URL), the certificates to trust, or the folder programs run from (JAVA_HOME). Checked on the
 * whole name, the user's prefix included: `OPENAI_` + a key `BASE_URL` is OPENAI_BASE_URL all the same.
 * Plain settings stay: DB_HOST, DATABASE_URL, OUTPUT_DIR.
 */
const TOOL_SETTING_SHAPES = /_(?:HOST_URL|BASE_URL|API_BASE|API_URL|SERVER_URL|INDEX_URL|ENDPOINT_URL|REGISTRY_URL|PROXY|CA_BUNDLE|CA_CERTS?|CA_FILE|CA_PATH|HOME)$/;
/** Why a name a server chose (a Vault wildcard's key, after the user's prefix) may not be exported, or undefined when it may. */
function serverNameProblem(name) {
    const upper = name.toUpperCase();
    if (TOOL_NAMESPACES.test(upper))
        return 'a server\'s key may not choose a name other tools read their endpoints or credentials from';
    if (TOOL_SETTING_SHAPES.test(upper))
        return 'a server\'s key may not choose a name shaped like a tool\'s endpoint, trusted certificates or program folder';
    return envNameProblem(name);
}
/** A variable name as every shell and the runner take it. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
/**
 * Why an entry may not export `name`: not a variable name, or refused above (itself, or the NAME_FILE that
 * `export: file` adds). Undefined when it may.
 */
function envNameProblem(name) {
    if (!ENV_NAME.test(name))
        return 'it is not a variable name (letters, digits and _, not starting with a digit)';
    return envNameRefusal(name) ?? envNameRefusal(`${name}_FILE`);
}

;// CONCATENATED MODULE: ./src/config/problems.ts

/** Collects every problem in the configuration so the user fixes them in one round, not one per run. */
class problems_Problems {
    items;
    prefix;
    /** `prefix`: the file the problems are in, when that is not the workflow's input (`.github/keyless.yml: `). */
    constructor(items = [], prefix = '') {
        this.items = items;
        this.prefix = prefix;
    }
    add(at, message, line) {
        this.items.push({ at: `${this.prefix}${at}`, line, message });
    }
    /** The same list, for problems found inside `file`. */
    in(file) {
        return file === undefined ? this : new problems_Problems(this.items, `${file}: `);
    }
    throwIfAny() {
        if (this.items.length === 0)
            return;
        const listed = this.items.map((p) => `${p.at}${p.line === undefined ? '' : ` (line ${p.line})`}: ${p.message}`);
        throw new errors/* KeylessError */.FM('INPUT_INVALID', listed.join('; '), {
            hint: 'fix the input and re-run; see the README for every key and its form',
        });
    }
}
/** The closest known key, for "did you mean" on a typo. */
function closest(word, candidates) {
    let best;
    let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
    for (const candidate of candidates) {
        const distance = editDistance(word, candidate);
        if (distance < bestDistance)
            [best, bestDistance] = [candidate, distance];
    }
    return best;
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}

;// CONCATENATED MODULE: ./src/config/fields.ts





/**
 * Reads the keys of one YAML mapping, each with its expected form, reporting every bad or missing value
 * to `problems`. A key nobody read is unknown: `finish()` reports it, with the nearest known key.
 */
class fields_FieldReader {
    raw;
    at;
    path;
    yaml;
    problems;
    #known = new Set();
    constructor(raw, 
    /** Human path of the mapping, e.g. `credentials[0]`. */
    at, path, yaml, problems) {
        this.raw = raw;
        this.at = at;
        this.path = path;
        this.yaml = yaml;
        this.problems = problems;
    }
    /** The keys read so far: after the provider's read(), every key it knows. */
    get known() {
        return [...this.#known];
    }
    report(key, message) {
        const at = key === undefined ? this.at : `${this.at}.${key}`;
        const line = this.yaml?.lineOf(key === undefined ? this.path : [...this.path, key]);
        this.problems.add(at, message, line);
    }
    #take(key, required, expected) {
        this.#known.add(key);
        const value = this.raw[key];
        if ((value === undefined || value === null) && required)
            this.report(key, `is required (${expected})`);
        return value ?? undefined;
    }
    /** The value as written, for a shape the readers below do not cover (a list of strings and mappings); the caller checks it. */
    value(key) {
        return this.#take(key, false, '');
    }
    /**
     * A reader for the mapping at `key[index]` (a list item): its problems read `at.key[index].sub` with the
     * item's line, and its own finish() reports keys it did not read.
     */
    item(key, index, raw) {
        return new fields_FieldReader(raw, `${this.at}.${key}[${index}]`, [...this.path, key, index], this.yaml, this.problems);
    }
    has(key) {
        return this.raw[key] !== undefined && this.raw[key] !== null;
    }
    string(key, opts = {}) {
        const expected = opts.expected ?? 'a string';
        const value = this.#take(key, opts.required ?? false, expected);
        if (value === undefined)
            return undefined;
        if (typeof value !== 'string' && typeof value !== 'number') {
            this.report(key, `must be ${expected}, not ${describe(value)}`);
            return undefined;
        }
        const text = String(value);
        if (text === '' || (opts.pattern && !opts.pattern.test(text))) {
            // The value is never quoted back: a pasted secret would land in the log.
            this.report(key, `is not ${expected}`);
            return undefined;
        }
        return text;
    }
    /**
     * The name of a variable the entry exports: `fallback` (derived from the id) when the key is absent.
     * Either way, a name that changes how later steps run, or that the runner owns, is refused with why.
     */
    envName(key, fallback) {
        const given = this.string(key, { pattern: ENV_NAME, expected: 'an environment variable name of [A-Za-z0-9_]' });
        if (given === undefined && this.has(key))
            return undefined;
        const name = given ?? fallback;
        // `export: file` adds NAME_FILE, so that form is checked too.
        const reason = envNameRefusal(name) ?? envNameRefusal(`${name}_FILE`);
        if (reason === undefined)
            return name;
        const which = given === undefined ? `the default variable ${name} (from the entry's id)` : name;
        this.report(key, `may not name ${which}: ${reason}; choose another name${given === undefined ? ' with export-env' : ''}`);
        return undefined;
    }
    url(key, opts = {}) {
        const text = this.string(key, { required: opts.required ?? false, expected: 'an https:// URL' });
        if (text === undefined)
            return undefined;
        try {
            return (0,http_url/* parseEndpoint */.Bk)(text, key);
        }
        catch (error) {
            if (!(error instanceof errors/* KeylessError */.FM))
                throw error;
            const why = error.code === 'HTTP_INSECURE_URL' ? 'is not https (plain http only on loopback: 127.0.0.1, ::1, localhost)' : 'is not an absolute URL (https://host/path)';
            this.report(key, why);
            return undefined;
        }
    }
    /** A string or a list of strings. */
    strings(key, opts = {}) {
        const value = this.#take(key, opts.required ?? false, 'a string or a list of strings');
        if (value === undefined)
            return undefined;
        const list = Array.isArray(value) ? value : [value];
        if (list.length === 0 || list.some((item) => typeof item !== 'string' || item === '')) {
            this.report(key, `must be a non-empty string or list of non-empty strings, not ${describe(value)}`);
            return undefined;
        }
        return list;
    }
    boolean(key, fallback) {
        const value = this.#take(key, false, 'true or false');
        if (value === undefined)
            return fallback;
        if (typeof value === 'boolean')
            return value;
        if (value === 'true' || value === 'false')
            return value === 'true';
        this.report(key, `must be true or false, not ${describe(value)}`);
        return fallback;
    }
    /** A YAML list of anything; the caller checks the items. */
    list(key) {
        const value = this.#take(key, false, 'a list');
        if (value === undefined)
            return undefined;
        if (!Array.isArray(value) || value.length === 0) {
            this.report(key, `must be a non-empty list, not ${describe(value)}`);
            return undefined;
        }
        return value;
    }
    /** A YAML mapping; the caller checks its keys and values. */
    mapping(key) {
        const value = this.#take(key, false, 'a mapping');
        if (value === undefined)
            return undefined;
        if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.keys(value).length === 0) {
            this.report(key, `must be a non-empty mapping of KEY: value, not ${describe(value)}`);
            return undefined;
        }
        return value;
    }
    oneOf(key, values, fallback) {
        const text = this.string(key, { expected: `one of ${values.join(', ')}` });
        if (text === undefined)
            return fallback;
        if (values.includes(text))
            return text;
        this.report(key, `is not one of ${values.join(', ')}`);
        return fallback;
    }
    /** Seconds, within [min, max]. */
    duration(key, min, max) {
        const text = this.string(key, { expected: 'a duration such as 900, 15m or 1h' });
        if (text === undefined)
            return undefined;
        const seconds = parseDuration(text);
        if (seconds === undefined)
            this.report(key, 'is not a duration (expected e.g. 900, 90s, 15m, 1h30m)');
        else if (seconds < min || seconds > max)
            this.report(key, `${text} is outside ${min}s–${max}s`);
        else
            return seconds;
        return undefined;
    }
    /**
     * Reports each key nobody read: with the peer action's name for it when `peerHint` knows the key,
     * else the nearest known key. The known keys are listed once, not per unknown key.
     */
    finish(peerHint) {
        const unknown = Object.keys(this.raw).filter((key) => !this.#known.has(key));
        let listed = false;
        for (const key of unknown) {
            const hint = peerHint?.(key);
            if (hint !== undefined) {
                // A peer's input name is a known constant, safe to quote whatever its spelling.
                this.problems.add(`${this.at}.${key}`, hint, this.yaml?.lineOf([...this.path, key]));
                continue;
            }
            const guess = closest(key, [...this.#known]);
            const message = `unknown key${guess ? ` (did you mean "${guess}"?)` : ''}${listed ? '' : `; known keys: ${[...this.#known].join(', ')}`}`;
            listed = true;
            if (looksLikeKey(key))
                this.report(key, message);
            else
                this.problems.add(`${this.at}: a key that is no key name`, message, this.yaml?.lineOf([...this.path, key]));
        }
    }
}
/** What a value is, never what it says: the value may be a secret pasted in the wrong place. */
function describe(value) {
    if (Array.isArray(value))
        return 'a list';
    if (value === null)
        return 'null';
    if (typeof value === 'object')
        return 'a mapping';
    return `a ${typeof value}`;
}
/**
 * Whether a key the user wrote can be quoted in an error: short lower-case words joined by `-`, as every
 * Keyless key is. Anything else (a token pasted as a key) is pointed at by its line instead.
 */
function looksLikeKey(key) {
    return /^[a-z][a-z0-9]{0,15}(-[a-z0-9]{1,16}){0,4}$/.test(key);
}

;// CONCATENATED MODULE: ./src/policy/claims.ts


/**
 * `require-claims`: claim → allowed value or list of values. `*` in a value matches any run of
 * characters; everything else is literal and the whole value must match (compiled to `^(…)$`).
 */
function readClaimRules(yaml, at, problems) {
    const { value } = yaml;
    if (value === undefined || value === null)
        return [];
    if (typeof value !== 'object' || Array.isArray(value)) {
        problems.add(at, `must be a mapping of claim: allowed value(s), not ${describe(value)}`);
        return [];
    }
    const rules = [];
    for (const [claim, raw] of Object.entries(value)) {
        const list = Array.isArray(raw) ? raw : [raw];
        const allowed = list.filter((item) => ['string', 'number', 'boolean'].includes(typeof item)).map(String);
        if (allowed.length === 0 || allowed.length !== list.length) {
            problems.add(`${at}.${claim}`, 'must be a value or a list of values (strings, numbers or booleans)', yaml.lineOf([claim]));
            continue;
        }
        rules.push({ claim, allowed, matchers: allowed.map(globToRegExp) });
    }
    return rules;
}
function globToRegExp(glob) {
    const body = glob
        .split('*')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
        .join('.*');
    return new RegExp(`^(?:${body})$`, 's');
}
/**
 * Throws CLAIMS_REFUSED naming every claim that does not match, with its actual and allowed values.
 * `source`: where a token that is not the runner's came from (`file /var/run/…`), to name it.
 */
function checkClaims(rules, claims, source) {
    const refused = [];
    for (const rule of rules) {
        const actual = claims[rule.claim];
        const text = typeof actual === 'string' || typeof actual === 'number' || typeof actual === 'boolean' ? String(actual) : undefined;
        if (text !== undefined && rule.matchers.some((matcher) => matcher.test(text)))
            continue;
        const shown = text === undefined ? (actual === undefined ? 'absent' : 'not a scalar') : JSON.stringify(text);
        refused.push(`${rule.claim} is ${shown}, allowed: ${rule.allowed.map((v) => JSON.stringify(v)).join(', ')}`);
    }
    if (refused.length > 0) {
        const token = source === undefined ? "the job's OIDC token" : `the subject token from ${source}`;
        throw new errors/* KeylessError */.FM('CLAIMS_REFUSED', `${token} does not meet require-claims: ${refused.join('; ')}`, {
            hint: source === undefined
                ? 'no credential was requested; run from an allowed ref/workflow/environment or widen require-claims'
                : 'no credential was requested; the claims shown are that token\'s: check its issuer and subject, or widen require-claims',
        });
    }
}

// EXTERNAL MODULE: ./src/policy/pins/policy.ts
var policy = __nccwpck_require__(7237);
;// CONCATENATED MODULE: ./src/policy/tools/types.ts
/** Names of the GitHub certificate-extension policies a tool entry may set; kept here, off the Sigstore import path. */
const GITHUB_EXTENSION_NAMES = ['source-repository', 'source-ref', 'source-digest', 'build-signer-uri', 'runner-environment'];

;// CONCATENATED MODULE: ./src/policy/tools/config.ts


/** Default download cap: far above any CLI tool, far below what would fill a runner's disk. */
const MAX_TOOL_BYTES = 512 * 1024 * 1024;
/** Default caps on what an archive may unpack to: a Go toolchain is ~15,000 entries and ~250 MiB. */
const MAX_EXTRACTED_BYTES = 2 * 1024 * 1024 * 1024;
const MAX_ENTRIES = 50_000;
/** Default deadline of a whole download, redirects and retries included, in seconds. */
const DOWNLOAD_TIMEOUT = 300;
const NAME = /^[\w.-]{1,64}$/;
const REPO = /^[\w.-]+\/[\w.-]+$/;
/** `tools`: every entry pinned by digest, with signature evidence and a signer policy. */
function readTools(yaml, problems) {
    if (!Array.isArray(yaml.value) || yaml.value.length === 0) {
        problems.add('tools', `must be a non-empty YAML list of tools, not ${describe(yaml.value)}`);
        return [];
    }
    const specs = yaml.value.flatMap((item, index) => {
        const at = `tools[${index}]`;
        if (typeof item !== 'object' || item === null || Array.isArray(item)) {
            problems.add(at, `must be a mapping with name, path or url, and a digest pin, not ${describe(item)}`, yaml.lineOf([index]));
            return [];
        }
        const before = problems.items.length;
        const spec = readTool(new fields_FieldReader(item, at, [index], yaml, problems));
        return spec && problems.items.length === before ? [spec] : [];
    });
    refuseDuplicates(specs, yaml, problems);
    return specs;
}
/** Two entries of one name would share a folder and race each other's downloads. */
function refuseDuplicates(specs, yaml, problems) {
    const seen = new Set();
    specs.forEach((spec, index) => {
        if (seen.has(spec.name))
            problems.add(`tools[${index}].name`, `"${spec.name}" is already the name of another tool; names must be unique`, yaml.lineOf([index, 'name']));
        seen.add(spec.name);
    });
}
function readTool(fields) {
    const name = fields.string('name', { required: true, pattern: NAME, expected: 'a name of letters, digits, . _ -' });
    const path = fields.string('path');
    const url = fields.url('url');
    const sha256 = fields.string('sha256', { pattern: /^[0-9a-f]{64}$/i, expected: '64 hex digits' })?.toLowerCase();
    const sha512 = fields.string('sha512', { pattern: /^[0-9a-f]{128}$/i, expected: '128 hex digits' })?.toLowerCase();
    const extract = fields.oneOf('extract', ['none', 'tar.gz', 'zip'], 'none');
    const addToPath = fields.boolean('add-to-path', fields.has('url'));
    const maxBytes = size(fields, 'max-bytes', MAX_TOOL_BYTES);
    const maxExtractedBytes = size(fields, 'max-extracted-bytes', MAX_EXTRACTED_BYTES);
    const maxEntries = size(fields, 'max-entries', MAX_ENTRIES);
    const timeoutMs = (fields.duration('timeout', 1, 3600) ?? DOWNLOAD_TIMEOUT) * 1000;
    const bundle = fields.string('bundle');
    const attestations = fields.string('attestations', { pattern: REPO, expected: 'owner/repo' });
    const identity = fields.string('identity');
    const identityRegexp = fields.string('identity-regexp');
    const issuer = fields.string('issuer');
    const key = fields.string('key');
    const builder = fields.string('builder');
    const extensions = Object.fromEntries(GITHUB_EXTENSION_NAMES.flatMap((ext) => {
        const value = fields.string(ext);
        return value === undefined ? [] : [[ext, value]];
    }));
    if (fields.has('path') === fields.has('url'))
        fields.report(undefined, 'set exactly one of path (a file on the runner) or url (downloaded and pinned)');
    if (!fields.has('sha256') && !fields.has('sha512')) {
        fields.report(undefined, 'a digest pin is required: sha256 or sha512 (a tool without one is a policy error, not a warning)');
    }
    if (!fields.has('bundle') && !fields.has('attestations'))
        fields.report(undefined, 'signature evidence is required: bundle (a Sigstore bundle) or attestations (owner/repo)');
    checkSigner(fields, identityRegexp);
    if (url === undefined)
        for (const key of ['extract', 'max-extracted-bytes', 'max-entries', 'timeout'])
            if (fields.has(key))
                fields.report(key, 'applies only to a downloaded tool (url)');
    fields.finish();
    if (name === undefined)
        return undefined;
    const optional = { path, url, sha256, sha512, bundle, attestations, identity, identityRegexp, issuer, key, builder };
    const spec = { name, extract, addToPath, maxBytes, maxExtractedBytes, maxEntries, timeoutMs, extensions };
    for (const [k, v] of Object.entries(optional))
        if (v !== undefined)
            Object.assign(spec, { [k]: v });
    return spec;
}
function size(fields, key, fallback) {
    return Number(fields.string(key, { pattern: /^[1-9]\d{0,11}$/, expected: 'a whole number' }) ?? fallback);
}
/** Exactly one signer policy: a certificate identity with its issuer (as cosign requires), or a key alone. */
function checkSigner(fields, identityRegexp) {
    if (['identity', 'identity-regexp', 'key'].filter((k) => fields.has(k)).length !== 1) {
        fields.report(undefined, 'a signer policy is required: exactly one of identity, identity-regexp or key');
    }
    if ((fields.has('identity') || fields.has('identity-regexp')) && !fields.has('issuer')) {
        fields.report('issuer', 'is required with identity and identity-regexp (e.g. https://token.actions.githubusercontent.com)');
    }
    if (fields.has('key') && fields.has('issuer'))
        fields.report('issuer', 'does not apply to a key: a key-signed bundle names no issuer');
    if (identityRegexp !== undefined)
        checkPattern(fields, identityRegexp);
}
function checkPattern(fields, pattern) {
    try {
        new RegExp(pattern);
    }
    catch {
        fields.report('identity-regexp', `is not a valid regular expression (it is matched whole, as ^(…)$)`);
    }
}

;// CONCATENATED MODULE: ./src/providers/aws-config.ts
// The keys of an `aws` entry. One reader serves both kinds of entry, so each names the keys that belong
// to the other kind with the reason, instead of calling them unknown: an entry with `from:` assumes its
// role with another aws entry's keys (AssumeRole), one without assumes it with the runner token
// (AssumeRoleWithWebIdentity).
const ROLE_ARN = /^arn:(aws|aws-us-gov|aws-cn):iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const POLICY_ARN = /^arn:(aws|aws-us-gov|aws-cn):iam::(\d{12}|aws):policy\/[\w+=,.@/-]{1,512}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const PROFILE = /^[\w.-]{1,64}$/;
const ACCOUNT = /^\d{12}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
// STS's tag alphabet: letters, digits, spaces and _ . : / = + - @ (keys 1–128, values 0–256).
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u;
const MAX_TAGS = 50;
/** AWS caps a session assumed with another role's session (role chaining) at one hour. */
const CHAINED_MAX_SECONDS = 3600;
function readAwsConfig(fields, chained) {
    const role = fields.string('role', { required: true, pattern: ROLE_ARN, expected: 'a role ARN, arn:aws:iam::123456789012:role/NAME' });
    const region = fields.string('region', { required: !chained, pattern: REGION, expected: 'an AWS region such as us-east-1' });
    const mode = fields.oneOf('mode', ['keys', 'web-identity'], 'keys');
    const webIdentity = mode === 'web-identity';
    const durationSeconds = readDuration(fields, chained, webIdentity);
    const sessionName = fields.string('session-name', { pattern: SESSION_NAME, expected: '2–64 characters of [A-Za-z0-9_+=,.@-]' });
    const { sessionPolicy, managedPolicies } = readPolicies(fields, webIdentity);
    const stsEndpoint = fields.url('sts-endpoint');
    const profile = fields.string('profile', { pattern: PROFILE, expected: 'a profile name of [A-Za-z0-9_.-]' });
    const defaultProfile = fields.boolean('default-profile', false);
    if (defaultProfile && profile === undefined)
        fields.report('default-profile', 'needs profile: it makes that profile the job\'s AWS_PROFILE');
    const maskAccountId = fields.boolean('mask-account-id', false);
    const allowedAccounts = readAllowedAccounts(fields, role);
    const from = fields.string('from', { required: chained, expected: 'the id of the aws entry whose credentials assume this role' });
    const externalId = fields.string('external-id', { pattern: EXTERNAL_ID, expected: '2–1224 characters of [A-Za-z0-9_+=,.@:/-]' });
    const sessionTags = readSessionTags(fields);
    const transitiveTagKeys = readTransitiveKeys(fields, sessionTags);
    if (chained && webIdentity) {
        fields.report('mode', 'web-identity applies to an entry without from: the SDKs assume a role from the runner token file themselves, and cannot chain from another entry\'s session; remove mode, or drop from: and trust the runner token in this role\'s trust policy');
    }
    if (!chained)
        reportChainOnly(fields);
    if (role === undefined || (!chained && region === undefined))
        return undefined;
    const common = { role, durationSeconds, managedPolicies, defaultProfile, maskAccountId };
    const optional = { sessionName, sessionPolicy, stsEndpoint, profile, allowedAccounts };
    for (const [key, value] of Object.entries(optional))
        if (value !== undefined)
            Object.assign(common, { [key]: value });
    if (!chained)
        return { ...common, region: region, mode };
    if (from === undefined)
        return undefined;
    return { ...common, from, sessionTags, transitiveTagKeys, ...(region ? { region } : {}), ...(externalId ? { externalId } : {}) };
}
function readDuration(fields, chained, webIdentity) {
    if (webIdentity && fields.has('duration')) {
        fields.report('duration', 'does not apply with mode web-identity: the SDKs choose their session length (1 hour) and renew it from the token file; remove duration');
    }
    const seconds = fields.duration('duration', 900, 43_200);
    if (chained && seconds !== undefined && seconds > CHAINED_MAX_SECONDS) {
        fields.report('duration', `is over 1 hour, which AWS refuses for a role assumed with another role's session (role chaining); at most 1h`);
        return CHAINED_MAX_SECONDS;
    }
    return seconds ?? 900;
}
function readPolicies(fields, webIdentity) {
    const policyText = fields.string('session-policy', { expected: 'an IAM policy document as JSON' });
    const managedPolicies = fields.strings('managed-session-policies') ?? [];
    managedPolicies.forEach((arn, i) => {
        if (!POLICY_ARN.test(arn))
            fields.report('managed-session-policies', `item ${i + 1} is not a policy ARN (arn:aws:iam::ACCOUNT:policy/NAME)`);
    });
    if (managedPolicies.length > 10)
        fields.report('managed-session-policies', 'AWS accepts at most 10 managed session policies');
    if (webIdentity) {
        for (const key of ['session-policy', 'managed-session-policies']) {
            if (fields.has(key))
                fields.report(key, 'does not apply with mode web-identity: the SDKs assume the role from the token file without any session policy, so their sessions would not be scoped by it; scope the role itself, or use mode keys');
        }
    }
    const sessionPolicy = policyText === undefined ? undefined : minifiedJson(policyText, fields);
    return { ...(sessionPolicy === undefined ? {} : { sessionPolicy }), managedPolicies };
}
function minifiedJson(text, fields) {
    try {
        return JSON.stringify(JSON.parse(text));
    }
    catch {
        fields.report('session-policy', 'is not valid JSON');
        return undefined;
    }
}
/** The allowed accounts; the role's own account must be one, so a mismatch fails before any request. */
function readAllowedAccounts(fields, role) {
    const raw = fields.value('allowed-account-ids');
    if (raw === undefined)
        return undefined;
    // Unquoted in YAML, an account id is a number: taken as written, but one that lost a leading zero is refused.
    const accounts = (Array.isArray(raw) ? raw : [raw]).map((item) => (typeof item === 'string' || (typeof item === 'number' && Number.isInteger(item)) ? String(item) : ''));
    const bad = accounts.filter((account) => !ACCOUNT.test(account)).length;
    if (accounts.length === 0 || bad > 0) {
        const what = accounts.length === 0 ? 'is an empty list' : bad === 1 ? 'has an item that is not a 12-digit account id' : `has ${bad} items that are not 12-digit account ids`;
        fields.report('allowed-account-ids', `${what} (quote ids that start with 0: "012345678901")`);
        return undefined;
    }
    const account = role?.split(':')[4];
    if (account !== undefined && !accounts.includes(account)) {
        fields.report('allowed-account-ids', 'does not list the account of role; add the account, or correct role');
    }
    return accounts;
}
function readSessionTags(fields) {
    const raw = fields.mapping('session-tags');
    if (raw === undefined)
        return [];
    const tags = [];
    const seen = new Map();
    // Tags are named by position, never quoted: a value pasted in the wrong place stays out of the log.
    Object.entries(raw).forEach(([key, value], i) => {
        const text = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
        const earlier = seen.get(key.toLowerCase());
        if (!TAG_KEY.test(key) || /^aws:/i.test(key)) {
            fields.report('session-tags', `tag ${i + 1} has a key that is not 1–128 letters, digits, spaces or _.:/=+-@ (and may not start with aws:)`);
        }
        else if (text === undefined || !TAG_VALUE.test(text)) {
            fields.report('session-tags', `tag ${i + 1} has a value that is not 0–256 letters, digits, spaces or _.:/=+-@`);
        }
        else if (earlier !== undefined) {
            fields.report('session-tags', `tags ${earlier} and ${i + 1} have the same key but for case, which AWS takes for one`);
        }
        else {
            seen.set(key.toLowerCase(), i + 1);
            tags.push([key, text]);
        }
    });
    if (tags.length > MAX_TAGS)
        fields.report('session-tags', `has ${tags.length} tags; AWS accepts at most ${MAX_TAGS}`);
    return tags;
}
function readTransitiveKeys(fields, tags) {
    const keys = fields.strings('transitive-tag-keys') ?? [];
    const missing = keys.filter((key) => !tags.some(([tag]) => tag === key));
    if (missing.length > 0)
        fields.report('transitive-tag-keys', `names ${missing.length === 1 ? 'a key' : 'keys'} not in session-tags; list each key in session-tags too`);
    return keys;
}
/** Keys of AssumeRole that AssumeRoleWithWebIdentity has no parameter for. */
function reportChainOnly(fields) {
    if (fields.has('session-tags')) {
        fields.report('session-tags', 'AssumeRoleWithWebIdentity takes session tags from the token, not the request; tag a role assumed with from: instead (role chaining), or tag the role itself');
    }
    for (const key of ['external-id', 'transitive-tag-keys']) {
        if (fields.has(key))
            fields.report(key, 'applies to a role assumed with another aws entry\'s keys (from:, role chaining); AssumeRoleWithWebIdentity has no such parameter');
    }
}
const ENVIRONMENT = 'the AWS variables of the environment';
/**
 * What only one entry may have: the AWS variables of the environment (a second set of keys or of
 * web-identity variables would silently replace the first, and keys there take precedence over any
 * AWS_PROFILE), and each profile name.
 */
function awsExclusive(config, places) {
    if (places.size === 0)
        return [];
    if (config.profile === undefined) {
        return [{
                key: ENVIRONMENT,
                message: (other) => `hands its AWS credentials to later steps through the environment, where ${other} already puts AWS's; the later entry would silently replace or override the earlier. Give each entry a profile (one of them default-profile: true for AWS_PROFILE), or export one as outputs or none`,
            }];
    }
    const claims = [{ key: `aws profile ${config.profile}`, field: 'profile', message: (other) => `names the profile ${config.profile ?? ''}, as ${other} does; give each entry its own profile` }];
    if (config.defaultProfile) {
        claims.push({
            key: ENVIRONMENT,
            field: 'default-profile',
            message: (other) => `sets AWS_PROFILE, where ${other} already puts AWS credentials in the environment (keys there would take precedence over any profile, and only one profile can be the default); keep one`,
        });
    }
    return claims;
}

// EXTERNAL MODULE: ./src/audit/fingerprint.ts
var fingerprint = __nccwpck_require__(7663);
// EXTERNAL MODULE: ./src/http/json.ts
var json = __nccwpck_require__(2868);
;// CONCATENATED MODULE: ./src/sinks/formats/refuse.ts

/** The one error of every format writer: names the field and the file, never the value. */
function unwritable(field, file, expected) {
    return new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${field} cannot be written into ${file}: it is not ${expected}`, {
        hint: 'the service answered a value no client could read back from that file; report it to its operator',
    });
}

;// CONCATENATED MODULE: ./src/sinks/formats/ini.ts

// The INI dialect the AWS CLI and SDKs read for shared credentials files. Each parser differs on quotes,
// inline comments and escapes, so a value may hold none of them: only a line break could start a new
// section (`[default]` with a `credential_process` the SDK runs), but the others would be read back
// differently by one SDK or another.
// `profile NAME` is how the AWS config file names every profile but `default`.
const SECTION = /^(profile )?[\w.-]{1,64}$/;
const KEY = /^[a-z][a-z0-9_]{0,63}$/;
// Printable ASCII but space and " # ' ; [ \ ].
const VALUE = /^[\x21\x24-\x26\x28-\x3a\x3c-\x5a\x5e-\x7e]{1,16384}$/;
/**
 * One `[name]` section of `key = value` lines, or an error naming the first field the format cannot hold.
 *
 * @example iniSection('deploy', { aws_access_key_id: 'ASIA…' }) // "[deploy]\naws_access_key_id = ASIA…\n"
 */
function iniSection(name, entries, file) {
    if (!SECTION.test(name))
        throw unwritable('the section name', file, '1–64 characters of [A-Za-z0-9_.-], after "profile " in a config file');
    const lines = [`[${name}]`];
    for (const [key, value] of Object.entries(entries)) {
        if (!KEY.test(key))
            throw unwritable('a key', file, 'a lower-case name of [a-z0-9_]');
        if (!iniCanHold(value))
            throw unwritable(key, file, "printable ASCII without spaces, quotes, brackets, \\, ; or #, at most 16384 characters");
        lines.push(`${key} = ${value}`);
    }
    return `${lines.join('\n')}\n`;
}
/** Whether a value can be written as it is, read back alike by every AWS SDK's INI parser. */
function iniCanHold(value) {
    return VALUE.test(value);
}

;// CONCATENATED MODULE: ./src/providers/aws-credential.ts





// How an STS session reaches later steps, the same for both kinds of aws entry: key variables, or a
// profile in a shared credentials file and a config file; in web-identity mode, what the SDKs need to
// assume the role themselves from the runner token file.
const AWS_OUTPUTS = { public: ['account-id', 'arn', 'expires-at'], secret: ['access-key-id', 'secret-access-key', 'session-token'] };
const KEYS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];
/** Over AWS_PROFILE, the SDKs and the CLI prefer keys in the environment, and the CLI web-identity variables too. */
const OVER_PROFILE = [...KEYS, 'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE'];
/** Over the web-identity variables, the SDKs prefer keys in the environment and a profile (AWS_PROFILE). */
const OVER_TOKEN_FILE = [...KEYS, 'AWS_PROFILE'];
const ASSUMED_ROLE = /^arn:aws[\w-]*:sts::(\d{12}):assumed-role\//;
const TOKEN_FILE = 'aws-web-identity-token';
/**
 * The account in the assumed-role ARN STS answered, checked against allowed-account-ids (the role's own
 * account was checked before any request: this catches an STS that answered for another), and masked
 * with mask-account-id.
 */
function checkAccount(config, session, what, mask) {
    const account = ASSUMED_ROLE.exec(session.arn)?.[1];
    if (config.maskAccountId && account !== undefined)
        mask(account);
    if (config.allowedAccounts === undefined)
        return account ?? session.arn.split(':')[4] ?? '';
    if (account === undefined) {
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${what} answered an AssumedRoleUser ARN that names no account, so allowed-account-ids cannot be checked`, {
            hint: 'sts-endpoint (or AWS_ENDPOINT_URL_STS) must point at AWS STS',
        });
    }
    if (!config.allowedAccounts.includes(account)) {
        throw new errors/* KeylessError */.FM('EXCHANGE_DENIED', `${what} issued credentials for account ${account}, which allowed-account-ids does not list; they were not handed out`, {
            hint: 'the endpoint is not the STS you expect, or the role trusts more than it should: check sts-endpoint, AWS_ENDPOINT_URL_STS and role',
        });
    }
    return account;
}
/**
 * The assumed-role ARN STS answered must be the role and session asked for
 * (`arn:P:iam::A:role/path/Name` → `arn:P:sts::A:assumed-role/Name/session`): the ✓ line, the audit record
 * and the `arn` output print it, and an entry built on this one takes its session name from it. IAM role
 * names are unique regardless of case, so the name's case may differ; nothing else may.
 */
function checkAssumedRole(role, sessionName, session, what) {
    const [, partition = '', , , account = '', resource = ''] = role.split(':');
    const name = resource.split('/').pop() ?? '';
    const prefix = `arn:${partition}:sts::${account}:assumed-role/`;
    const answered = session.arn.startsWith(prefix) ? session.arn.slice(prefix.length) : undefined;
    const slash = answered?.lastIndexOf('/') ?? -1;
    const roleName = answered?.slice(0, slash) ?? '';
    // ASCII only: toLowerCase() folds some other letters (the Kelvin sign) onto ASCII ones.
    const sameRole = /^[\w+=,.@-]{1,64}$/.test(roleName) && roleName.toLowerCase() === name.toLowerCase();
    if (sameRole && answered?.slice(slash + 1) === sessionName)
        return;
    throw new errors/* KeylessError */.FM('EXCHANGE_DENIED', `${what} was asked for role ${role} with session name ${sessionName}, and answered credentials for ${(0,json/* serverText */.Tn)(session.arn, 200) ?? 'another principal'} instead (expected ${prefix}${name}/${sessionName}); they were not handed out`, { hint: 'the endpoint is not the STS you expect, or answers for another role: check sts-endpoint, AWS_ENDPOINT_URL_STS and role' });
}
/** The session's keys for later steps: variables, or a profile (with its region in the config file). */
async function keysCredential(config, session, account, endpoint) {
    const keys = { AWS_ACCESS_KEY_ID: session.accessKeyId, AWS_SECRET_ACCESS_KEY: session.secretAccessKey, AWS_SESSION_TOKEN: session.sessionToken };
    const { profile } = config;
    const files = profile === undefined
        ? []
        : [
            {
                env: 'AWS_SHARED_CREDENTIALS_FILE',
                name: 'aws-credentials',
                content: iniSection(profile, { aws_access_key_id: keys.AWS_ACCESS_KEY_ID, aws_secret_access_key: keys.AWS_SECRET_ACCESS_KEY, aws_session_token: keys.AWS_SESSION_TOKEN }, 'the AWS shared credentials file'),
            },
            { env: 'AWS_CONFIG_FILE', name: 'aws-config', content: iniSection(configSection(profile), { region: config.region }, 'the AWS config file') },
        ];
    return {
        env: profile === undefined ? keys : {},
        publicEnv: publicEnv(config),
        files,
        ...(config.defaultProfile ? { shadowedBy: OVER_PROFILE } : {}),
        secretOutputs: { 'access-key-id': keys.AWS_ACCESS_KEY_ID, 'secret-access-key': keys.AWS_SECRET_ACCESS_KEY, 'session-token': keys.AWS_SESSION_TOKEN },
        publicOutputs: { 'account-id': account, arn: session.arn, 'expires-at': session.expiresAt },
        info: {
            principal: session.arn,
            expiresAt: session.expiresAt,
            tokenType: 'AWS STS session',
            endpoint: `${endpoint.origin}${endpoint.pathname}`,
            attempts: session.attempts,
            fingerprint: await (0,fingerprint/* fingerprint */.R)(session.accessKeyId),
        },
        irrevocable: 'STS session credentials cannot be revoked one by one; they expire on their own',
        handoff: handoff(session, config.region),
    };
}
/**
 * `mode: web-identity`: no keys, but the runner token in a file and the role to assume with it, which every
 * AWS SDK and the CLI read (AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_SESSION_NAME, or the same in
 * a profile) and renew on their own. `session` is the one validating exchange: it proves the trust policy
 * here, and is what an entry built on this one uses.
 */
async function webIdentityCredential(config, session, account, endpoint, token) {
    const { profile } = config;
    const variables = { AWS_ROLE_ARN: config.role, AWS_ROLE_SESSION_NAME: token.sessionName };
    const files = profile === undefined
        ? [{ env: 'AWS_WEB_IDENTITY_TOKEN_FILE', name: TOKEN_FILE, content: token.jwt, oidcToken: true }]
        : [
            { name: TOKEN_FILE, content: token.jwt, oidcToken: true },
            {
                env: 'AWS_CONFIG_FILE',
                name: 'aws-config',
                content: (pathOf) => iniSection(configSection(profile), { role_arn: config.role, web_identity_token_file: iniPath(pathOf(TOKEN_FILE)), role_session_name: token.sessionName, region: config.region }, 'the AWS config file'),
            },
        ];
    // A custom STS endpoint is where the SDKs must assume the role too; in a profile, the AWS config file's
    // per-service endpoints would need a [services] section, so AWS_ENDPOINT_URL_STS stays the way to set it.
    const endpointVariable = profile === undefined && config.stsEndpoint ? { AWS_ENDPOINT_URL_STS: config.stsEndpoint.href } : {};
    return {
        env: {},
        publicEnv: { ...publicEnv(config), ...(profile === undefined ? { ...variables, ...endpointVariable } : {}) },
        files,
        shadowedBy: profile === undefined ? OVER_TOKEN_FILE : config.defaultProfile ? OVER_PROFILE : [],
        refreshable: true,
        secretOutputs: {},
        publicOutputs: { 'account-id': account, arn: session.arn },
        info: {
            principal: session.arn,
            tokenType: 'web identity token file for AWS SDKs',
            endpoint: `${endpoint.origin}${endpoint.pathname}`,
            attempts: session.attempts,
            fingerprint: await (0,fingerprint/* fingerprint */.R)(token.jwt),
        },
        irrevocable: 'the token file is deleted; sessions the SDKs assumed with it expire on their own (1 hour)',
        handoff: handoff(session, config.region),
    };
}
/** A profile's region goes in the config file: AWS_REGION would override every profile's. */
function publicEnv(config) {
    if (config.profile === undefined)
        return { AWS_REGION: config.region, AWS_DEFAULT_REGION: config.region };
    return config.defaultProfile ? { AWS_PROFILE: config.profile } : {};
}
/** The config file names every profile `[profile NAME]`, except `[default]`. */
function configSection(profile) {
    return profile === 'default' ? 'default' : `profile ${profile}`;
}
/** A path as the config file can hold it: `/` on Windows too (every SDK opens it), nothing INI readers disagree on. */
function iniPath(path) {
    const portable = path.split(external_node_path_.sep).join('/');
    if (iniCanHold(portable))
        return portable;
    throw new errors/* KeylessError */.FM('INPUT_INVALID', 'the folder for credential files (under RUNNER_TEMP) has a space, quote or other character the AWS config file cannot hold, so the profile cannot name its token file', {
        hint: 'drop profile: (the path then goes in AWS_WEB_IDENTITY_TOKEN_FILE), or run where RUNNER_TEMP has no such character',
    });
}
function handoff(session, region) {
    const sessionName = /\/([\w+=,.@-]{2,64})$/.exec(session.arn)?.[1];
    return { kind: 'aws', accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey, sessionToken: session.sessionToken, region, ...(sessionName ? { sessionName } : {}) };
}

;// CONCATENATED MODULE: ./src/http/xml.ts
// A reader for the XML that AWS query APIs answer (STS): elements, attributes (read and ignored), text,
// the five predefined entities and character references, comments and CDATA. Nothing else: a DOCTYPE (and
// with it any entity definition), a processing instruction after the declaration, an unknown entity,
// a mismatched tag or content after the root element make the document unreadable, never half-read.
/** Why a document was refused; the caller turns it into its own error, naming the service. */
class XmlError extends Error {
    name = 'XmlError';
}
const xml_NAME = /[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/y;
const ATTRIBUTE = /\s+[A-Za-z_][\w.:-]*\s*=\s*("[^"<]*"|'[^'<]*')/y;
const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const MAX_DEPTH = 32;
/**
 * The root element of `text`, or an XmlError saying what was not understood.
 *
 * @example parseXml('<A><B>x &amp; y</B></A>').children[0]?.text // "x & y"
 */
function parseXml(text) {
    const reader = new Reader(text.replace(/^\uFEFF/, ''));
    reader.skipProlog();
    const root = reader.element(0);
    reader.skipMisc();
    if (!reader.done())
        throw new XmlError('content after the root element');
    return root;
}
/** The first child of `element` with this local name, following each name in turn. */
function childAt(element, ...names) {
    let at = element;
    for (const name of names)
        at = at?.children.find((child) => child.name === name);
    return at;
}
class Reader {
    text;
    #at = 0;
    constructor(text) {
        this.text = text;
    }
    done() {
        return this.#at >= this.text.length;
    }
    skipProlog() {
        if (this.text.startsWith('<?xml', this.#at))
            this.#skipPast('?>', 'an unterminated XML declaration');
        this.skipMisc();
        if (this.text.startsWith('<!DOCTYPE', this.#at))
            throw new XmlError('a DOCTYPE, which AWS never sends');
    }
    /** Whitespace and comments between elements. */
    skipMisc() {
        for (;;) {
            while (/\s/.test(this.text[this.#at] ?? ''))
                this.#at++;
            if (!this.text.startsWith('<!--', this.#at))
                return;
            this.#skipPast('-->', 'an unterminated comment');
        }
    }
    element(depth) {
        if (depth > MAX_DEPTH)
            throw new XmlError(`elements nested deeper than ${MAX_DEPTH}`);
        if (this.text[this.#at] !== '<')
            throw new XmlError('text where an element was expected');
        this.#at++;
        const qualified = this.#name();
        while (this.#match(ATTRIBUTE) !== undefined)
            ;
        while (/\s/.test(this.text[this.#at] ?? ''))
            this.#at++;
        const element = { name: qualified.replace(/^[^:]*:/, ''), children: [], text: '' };
        if (this.text.startsWith('/>', this.#at)) {
            this.#at += 2;
            return element;
        }
        if (this.text[this.#at] !== '>')
            throw new XmlError(`a malformed start tag <${qualified}>`);
        this.#at++;
        this.#content(element, depth);
        if (this.#name() !== qualified)
            throw new XmlError(`</…> does not close <${qualified}>`);
        while (/\s/.test(this.text[this.#at] ?? ''))
            this.#at++;
        if (this.text[this.#at] !== '>')
            throw new XmlError(`a malformed end tag </${qualified}>`);
        this.#at++;
        return element;
    }
    /** Text, CDATA, comments and child elements, up to and including the `</` of the end tag. */
    #content(element, depth) {
        for (;;) {
            const next = this.text.indexOf('<', this.#at);
            if (next < 0)
                throw new XmlError(`<${element.name}> is never closed`);
            element.text += main_decode(this.text.slice(this.#at, next));
            this.#at = next;
            if (this.text.startsWith('</', this.#at)) {
                this.#at += 2;
                return;
            }
            if (this.text.startsWith('<![CDATA[', this.#at)) {
                const end = this.text.indexOf(']]>', this.#at);
                if (end < 0)
                    throw new XmlError('an unterminated CDATA section');
                element.text += this.text.slice(this.#at + 9, end);
                this.#at = end + 3;
            }
            else if (this.text.startsWith('<!--', this.#at)) {
                this.#skipPast('-->', 'an unterminated comment');
            }
            else if (this.text.startsWith('<?', this.#at) || this.text.startsWith('<!', this.#at)) {
                throw new XmlError('a processing instruction or declaration inside the document');
            }
            else {
                element.children.push(this.element(depth + 1));
            }
        }
    }
    #name() {
        const name = this.#match(xml_NAME);
        if (name === undefined)
            throw new XmlError('a tag without a valid name');
        return name;
    }
    #match(pattern) {
        pattern.lastIndex = this.#at;
        const found = pattern.exec(this.text);
        if (found === null)
            return undefined;
        this.#at = pattern.lastIndex;
        return found[0];
    }
    #skipPast(end, problem) {
        const at = this.text.indexOf(end, this.#at);
        if (at < 0)
            throw new XmlError(problem);
        this.#at = at + end.length;
    }
}
function main_decode(text) {
    return text.replace(/&([^;&\s]{0,10});?/g, (whole, name) => {
        if (!whole.endsWith(';'))
            throw new XmlError('a bare & in text');
        const named = ENTITIES[name];
        if (named !== undefined)
            return named;
        const code = /^#x([0-9a-f]{1,6})$/i.exec(name)?.[1] ?? /^#(\d{1,7})$/.exec(name)?.[1];
        const point = code === undefined ? Number.NaN : Number.parseInt(code, name.startsWith('#x') || name.startsWith('#X') ? 16 : 10);
        if (!Number.isInteger(point) || point < 1 || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) {
            throw new XmlError('an entity that is neither predefined nor a character reference');
        }
        return String.fromCodePoint(point);
    });
}

// EXTERNAL MODULE: ./src/providers/credential-value.ts
var credential_value = __nccwpck_require__(3897);
;// CONCATENATED MODULE: ./src/providers/aws-sts.ts





// AWS documents AccessKeyId as 16–128 word characters; STS issues upper-case letters and digits.
const ACCESS_KEY_ID = { pattern: /^[A-Z0-9]{16,128}$/, expected: '16–128 upper-case letters and digits' };
const XML_TYPE = /^(text|application)\/xml\b/i;
/**
 * One STS call: the session it issued (masked on arrival), or the error `refused` makes of STS's refusal.
 * Throttling (HTTP 400 `Throttling`) is retried with the client's other transient failures.
 */
async function callSts(ctx, call, refused) {
    const body = new URLSearchParams({ Action: call.action, Version: '2011-06-15' });
    for (const [name, value] of call.params)
        body.append(name, value);
    const text = body.toString();
    const headers = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: 'text/xml' };
    if (call.signWith) {
        const { sigv4Headers } = await __nccwpck_require__.e(/* import() */ 869).then(__nccwpck_require__.bind(__nccwpck_require__, 8869));
        Object.assign(headers, sigv4Headers({ url: call.url, service: 'sts', region: call.signWith.region, headers, body: text }, call.signWith.keys));
    }
    const response = await ctx.http.request({
        method: 'POST',
        url: call.url,
        what: 'AWS STS',
        headers,
        body: text,
        retryOn: (r) => r.status === 400 && stsError(r.body)?.code === 'Throttling',
    });
    if (response.status !== 200)
        throw refused({ status: response.status, ...stsError(response.body) });
    return readSession(response, call, (secret) => { ctx.mask(secret); });
}
function readSession(response, call, mask) {
    const what = `AWS STS ${call.url.origin}`;
    const type = response.headers['content-type'] ?? '';
    if (!XML_TYPE.test(type)) {
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${what} answered HTTP 200 with ${type === '' ? 'no content type' : type}, not XML`, {
            hint: 'sts-endpoint (or AWS_ENDPOINT_URL_STS) must point at AWS STS or a service that speaks its query API',
        });
    }
    const root = readXml(response.body, what);
    const result = root.name === `${call.action}Response` ? childAt(root, `${call.action}Result`) : undefined;
    const credentials = childAt(result, 'Credentials');
    const arn = childAt(result, 'AssumedRoleUser', 'Arn')?.text;
    const expiration = childAt(credentials, 'Expiration')?.text ?? '';
    if (credentials === undefined || !arn || Number.isNaN(Date.parse(expiration))) {
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${what} answered 200 without the documented ${call.action}Result (Credentials with an Expiration, AssumedRoleUser)`, {
            hint: 'sts-endpoint (or AWS_ENDPOINT_URL_STS) must point at AWS STS or a service that speaks its query API',
        });
    }
    const field = (name, shape) => (0,credential_value/* credentialValue */.No)(childAt(credentials, name)?.text, name, what, shape);
    const session = {
        accessKeyId: field('AccessKeyId', ACCESS_KEY_ID),
        secretAccessKey: field('SecretAccessKey'),
        sessionToken: field('SessionToken'),
    };
    for (const secret of Object.values(session))
        mask(secret);
    return { ...session, expiresAt: new Date(Date.parse(expiration)).toISOString(), arn, attempts: response.attempts };
}
function readXml(text, what) {
    try {
        return parseXml(text);
    }
    catch (error) {
        if (!(error instanceof XmlError))
            throw error;
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${what} answered XML that cannot be read: ${error.message}`, {
            hint: 'the service is misbehaving, or sts-endpoint points at something that is not STS; report it to its operator',
            cause: error,
        });
    }
}
/** The `<ErrorResponse><Error><Code/><Message/></Error>` STS sends with a 4xx or 5xx. */
function stsError(text) {
    let root;
    try {
        root = parseXml(text);
    }
    catch {
        return undefined;
    }
    const error = root.name === 'ErrorResponse' ? childAt(root, 'Error') : undefined;
    const code = (0,json/* serverText */.Tn)(childAt(error, 'Code')?.text, 80);
    if (code === undefined)
        return undefined;
    const message = (0,json/* serverText */.Tn)(childAt(error, 'Message')?.text);
    return { code, ...(message ? { message } : {}) };
}
/** `HTTP 403: AccessDenied "…"`, for an error message. */
function describeRefusal(refusal) {
    return `HTTP ${refusal.status}${refusal.code ? `: ${refusal.code}${refusal.message ? ` "${refusal.message}"` : ''}` : ''}`;
}
/** `sts-endpoint`, else AWS_ENDPOINT_URL_STS as the SDKs read it, else the region's own STS endpoint. */
function stsEndpoint(config, region, env) {
    if (config.stsEndpoint)
        return config.stsEndpoint;
    const fromSdk = env.AWS_ENDPOINT_URL_STS;
    if (fromSdk)
        return (0,http_url/* parseEndpoint */.Bk)(fromSdk, 'AWS_ENDPOINT_URL_STS');
    const suffix = config.role.startsWith('arn:aws-cn:') ? 'amazonaws.com.cn' : 'amazonaws.com';
    return new URL(`https://sts.${region}.${suffix}/`);
}
/** What to do about an STS refusal that is not about trust; shared with role chains. */
function failureHint(code) {
    if (code === 'RegionDisabledException')
        return 'activate STS in this region (IAM → Account settings) or use another region';
    if (code === 'MalformedPolicyDocument' || code === 'PackedPolicyTooLarge' || code === 'ValidationError') {
        return 'fix role, duration (at most the role maximum), session-policy, managed-session-policies or session-tags';
    }
    return 'check region and sts-endpoint; re-run if AWS is degraded';
}

;// CONCATENATED MODULE: ./src/providers/aws-chain.ts




// Role chaining: `provider: aws` with `from:` assumes its role with the session of another aws entry, by a
// SigV4-signed STS AssumeRole, the call that takes an external id and session tags. It takes no runner
// token: if the entry it builds on failed, it is not attempted.
async function exchange(config, ctx) {
    const upstream = ctx.upstream;
    if (upstream.kind !== 'aws')
        throw new errors/* KeylessError */.FM('INPUT_INVALID', `"${config.from}" minted no AWS session to assume the role with`);
    const region = config.region ?? upstream.region;
    const url = stsEndpoint(config, region, ctx.env);
    if (config.maskAccountId)
        ctx.mask(config.role.split(':')[4] ?? '');
    const params = new URLSearchParams({
        RoleArn: config.role,
        // The upstream session's name by default: CloudTrail then shows one name along the whole chain.
        RoleSessionName: config.sessionName ?? upstream.sessionName ?? 'keyless',
        DurationSeconds: String(config.durationSeconds),
    });
    if (config.externalId)
        params.set('ExternalId', config.externalId);
    if (config.sessionPolicy)
        params.set('Policy', config.sessionPolicy);
    config.managedPolicies.forEach((arn, i) => params.set(`PolicyArns.member.${i + 1}.arn`, arn));
    config.sessionTags.forEach(([key, value], i) => {
        params.set(`Tags.member.${i + 1}.Key`, key);
        params.set(`Tags.member.${i + 1}.Value`, value);
    });
    config.transitiveTagKeys.forEach((key, i) => params.set(`TransitiveTagKeys.member.${i + 1}`, key));
    const what = `AWS STS ${url.origin}`;
    const session = await callSts(ctx, { url, action: 'AssumeRole', params, signWith: { keys: upstream, region } }, (refusal) => chainFailure(refusal, what, config));
    const settled = { ...config, region };
    const account = checkAccount(settled, session, what, (secret) => { ctx.mask(secret); });
    checkAssumedRole(config.role, params.get('RoleSessionName') ?? '', session, what);
    return keysCredential(settled, session, account, url);
}
/** Refusals of the upstream session itself, or of this role's trust in it: never retried. */
const DENIED = new Set(['AccessDenied', 'SignatureDoesNotMatch', 'InvalidClientTokenId', 'ExpiredToken', 'IncompleteSignature']);
function chainFailure(refusal, what, config) {
    const message = `${what} answered ${describeRefusal(refusal)} to AssumeRole with the session of "${config.from}"`;
    if (refusal.code === undefined || !DENIED.has(refusal.code))
        return new errors/* KeylessError */.FM('EXCHANGE_FAILED', message, { hint: failureHint(refusal.code) });
    return new errors/* KeylessError */.FM('EXCHANGE_DENIED', message, { hint: DENIED_HINTS[refusal.code] ?? trustHint(config) });
}
const DENIED_HINTS = {
    SignatureDoesNotMatch: "the request was altered on the way (a proxy), or the runner's clock is off by more than 5 minutes; region must be the region of sts-endpoint",
    IncompleteSignature: 'a proxy stripped the SigV4 headers; let requests to STS through unchanged',
    InvalidClientTokenId: `STS does not accept the session of the entry in from: here: region (or sts-endpoint) must be in the same partition, and an opt-in region must be enabled for its account`,
    ExpiredToken: 'the session of the entry in from: expired before it was used; re-run the job',
};
function trustHint(config) {
    const extras = [
        config.externalId ? 'its sts:ExternalId condition must equal external-id' : '',
        config.sessionTags.length > 0 ? 'it must allow sts:TagSession too' : '',
    ].filter(Boolean);
    return `the trust policy of role must allow sts:AssumeRole for the role of "${config.from}" (the user named above)${extras.length > 0 ? `, ${extras.join(', ')}` : ''}; and that role's own policy must allow sts:AssumeRole on role`;
}
const awsChain = {
    name: 'aws',
    outputs: AWS_OUTPUTS,
    derived: true,
    read: (fields) => readAwsConfig(fields, true),
    upstream: (config) => ({ id: config.from, providers: ['aws'] }),
    exchange,
    exclusive: awsExclusive,
};

// EXTERNAL MODULE: ./src/providers/oauth-error.ts
var oauth_error = __nccwpck_require__(8350);
;// CONCATENATED MODULE: ./src/providers/aws.ts







/** Session names show in CloudTrail: the repository and run make every session traceable to its job. */
function defaultSessionName(claims) {
    const parts = ['keyless', claims.repository, claims.run_id, claims.run_attempt].filter((p) => typeof p === 'string' && p !== '');
    return parts.join('-').replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}
async function aws_exchange(config, ctx) {
    const url = stsEndpoint(config, config.region, ctx.env);
    // Masked before the request, so a refusal that quotes the role shows no account either.
    if (config.maskAccountId)
        ctx.mask(config.role.split(':')[4] ?? '');
    const webIdentity = config.mode === 'web-identity';
    const jwt = webIdentity ? (0,credential_value/* credentialValue */.No)(ctx.idToken.jwt, 'an OIDC token', 'the runner', credential_value/* JWT */.yl) : ctx.idToken.jwt;
    const sessionName = config.sessionName ?? defaultSessionName(ctx.idToken.claims);
    const params = new URLSearchParams({
        RoleArn: config.role,
        RoleSessionName: sessionName,
        WebIdentityToken: jwt,
        // The validating exchange of web-identity mode hands nothing out: the shortest session will do.
        DurationSeconds: String(webIdentity ? 900 : config.durationSeconds),
    });
    if (config.sessionPolicy)
        params.set('Policy', config.sessionPolicy);
    config.managedPolicies.forEach((arn, i) => params.set(`PolicyArns.member.${i + 1}.arn`, arn));
    const what = `AWS STS ${url.origin}`;
    const session = await callSts(ctx, { url, action: 'AssumeRoleWithWebIdentity', params }, (refusal) => stsFailure(refusal, what, ctx));
    const account = checkAccount(config, session, what, (secret) => { ctx.mask(secret); });
    checkAssumedRole(config.role, sessionName, session, what);
    return webIdentity ? webIdentityCredential(config, session, account, url, { jwt, sessionName }) : keysCredential(config, session, account, url);
}
const aws_DENIED = new Set(['AccessDenied', 'InvalidIdentityToken', 'IDPRejectedClaim', 'ExpiredTokenException', 'IDPCommunicationError']);
function stsFailure(refusal, what, ctx) {
    const message = `${what} answered ${describeRefusal({ ...refusal, ...(refusal.message ? { message: refusal.message.split(ctx.idToken.jwt).join('***') } : {}) })}`;
    if (refusal.code !== undefined && aws_DENIED.has(refusal.code)) {
        return new errors/* KeylessError */.FM('EXCHANGE_DENIED', `${message}. The token carried ${(0,oauth_error/* claimsForHumans */.D1)(ctx.idToken)}.`, { hint: trustPolicyHint(ctx.idToken) });
    }
    return new errors/* KeylessError */.FM('EXCHANGE_FAILED', message, { hint: failureHint(refusal.code) });
}
/** IAM names an OIDC provider, and its condition keys, by the issuer URL without its scheme. */
function trustPolicyHint(idToken) {
    const provider = (0,oauth_error/* issuerOf */.xD)(idToken)?.replace(/^https:\/\//, '') ?? 'the token issuer (iss above)';
    return `check the role's trust policy: the IAM OIDC provider for ${provider} must exist, and its conditions on ${provider}:aud and :sub must match the claims above`;
}
const aws = {
    name: 'aws',
    outputs: AWS_OUTPUTS,
    read: (fields) => readAwsConfig(fields, false),
    defaultAudience: () => 'sts.amazonaws.com',
    exchange: aws_exchange,
    exclusive: awsExclusive,
    chained: awsChain,
};

// EXTERNAL MODULE: ./src/providers/aadsts.ts
var aadsts = __nccwpck_require__(1738);
// EXTERNAL MODULE: ./src/providers/azure-clouds.ts
var azure_clouds = __nccwpck_require__(1552);
;// CONCATENATED MODULE: ./src/providers/azure.ts







// Microsoft Entra ID: OAuth 2.0 client credentials with the runner's OIDC token as a federated
// client assertion. `mode: token` hands out an access token; `mode: sdk` hands out what the Azure SDKs'
// workload identity credential reads, with no secret at all. Either way the entry may ask for az and Az
// PowerShell sessions, which the main step signs in once every exchange succeeded (src/sessions/).
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]+(\.[a-z0-9-]+)+)$/i;
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** `mode: sdk` sets neither the access token nor its expiry: it hands out no token. */
const OUTPUTS = { public: ['client-id', 'tenant-id', 'expires-at'], secret: ['access-token'] };
function read(fields) {
    const clientId = fields.string('client-id', { required: true, pattern: GUID, expected: 'the application (client) id, a GUID' });
    const tenantId = fields.string('tenant-id', { required: true, pattern: TENANT, expected: 'the directory (tenant) id or domain' });
    const subscriptionId = fields.string('subscription-id', { pattern: GUID, expected: 'a subscription id (GUID)' });
    const scope = fields.string('scope', { pattern: /^\S+$/, expected: 'a scope such as https://management.azure.com/.default' });
    const mode = fields.oneOf('mode', ['token', 'sdk'], 'token');
    const authorityHost = fields.url('authority-host');
    const cloud = readCloud(fields);
    const resourceManager = fields.url('resource-manager-endpoint');
    if (cloud === 'AzureStack' && resourceManager === undefined && !fields.has('resource-manager-endpoint')) {
        fields.report('resource-manager-endpoint', 'is required with environment: AzureStack (the stamp\'s Resource Manager URL, such as https://management.local.azurestack.external/)');
    }
    if (cloud !== 'AzureStack' && resourceManager !== undefined)
        fields.report('resource-manager-endpoint', 'is only for environment: AzureStack; the other clouds\' endpoints are known');
    const azLogin = readAzLogin(fields);
    const powershell = fields.boolean('enable-AzPSSession', false);
    const allowNoSubscriptions = fields.boolean('allow-no-subscriptions', false);
    if (clientId === undefined || tenantId === undefined || cloud === undefined)
        return undefined;
    return {
        clientId,
        tenantId,
        mode,
        cloud,
        azLogin,
        powershell,
        allowNoSubscriptions,
        ...(scope ? { scope } : {}),
        ...(authorityHost ? { authorityHost } : {}),
        ...(subscriptionId ? { subscriptionId } : {}),
        ...(resourceManager && cloud === 'AzureStack' ? { resourceManager } : {}),
    };
}
function readCloud(fields) {
    const text = fields.string('environment', { expected: `one of ${azure_clouds/* CLOUDS */.JJ.join(', ')}` });
    if (text === undefined)
        return fields.has('environment') ? undefined : 'AzureCloud';
    const cloud = (0,azure_clouds/* cloudByName */.WA)(text);
    if (cloud !== undefined)
        return cloud;
    if (text.toLowerCase() === 'azuregermancloud')
        fields.report('environment', 'AzureGermanCloud (Microsoft Cloud Deutschland) closed in October 2021; its tenants moved to AzureCloud');
    else
        fields.report('environment', `is not one of ${azure_clouds/* CLOUDS */.JJ.join(', ')}`);
    return undefined;
}
/** `az-login`: true, false (YAML booleans or strings) or auto. */
function readAzLogin(fields) {
    const value = fields.value('az-login');
    if (value === undefined || value === 'auto')
        return 'auto';
    if (value === true || value === 'true')
        return true;
    if (value === false || value === 'false')
        return false;
    fields.report('az-login', 'is not one of auto, true, false');
    return 'auto';
}
/** The authority and default scope: the entry's own, else the cloud's (Azure Stack Hub's from its metadata). */
async function endpoints(config, ctx) {
    const cloud = config.cloud === 'AzureStack' ? (config.resourceManager ? await (0,azure_clouds/* azureStackEndpoints */.Mo)(config.resourceManager, ctx.http, config.authorityHost) : undefined) : (0,azure_clouds/* publicCloud */.Tj)(config.cloud);
    const authorityHost = config.authorityHost ?? cloud?.authorityHost;
    const scope = config.scope ?? cloud?.armScope;
    if (authorityHost === undefined || scope === undefined)
        throw new errors/* KeylessError */.FM('INPUT_INVALID', 'no authority for this cloud', { hint: 'set resource-manager-endpoint' });
    return { authorityHost, scope };
}
/**
 * In both modes one client-credentials request runs: in `token` mode for the token it returns, in `sdk`
 * mode to prove the federation works here, with a clear message, rather than deep inside an SDK later.
 */
async function azure_exchange(config, ctx) {
    const { authorityHost, scope } = await endpoints(config, ctx);
    const url = new URL(`${encodeURIComponent(config.tenantId)}/oauth2/v2.0/token`, authorityHost);
    const form = new URLSearchParams({
        client_id: config.clientId,
        scope,
        grant_type: 'client_credentials',
        client_assertion_type: ASSERTION_TYPE,
        client_assertion: ctx.idToken.jwt,
    });
    const what = `Microsoft Entra ID ${url.origin}${url.pathname}`;
    const response = await ctx.http.request({
        method: 'POST',
        url,
        what: 'Microsoft Entra ID',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
    });
    if (response.status !== 200)
        throw entraError(response, what, ctx);
    const body = (0,json/* jsonBody */.J9)(response, what);
    const token = (0,credential_value/* credentialValue */.No)((0,json/* isObject */.Gv)(body) ? body.access_token : undefined, 'an access_token', what);
    ctx.mask(token);
    const expiresIn = (0,json/* isObject */.Gv)(body) && typeof body.expires_in === 'number' ? body.expires_in : undefined;
    const expiresAt = expiresIn ? new Date(ctx.now() + expiresIn * 1000).toISOString() : undefined;
    const ids = { AZURE_CLIENT_ID: config.clientId, AZURE_TENANT_ID: config.tenantId, ...(config.subscriptionId ? { AZURE_SUBSCRIPTION_ID: config.subscriptionId } : {}) };
    const sdk = config.mode === 'sdk';
    return {
        env: sdk ? {} : { AZURE_ACCESS_TOKEN: token },
        publicEnv: sdk ? { ...ids, AZURE_AUTHORITY_HOST: authorityHost.href } : ids,
        files: sdk ? [{ env: 'AZURE_FEDERATED_TOKEN_FILE', name: 'azure-federated-token', content: (0,credential_value/* credentialValue */.No)(ctx.idToken.jwt, 'an OIDC token', 'the runner', credential_value/* JWT */.yl), oidcToken: true }] : [],
        refreshable: sdk,
        secretOutputs: sdk ? {} : { 'access-token': token },
        publicOutputs: { ...(expiresAt && !sdk ? { 'expires-at': expiresAt } : {}), 'client-id': config.clientId, 'tenant-id': config.tenantId },
        info: {
            principal: `${config.clientId} in tenant ${config.tenantId}`,
            scope,
            ...(expiresAt && !sdk ? { expiresAt } : {}),
            tokenType: sdk ? 'federated token file for Azure SDKs' : 'Entra ID access token',
            endpoint: `${url.origin}${url.pathname}`,
            attempts: response.attempts,
            fingerprint: await (0,fingerprint/* fingerprint */.R)(sdk ? ctx.idToken.jwt : token),
        },
        irrevocable: sdk
            ? 'the federated token file is deleted; tokens SDKs obtained from it expire on their own'
            : 'Entra ID access tokens cannot be revoked; it expires on its own',
        // In sdk mode too: the validating exchange's token is what an ACR login builds on.
        handoff: { kind: 'bearer', provider: 'azure', token, tenant: config.tenantId },
        ...(config.azLogin === false && !config.powershell ? {} : { session: sessionRequest(config, ctx) }),
    };
}
function sessionRequest(config, ctx) {
    const { aud } = ctx.idToken.claims;
    return {
        az: config.azLogin,
        powershell: config.powershell,
        clientId: config.clientId,
        tenantId: config.tenantId,
        allowNoSubscriptions: config.allowNoSubscriptions,
        cloud: config.cloud,
        federatedToken: ctx.idToken.jwt,
        audience: (Array.isArray(aud) ? aud[0] : aud) ?? 'api://AzureADTokenExchange',
        ...(config.subscriptionId === undefined ? {} : { subscriptionId: config.subscriptionId }),
        ...(config.resourceManager === undefined ? {} : { resourceManager: config.resourceManager.href }),
    };
}
function entraError(response, what, ctx) {
    const body = (0,json/* parseLoose */.il)(response.body);
    const error = (0,json/* isObject */.Gv)(body) ? (0,json/* serverText */.Tn)(body.error, 80) : undefined;
    // error_description carries a trace and timestamp after the first sentence; the code and sentence suffice.
    const description = (0,json/* isObject */.Gv)(body) ? (0,json/* serverText */.Tn)(body.error_description, 400)?.split(/ Trace ID:/)[0] : undefined;
    const message = `${what} answered HTTP ${response.status}${error ? `: ${error}` : ''}${description ? ` "${description}"` : ''}`;
    const hint = (0,aadsts/* aadstsHint */.Y)(description ?? '');
    if (hint !== undefined || error === 'invalid_client' || error === 'unauthorized_client') {
        return new errors/* KeylessError */.FM('EXCHANGE_DENIED', `${message}. The token carried ${(0,oauth_error/* claimsForHumans */.D1)(ctx.idToken)}.`, {
            hint: hint ?? 'compare the app registration\'s federated identity credentials with these claims',
        });
    }
    return new errors/* KeylessError */.FM('EXCHANGE_FAILED', message, { hint: error === 'invalid_scope' ? 'check scope: it must end in /.default' : 'check tenant-id, client-id and authority-host' });
}
const azure = {
    name: 'azure',
    outputs: OUTPUTS,
    read,
    defaultAudience: () => 'api://AzureADTokenExchange',
    exchange: azure_exchange,
    exclusive: (config, places) => places.size > 0 && (config.azLogin !== false || config.powershell)
        ? [{ key: 'azure session', message: (other) => `signs az and Az PowerShell in for later steps, as ${other} does; a job has one AZURE_CONFIG_DIR and one current Az context, so set az-login: false (and no enable-AzPSSession) on all but one` }]
        : [],
};

// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/decode_jwt.js + 4 modules
var decode_jwt = __nccwpck_require__(9937);
// EXTERNAL MODULE: ./src/providers/docker-login.ts
var docker_login = __nccwpck_require__(7840);
;// CONCATENATED MODULE: ./src/providers/container-registry.ts







/** The first login's username and password; every host, comma-separated. */
const container_registry_OUTPUTS = { public: ['hosts', 'username'], secret: ['password'] };
const UPSTREAM = { gar: 'gcp', acr: 'azure', ecr: 'aws', ghcr: 'github' };
const HOST = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/;
const HOST_SHAPES = {
    gar: { pattern: /(^|[.-])docker\.pkg\.dev$|(^|\.)gcr\.io$/, expected: 'an Artifact Registry host such as us-docker.pkg.dev (or gcr.io)' },
    acr: { pattern: /^[a-z0-9]{5,50}\.azurecr\.(io|cn|us)$/, expected: 'a registry login server such as myregistry.azurecr.io' },
    ecr: { pattern: /^(\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?|public\.ecr\.aws)$/, expected: 'ACCOUNT.dkr.ecr.REGION.amazonaws.com or public.ecr.aws' },
    ghcr: undefined,
};
/** ACR's documented username for a login with a refresh token from /oauth2/exchange. */
const ACR_TOKEN_USERNAME = '00000000-0000-0000-0000-000000000000';
function container_registry_read(fields) {
    const kind = fields.string('kind', { required: true, pattern: /^(gar|acr|ecr|ghcr)$/, expected: 'gar, acr, ecr or ghcr' });
    const from = fields.string('from', { required: true, expected: `the id of the ${kind ? UPSTREAM[kind] : 'gcp, azure, aws or github'} entry whose credential logs in` });
    const hosts = fields.strings('host') ?? [];
    const endpoint = fields.url('endpoint');
    if (kind === undefined || from === undefined)
        return undefined;
    hosts.forEach((host, i) => {
        const problem = hosts.indexOf(host) < i ? `repeats ${host}` : hostProblem(kind, host);
        if (problem)
            fields.report('host', `item ${i + 1} ${problem}`);
    });
    if (hosts.length === 0 && (kind === 'gar' || kind === 'acr'))
        fields.report('host', `is required for kind ${kind}: ${HOST_SHAPES[kind]?.expected ?? ''}`);
    if (new Set(hosts.map((host) => host.startsWith('public.'))).size > 1)
        fields.report('host', 'public.ecr.aws and private ECR registries need one entry each');
    if (endpoint && (kind === 'gar' || kind === 'ghcr'))
        fields.report('endpoint', `applies to acr and ecr only; a ${kind} login needs no exchange`);
    return { kind, from, hosts, ...(endpoint ? { endpoint } : {}) };
}
function hostProblem(kind, host) {
    const shape = HOST_SHAPES[kind];
    if (!HOST.test(host))
        return 'is not a registry host (a name and optional port, no scheme or path)';
    if (shape && !shape.pattern.test(host))
        return `is not ${shape.expected}`;
    return (0,docker_login/* dockerHubProblem */.Fx)(host, 'GitHub token');
}
async function container_registry_exchange(config, ctx) {
    const logins = await loginsFor(config, ctx.upstream, ctx);
    const auths = {};
    for (const login of logins) {
        // Docker's `auth` field; its base64 form would slip past a mask of the password alone.
        const auth = Buffer.from(`${login.username}:${login.password}`).toString('base64');
        ctx.mask(login.password);
        ctx.mask(auth);
        auths[login.host] = { auth };
    }
    const [first] = logins;
    const expiries = logins.flatMap((login) => (login.expiresAt ? [login.expiresAt] : [])).sort();
    const hosts = logins.map((login) => login.host);
    return {
        env: {},
        files: [{ env: 'DOCKER_CONFIG', name: 'docker/config.json', format: 'docker-config', content: JSON.stringify({ auths }) }],
        secretOutputs: { password: first.password },
        // The username is public knowledge (oauth2accesstoken, AWS): masking it would blank it all over the log.
        publicOutputs: { hosts: hosts.join(','), username: first.username },
        info: {
            principal: `${first.username} at ${hosts.join(', ')}`,
            ...(expiries[0] ? { expiresAt: expiries[0] } : {}),
            tokenType: `${config.kind.toUpperCase()} login (docker config)`,
            endpoint: first.endpoint ?? hosts.join(', '),
            attempts: Math.max(...logins.map((login) => login.attempts)),
            fingerprint: await (0,fingerprint/* fingerprint */.R)(first.password),
        },
        irrevocable: IRREVOCABLE[config.kind],
    };
}
const IRREVOCABLE = {
    gar: 'the docker config is deleted; the access token in it is the gcp entry\'s, revoked with it',
    ghcr: 'the docker config is deleted; the token in it is the github entry\'s, revoked with it',
    acr: 'ACR refresh tokens cannot be revoked; the docker config is deleted and the token expires on its own (3 hours)',
    ecr: 'ECR authorization tokens cannot be revoked; the docker config is deleted and the token expires on its own (12 hours)',
};
async function loginsFor(config, upstream, ctx) {
    if (config.kind === 'ecr') {
        if (upstream.kind !== 'aws')
            throw mismatch(config, upstream);
        const { ecrLogins } = await __nccwpck_require__.e(/* import() */ 68).then(__nccwpck_require__.bind(__nccwpck_require__, 68));
        return ecrLogins(config, upstream, ctx);
    }
    if (upstream.kind !== 'bearer' || upstream.provider !== UPSTREAM[config.kind])
        throw mismatch(config, upstream);
    if (config.kind === 'acr')
        return Promise.all(config.hosts.map((host) => acrLogin(host, upstream.token, upstream.tenant, config, ctx)));
    // GHCR takes any username with a token; x-access-token is the convention for GitHub App tokens.
    const username = config.kind === 'gar' ? 'oauth2accesstoken' : 'x-access-token';
    const hosts = config.hosts.length > 0 ? config.hosts : [packagesHost(ctx.env.GITHUB_SERVER_URL)];
    return hosts.map((host) => ({ host, username, password: upstream.token, ...(upstream.expiresAt ? { expiresAt: upstream.expiresAt } : {}), attempts: 0 }));
}
/**
 * The hosts an entry logs in to, as its settings name them. A ghcr entry without `host` logs in to this
 * job's GitHub container registry, which the settings cannot name (GITHUB_SERVER_URL decides it): it, and
 * a ghcr entry naming ghcr.io or a `containers.` host, take one name for it.
 */
function claimedHosts(config) {
    if (config.kind !== 'ghcr')
        return config.hosts;
    const packages = "this job's GitHub container registry";
    if (config.hosts.length === 0)
        return [packages];
    return config.hosts.flatMap((host) => (host === 'ghcr.io' || host.startsWith('containers.') ? [host, packages] : [host]));
}
/** This job's GitHub container registry: ghcr.io, or `containers.<host>` on GHES and GHE.com. */
function packagesHost(server) {
    const host = server ? new URL(server).host : 'github.com';
    return host === 'github.com' ? 'ghcr.io' : `containers.${host}`;
}
function mismatch(config, upstream) {
    const got = upstream.kind === 'aws' ? 'aws' : upstream.provider;
    return new errors/* KeylessError */.FM('INPUT_INVALID', `kind ${config.kind} needs a ${UPSTREAM[config.kind]} entry in from:, and "${config.from}" is ${got}`);
}
/** ACR's own token service: an Entra ID access token in, a registry refresh token out. */
async function acrLogin(host, aadToken, tenant, config, ctx) {
    const base = config.endpoint ?? (0,http_url/* parseEndpoint */.Bk)(`https://${host}`, 'registry');
    const url = new URL('/oauth2/exchange', base);
    const form = new URLSearchParams({ grant_type: 'access_token', service: host, access_token: aadToken, ...(tenant ? { tenant } : {}) });
    const response = await ctx.http.request({
        method: 'POST',
        url,
        what: 'ACR token exchange',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
    });
    const where = `ACR token exchange ${url.origin}${url.pathname}`;
    if (response.status !== 200) {
        const said = acrErrors(response.body);
        const denied = response.status === 401 || response.status === 403;
        throw new errors/* KeylessError */.FM(denied ? 'EXCHANGE_DENIED' : 'EXCHANGE_FAILED', `${where} answered HTTP ${response.status}${said ? `: ${said}` : ''}`, {
            hint: denied
                ? `give the azure entry's app registration a role on ${host} that allows pull or push (AcrPull, AcrPush), and keep its scope at https://management.azure.com/.default`
                : 'check host: it must be the registry login server (NAME.azurecr.io)',
        });
    }
    const body = (0,json/* jsonBody */.J9)(response, where);
    const token = (0,credential_value/* credentialValue */.No)((0,json/* isObject */.Gv)(body) ? body.refresh_token : undefined, 'a refresh_token', where);
    ctx.mask(token);
    const exp = expiryOf(token);
    return { host, username: ACR_TOKEN_USERNAME, password: token, ...(exp ? { expiresAt: exp } : {}), endpoint: `${url.origin}${url.pathname}`, attempts: response.attempts };
}
/** The registry's `{"errors": [{"code", "message"}]}` (the distribution spec's error body). */
function acrErrors(text) {
    const body = (0,json/* parseLoose */.il)(text);
    const errors = (0,json/* isObject */.Gv)(body) && Array.isArray(body.errors) ? body.errors : [];
    const said = errors.flatMap((e) => ((0,json/* isObject */.Gv)(e) ? [[(0,json/* serverText */.Tn)(e.code, 60), (0,json/* serverText */.Tn)(e.message)].filter(Boolean).join(' ')] : []));
    return said.length > 0 ? said.join('; ') : (0,json/* serverText */.Tn)(text);
}
function expiryOf(jwt) {
    try {
        const { exp } = (0,decode_jwt/* decodeJwt */.i)(jwt);
        return typeof exp === 'number' ? new Date(exp * 1000).toISOString() : undefined;
    }
    catch {
        return undefined;
    }
}
const containerRegistry = {
    name: 'registry',
    outputs: container_registry_OUTPUTS,
    derived: true,
    read: container_registry_read,
    upstream: (config) => ({ id: config.from, providers: [UPSTREAM[config.kind]] }),
    exchange: container_registry_exchange,
    exclusive: (config, places) => (0,docker_login/* registryHostClaims */.fF)(claimedHosts(config), places, 'host'),
};

// EXTERNAL MODULE: ./src/providers/json-endpoint.ts
var json_endpoint = __nccwpck_require__(530);
;// CONCATENATED MODULE: ./src/providers/variable-claims.ts
/**
 * An entry that hands its token to later steps under a fixed variable name takes that name (`export: env`)
 * or NAME_FILE (`export: file`): a second entry taking the same (two crates entries, an rfc8693 and a
 * github entry both on GH_TOKEN) would silently replace the first's token in the job, or in the one
 * environment `keyless exec` gives COMMAND. Names compare upper-cased, as Windows runners read them.
 */
function variableClaims(names, places, remedy) {
    const first = (names[0] ?? '').toUpperCase();
    return [...places].map((place) => {
        const taken = place === 'env' ? names.join(', ') : names.map((name) => `${name}_FILE`).join(', ');
        return { key: `variable ${first}${place === 'env' ? '' : '_FILE'}`, message: (other) => `exports ${taken}, as ${other} does; the later token would silently replace the earlier: ${remedy}` };
    });
}

;// CONCATENATED MODULE: ./src/providers/crates.ts





// crates.io trusted publishing: the OIDC token for a short-lived publish token, deleted at job end.
/** crates.io answers no expiry (its tokens last 30 minutes). */
const crates_OUTPUTS = { public: [], secret: ['token'] };
function crates_read(fields) {
    return { registry: fields.url('registry') ?? new URL('https://crates.io') };
}
const cratesErrors = (body) => (0,json/* isObject */.Gv)(body) && Array.isArray(body.errors) ? body.errors.flatMap((e) => ((0,json/* isObject */.Gv)(e) && typeof e.detail === 'string' ? [e.detail] : [])).join('; ') : undefined;
async function crates_exchange(config, ctx) {
    const url = new URL('/api/v1/trusted_publishing/tokens', config.registry);
    const { body, response } = await (0,json_endpoint/* callJson */.X_)({
        http: ctx.http,
        method: 'POST',
        url,
        what: 'crates.io',
        body: { jwt: ctx.idToken.jwt },
        // The JWT is single-use (crates.io records its jti): a request that reached the server is never repeated.
        idempotent: false,
        describe: cratesErrors,
        denied: [400, 401, 403],
        deniedHint: "compare the crate's trusted publisher (repository owner, repository, workflow file, environment) with these claims",
        idToken: ctx.idToken,
    });
    const token = (0,credential_value/* credentialValue */.No)(body.token, 'a token', `crates.io at ${url.origin}`);
    ctx.mask(token);
    return {
        env: { CARGO_REGISTRY_TOKEN: token },
        secretOutputs: { token },
        publicOutputs: {},
        info: {
            principal: `trusted publisher on ${config.registry.host}`,
            scope: 'publish',
            tokenType: 'crates.io trusted-publishing token (30 min)',
            endpoint: `${url.origin}${url.pathname}`,
            attempts: response.attempts,
            fingerprint: await (0,fingerprint/* fingerprint */.R)(token),
        },
        revoke: { endpoint: config.registry.href, token },
    };
}
async function revoke(handle, ctx) {
    const { endpoint, token } = handle;
    await (0,json_endpoint/* callJson */.X_)({
        http: ctx.http,
        method: 'DELETE',
        url: new URL('/api/v1/trusted_publishing/tokens', endpoint),
        what: 'crates.io token revocation',
        headers: { authorization: `Bearer ${token}` },
        describe: cratesErrors,
        deniedHint: 'the token had already expired or been revoked',
    });
    return { status: 'revoked' };
}
const crates = {
    name: 'crates',
    outputs: crates_OUTPUTS,
    read: crates_read,
    defaultAudience: (config) => config.registry.host,
    exchange: crates_exchange,
    revoke,
    // Cargo reads one CARGO_REGISTRY_TOKEN: a job publishes to one registry per step.
    exclusive: (_config, places) => variableClaims(['CARGO_REGISTRY_TOKEN'], places, 'export one of them as outputs (export: outputs) and hand it to cargo publish --token'),
};

;// CONCATENATED MODULE: ./src/providers/google-api.ts




// Google's Security Token Service (RFC 8693, plus its `options` field) and IAM Credentials API.
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const JWT_TYPE = 'urn:ietf:params:oauth:token-type:jwt';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
/** The headers of a call: the reason, when the entry gives one. */
function googleHeaders(call, headers) {
    return call.reason === undefined ? headers : { ...headers, 'x-goog-request-reason': call.reason };
}
/** One exchange at Google STS: form-encoded RFC 8693 request, RFC 8693 answer, RFC 6749 error body. */
async function stsExchange(http, url, request, idToken, deniedHint, call = {}) {
    const form = new URLSearchParams({
        grant_type: TOKEN_EXCHANGE,
        requested_token_type: ACCESS_TOKEN_TYPE,
        subject_token: request.subjectToken,
        subject_token_type: request.subjectTokenType,
    });
    if (request.audience)
        form.set('audience', request.audience);
    if (request.scope)
        form.set('scope', request.scope);
    if (request.options !== undefined)
        form.set('options', JSON.stringify(request.options));
    const what = `Google STS ${url.origin}${url.pathname}`;
    const response = await http.request({
        method: 'POST',
        url,
        what: 'Google STS',
        headers: googleHeaders(call, { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }),
        body: form.toString(),
    });
    if (response.status !== 200)
        throw (0,oauth_error/* oauthError */.YM)(response, what, idToken, deniedHint);
    const body = (0,json/* jsonBody */.J9)(response, what);
    const token = (0,credential_value/* credentialValue */.No)((0,json/* isObject */.Gv)(body) ? body.access_token : undefined, 'an access_token', what);
    const expiresIn = (0,json/* isObject */.Gv)(body) && typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : undefined;
    return { token, attempts: response.attempts, ...(expiresIn ? { expiresIn } : {}) };
}
/**
 * A POST to an IAM Credentials method with the federated token; its JSON answer, or a clear error. `role`
 * is the role a refusal says to grant: workloadIdentityUser covers generateAccessToken and
 * generateIdToken, not signJwt (serviceAccountTokenCreator).
 */
async function iamCredentials(http, url, bearer, body, idToken, serviceAccount, call = {}) {
    const what = `IAM Credentials ${url.pathname.split(':').pop() ?? ''} for ${serviceAccount}`;
    const response = await http.request({
        method: 'POST',
        url,
        what: 'IAM Credentials',
        headers: googleHeaders(call, { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', accept: 'application/json' }),
        body: JSON.stringify(body),
    });
    if (response.status !== 200)
        throw googleApiError(response, what, idToken, serviceAccount, call.role ?? 'roles/iam.workloadIdentityUser');
    const parsed = (0,json/* jsonBody */.J9)(response, what);
    if (!(0,json/* isObject */.Gv)(parsed))
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${what} answered 200 without a JSON object`);
    return { body: parsed, attempts: response.attempts };
}
/** Google's `{"error":{"code","message","status"}}`; a denial says which binding is missing. */
function googleApiError(response, what, idToken, serviceAccount, role) {
    const body = (0,json/* parseLoose */.il)(response.body);
    const error = (0,json/* isObject */.Gv)(body) && (0,json/* isObject */.Gv)(body.error) ? body.error : undefined;
    const status = (0,json/* serverText */.Tn)(error?.status, 60);
    const message = (0,json/* serverText */.Tn)(error?.message);
    const said = `${what} answered HTTP ${response.status}${status ? ` ${status}` : ''}${message ? `: ${message}` : ''}`;
    if (response.status === 403 || status === 'PERMISSION_DENIED') {
        const repository = typeof idToken.claims.repository === 'string' ? idToken.claims.repository : 'OWNER/REPO';
        return new errors/* KeylessError */.FM('EXCHANGE_DENIED', `${said}. The token carried ${(0,oauth_error/* claimsForHumans */.D1)(idToken)}.`, {
            hint: `grant ${role} on ${serviceAccount} to ` +
                `principalSet://iam.googleapis.com/<pool>/attribute.repository/${repository} (and enable the IAM Credentials API)`,
        });
    }
    return new errors/* KeylessError */.FM('EXCHANGE_FAILED', said, {
        hint: response.status === 404 ? 'check service-account: it does not exist or is in another project' : 'check the entry keys; re-run if Google is degraded',
    });
}

;// CONCATENATED MODULE: ./src/providers/gcp-adc.ts


/**
 * Where the credentials file's path goes besides GOOGLE_APPLICATION_CREDENTIALS (Application Default
 * Credentials in every client library): gcloud's override of its own credentials, and the variable
 * Google's follow-on actions (deploy-cloudrun, get-gke-credentials, setup-gcloud, …) look for first.
 */
const ADC_ALIASES = ['CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE', 'GOOGLE_GHA_CREDS_PATH'];
/** The IAM Credentials URL of a method of the service account. */
function methodUrl(config, serviceAccount, method) {
    return new URL(`v1/projects/-/serviceAccounts/${encodeURIComponent(serviceAccount)}:${method}`, config.iamEndpoint);
}
/**
 * Application Default Credentials for client libraries: an `external_account` file whose subject token is
 * a file holding this job's one-audience OIDC token. Never the runner's token-request bearer (the peer
 * writes that into the workspace, letting any reader mint tokens for any audience).
 */
function adcFiles(config, jwt) {
    const impersonation = config.serviceAccount ? methodUrl(config, config.serviceAccount, 'generateAccessToken').href : undefined;
    return [
        // google-auth reads the whole file as the token (`format: text`): a JWT, nothing else, on one line.
        { name: 'gcp-oidc-token', content: (0,credential_value/* credentialValue */.No)(jwt, 'an OIDC token', 'the runner', credential_value/* JWT */.yl), oidcToken: true },
        {
            env: 'GOOGLE_APPLICATION_CREDENTIALS',
            aliases: ADC_ALIASES,
            output: 'credentials-file-path',
            name: 'gcp-adc.json',
            content: (pathOf) => JSON.stringify({
                type: 'external_account',
                audience: `//iam.${config.universe}/${config.provider}`,
                subject_token_type: JWT_TYPE,
                token_url: config.stsEndpoint.href,
                credential_source: { file: pathOf('gcp-oidc-token'), format: { type: 'text' } },
                ...(impersonation ? { service_account_impersonation_url: impersonation } : {}),
                universe_domain: config.universe,
            }),
        },
    ];
}

;// CONCATENATED MODULE: ./src/providers/gcp-config.ts

const PROVIDER_NAME = /^projects\/\d+\/locations\/global\/workloadIdentityPools\/[a-z0-9-]{4,32}\/providers\/[a-z0-9-]{4,32}$/;
const EMAIL = /^[^@\s/]+@[^@\s/]+\.[^@\s/]+$/;
const PROJECT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const UNIVERSE = /^[a-z0-9.-]+\.[a-z]{2,}$/;
/** A user-managed service account: its domain names the project it lives in (a service agent's, gcp-sa-*, names a service). */
const PROJECT_ACCOUNT = /^[^@\s/]+@(?!gcp-sa-)([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/;
/**
 * Sent as an HTTP header: printable ASCII only, so no line break can end the header and nothing outside
 * Latin-1 makes Node refuse the request.
 */
const REASON = /^[\x20-\x7e]{1,1024}$/;
/** Google refuses a domain-wide delegation JWT whose exp is more than an hour after its iat. */
const DELEGATION_MAX_SECONDS = 3600;
/**
 * The project of `NAME@PROJECT.iam.gserviceaccount.com`. Other domains name no project: the peer takes the
 * first label of any domain, which turns the Compute default account (`N-compute@developer.gserviceaccount.com`)
 * into a project called "developer".
 */
function projectOfServiceAccount(email) {
    return email === undefined ? undefined : PROJECT_ACCOUNT.exec(email)?.[1];
}
function readGcp(fields) {
    const provider = fields.string('workload-identity-provider', {
        required: true,
        pattern: PROVIDER_NAME,
        expected: 'projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER',
    });
    const serviceAccount = fields.string('service-account', { pattern: EMAIL, expected: 'a service account email' });
    const projectId = fields.string('project-id', { pattern: PROJECT, expected: 'a project id (6–30 lower-case letters, digits and dashes)' });
    const universe = fields.string('universe', { pattern: UNIVERSE, expected: 'a domain such as googleapis.com' }) ?? 'googleapis.com';
    const scopes = fields.strings('scopes') ?? [`https://www.${universe}/auth/cloud-platform`];
    const lifetime = fields.duration('duration', 1, 43_200);
    const delegates = fields.strings('delegates') ?? [];
    const idTokenAudience = fields.string('id-token-audience');
    const accessBoundary = readBoundary(fields);
    const accessTokenSubject = fields.string('access-token-subject', { pattern: EMAIL, expected: "a Workspace user's email" });
    const requestReason = fields.string('request-reason', { pattern: REASON, expected: 'printable ASCII text of at most 1024 characters, on one line (it is sent as the X-Goog-Request-Reason header)' });
    // The ADC file hands client libraries the undownscoped identity: with a boundary, it is opt-in and refused.
    const credentialsFile = fields.boolean('credentials-file', accessBoundary === undefined);
    const stsEndpoint = fields.url('sts-endpoint') ?? new URL(`https://sts.${universe}/v1/token`);
    const iamEndpoint = fields.url('iamcredentials-endpoint') ?? new URL(`https://iamcredentials.${universe}/`);
    const oauthTokenEndpoint = fields.url('oauth-token-endpoint') ?? new URL(`https://oauth2.${universe}/token`);
    const revokeEndpoint = fields.url('revoke-endpoint') ?? new URL(`https://oauth2.${universe}/revoke`);
    for (const key of ['duration', 'delegates', 'id-token-audience', 'access-token-subject']) {
        if (fields.has(key) && serviceAccount === undefined)
            fields.report(key, 'applies only with service-account (federated tokens are not impersonated)');
    }
    checkCombinations(fields, { accessBoundary, accessTokenSubject, credentialsFile, lifetime });
    if (provider === undefined)
        return undefined;
    const config = {
        provider,
        scopes,
        lifetimeSeconds: lifetime ?? 900,
        delegates,
        credentialsFile,
        universe,
        stsEndpoint,
        iamEndpoint,
        oauthTokenEndpoint,
        revokeEndpoint,
    };
    const project = projectId ?? projectOfServiceAccount(serviceAccount);
    for (const [key, value] of Object.entries({ serviceAccount, projectId: project, idTokenAudience, accessBoundary, accessTokenSubject, requestReason })) {
        if (value !== undefined)
            Object.assign(config, { [key]: value });
    }
    return config;
}
function checkCombinations(fields, given) {
    if (given.accessBoundary !== undefined && given.credentialsFile) {
        fields.report('credentials-file', 'cannot be true with access-boundary: client libraries reading the file would mint tokens without the boundary; use the exported access token');
    }
    if (given.accessTokenSubject === undefined)
        return;
    if (given.accessBoundary !== undefined) {
        fields.report('access-boundary', "cannot downscope a domain-wide delegation token (a boundary restricts Cloud Storage; the user's token is for Workspace APIs); drop one of the two");
    }
    if (given.lifetime !== undefined && given.lifetime > DELEGATION_MAX_SECONDS) {
        fields.report('duration', 'is at most 1h with access-token-subject: Google refuses a domain-wide delegation token that lives longer');
    }
}
/** `access-boundary`: a list of `{resource, permissions, condition?}`, Google's Credential Access Boundary rules. */
function readBoundary(fields) {
    const raw = fields.list('access-boundary');
    if (raw === undefined)
        return undefined;
    const rules = [];
    for (const [i, rule] of raw.entries()) {
        const resource = isRecord(rule) ? rule.resource : undefined;
        const permissions = isRecord(rule) ? rule.permissions : undefined;
        const condition = isRecord(rule) ? rule.condition : undefined;
        const validPermissions = Array.isArray(permissions) && permissions.length > 0 && permissions.every((p) => typeof p === 'string' && p.startsWith('inRole:'));
        if (typeof resource !== 'string' || !validPermissions || (condition !== undefined && typeof condition !== 'string')) {
            fields.report('access-boundary', `rule ${i} must be {resource: //storage.googleapis.com/projects/_/buckets/NAME, permissions: [inRole:ROLE], condition?: CEL}, not ${describe(rule)}`);
            continue;
        }
        rules.push({ availableResource: resource, availablePermissions: permissions, ...(condition ? { availabilityCondition: { expression: condition } } : {}) });
    }
    if (rules.length > 10)
        fields.report('access-boundary', 'Google accepts at most 10 rules');
    return rules;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/providers/gcp-dwd.ts






// Domain-wide delegation, as google-github-actions/auth does it without a key: IAM Credentials signs the
// service account's JWT grant (RFC 7523) with Google's key, and Google's OAuth token endpoint trades it
// for a token of the Workspace user named in `sub`.
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** The claims of the grant: the audience is Google's token endpoint by name, whatever URL the request goes to. */
function delegationClaims(config, serviceAccount, subject, nowMs) {
    const iat = Math.floor(nowMs / 1000);
    return {
        iss: serviceAccount,
        sub: subject,
        scope: config.scopes.join(' '),
        aud: `https://oauth2.${config.universe}/token`,
        iat,
        exp: iat + config.lifetimeSeconds,
    };
}
async function delegatedToken(config, ctx, federated, serviceAccount, subject) {
    const call = config.requestReason === undefined ? {} : { reason: config.requestReason };
    const delegates = config.delegates.map((d) => `projects/-/serviceAccounts/${d}`);
    const body = { payload: JSON.stringify(delegationClaims(config, serviceAccount, subject, ctx.now())), ...(delegates.length > 0 ? { delegates } : {}) };
    const signed = await iamCredentials(ctx.http, methodUrl(config, serviceAccount, 'signJwt'), federated, body, ctx.idToken, serviceAccount, {
        ...call,
        role: 'roles/iam.serviceAccountTokenCreator',
    });
    // Whoever holds the signed grant can redeem it until it expires: masked at once, never handed on.
    const assertion = (0,credential_value/* credentialValue */.No)(signed.body.signedJwt, 'signedJwt', `IAM Credentials signJwt for ${serviceAccount}`, credential_value/* JWT */.yl);
    ctx.mask(assertion);
    const url = config.oauthTokenEndpoint;
    const what = `Google OAuth token endpoint ${url.origin}${url.pathname}`;
    const response = await ctx.http.request({
        method: 'POST',
        url,
        what: 'Google OAuth token endpoint',
        headers: googleHeaders(call, { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }),
        body: new URLSearchParams({ grant_type: JWT_BEARER, assertion }).toString(),
    });
    if (response.status !== 200) {
        const refusal = (0,json/* parseLoose */.il)(response.body);
        throw (0,oauth_error/* oauthError */.YM)(response, what, undefined, refusalHint((0,json/* isObject */.Gv)(refusal) ? refusal.error : undefined, config, serviceAccount, subject));
    }
    const answer = (0,json/* jsonBody */.J9)(response, what);
    const token = (0,credential_value/* credentialValue */.No)((0,json/* isObject */.Gv)(answer) ? answer.access_token : undefined, 'an access_token', what);
    ctx.mask(token);
    const expiresIn = (0,json/* isObject */.Gv)(answer) ? answer.expires_in : undefined;
    if (expiresIn !== undefined && (typeof expiresIn !== 'number' || !(expiresIn > 0)))
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${what} answered expires_in that is not a positive number`);
    return { token, expiresAt: expiresIn === undefined ? undefined : (0,credential_value/* expiresAfter */.Pe)(ctx.now(), expiresIn) };
}
/** What Google's refusals of a delegation grant mean in the Admin console's and IAM's terms. */
function refusalHint(code, config, serviceAccount, subject) {
    if (code === 'unauthorized_client') {
        return (`in the Google Workspace Admin console (Security > Access and data control > API controls > Domain-wide delegation), ` +
            `add ${serviceAccount}'s client ID (its unique ID) with exactly these scopes: ${config.scopes.join(',')}`);
    }
    if (code === 'invalid_grant') {
        return `check access-token-subject: ${subject} must be an active user of the Workspace domain that delegated to ${serviceAccount}, and the runner's clock must be right`;
    }
    return 'check scopes and access-token-subject against what the Workspace domain delegated';
}

;// CONCATENATED MODULE: ./src/providers/oauth-revoke.ts

/**
 * RFC 7009 revocation of the handle's token (and refresh token first, when there is one): 200 means
 * revoked or already invalid; `unsupported_token_type` means the issuer cannot revoke it.
 */
async function revokeOAuthToken(handle, ctx) {
    const { endpoint, token, refresh, clientId } = handle;
    const url = new URL(endpoint);
    for (const [value, hint] of [[refresh, 'refresh_token'], [token, 'access_token']]) {
        if (!value)
            continue;
        const form = new URLSearchParams({ token: value, token_type_hint: hint });
        if (clientId)
            form.set('client_id', clientId);
        const response = await ctx.http.request({
            method: 'POST',
            url,
            what: 'revocation endpoint',
            // The handle's headers first: they may not replace the content type the body is sent as.
            headers: { ...handle.headers, 'content-type': 'application/x-www-form-urlencoded' },
            body: form.toString(),
        });
        if (response.status === 200)
            continue;
        const error = (0,oauth_error/* oauthError */.YM)(response, `revocation endpoint ${url.origin}${url.pathname}`, undefined);
        // RFC 7009's `unsupported_token_type`, and Google's `invalid_token` for tokens it will not revoke.
        if (/: (unsupported_token_type|invalid_token)\b/.test(error.message))
            return { status: 'not-revocable', detail: 'the issuer does not revoke this token type' };
        return { status: 'failed', detail: error.message };
    }
    return { status: 'revoked' };
}

;// CONCATENATED MODULE: ./src/providers/gcp.ts








/**
 * `project-id` given or derived; `credentials-file-path` set with the file (src/sinks/deliver.ts);
 * `auth-token` the federated token, as the peer's `auth_token`; `id-token` with `id-token-audience`.
 */
const gcp_OUTPUTS = { public: ['expires-at', 'project-id', 'credentials-file-path'], secret: ['access-token', 'id-token', 'auth-token'] };
/** The variables google-github-actions/auth exports the project in, each read by some tool or library. */
const PROJECT_VARIABLES = ['CLOUDSDK_CORE_PROJECT', 'CLOUDSDK_PROJECT', 'GCLOUD_PROJECT', 'GCP_PROJECT', 'GOOGLE_CLOUD_PROJECT'];
const DENIED_HINT = "check the workload identity provider's attribute condition and mapping against these claims, and that the pool and provider are enabled";
async function gcp_exchange(config, ctx) {
    const call = config.requestReason === undefined ? {} : { reason: config.requestReason };
    const audience = `//iam.${config.universe}/${config.provider}`;
    const federated = await stsExchange(ctx.http, config.stsEndpoint, { audience, scope: `https://www.${config.universe}/auth/cloud-platform`, subjectToken: ctx.idToken.jwt, subjectTokenType: JWT_TYPE }, ctx.idToken, DENIED_HINT, call);
    ctx.mask(federated.token);
    let access = { token: federated.token, expiresAt: expiry(ctx, federated.expiresIn) };
    let idToken;
    const sa = config.serviceAccount;
    if (sa && config.accessTokenSubject) {
        access = await delegatedToken(config, ctx, federated.token, sa, config.accessTokenSubject);
    }
    else if (sa) {
        access = await impersonate(config, ctx, federated.token, sa);
    }
    if (sa && config.idTokenAudience) {
        const delegates = delegatesOf(config);
        const body = { audience: config.idTokenAudience, includeEmail: true, ...(delegates.length > 0 ? { delegates } : {}) };
        const answer = (await iamCredentials(ctx.http, methodUrl(config, sa, 'generateIdToken'), federated.token, body, ctx.idToken, sa, call)).body.token;
        const minted = (0,credential_value/* credentialValue */.No)(answer, 'a token', `IAM Credentials generateIdToken for ${sa}`, credential_value/* JWT */.yl);
        ctx.mask(minted);
        idToken = minted;
    }
    if (config.accessBoundary) {
        const options = { accessBoundary: { accessBoundaryRules: config.accessBoundary } };
        const request = { subjectToken: access.token, subjectTokenType: ACCESS_TOKEN_TYPE, options };
        const downscoped = await stsExchange(ctx.http, config.stsEndpoint, request, ctx.idToken, DENIED_HINT, call);
        ctx.mask(downscoped.token);
        // Google omits expires_in for a downscoped token when it lives as long as its source.
        access = { token: downscoped.token, expiresAt: downscoped.expiresIn ? expiry(ctx, downscoped.expiresIn) : access.expiresAt };
    }
    return credential(config, ctx, { access, federated: federated.token, idToken, attempts: federated.attempts });
}
function delegatesOf(config) {
    return config.delegates.map((d) => `projects/-/serviceAccounts/${d}`);
}
/** The service account's own token through IAM Credentials `generateAccessToken`. */
async function impersonate(config, ctx, federated, sa) {
    const delegates = delegatesOf(config);
    const body = { scope: config.scopes, lifetime: `${config.lifetimeSeconds}s`, ...(delegates.length > 0 ? { delegates } : {}) };
    const call = config.requestReason === undefined ? {} : { reason: config.requestReason };
    const generated = await iamCredentials(ctx.http, methodUrl(config, sa, 'generateAccessToken'), federated, body, ctx.idToken, sa, call);
    const what = `IAM Credentials generateAccessToken for ${sa}`;
    const accessToken = (0,credential_value/* credentialValue */.No)(generated.body.accessToken, 'accessToken', what);
    const expireTime = generated.body.expireTime;
    if (typeof expireTime !== 'string' || Number.isNaN(Date.parse(expireTime)))
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${what} answered without expireTime`);
    ctx.mask(accessToken);
    return { token: accessToken, expiresAt: new Date(expireTime).toISOString() };
}
function expiry(ctx, seconds) {
    return seconds === undefined ? undefined : (0,credential_value/* expiresAfter */.Pe)(ctx.now(), seconds);
}
async function credential(config, ctx, minted) {
    const { access, idToken } = minted;
    const project = config.projectId;
    const sa = config.serviceAccount;
    const federatedPrincipal = `principal://iam.${config.universe}/${config.provider.replace(/\/providers\/.*$/, '')}/subject/${String(ctx.idToken.claims.sub)}`;
    const subject = config.accessTokenSubject;
    return {
        env: { CLOUDSDK_AUTH_ACCESS_TOKEN: access.token, GOOGLE_OAUTH_ACCESS_TOKEN: access.token },
        publicEnv: project ? Object.fromEntries(PROJECT_VARIABLES.map((name) => [name, project])) : {},
        files: config.credentialsFile ? adcFiles(config, ctx.idToken.jwt) : [],
        refreshable: config.credentialsFile,
        // The federated token is the boundary's way around: an entry with one hands out the downscoped token only.
        secretOutputs: { 'access-token': access.token, ...(config.accessBoundary ? {} : { 'auth-token': minted.federated }), ...(idToken ? { 'id-token': idToken } : {}) },
        publicOutputs: { ...(access.expiresAt ? { 'expires-at': access.expiresAt } : {}), ...(project ? { 'project-id': project } : {}) },
        info: {
            principal: sa ? (subject ? `${subject} (domain-wide delegation by ${sa})` : sa) : federatedPrincipal,
            scope: config.accessBoundary ? `${config.scopes.join(' ')} (downscoped)` : config.scopes.join(' '),
            ...(access.expiresAt ? { expiresAt: access.expiresAt } : {}),
            tokenType: subject ? 'Google Workspace user access token' : sa ? 'Google service account access token' : 'Google federated access token',
            endpoint: `${config.stsEndpoint.origin}${config.stsEndpoint.pathname}`,
            attempts: minted.attempts,
            fingerprint: await (0,fingerprint/* fingerprint */.R)(access.token),
        },
        revoke: {
            endpoint: config.revokeEndpoint.href,
            token: access.token,
            ...(config.requestReason === undefined ? {} : { headers: { 'x-goog-request-reason': config.requestReason } }),
        },
        handoff: { kind: 'bearer', provider: 'gcp', token: access.token, ...(access.expiresAt ? { expiresAt: access.expiresAt } : {}) },
        ...(sa && !project ? { notices: [`no project-id: ${sa} is not NAME@PROJECT.iam.gserviceaccount.com, so no project was derived from it; set project-id for gcloud's and the libraries' default project`] } : {}),
    };
}
/**
 * One entry's Google variables per job environment: a second would replace the first's token, project
 * and credentials file (the file would even be the two joined, which no library can read).
 */
function exclusive(_config, places) {
    if (places.size === 0)
        return [];
    return [
        {
            key: 'google environment',
            message: (other) => `hands Google credentials to later steps through the environment (CLOUDSDK_AUTH_ACCESS_TOKEN, ${['GOOGLE_APPLICATION_CREDENTIALS', ...ADC_ALIASES].join(', ')}, the project), where ${other} already puts Google's; the later entry would silently replace the earlier. Export one of them as outputs (export: outputs), or none if only a registry entry builds on it`,
        },
    ];
}
const gcp = {
    name: 'gcp',
    outputs: gcp_OUTPUTS,
    read: readGcp,
    defaultAudience: (config) => `https://iam.${config.universe}/${config.provider}`,
    exchange: gcp_exchange,
    revoke: revokeOAuthToken,
    exclusive,
};

;// CONCATENATED MODULE: ./src/providers/github.ts






// A scoped GitHub installation token from an octo-sts–compatible Security Token Service, in place of a
// PAT; revoked at job end on this job's GitHub (GHES included: the peer hard-codes api.github.com).
/** The STS answers no expiry (installation tokens last an hour). */
const github_OUTPUTS = { public: [], secret: ['token'] };
function github_read(fields) {
    const sts = fields.url('sts-url') ?? new URL('https://octo-sts.dev');
    const scope = fields.string('scope', { required: true, pattern: /^[\w.-]+(\/[\w.-]+)?$/, expected: 'owner or owner/repo' });
    const identity = fields.string('identity', { required: true, pattern: /^[\w.-]+$/, expected: 'the trust policy name (.github/chainguard/<identity>.sts.yaml)' });
    const exportEnv = fields.envName('export-env', 'GH_TOKEN');
    if (scope === undefined || identity === undefined || exportEnv === undefined)
        return undefined;
    return { sts, scope, identity, exportEnv };
}
/** octo-sts answers with gRPC-gateway errors: `{"code": 7, "message": "trust policy: …"}`. */
const grpcError = (body) => ((0,json/* isObject */.Gv)(body) ? (0,json/* serverText */.Tn)(body.message) : undefined);
async function github_exchange(config, ctx) {
    const url = new URL('/sts/exchange', config.sts);
    url.searchParams.set('scope', config.scope);
    url.searchParams.set('identity', config.identity);
    const { body, response } = await (0,json_endpoint/* callJson */.X_)({
        http: ctx.http,
        method: 'GET',
        url,
        what: 'GitHub token STS',
        headers: { authorization: `Bearer ${ctx.idToken.jwt}` },
        describe: grpcError,
        denied: [401, 403, 404],
        deniedHint: `check .github/chainguard/${config.identity}.sts.yaml in the scope's repository (the org's .github repository for an org scope): its issuer, subject and claim patterns must match these claims`,
        idToken: ctx.idToken,
    });
    const token = (0,credential_value/* credentialValue */.No)(body.token, 'a token', `the STS at ${url.origin}`);
    ctx.mask(token);
    const api = (0,http_url/* parseEndpoint */.Bk)(ctx.env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL');
    return {
        env: { [config.exportEnv]: token },
        secretOutputs: { token },
        publicOutputs: {},
        info: {
            principal: `${config.scope} (policy ${config.identity})`,
            scope: config.scope,
            tokenType: 'GitHub installation token',
            endpoint: `${url.origin}${url.pathname}`,
            attempts: response.attempts,
            fingerprint: await (0,fingerprint/* fingerprint */.R)(token),
        },
        revoke: { endpoint: api.href, token },
        handoff: { kind: 'bearer', provider: 'github', token },
    };
}
async function github_revoke(handle, ctx) {
    const base = new URL(handle.endpoint);
    const { token } = handle;
    await (0,json_endpoint/* callJson */.X_)({
        http: ctx.http,
        method: 'DELETE',
        url: new URL(`${base.pathname.replace(/\/$/, '')}/installation/token`, base),
        what: 'GitHub installation token revocation',
        headers: { authorization: `Bearer ${token}`, 'x-github-api-version': '2022-11-28' },
        describe: grpcError,
        deniedHint: 'the token had already expired or been revoked',
    });
    return { status: 'revoked' };
}
const github = {
    name: 'github',
    outputs: github_OUTPUTS,
    read: github_read,
    defaultAudience: (config) => config.sts.host,
    exchange: github_exchange,
    revoke: github_revoke,
    exclusive: (config, places) => variableClaims([config.exportEnv], places, 'give each entry its own export-env'),
};

;// CONCATENATED MODULE: ./src/providers/jfrog.ts







// JFrog Platform (Artifactory, Xray, …) OIDC token exchange: the runner token for a JFrog access token, in
// place of a stored JF_ACCESS_TOKEN or Artifactory docker password. The wire format is Access's
// (`POST /access/api/v1/oidc/token`), as jfrog/setup-jfrog-cli sends it, without its usage-tracking fields.
const jfrog_OUTPUTS = { public: ['username', 'expires-at'], secret: ['access-token'] };
const MAX_LIFETIME_S = 366 * 24 * 3600;
function jfrog_read(fields) {
    const url = fields.url('url', { required: true });
    const providerName = fields.string('provider-name', {
        required: true,
        pattern: /^[A-Za-z0-9][\w.-]{0,127}$/,
        expected: 'the Provider Name of the OIDC integration in the JFrog Platform (letters, digits, ., _ and -)',
    });
    const project = fields.string('project', { pattern: /^[a-z][a-z0-9-]{1,31}$/, expected: 'a JFrog project key (2 to 32 lower-case letters, digits and -, starting with a letter)' });
    const dockerHosts = fields.strings('docker-hosts') ?? [];
    dockerHosts.forEach((host, i) => {
        const problem = dockerHosts.indexOf(host) < i
            ? `repeats ${host}`
            : docker_login/* REGISTRY_HOST */.zv.test(host)
                ? (0,docker_login/* dockerHubProblem */.Fx)(host, 'JFrog access token')
                : 'is not a registry host (a lower-case name and optional port, no scheme or path)';
        if (problem)
            fields.report('docker-hosts', `item ${i + 1} ${problem}`);
    });
    if (url && (url.search !== '' || url.hash !== ''))
        fields.report('url', 'has a query or fragment: give the JFrog Platform URL alone, e.g. https://acme.jfrog.io');
    // The usual mistake: Access answers under the platform root, not under Artifactory's context path.
    if (url && /\/artifactory\/?$/.test(url.pathname))
        fields.report('url', 'is the Artifactory URL: give the JFrog Platform URL, without /artifactory');
    if (url === undefined || providerName === undefined)
        return undefined;
    const base = new URL(url.href.endsWith('/') ? url.href : `${url.href}/`);
    return { url: base, providerName, ...(project ? { project } : {}), dockerHosts };
}
/** Access answers `{"errors": [{"code", "message"}]}`; some of its endpoints a flat `{"code", "message", "detail"}`. */
function accessErrors(body, text) {
    if (!(0,json/* isObject */.Gv)(body))
        return (0,json/* serverText */.Tn)(text, 200);
    const one = (e) => ((0,json/* isObject */.Gv)(e) ? [(0,json/* serverText */.Tn)(e.code, 60), (0,json/* serverText */.Tn)(e.message), (0,json/* serverText */.Tn)(e.detail)].filter(Boolean).join(' ') : '');
    const said = Array.isArray(body.errors) ? body.errors.map(one).filter(Boolean) : [one(body)].filter(Boolean);
    return said.length > 0 ? said.join('; ') : undefined;
}
async function jfrog_exchange(config, ctx) {
    const url = new URL('access/api/v1/oidc/token', config.url);
    const call = {
        http: ctx.http,
        method: 'POST',
        url,
        what: 'JFrog Access',
        body: {
            grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
            subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
            subject_token: ctx.idToken.jwt,
            provider_name: config.providerName,
            ...(config.project ? { project_key: config.project } : {}),
        },
        describe: accessErrors,
        denied: [401, 403],
        deniedHint: deniedHint(config, ctx.idToken),
        idToken: ctx.idToken,
    };
    const response = await (0,json_endpoint/* sendJson */.jD)(call);
    let body;
    try {
        ({ body } = (0,json_endpoint/* jsonAnswer */.tQ)(call, response));
    }
    catch (error) {
        throw withHint(error, hintFor(response.status, accessErrors((0,json/* parseLoose */.il)(response.body), response.body) ?? '', config));
    }
    const where = `JFrog Access at ${url.origin}`;
    const token = (0,credential_value/* credentialValue */.No)(body.access_token, 'an access_token', where);
    ctx.mask(token);
    const given = body.username === undefined || body.username === null || body.username === '' ? undefined : body.username;
    const username = given === undefined
        ? (0,credential_value/* credentialValue */.No)(usernameOf(token), 'a username, nor an access token whose sub names one', where, docker_login/* DOCKER_USERNAME */.cU)
        : (0,credential_value/* credentialValue */.No)(given, 'username', where, docker_login/* DOCKER_USERNAME */.cU);
    const expiresAt = jfrog_expiryOf(body.expires_in, where, ctx.now());
    const scope = typeof body.scope === 'string' ? body.scope : undefined;
    const files = config.dockerHosts.length > 0 ? [(0,docker_login/* dockerLogins */.Tg)(config.dockerHosts, username, token, (secret) => { ctx.mask(secret); })] : [];
    return {
        env: { JF_ACCESS_TOKEN: token },
        publicEnv: { JF_URL: config.url.href },
        ...(files.length > 0 ? { files } : {}),
        secretOutputs: { 'access-token': token },
        // Not masked, unlike the peer: the name is the identity mapping's, not a secret, and masking a short one
        // (`ci`, `deploy`) would blank that word in every later line of the log.
        publicOutputs: { username, ...(expiresAt ? { 'expires-at': expiresAt } : {}) },
        info: {
            principal: `${username} on ${config.url.host}${config.project ? ` (project ${config.project})` : ''}`,
            ...(scope ? { scope } : {}),
            ...(expiresAt ? { expiresAt } : {}),
            tokenType: `JFrog access token${config.dockerHosts.length > 0 ? ` (docker login: ${config.dockerHosts.join(', ')})` : ''}`,
            endpoint: `${url.origin}${url.pathname}`,
            attempts: response.attempts,
            fingerprint: await (0,fingerprint/* fingerprint */.R)(token),
        },
        revoke: { endpoint: config.url.href, token },
    };
}
/** The claims JFrog identity mappings usually match on, beyond the ones every refusal prints. */
function deniedHint(config, idToken) {
    const { repository, repository_owner: owner, actor } = idToken.claims;
    return (`no identity mapping of the OIDC integration "${config.providerName}" matches this token: compare each mapping's Claims JSON ` +
        `(Administration → General Management → Integrations) with these claims and repository=${JSON.stringify(repository)}, ` +
        `repository_owner=${JSON.stringify(owner)}, actor=${JSON.stringify(actor)}; every claim a mapping lists must match, ` +
        "and the integration's Provider URL must be the token's iss");
}
function hintFor(status, said, config) {
    if (status === 404) {
        return `there is no OIDC integration named "${config.providerName}" on ${config.url.host} (provider-name is its Provider Name), or its Access is older than 7.73 and has no OIDC token exchange; check that url is the JFrog Platform URL`;
    }
    if (status === 400 && /audience/i.test(said)) {
        return "set oidc-audience to the Audience of the OIDC integration (setup-jfrog-cli's oidc-audience, if the workflow gave one)";
    }
    if (status === 400 && /project/i.test(said))
        return `check project: the key of a JFrog project the identity mapping may issue tokens for`;
    return undefined;
}
function withHint(error, hint) {
    if (hint === undefined || !(error instanceof errors/* KeylessError */.FM))
        return error;
    return new errors/* KeylessError */.FM(error.code, error.message, { hint, cause: error.cause });
}
/**
 * The login name when Access leaves `username` out: the last segment of the token's `sub` for a user
 * (`jfac@<id>/users/<name>`, `jfrt@…`), else the whole `sub`, as setup-jfrog-cli derives it. The token is
 * decoded for this alone; nothing else in it is trusted.
 */
function usernameOf(token) {
    let sub;
    try {
        ({ sub } = (0,decode_jwt/* decodeJwt */.i)(token));
    }
    catch {
        return undefined;
    }
    if (typeof sub !== 'string')
        return undefined;
    return sub.startsWith('jfrt@') || sub.includes('/users/') ? sub.slice(sub.lastIndexOf('/') + 1) : sub;
}
function jfrog_expiryOf(expiresIn, where, now) {
    if (expiresIn === undefined || expiresIn === null || expiresIn === 0)
        return undefined;
    if (typeof expiresIn !== 'number' || !Number.isInteger(expiresIn) || expiresIn < 0 || expiresIn > MAX_LIFETIME_S) {
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${where} answered expires_in that is not a number of seconds between 1 and ${MAX_LIFETIME_S}; the token was not used`, {
            hint: 'the service is misbehaving, or the URL points at something that is not JFrog Access; report it to its operator',
        });
    }
    return new Date(now + expiresIn * 1000).toISOString();
}
/**
 * `DELETE /access/api/v1/tokens/me` with the token itself (Artifactory 7.53.1 and later). Access keeps no
 * revocable record of a token that lives less than its revocable-expiry-threshold (6 hours by default,
 * longer than most identity mappings' token expiry), and says so: reported as not revocable, not as a failure.
 */
async function jfrog_revoke(handle, ctx) {
    const url = new URL('access/api/v1/tokens/me', handle.endpoint);
    const call = {
        http: ctx.http,
        method: 'DELETE',
        url,
        what: 'JFrog token revocation',
        headers: { authorization: `Bearer ${handle.token}` },
        describe: accessErrors,
        deniedHint: 'the token had already expired or been revoked',
    };
    const response = await (0,json_endpoint/* sendJson */.jD)(call);
    if (response.status === 204)
        return { status: 'revoked', detail: 'Access says it was already revoked' };
    const said = accessErrors((0,json/* parseLoose */.il)(response.body), response.body) ?? '';
    if (response.status === 400 && /not revocable/i.test(said)) {
        return {
            status: 'not-revocable',
            detail: "JFrog keeps no revocable record of a token that lives less than Access's revocable-expiry-threshold (6 hours by default); it expires on its own",
        };
    }
    (0,json_endpoint/* jsonAnswer */.tQ)(call, response);
    return { status: 'revoked' };
}
/** JF_URL and JF_ACCESS_TOKEN are one platform's, and each docker host one login: a second entry taking either would silently replace the first's. */
function jfrog_exclusive(config, places) {
    if (places.size === 0)
        return [];
    return [
        { key: 'jfrog environment', message: (other) => `exports JF_URL and JF_ACCESS_TOKEN, as ${other} does; the later would silently replace the earlier: give one export: outputs` },
        ...(0,docker_login/* registryHostClaims */.fF)(config.dockerHosts, places, 'docker-hosts'),
    ];
}
const jfrog = {
    name: 'jfrog',
    outputs: jfrog_OUTPUTS,
    read: jfrog_read,
    // The platform's origin, so the token is good for this platform only; GitHub's default audience (what the
    // peer asks for when its oidc-audience is empty) is shared by every relying party that takes it.
    defaultAudience: (config) => config.url.origin,
    exchange: jfrog_exchange,
    revoke: jfrog_revoke,
    exclusive: jfrog_exclusive,
};

;// CONCATENATED MODULE: ./src/sinks/formats/npmrc.ts

// npm reads .npmrc with the `ini` package and then expands it: a value in quotes is JSON-parsed, `;` and
// `#` start a comment, `${NAME}` is replaced by an environment variable, and a line break starts a new
// setting (`script-shell=…` runs on every npm script). A token may therefore hold none of those.
const npmrc_KEY = /^\/\/[a-z0-9.-]+(:\d{1,5})?(\/[\w.~%@+-]*)*\/:_authToken$/;
const TOKEN = /^[\w.~+/=-]{1,4096}$/;
const NPMRC_REGISTRY = 'an https:// URL whose path holds only [A-Za-z0-9_.~%@+-]';
/** Whether a registry URL can key a line of .npmrc: checked when the entry is read, before any request. */
function npmrcAccepts(registry) {
    return npmrc_KEY.test(authKey(registry));
}
function authKey(registry) {
    return `//${registry.host}${registry.pathname.replace(/\/?$/, '/')}:_authToken`;
}
/**
 * The `//host/path/:_authToken=TOKEN` line npm (and pnpm, Yarn 1) read for one registry.
 *
 * @example npmrcAuthToken(new URL('https://registry.npmjs.org/'), 'npm_…') // "//registry.npmjs.org/:_authToken=npm_…\n"
 */
function npmrcAuthToken(registry, token) {
    const key = authKey(registry);
    if (!npmrc_KEY.test(key))
        throw unwritable('the registry URL', '.npmrc', NPMRC_REGISTRY);
    if (!TOKEN.test(token))
        throw unwritable('the token', '.npmrc', 'at most 4096 characters of [A-Za-z0-9_.~+/=-]');
    return `${key}=${token}\n`;
}

;// CONCATENATED MODULE: ./src/providers/publishing.ts







// Trusted publishing on npm, PyPI and RubyGems: the OIDC token for a publish token that lives minutes.
// None of the three offers revocation of these tokens; the post step deletes what Keyless wrote.
const SHORT_LIVED = 'a trusted-publishing token: short-lived, and not revocable by the registry';
/** PyPI and RubyGems answer an expiry; npm does not. */
const publishing_OUTPUTS = { public: ['expires-at'], secret: ['token'] };
const NPM_OUTPUTS = { public: [], secret: ['token'] };
async function publishCredential(token, endpoint, attempts, extra) {
    return {
        env: extra.env ?? {},
        ...(extra.publicEnv ? { publicEnv: extra.publicEnv } : {}),
        ...(extra.files ? { files: extra.files } : {}),
        secretOutputs: { token },
        publicOutputs: extra.expiresAt ? { 'expires-at': extra.expiresAt } : {},
        info: {
            principal: extra.principal,
            scope: 'publish',
            ...(extra.expiresAt ? { expiresAt: extra.expiresAt } : {}),
            tokenType: extra.tokenType,
            endpoint: `${endpoint.origin}${endpoint.pathname}`,
            attempts,
            fingerprint: await (0,fingerprint/* fingerprint */.R)(token),
        },
        irrevocable: SHORT_LIVED,
    };
}
const message = (body, text) => (0,json/* isObject */.Gv)(body) ? ((0,json/* serverText */.Tn)(body.message) ?? (0,json/* serverText */.Tn)(body.error) ?? (0,json/* serverText */.Tn)(body.detail)) : (0,json/* serverText */.Tn)(text, 200);
const npm = {
    name: 'npm',
    outputs: NPM_OUTPUTS,
    read(fields) {
        const name = fields.string('package', { required: true, pattern: /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/, expected: 'an npm package name such as @acme/widget' });
        const registry = fields.url('registry') ?? new URL('https://registry.npmjs.org/');
        if (!npmrcAccepts(registry))
            fields.report('registry', `is not ${NPMRC_REGISTRY}`);
        return name === undefined ? undefined : { registry, package: name };
    },
    defaultAudience: (config) => `npm:${config.registry.host}`,
    // The .npmrc holds one token per registry: npm would use the later entry's for both packages.
    exclusive: (config, places) => places.size === 0 ? [] : [{ key: `npmrc ${config.registry.href}`, message: (other) => `writes the .npmrc token for ${config.registry.href}, as ${other} does; npm reads one token per registry, so the later would silently replace the earlier: publish each package in a step of its own` }],
    async exchange(config, ctx) {
        // npm's escaped form of a scoped name: @scope%2fname.
        const escaped = config.package.replace('/', '%2f');
        const url = new URL(`-/npm/v1/oidc/token/exchange/package/${escaped}`, config.registry.href.endsWith('/') ? config.registry : `${config.registry.href}/`);
        const { body, response } = await (0,json_endpoint/* callJson */.X_)({
            http: ctx.http,
            method: 'POST',
            url,
            what: 'npm registry',
            headers: { authorization: `Bearer ${ctx.idToken.jwt}` },
            describe: message,
            denied: [401, 403, 404],
            deniedHint: `add this repository and workflow as a trusted publisher of ${config.package} on ${config.registry.host} (npm's own CLI hides this behind ENEEDAUTH)`,
            idToken: ctx.idToken,
        });
        const token = (0,credential_value/* credentialValue */.No)(body.token, 'a token', `the npm registry at ${url.origin}`);
        ctx.mask(token);
        const npmrc = { env: 'NPM_CONFIG_USERCONFIG', name: 'npmrc', format: 'npmrc', content: npmrcAuthToken(config.registry, token) };
        return publishCredential(token, url, response.attempts, { files: [npmrc], principal: config.package, tokenType: 'npm publish token' });
    },
};
const PYPI_AUDIENCES = new Map([['pypi.org', 'pypi'], ['upload.pypi.org', 'pypi'], ['test.pypi.org', 'testpypi']]);
const pypi = {
    name: 'pypi',
    outputs: publishing_OUTPUTS,
    read(fields) {
        const index = fields.url('index') ?? new URL('https://pypi.org');
        // Another index's audience is never asked of the index itself (`/_/oidc/audience`): the server the
        // token is sent to would choose where else it is valid (it answered sts.amazonaws.com once).
        if (!PYPI_AUDIENCES.has(index.host) && !fields.has('oidc-audience')) {
            fields.report('oidc-audience', 'is required for an index other than pypi.org and test.pypi.org: set it to the audience that index verifies (its operator publishes it)');
        }
        return { index };
    },
    defaultAudience: (config) => PYPI_AUDIENCES.get(config.index.host) ?? 'pypi',
    exclusive: (_config, places) => variableClaims(['TWINE_PASSWORD', 'UV_PUBLISH_TOKEN'], places, 'export one of them as outputs (export: outputs) and pass it to twine or uv yourself'),
    async exchange(config, ctx) {
        const url = new URL('/_/oidc/mint-token', config.index);
        const claims = ctx.idToken.claims;
        const { body, response } = await (0,json_endpoint/* callJson */.X_)({
            http: ctx.http,
            method: 'POST',
            url,
            what: 'PyPI',
            body: { token: ctx.idToken.jwt },
            describe: (raw) => ((0,json/* isObject */.Gv)(raw) && Array.isArray(raw.errors) ? raw.errors.flatMap((e) => ((0,json/* isObject */.Gv)(e) ? [[(0,json/* serverText */.Tn)(e.code, 60), (0,json/* serverText */.Tn)(e.description)].filter(Boolean).join(': ')] : [])).join('; ') : undefined),
            denied: [401, 403, 422],
            deniedHint: `PyPI matches repository=${String(claims.repository)}, repository_owner_id=${String(claims.repository_owner_id)}, ` +
                `job_workflow_ref=${String(claims.job_workflow_ref)}, environment=${typeof claims.environment === 'string' ? claims.environment : '(none)'}; a reusable workflow must be the one registered`,
            idToken: ctx.idToken,
        });
        if (body.success === false)
            throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `PyPI at ${url.origin} answered success: false`);
        const token = (0,credential_value/* credentialValue */.No)(body.token, 'a token', `PyPI at ${url.origin}`);
        ctx.mask(token);
        const expiresAt = typeof body.expires === 'number' ? new Date(body.expires * 1000).toISOString() : undefined;
        return publishCredential(token, url, response.attempts, {
            env: { TWINE_PASSWORD: token, UV_PUBLISH_TOKEN: token },
            publicEnv: { TWINE_USERNAME: '__token__' },
            principal: `trusted publisher on ${config.index.host}`,
            tokenType: 'PyPI API token',
            ...(expiresAt ? { expiresAt } : {}),
        });
    },
};
const rubygems = {
    name: 'rubygems',
    outputs: publishing_OUTPUTS,
    read(fields) {
        const server = fields.url('gem-server') ?? new URL('https://rubygems.org');
        const role = fields.string('role', { pattern: /^[\w-]+$/, expected: 'an API key role token' });
        return { server, ...(role ? { role } : {}) };
    },
    defaultAudience: () => 'rubygems.org',
    exclusive: (_config, places) => variableClaims(['GEM_HOST_API_KEY', 'RUBYGEMS_API_KEY', 'BUNDLE_GEM__PUSH_KEY'], places, 'export one of them as outputs (export: outputs) and pass it to gem push yourself'),
    async exchange(config, ctx) {
        const path = config.role ? `/api/v1/oidc/api_key_roles/${config.role}/assume_role` : '/api/v1/oidc/trusted_publisher/exchange_token';
        const url = new URL(path, config.server);
        const { body, response } = await (0,json_endpoint/* callJson */.X_)({
            http: ctx.http,
            method: 'POST',
            url,
            what: 'RubyGems',
            body: { jwt: ctx.idToken.jwt },
            describe: message,
            denied: [401, 403, 404, 422],
            deniedHint: 'register this repository and workflow as the gem\'s trusted publisher (a reusable workflow must be the one registered)',
            idToken: ctx.idToken,
        });
        const token = (0,credential_value/* credentialValue */.No)(body.rubygems_api_key, 'rubygems_api_key', `RubyGems at ${url.origin}`);
        ctx.mask(token);
        const expiresAt = typeof body.expires_at === 'string' && !Number.isNaN(Date.parse(body.expires_at)) ? new Date(body.expires_at).toISOString() : undefined;
        return publishCredential(token, url, response.attempts, {
            env: { GEM_HOST_API_KEY: token, RUBYGEMS_API_KEY: token, BUNDLE_GEM__PUSH_KEY: token },
            principal: config.role ? `API key role ${config.role}` : `trusted publisher on ${config.server.host}`,
            tokenType: `RubyGems API key (${Array.isArray(body.scopes) ? body.scopes.join(', ') : 'push_rubygem'})`,
            ...(expiresAt ? { expiresAt } : {}),
        });
    },
};

// EXTERNAL MODULE: ./src/providers/quay.ts
var quay = __nccwpck_require__(9171);
;// CONCATENATED MODULE: ./src/providers/oauth-metadata.ts



/**
 * Where an issuer publishes its metadata: RFC 8414 §3 inserts the well-known segment between host and
 * path; OpenID Connect Discovery appends it to the issuer.
 */
function metadataUrls(issuer) {
    const path = issuer.pathname.replace(/\/$/, '');
    return [
        new URL(`/.well-known/oauth-authorization-server${path}`, issuer),
        new URL(`${path}/.well-known/openid-configuration`, issuer),
    ];
}
/**
 * RFC 8414 discovery with the OpenID fallback; the document must name the same issuer (§3.3). The
 * endpoints it names receive the runner's token and the credential, so they must be on the issuer's own
 * origin, or on one the entry lists in `endpoint-origins`: a metadata document alone never sends a token
 * to another host.
 */
async function discover(http, issuer, otherOrigins = []) {
    const tried = [];
    for (const url of metadataUrls(issuer)) {
        const response = await http.request({ method: 'GET', url, what: 'authorization server metadata', headers: { accept: 'application/json' } });
        if (response.status !== 200) {
            tried.push(`${url.href} → HTTP ${response.status}`);
            continue;
        }
        const doc = (0,json/* jsonBody */.J9)(response, `metadata ${url.href}`);
        if (!(0,json/* isObject */.Gv)(doc) || typeof doc.token_endpoint !== 'string') {
            throw new errors/* KeylessError */.FM('DISCOVERY_FAILED', `metadata at ${url.href} has no token_endpoint`, {
                hint: 'set token-endpoint explicitly',
            });
        }
        const named = typeof doc.issuer === 'string' ? doc.issuer.replace(/\/$/, '') : undefined;
        if (named !== issuer.href.replace(/\/$/, '')) {
            throw new errors/* KeylessError */.FM('DISCOVERY_FAILED', `metadata at ${url.href} names issuer ${JSON.stringify(doc.issuer)}, not ${issuer.href}`, {
                hint: 'set issuer to exactly the value the server publishes (RFC 8414 §3.3 requires them to match)',
            });
        }
        const revocation = typeof doc.revocation_endpoint === 'string' ? doc.revocation_endpoint : undefined;
        const endpoint = (value, name) => {
            const url = (0,http_url/* parseEndpoint */.Bk)(value, `discovered ${name}`);
            if (url.origin !== issuer.origin && !otherOrigins.includes(url.origin)) {
                throw new errors/* KeylessError */.FM('DISCOVERY_FAILED', `metadata for issuer ${issuer.href} names a ${name} on ${url.origin}, not on the issuer's origin`, {
                    hint: `if that host is really the issuer's, list it on the entry: endpoint-origins: [${url.origin}]`,
                });
            }
            return url;
        };
        return {
            tokenEndpoint: endpoint(doc.token_endpoint, 'token_endpoint'),
            ...(revocation ? { revocationEndpoint: endpoint(revocation, 'revocation_endpoint') } : {}),
        };
    }
    throw new errors/* KeylessError */.FM('DISCOVERY_FAILED', `no metadata found for issuer ${issuer.href} (${tried.join('; ')})`, {
        hint: 'check the issuer URL, or set token-endpoint (and revocation-endpoint) explicitly',
    });
}

;// CONCATENATED MODULE: ./src/providers/rfc8693.ts









const GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const rfc8693_JWT_TYPE = 'urn:ietf:params:oauth:token-type:jwt';
const rfc8693_MAX_LIFETIME_S = 366 * 24 * 3600;
/** `expires-at` when the answer has `expires_in`. */
const rfc8693_OUTPUTS = { public: ['issued-token-type', 'expires-at'], secret: ['token'] };
function rfc8693_read(fields, id) {
    const tokenEndpoint = fields.url('token-endpoint');
    const issuer = fields.url('issuer');
    const server = tokenEndpoint && !fields.has('issuer') ? { tokenEndpoint } : issuer && !fields.has('token-endpoint') ? { issuer } : undefined;
    if (fields.has('token-endpoint') === fields.has('issuer')) {
        fields.report(undefined, 'set exactly one of token-endpoint or issuer (issuer uses RFC 8414 discovery)');
    }
    // Every key is read before giving up on the server, so that none is reported as unknown.
    const withDefaults = {
        subjectTokenType: fields.string('subject-token-type', { pattern: /^\S+$/, expected: 'a token type URI' }) ?? rfc8693_JWT_TYPE,
        resources: fields.strings('resource') ?? [],
        endpointOrigins: readOrigins(fields),
        // A refused name is reported; the entry is then dropped, so the fallback here is never exported.
        exportEnv: fields.envName('export-env', defaultEnv(id)) ?? defaultEnv(id),
    };
    const optional = {
        revocationEndpoint: fields.url('revocation-endpoint'),
        requestedTokenType: fields.string('requested-token-type', { pattern: /^\S+$/, expected: 'a token type URI' }),
        audience: fields.string('audience'),
        scope: fields.strings('scope')?.join(' '),
        clientId: fields.string('client-id'),
    };
    if (server === undefined)
        return undefined;
    const config = { server, ...withDefaults };
    for (const [key, value] of Object.entries(optional))
        if (value !== undefined)
            Object.assign(config, { [key]: value });
    return config;
}
/** `endpoint-origins`: each an https (or loopback http) origin, nothing more. */
function readOrigins(fields) {
    const origins = fields.strings('endpoint-origins') ?? [];
    if (origins.length > 0 && !fields.has('issuer'))
        fields.report('endpoint-origins', 'applies only with issuer (discovery)');
    return origins.flatMap((origin) => {
        try {
            const url = new URL(origin);
            const secure = url.protocol === 'https:' || (url.protocol === 'http:' && (0,http_url/* isLoopback */.U9)(url));
            if (secure && url.origin === origin.replace(/\/$/, ''))
                return [url.origin];
        }
        catch {
            // reported below
        }
        fields.report('endpoint-origins', 'each item must be an origin such as https://sts.example.com (https, no path)');
        return [];
    });
}
function defaultEnv(id) {
    return id === 'rfc8693' ? 'KEYLESS_TOKEN' : `${id.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}_TOKEN`;
}
/** The RFC 8693 §2.1 request body. */
function exchangeForm(config, subjectToken) {
    const form = new URLSearchParams({ grant_type: GRANT_TYPE, subject_token: subjectToken, subject_token_type: config.subjectTokenType });
    if (config.requestedTokenType)
        form.set('requested_token_type', config.requestedTokenType);
    if (config.audience)
        form.set('audience', config.audience);
    for (const resource of config.resources)
        form.append('resource', resource);
    if (config.scope)
        form.set('scope', config.scope);
    if (config.clientId)
        form.set('client_id', config.clientId);
    return form;
}
async function rfc8693_exchange(config, ctx) {
    const endpoints = 'issuer' in config.server ? await discover(ctx.http, config.server.issuer, config.endpointOrigins) : config.server;
    const { tokenEndpoint } = endpoints;
    const what = `token endpoint ${tokenEndpoint.origin}${tokenEndpoint.pathname}`;
    const response = await ctx.http.request({
        method: 'POST',
        url: tokenEndpoint,
        what: 'token endpoint',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: exchangeForm(config, ctx.idToken.jwt).toString(),
    });
    if (response.status !== 200)
        throw (0,oauth_error/* oauthError */.YM)(response, what, ctx.idToken);
    const { token, refresh, ...issued } = readIssued((0,json/* jsonBody */.J9)(response, what), what, (secret) => ctx.mask(secret));
    const expiresAt = issued.expiresIn === undefined ? undefined : new Date(ctx.now() + issued.expiresIn * 1000).toISOString();
    const revocation = config.revocationEndpoint ?? endpoints.revocationEndpoint;
    const scope = issued.scope ?? config.scope;
    return {
        env: { [config.exportEnv]: token },
        secretOutputs: { token },
        publicOutputs: { 'issued-token-type': issued.issuedTokenType, ...(expiresAt ? { 'expires-at': expiresAt } : {}) },
        info: {
            principal: config.audience ?? config.resources[0] ?? tokenEndpoint.host,
            ...(scope ? { scope } : {}),
            ...(expiresAt ? { expiresAt } : {}),
            tokenType: issued.issuedTokenType,
            endpoint: `${tokenEndpoint.origin}${tokenEndpoint.pathname}`,
            attempts: response.attempts,
            fingerprint: await (0,fingerprint/* fingerprint */.R)(token),
        },
        ...(revocation
            ? { revoke: { endpoint: revocation.href, token, ...(refresh ? { refresh } : {}), ...(config.clientId ? { clientId: config.clientId } : {}) } }
            : {}),
    };
}
/**
 * RFC 8693 §2.2.1: access_token, issued_token_type and token_type are required; expires_in is seconds
 * when present. Tokens are masked the moment they are found, before anything else reads them.
 */
function readIssued(body, what, mask) {
    const raw = (0,json/* isObject */.Gv)(body) ? body.access_token : undefined;
    if (raw === undefined || raw === '' || !(0,json/* isObject */.Gv)(body)) {
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${what} answered 200 without an access_token (RFC 8693 §2.2.1)`, {
            hint: 'the endpoint is not an RFC 8693 token exchange endpoint, or it is misconfigured',
        });
    }
    const token = (0,credential_value/* credentialValue */.No)(raw, 'access_token', what);
    mask(token);
    const refresh = body.refresh_token === undefined || body.refresh_token === '' ? undefined : (0,credential_value/* credentialValue */.No)(body.refresh_token, 'refresh_token', what);
    if (refresh)
        mask(refresh);
    const issuedTokenType = body.issued_token_type;
    const tokenType = body.token_type;
    const expiresIn = body.expires_in;
    const wrong = [];
    if (typeof issuedTokenType !== 'string' || issuedTokenType === '')
        wrong.push('issued_token_type is missing');
    if (typeof tokenType !== 'string' || tokenType === '')
        wrong.push('token_type is missing');
    // Bounded so that a nonsense lifetime is reported, not turned into an invalid date later.
    if (expiresIn !== undefined && !(typeof expiresIn === 'number' && expiresIn > 0 && expiresIn <= rfc8693_MAX_LIFETIME_S)) {
        wrong.push(`expires_in is not a number of seconds between 1 and ${rfc8693_MAX_LIFETIME_S}`);
    }
    if (wrong.length > 0) {
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${what} answered with an invalid RFC 8693 response: ${wrong.join(', ')}`, {
            hint: 'the endpoint does not implement RFC 8693 §2.2.1; report it to its operator',
        });
    }
    return {
        token,
        refresh,
        issuedTokenType: issuedTokenType,
        expiresIn: expiresIn === undefined ? undefined : Math.round(expiresIn),
        scope: (0,json/* serverText */.Tn)(body.scope),
    };
}
const rfc8693 = {
    name: 'rfc8693',
    outputs: rfc8693_OUTPUTS,
    read: rfc8693_read,
    // The STS is the relying party of the runner token, so by default the token is addressed to it.
    defaultAudience: ({ server }) => ('issuer' in server ? server.issuer.href.replace(/\/$/, '') : server.tokenEndpoint.origin),
    exchange: rfc8693_exchange,
    revoke: revokeOAuthToken,
    exclusive: (config, places) => variableClaims([config.exportEnv], places, 'give each entry its own export-env'),
};

;// CONCATENATED MODULE: ./src/runner/mask.ts
/**
 * The set of secret strings this run has seen. Every one is announced to the runner with `add-mask`
 * before it is used anywhere, and `redact` removes them from text the runner does not mask itself
 * (the job summary, files, error messages built from server replies).
 */
/**
 * The shortest secret, and the shortest line of a multi-line one, that can be masked: the runner blanks
 * every occurrence of a masked string, so a short one would blank common text, and a short line of a
 * multi-line secret would show in the log. No issuer mints credentials this short.
 */
const MIN_SECRET_LENGTH = 8;
class SecretSet {
    #values = new Set();
    /** The forms to mask for one secret: itself, each of its lines, and its URL- and JSON-escaped forms. */
    static forms(secret) {
        const forms = new Set([secret]);
        for (const line of secret.split(/\r\n|\r|\n/))
            if (line.trim() !== '')
                forms.add(line);
        forms.add(encodeURIComponent(secret));
        forms.add(JSON.stringify(secret).slice(1, -1));
        return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
    }
    /** True when the secret, or a line of it, is too short to be masked (see MIN_SECRET_LENGTH). */
    static unmaskable(secret) {
        return secret.split(/\r\n|\r|\n/).some((line) => line.trim().length < MIN_SECRET_LENGTH && (line.trim() !== '' || secret.trim() === ''));
    }
    /** Adds the secret; returns the forms that were new, which the caller must announce. */
    add(secret) {
        const added = SecretSet.forms(secret).filter((form) => !this.#values.has(form));
        for (const form of added)
            this.#values.add(form);
        return added;
    }
    redact(text) {
        let out = text;
        // Longest first, so a secret that contains another is replaced whole.
        for (const value of [...this.#values].sort((a, b) => b.length - a.length))
            out = out.split(value).join('***');
        return out;
    }
}
/**
 * The lines of a PEM private key (or any multi-line secret that is configuration, not a credential handed
 * out) that can be masked on their own: each long enough, armour lines left out, since those are the same
 * in every key. A short last line of base64 stays unmasked: it is never printed, and masking it would
 * blank ordinary log text.
 */
function maskableLines(text) {
    return text.split(/\r\n|\r|\n/).map((line) => line.trim()).filter((line) => line.length >= MIN_SECRET_LENGTH && !line.startsWith('-----'));
}

;// CONCATENATED MODULE: ./src/providers/vault-secrets.ts





/** At most this many values from wildcards: each becomes a variable of every later step. */
const MAX_VALUES = 100;
async function readSecrets(requests, ctx) {
    const paths = [...new Set(requests.map((r) => r.path))];
    const settled = await Promise.allSettled(paths.map((path) => fetchSecret(path, ctx)));
    const answers = new Map();
    // The first failure in the order the paths were written, whichever came back first.
    for (const [i, result] of settled.entries()) {
        if (result.status === 'rejected')
            throw result.reason;
        answers.set(paths[i] ?? '', result.value);
    }
    const out = { values: {}, reads: [], notices: [] };
    for (const request of requests) {
        const answer = answers.get(request.path);
        if (answer === undefined) {
            out.notices.push(`no secret at ${request.path} (HTTP 404): ${request.pick.kind === 'all' ? 'its keys were' : `${request.name} was`} not exported (ignore-not-found)`);
            continue;
        }
        for (const [key, raw] of picked(request, answer)) {
            const name = request.pick.kind === 'all' ? wildcardName(request, key) : request.name;
            const value = secretValue(raw, request, key, ctx);
            if (request.pick.kind === 'all')
                checkName(name, out.values, request.path);
            out.values[name] = value;
            out.reads.push({ path: request.path, key: request.pick.kind === 'all' ? ((0,json/* serverText */.Tn)(key, 100) ?? '') : label(request.pick), name });
            if (Object.keys(out.values).length > MAX_VALUES) {
                throw new errors/* KeylessError */.FM('EXCHANGE_FAILED', `the secrets of this entry make more than ${MAX_VALUES} variables`, { hint: 'list the keys you need instead of * or **' });
            }
        }
    }
    return out;
}
/** The answer for one path; undefined for a 404 when ignore-not-found allows it. */
async function fetchSecret(path, ctx) {
    const url = new URL(`v1/${path.split('/').map(encodeURIComponent).join('/')}`, ctx.base);
    const call = {
        http: ctx.http,
        method: 'GET',
        url,
        what: 'Vault secret read',
        headers: ctx.headers,
        describe: (body) => ((0,json/* isObject */.Gv)(body) && Array.isArray(body.errors) ? body.errors.filter((e) => typeof e === 'string').join('; ') : undefined),
        denied: [403],
        deniedHint: `the role's token policies (${ctx.policies || 'none'}) must grant read on ${path}: path "${path}" { capabilities = ["read"] } (a KV v2 policy names the data/ path)`,
        // 412: a performance standby that has not yet seen the token (Vault documents retrying it).
        retryOn: (response) => response.status === 412,
        ...(ctx.tls ? { tls: ctx.tls } : {}),
    };
    const response = await (0,json_endpoint/* sendJson */.jD)(call);
    if (response.status === 404) {
        if (ctx.ignoreNotFound)
            return undefined;
        throw new errors/* KeylessError */.FM('EXCHANGE_FAILED', `Vault has no secret at ${path} (HTTP 404 from ${url.origin}${url.pathname})`, {
            hint: 'check the path: a KV v2 secret is read at MOUNT/data/PATH (the "Secret Path" vault kv get prints); or set ignore-not-found: true to skip it',
        });
    }
    const { body } = (0,json_endpoint/* jsonAnswer */.tQ)(call, response);
    if (!(0,json/* isObject */.Gv)(body.data)) {
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `Vault answered the read of ${path} without a data object`, { hint: 'the path is not a secret that can be read (a list or a write endpoint?); check it' });
    }
    return body;
}
/** KV v2 wraps the secret in `data.data` beside `data.metadata`; KV v1 and other engines answer it in `data`. */
function secretData(answer) {
    const data = answer.data;
    return (0,json/* isObject */.Gv)(data.data) && (0,json/* isObject */.Gv)(data.metadata) ? data.data : data;
}
/** The values a request takes from an answer, with the key each came from. */
function picked(request, answer) {
    const { pick } = request;
    if (pick.kind === 'all')
        return Object.entries(secretData(answer));
    const start = pick.kind === 'field' ? secretData(answer) : answer;
    let at = start;
    for (const step of pick.steps) {
        const next = Array.isArray(at) && /^\d+$/.test(step) ? at[Number(step)] : (0,json/* isObject */.Gv)(at) && Object.hasOwn(at, step) ? at[step] : undefined;
        if (next === undefined || next === null)
            throw missingKey(request, at);
        at = next;
    }
    return [[label(pick), at]];
}
function missingKey(request, at) {
    // Key names are not values; the first few say what the secret holds, made printable.
    const keys = (0,json/* isObject */.Gv)(at) ? Object.keys(at).slice(0, 20).map((k) => (0,json/* serverText */.Tn)(k, 60) ?? '').join(', ') : '';
    return new errors/* KeylessError */.FM('EXCHANGE_FAILED', `the secret at ${request.path} has no ${request.pick.kind === 'select' ? 'value at' : 'key'} ${label(request.pick)}${keys ? ` (it has: ${keys})` : ''}`, {
        hint: request.pick.kind === 'select' ? 'select is a path from the top of the answer, e.g. data.data.password for KV v2' : 'check the key\'s spelling; use select for a value elsewhere in the answer',
    });
}
function label(pick) {
    if (pick.kind === 'all')
        return pick.upper ? '*' : '**';
    return pick.kind === 'select' ? `select ${pick.steps.join('.')}` : pick.steps.join('.');
}
/** A wildcard's variable name for one key, as vault-action makes it. */
function wildcardName(request, key) {
    const part = key.replaceAll('.', '__').replace(/[^A-Za-z0-9_]/g, '');
    const name = `${request.name}${part}`;
    return request.pick.kind === 'all' && request.pick.upper ? name.toUpperCase() : name;
}
/** A name a wildcard made from the server's keys gets the checks config.ts gives a written one. */
function checkName(name, taken, path) {
    const refusal = serverNameProblem(name) ?? (Object.keys(taken).some((other) => other.toUpperCase() === name.toUpperCase()) ? 'another secret of this entry has that name' : undefined);
    if (refusal === undefined && !/^(TOKEN|PRINCIPAL|VAULT_TOKEN|VAULT_ADDR|VAULT_NAMESPACE)$/i.test(name))
        return;
    const shown = /^[A-Za-z0-9_]{1,128}$/.test(name) ? name : 'a name';
    throw new errors/* KeylessError */.FM('EXCHANGE_FAILED', `a key of the secret at ${path} makes the variable ${shown}, which cannot be exported: ${refusal ?? 'the entry sets it itself'}`, {
        hint: 'list the keys you need with their names instead of * or **, or give the request a name prefix of your own (name: APP_); or rename that key in Vault',
    });
}
/** The value as text: decoded, free of what a variable cannot hold, long enough to mask, and masked. */
function secretValue(raw, request, key, ctx) {
    const what = `the value of ${request.pick.kind === 'all' ? `key ${(0,json/* serverText */.Tn)(key, 60) ?? ''}` : request.name} from ${request.path}`;
    const fail = (problem, hint) => new errors/* KeylessError */.FM('EXCHANGE_FAILED', `${what} ${problem}; it was not used`, { hint });
    // JSON values other than strings are handed out as their JSON text, as vault-action does.
    const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
    if (!SecretSet.unmaskable(text))
        ctx.mask(text);
    // A later step reads one field of that JSON (jq .password) and prints it: each string in it is a secret of its own.
    for (const leaf of typeof raw === 'string' ? [] : leafStrings(raw))
        if (!SecretSet.unmaskable(leaf))
            ctx.mask(leaf);
    const encoding = request.encoding ?? ctx.encoding;
    const value = typeof raw === 'string' && encoding !== undefined ? vault_secrets_decode(text, encoding) : text;
    if (value === undefined)
        throw fail(`is not ${encoding ?? ''} text that decodes to UTF-8`, 'check secret-encoding-type (or the request\'s encoding) against how the value is stored');
    if (value.includes('\0'))
        throw fail('holds a NUL character, which no variable or output can', 'store it encoded (base64) and decode it in the step that uses it');
    if (SecretSet.unmaskable(value)) {
        throw fail(`is shorter than ${MIN_SECRET_LENGTH} characters, or has a line that short, so it cannot be masked in the log`, `store a value of ${MIN_SECRET_LENGTH} or more characters per line (a PEM key whose last line is short: store it base64-encoded on one line and decode it where it is used); a value that is not secret belongs in a repository variable`);
    }
    ctx.mask(value);
    return value;
}
function leafStrings(value) {
    if (typeof value === 'string')
        return [value];
    return typeof value === 'object' && value !== null ? Object.values(value).flatMap(leafStrings) : [];
}
function vault_secrets_decode(text, encoding) {
    if (encoding === 'utf8')
        return text;
    const compact = text.replace(/\s+/g, '');
    const valid = encoding === 'base64' ? /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact) : /^(?:[0-9a-fA-F]{2})*$/.test(compact);
    if (!valid)
        return undefined;
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(compact, encoding));
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/providers/vault-secrets-config.ts


// A Vault entry's `secrets`: a list of mappings {path, key | select, name?, encoding?}, or the lines of
// hashicorp/vault-action (`PATH SELECTOR [| NAME]`, separated by `;` or line breaks) as a string or as list
// items, so a migrating workflow keeps its block as it is. Every request is checked here, before any
// network call; what a request becomes at run time is in vault-secrets.ts.
const ENCODINGS = ['base64', 'hex', 'utf8'];
/** At most this many requests per entry: one variable each, and Vault reads run concurrently. */
const MAX_REQUESTS = 100;
const SEGMENT = /^[A-Za-z0-9_.@+=,:~-]{1,200}$/;
const STEP = /^[A-Za-z0-9_@:+~-]{1,200}$/;
const QUOTED = /^(["`])([^"`]{1,200})\1$/;
const PREFIX = /^([A-Za-z_][A-Za-z0-9_]{0,100})?$/;
/** Names an entry already gives its own outputs and variables (`<id>-token`, `<id>-principal`, VAULT_TOKEN, …). */
const TAKEN = new Set(['TOKEN', 'PRINCIPAL', 'VAULT_TOKEN', 'VAULT_ADDR', 'VAULT_NAMESPACE']);
/** The API path without a leading `/`, or undefined when a segment is empty, `.`, `..` or holds what a URL path would not keep. */
function secretPath(text) {
    const path = text.replace(/^\//, '');
    const segments = path.split('/');
    return segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..') ? path : undefined;
}
/** vault-action's default name for a selector: dots become `__`, anything but letters, digits and `_` goes, upper-cased. */
function defaultName(selector) {
    return selector.replaceAll('.', '__').replace(/[^A-Za-z0-9_]/g, '').toUpperCase();
}
/** A peer line, or why it is not one. Never quotes the line: a secret pasted in the wrong place would reach the log. */
function parsePeerLine(line) {
    const bar = line.lastIndexOf('|');
    const spec = (bar < 0 ? line : line.slice(0, bar)).trim();
    const named = bar < 0 ? undefined : line.slice(bar + 1).trim();
    if (named === '')
        return 'has "|" with no name after it; write PATH KEY | NAME';
    const parts = spec.split(/\s+/).filter((part) => part !== '');
    if (parts.length !== 2)
        return `is not PATH KEY [| NAME] (it has ${parts.length} word(s) before the name)`;
    const [rawPath = '', selector = ''] = parts;
    const path = secretPath(rawPath);
    if (path === undefined)
        return 'has a path that is not segments of letters, digits and _.@+=,:~- separated by /';
    if (selector === '*' || selector === '**')
        return { path, pick: { kind: 'all', upper: selector === '*' }, name: named ?? '' };
    const quoted = QUOTED.exec(selector)?.[2];
    const steps = quoted === undefined ? selector.split('.') : [quoted];
    if (!steps.every((step) => quoted !== undefined || STEP.test(step))) {
        return 'has a selector that is neither a key nor a dotted path of keys: Keyless does not evaluate JSONata expressions; use select: in a mapping for a value deeper in the answer';
    }
    return { path, pick: { kind: 'field', steps }, name: named ?? defaultName(quoted ?? selector) };
}
/** Splits the peer's `secrets` text into its requests. */
function peerLines(text) {
    return text.split(/[;\r\n]+/).map((line) => line.trim()).filter((line) => line !== '');
}
/** The `secrets` key: undefined when absent, else the requests (reported problems leave theirs out). */
function readSecretRequests(fields) {
    const raw = fields.value('secrets');
    if (raw === undefined)
        return undefined;
    const requests = [];
    const add = (request, report) => {
        if (request === undefined)
            return;
        const problem = nameProblem(request, requests);
        if (problem === undefined)
            requests.push(request);
        else
            report(problem);
    };
    if (typeof raw === 'string') {
        const lines = peerLines(raw);
        if (lines.length === 0)
            fields.report('secrets', 'is empty; give PATH KEY [| NAME] lines, or a list');
        lines.forEach((line, i) => {
            const parsed = parsePeerLine(line);
            const report = (message) => { fields.report('secrets', `request ${i + 1} ${message}`); };
            if (typeof parsed === 'string')
                report(parsed);
            else
                add(parsed, report);
        });
    }
    else if (Array.isArray(raw) && raw.length > 0) {
        raw.forEach((item, i) => {
            const reader = fields.item('secrets', i, typeof item === 'object' && item !== null && !Array.isArray(item) ? item : {});
            const report = (message) => { reader.report(undefined, message); };
            if (typeof item === 'string') {
                const lines = peerLines(item);
                if (lines.length === 0)
                    report('is empty; write PATH KEY [| NAME]');
                lines.forEach((line, n) => {
                    const parsed = parsePeerLine(line);
                    const at = (message) => { report(lines.length > 1 ? `request ${n + 1} ${message}` : message); };
                    if (typeof parsed === 'string')
                        at(parsed);
                    else
                        add(parsed, at);
                });
            }
            else if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
                add(readMapping(reader), report);
            }
            else {
                report(`must be a mapping {path, key, name} or a line PATH KEY [| NAME], not ${describe(item)}`);
            }
        });
    }
    else {
        fields.report('secrets', `must be a non-empty list, or vault-action's PATH KEY [| NAME] lines, not ${describe(raw)}`);
    }
    if (requests.length > MAX_REQUESTS)
        fields.report('secrets', `has ${requests.length} requests; at most ${MAX_REQUESTS} per entry`);
    return requests;
}
function readMapping(item) {
    const rawPath = item.string('path', { required: true, expected: 'the API path after /v1/, e.g. secret/data/ci' });
    const key = item.string('key', { expected: 'a key of the secret, * or **' });
    const select = item.string('select', { pattern: /^[A-Za-z0-9_@:+~-]{1,200}(\.[A-Za-z0-9_@:+~-]{1,200}){0,20}$/, expected: 'a dotted path into the answer, e.g. data.data.password' });
    const name = item.string('name', { expected: 'a variable name' });
    const encodingText = item.string('encoding', { pattern: /^(base64|hex|utf8)$/, expected: `one of ${ENCODINGS.join(', ')}` });
    item.finish();
    if (key !== undefined && select !== undefined)
        item.report('select', 'cannot be given with key: key picks a field of the secret, select a path in the whole answer');
    if (key === undefined && select === undefined && !item.has('key') && !item.has('select'))
        item.report(undefined, 'needs key (a field of the secret) or select (a path in the answer)');
    const path = rawPath === undefined ? undefined : secretPath(rawPath);
    if (rawPath !== undefined && path === undefined)
        item.report('path', 'is not segments of letters, digits and _.@+=,:~- separated by /');
    if (path === undefined || (key === undefined) === (select === undefined))
        return undefined;
    const encoding = encodingText;
    return { path, ...(encoding ? { encoding } : {}), ...picking(key, select, name) };
}
/** What a mapping's key or select takes, and the name it goes by: given, or vault-action's default. */
function picking(key, select, name) {
    if (key === '*' || key === '**')
        return { pick: { kind: 'all', upper: key === '*' }, name: name ?? '' };
    if (key !== undefined)
        return { pick: { kind: 'field', steps: [key] }, name: name ?? defaultName(key) };
    const steps = (select ?? '').split('.');
    return { pick: { kind: 'select', steps }, name: name ?? defaultName(steps.at(-1) ?? '') };
}
/** Why a request's name cannot be used: its form, a variable later steps depend on, or a name already taken. */
function nameProblem(request, earlier) {
    const { name } = request;
    if (request.pick.kind === 'all') {
        return PREFIX.test(name) ? undefined : 'has a name prefix that is not letters, digits and _ (not starting with a digit)';
    }
    if (name === '')
        return 'makes no variable name from its key; give one (name:, or | NAME)';
    const refusal = envNameProblem(name);
    if (refusal !== undefined)
        return `may not be named ${ENV_SAFE.test(name) ? name : 'so'}: ${refusal}`;
    if (TAKEN.has(name.toUpperCase()))
        return `may not be named ${name}: the entry sets ${name.toUpperCase() === 'TOKEN' || name.toUpperCase() === 'PRINCIPAL' ? `the output <id>-${name.toLowerCase()}` : 'that variable'} itself`;
    const same = earlier.find((other) => other.pick.kind !== 'all' && other.name.toUpperCase() === name.toUpperCase());
    // Step outputs are read case-insensitively, so names that differ only in case would be one output.
    if (same !== undefined)
        return `is named ${name}, as an earlier request is${same.name === name ? '' : ' (in another case)'}; give each its own name`;
    return undefined;
}
const ENV_SAFE = /^[A-Za-z0-9_]{1,128}$/;

;// CONCATENATED MODULE: ./src/http/headers.ts
// What a header a user or step state supplies may look like: a token for the name (RFC 9110 §5.1) and
// visible ASCII or spaces for the value, so neither can end the header or start another.
const headers_HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
const headers_HEADER_VALUE = /^[\x20-\x7e]{0,8192}$/;
/** PEM text as it is stored in step state: armoured blocks, bounded, no control character but line breaks. */
const headers_PEM_TEXT = /^-----BEGIN [A-Z0-9 ]{1,40}-----[A-Za-z0-9+/=:,\- \r\n]{1,65536}-----END [A-Z0-9 ]{1,40}-----\s*$/;

;// CONCATENATED MODULE: ./src/providers/vault-transport.ts




/** Step state holds PEM up to this size (src/runner/state.ts); a larger bundle is refused here, not lost at post. */
const MAX_PEM = 60_000;
const MAX_HEADERS = 32;
/** Headers Keyless sets itself, or that would change what Vault does with the request, and why each is refused. */
const RESERVED = {
    'x-vault-token': 'Keyless sends the token it logged in with',
    'x-vault-namespace': 'use the namespace key',
    authorization: 'Vault reads a bearer token from it, which would compete with the token Keyless logged in with',
    'x-vault-wrap-ttl': 'Vault would answer with a wrapped response instead of the token and secrets',
    host: 'it is set from url',
    'content-type': 'Keyless sends JSON',
    accept: 'Keyless asks for JSON, the only answer it reads',
    'content-length': 'it is computed',
    'transfer-encoding': 'it is set by the HTTP client',
    connection: 'it is set by the HTTP client',
};
/**
 * The entry's TLS and header keys. `tls-skip-verify` is read only to refuse `true`: the runner's OIDC token
 * and the Vault token cross this connection, so the server is always verified.
 */
function readTransport(fields, url) {
    const ca = readCertificates(fields, 'ca-certificate');
    const cert = readCertificates(fields, 'client-certificate');
    const key = readKey(fields, 'client-key');
    if (fields.boolean('tls-skip-verify', false)) {
        fields.report('tls-skip-verify', 'is not supported: Keyless always verifies the Vault\'s certificate, since the runner\'s OIDC token and the Vault token cross that connection; give the CA that signed it in ca-certificate');
    }
    const headers = readHeaders(fields);
    if (fields.has('client-certificate') !== fields.has('client-key')) {
        fields.report(fields.has('client-key') ? 'client-key' : 'client-certificate', 'needs client-certificate and client-key together (mutual TLS)');
    }
    const leaf = cert?.[0];
    if (leaf !== undefined && key !== undefined && !leaf.checkPrivateKey(key))
        fields.report('client-key', 'is not the private key of client-certificate');
    const anyTls = ['ca-certificate', 'client-certificate', 'client-key'].some((name) => fields.has(name));
    if (anyTls && url !== undefined && url.protocol !== 'https:')
        fields.report('url', 'must be https:// for ca-certificate, client-certificate and client-key to apply');
    const tls = {
        ...(ca ? { ca: armour(ca) } : {}),
        ...(cert && key ? { cert: armour(cert), key: key.export({ type: 'pkcs8', format: 'pem' }).toString() } : {}),
    };
    return { ...(Object.keys(tls).length > 0 ? { tls } : {}), headers };
}
function armour(certificates) {
    return certificates.map((c) => c.toString()).join('');
}
/** PEM text as written, or vault-action's base64 of it; undefined (reported) when it is neither. */
function pemText(fields, key, what) {
    const value = fields.string(key, { expected: `${what} in PEM (or base64 of the PEM, as vault-action takes it)` });
    if (value === undefined)
        return undefined;
    if (value.includes('-----BEGIN '))
        return value;
    const compact = value.replace(/\s+/g, '');
    const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(compact) ? Buffer.from(compact, 'base64').toString('utf8') : '';
    if (decoded.includes('-----BEGIN '))
        return decoded;
    fields.report(key, `is not ${what} in PEM, nor base64 of one`);
    return undefined;
}
function readCertificates(fields, key) {
    const pem = pemText(fields, key, 'a certificate');
    if (pem === undefined)
        return undefined;
    const blocks = pem.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? [];
    const certificates = [];
    for (const [i, block] of blocks.entries()) {
        try {
            certificates.push(new external_node_crypto_.X509Certificate(block));
        }
        catch {
            fields.report(key, `certificate ${i + 1} of ${blocks.length} is not an X.509 certificate`);
            return undefined;
        }
    }
    if (certificates.length === 0)
        fields.report(key, 'holds no -----BEGIN CERTIFICATE----- block');
    else if (armour(certificates).length > MAX_PEM)
        fields.report(key, `is over ${MAX_PEM} characters; give only the certificates this Vault needs`);
    else
        return certificates;
    return undefined;
}
function readKey(fields, key) {
    const pem = pemText(fields, key, 'a private key');
    if (pem === undefined)
        return undefined;
    try {
        return (0,external_node_crypto_.createPrivateKey)({ key: pem, format: 'pem' });
    }
    catch {
        // PKCS#8 `ENCRYPTED PRIVATE KEY`, or OpenSSL's `Proc-Type: 4,ENCRYPTED` header: Node's error for either varies by OpenSSL version.
        const encrypted = /^-----BEGIN ENCRYPTED PRIVATE KEY-----|^Proc-Type: 4,ENCRYPTED/m.test(pem);
        // Never the reason Node gives: it can quote the text it could not read.
        fields.report(key, encrypted ? 'is encrypted; give the key unencrypted (from a repository secret)' : 'is not a PEM private key (PKCS#8, PKCS#1 or SEC1)');
        return undefined;
    }
}
/** A mapping `Name: value`, or vault-action's `Name: value` lines; names are matched case-insensitively. */
function readHeaders(fields) {
    const raw = fields.value('extra-headers');
    if (raw === undefined)
        return {};
    let pairs;
    if (typeof raw === 'string') {
        pairs = raw.split(/\r?\n/).filter((line) => line.trim() !== '').map((line) => {
            const colon = line.indexOf(':');
            return colon < 0 ? [line.trim(), undefined] : [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
        });
    }
    else if ((0,json/* isObject */.Gv)(raw)) {
        pairs = Object.entries(raw);
    }
    else {
        fields.report('extra-headers', `must be a mapping of header names to values, or "Name: value" lines, not ${describe(raw)}`);
        return {};
    }
    const headers = {};
    for (const [i, [name, value]] of pairs.entries()) {
        const lower = name.toLowerCase();
        const text = typeof value === 'number' ? String(value) : value;
        // Header names are quoted only once they are known to be a token; values never (they are often secrets).
        if (!headers_HEADER_NAME.test(name))
            fields.report('extra-headers', `header ${i + 1} has no name of letters, digits and !#$%&'*+.^_\`|~- (write "Name: value")`);
        else if (Object.hasOwn(RESERVED, lower))
            fields.report('extra-headers', `may not set ${name}: ${RESERVED[lower] ?? ''}`);
        else if (typeof text !== 'string' || !headers_HEADER_VALUE.test(text))
            fields.report('extra-headers', `${name} must have a value of printable ASCII on one line`);
        // vault-action joins a repeated header's values, as HTTP allows.
        else
            headers[lower] = headers[lower] === undefined ? text : `${headers[lower]}, ${text}`;
    }
    if (Object.keys(headers).length > MAX_HEADERS)
        fields.report('extra-headers', `has more than ${MAX_HEADERS} headers`);
    return headers;
}

;// CONCATENATED MODULE: ./src/providers/vault.ts









// HashiCorp Vault / OpenBao JWT auth: POST /v1/auth/<path>/login {jwt, role}, then the entry's secrets read
// with that token (vault-action's main job). The token is revoked at job end with auth/token/revoke-self,
// which no peer action does; Vault revokes the leases of dynamic secrets read with it at the same time.
const vault_OUTPUTS = { public: ['expires-at'], secret: ['token'], named: '<NAME>' };
function vault_read(fields) {
    const url = fields.url('url', { required: true });
    const role = fields.string('role', { required: true });
    const path = fields.string('path', { pattern: /^[\w-]+(\/[\w-]+)*$/, expected: 'an auth mount path such as jwt' }) ?? 'jwt';
    const namespace = fields.string('namespace', { pattern: /^[\w-]+(\/[\w-]+)*\/?$/, expected: 'a namespace such as admin/ci' });
    const secrets = readSecretRequests(fields);
    // vault-action hands out the secrets, not the token, unless asked; an entry without secrets is for its token.
    const exportToken = fields.boolean('export-token', secrets === undefined);
    const ignoreNotFound = fields.boolean('ignore-not-found', false);
    const encoding = fields.string('secret-encoding-type', { pattern: /^(base64|hex|utf8)$/, expected: `one of ${ENCODINGS.join(', ')}` });
    const transport = readTransport(fields, url);
    if (secrets === undefined) {
        if (!exportToken)
            fields.report('export-token', 'is false and the entry reads no secrets, so it would hand out nothing; add secrets, or drop export-token');
        for (const key of ['ignore-not-found', 'secret-encoding-type'])
            if (fields.has(key))
                fields.report(key, 'applies to secrets, and this entry reads none');
    }
    if (url === undefined || role === undefined)
        return undefined;
    return {
        url,
        role,
        path,
        ...(namespace ? { namespace } : {}),
        secrets: secrets ?? [],
        exportToken,
        ignoreNotFound,
        ...(encoding ? { encoding } : {}),
        transport,
    };
}
/** Vault's `errors`; else the text of an answer that is not Vault's (a gateway in front of it refusing the request). */
const vaultErrors = (body, text) => (0,json/* isObject */.Gv)(body) && Array.isArray(body.errors) ? body.errors.filter((e) => typeof e === 'string').join('; ') : (0,json/* serverText */.Tn)(text, 200);
async function vault_exchange(config, ctx) {
    for (const line of maskableLines(config.transport.tls?.key ?? ''))
        ctx.mask(line);
    const login = await logIn(config, ctx);
    const secrets = await readAll(config, ctx, login);
    const { token, expiresAt, policies } = login;
    const { values } = secrets;
    const tokenEnv = config.exportToken ? { VAULT_TOKEN: token } : {};
    const publicEnv = { VAULT_ADDR: config.url.href.replace(/\/$/, ''), ...(config.namespace ? { VAULT_NAMESPACE: config.namespace } : {}) };
    return {
        env: { ...values, ...tokenEnv },
        ...(config.exportToken ? { publicEnv } : {}),
        secretOutputs: { ...values, ...(config.exportToken ? { token } : {}) },
        publicOutputs: expiresAt ? { 'expires-at': expiresAt } : {},
        info: {
            principal: `role ${config.role}${policies ? ` (policies ${policies})` : ''}`,
            ...(policies ? { scope: policies } : {}),
            ...(expiresAt ? { expiresAt } : {}),
            tokenType: config.secrets.length > 0 ? `Vault token and ${Object.keys(values).length} secret(s)` : 'Vault token',
            endpoint: login.endpoint,
            attempts: login.attempts,
            fingerprint: await (0,fingerprint/* fingerprint */.R)(token),
            ...(config.secrets.length > 0 ? { secrets: secrets.reads } : {}),
        },
        revoke: login.handle,
        ...(secrets.notices.length > 0 ? { notices: secrets.notices } : {}),
    };
}
async function logIn(config, ctx) {
    const { tls, headers } = config.transport;
    const url = new URL(`v1/auth/${config.path}/login`, withSlash(config.url));
    const namespace = config.namespace ? { 'x-vault-namespace': config.namespace } : {};
    const { body, response } = await (0,json_endpoint/* callJson */.X_)({
        http: ctx.http,
        method: 'POST',
        url,
        what: 'Vault',
        headers: { ...headers, ...namespace },
        body: { jwt: ctx.idToken.jwt, role: config.role },
        describe: vaultErrors,
        denied: [400, 403],
        deniedHint: "compare the role's bound_audiences, bound_subject and bound_claims with these claims (Vault ≥ 1.16.3 requires bound_audiences)",
        idToken: ctx.idToken,
        ...(tls ? { tls } : {}),
    });
    const auth = (0,json/* isObject */.Gv)(body.auth) ? body.auth : undefined;
    const token = (0,credential_value/* credentialValue */.No)(auth?.client_token, 'auth.client_token', `Vault login at ${url.origin}`);
    ctx.mask(token);
    const lease = typeof auth?.lease_duration === 'number' && auth.lease_duration > 0 ? auth.lease_duration : undefined;
    return {
        token,
        handle: { endpoint: config.url.href, token, ...(config.namespace ? { namespace: config.namespace } : {}), ...(tls ? { tls } : {}), ...(Object.keys(headers).length > 0 ? { headers } : {}) },
        policies: Array.isArray(auth?.policies) ? auth.policies.filter((p) => typeof p === 'string').join(', ') : '',
        ...(lease ? { expiresAt: (0,credential_value/* expiresAfter */.Pe)(ctx.now(), lease) } : {}),
        endpoint: `${url.origin}${url.pathname}`,
        attempts: response.attempts,
        readHeaders: { ...headers, ...namespace, 'x-vault-token': token },
    };
}
/**
 * The entry's secrets, read with the new token. The token is not handed out when a read fails, and the
 * post step only learns of credentials an exchange returned, so it is revoked here and now.
 */
async function readAll(config, ctx, login) {
    if (config.secrets.length === 0)
        return { values: {}, reads: [], notices: [] };
    const { tls } = config.transport;
    try {
        return await readSecrets(config.secrets, {
            http: ctx.http,
            base: withSlash(config.url),
            headers: login.readHeaders,
            policies: login.policies,
            ignoreNotFound: config.ignoreNotFound,
            mask: (secret) => { ctx.mask(secret); },
            ...(tls ? { tls } : {}),
            ...(config.encoding ? { encoding: config.encoding } : {}),
        });
    }
    catch (error) {
        await vault_revoke(login.handle, { http: ctx.http }).catch(() => undefined);
        throw error;
    }
}
async function vault_revoke(handle, ctx) {
    const { endpoint, token, namespace, tls, headers } = handle;
    await (0,json_endpoint/* callJson */.X_)({
        http: ctx.http,
        method: 'POST',
        url: new URL('v1/auth/token/revoke-self', withSlash(new URL(endpoint))),
        what: 'Vault revoke-self',
        headers: { ...headers, 'x-vault-token': token, ...(namespace ? { 'x-vault-namespace': namespace } : {}) },
        describe: vaultErrors,
        deniedHint: 'the token had already expired or been revoked',
        ...(tls ? { tls } : {}),
        undo: true,
    });
    return { status: 'revoked' };
}
function withSlash(url) {
    return new URL(url.href.endsWith('/') ? url.href : `${url.href}/`);
}
/**
 * The token's variables (VAULT_ADDR goes with it to env only: export: file writes the token alone) and each
 * secret's written name. The names a `*` or `**` makes are known only after the read, and checked then.
 */
function vault_exclusive(config, places) {
    const token = config.exportToken ? [...places].flatMap((place) => variableClaims(place === 'env' ? ['VAULT_TOKEN', 'VAULT_ADDR'] : ['VAULT_TOKEN'], new Set([place]), 'set export-token: false on all but one')) : [];
    const named = config.secrets.filter((request) => request.pick.kind !== 'all');
    return [...token, ...named.flatMap((request) => variableClaims([request.name], places, 'give the secret another name in one of them'))];
}
const vault = {
    name: 'vault',
    outputs: vault_OUTPUTS,
    read: vault_read,
    defaultAudience: (config) => config.url.origin,
    exchange: vault_exchange,
    revoke: vault_revoke,
    exclusive: vault_exclusive,
};

;// CONCATENATED MODULE: ./src/providers/catalog.ts











/** Every provider, by the `provider:` value that selects it. Adding one is a module and a line here. */
const providers = {
    aws: aws,
    azure: azure,
    crates: crates,
    gcp: gcp,
    github: github,
    jfrog: jfrog,
    npm: npm,
    pypi: pypi,
    quay: quay/* quay */.d,
    registry: containerRegistry,
    rfc8693: rfc8693,
    rubygems: rubygems,
    vault: vault,
};

// EXTERNAL MODULE: ./src/config/exec-inputs.ts
var exec_inputs = __nccwpck_require__(6587);
;// CONCATENATED MODULE: ./src/config/inputs.ts
/** Every input action.yml declares; a test keeps the two equal. */
const INPUT_NAMES = [
    'credentials',
    'require-claims',
    'tools',
    'tool-policy',
    'trusted-root',
    'tuf-refresh',
    'tuf-mirror',
    'github-token',
    'pin-policy',
    'pin-allow',
    'pin-scope',
    'pin-verify',
    'secrets-policy',
    'policy-file',
    'strict-cleanup',
    'files',
    'http-timeout',
];
/**
 * Defaults live here, not in action.yml: the runner sets `INPUT_*` for every input with a declared
 * default, so a default there would be indistinguishable from the workflow setting it, and would
 * conflict with the same key in the policy file on every run.
 */
const INPUT_DEFAULTS = {
    'tool-policy': 'enforce',
    'tuf-refresh': 'false',
    'pin-policy': 'warn',
    'pin-scope': 'workflow',
    'pin-verify': 'false',
    'secrets-policy': 'off',
    'strict-cleanup': 'false',
    files: 'temp',
    'http-timeout': '15s',
};
/** The runner passes input `a-b` as `INPUT_A-B`; an empty string means "not given". */
function readInputs(env) {
    const inputs = {};
    for (const name of INPUT_NAMES) {
        const value = env[`INPUT_${name.toUpperCase()}`]?.trim();
        if (value)
            inputs[name] = value;
    }
    return inputs;
}

;// CONCATENATED MODULE: ./src/config/peer-keys.ts
const STORED = { why: 'is a stored secret, which Keyless exists to remove: delete it (the runner OIDC token replaces it)' };
const EXPORT = 'export';
const AUDIENCE = 'oidc-audience';
const AWS = {
    'aws-region': 'region',
    'role-to-assume': 'role',
    'role-duration-seconds': 'duration',
    'role-session-name': 'session-name',
    'role-external-id': 'external-id',
    'role-chaining': { why: 'is written "from: ID" on the entry of the role to assume, naming the aws entry whose session assumes it (an AssumeRole signed with that session)' },
    'transitive-tag-keys': 'transitive-tag-keys',
    'custom-tags': { why: 'is written "session-tags" as a YAML mapping, on an entry with from: (AssumeRoleWithWebIdentity takes no tags but the token\'s)' },
    'role-skip-session-tagging': { why: 'is not needed: Keyless adds no session tags of its own (the peer tags every AssumeRole, which needs sts:TagSession); an entry sends only the session-tags it lists' },
    'inline-session-policy': 'session-policy',
    'managed-session-policies': 'managed-session-policies',
    audience: AUDIENCE,
    'aws-profile': 'profile',
    'overwrite-aws-profile': { why: 'is not needed: Keyless writes fresh files under RUNNER_TEMP, never ~/.aws, so there is nothing to overwrite; two entries naming one profile are refused' },
    'output-credentials': EXPORT,
    'output-env-credentials': EXPORT,
    'unset-current-credentials': {
        why: 'is automatic: keys in the environment are replaced by an entry that exports keys, and blanked where they would take precedence over what an entry hands out (default-profile: true, mode: web-identity)',
    },
    'mask-aws-account-id': 'mask-account-id',
    'allowed-account-ids': 'allowed-account-ids',
    'sts-endpoint': 'sts-endpoint',
    'http-proxy': { why: 'is not needed: Keyless honours HTTPS_PROXY, HTTP_PROXY and NO_PROXY from the environment' },
    'no-proxy': { why: 'is not needed: Keyless honours NO_PROXY from the environment' },
    'disable-retry': { why: 'is not needed: Keyless retries only what a retry can fix (Throttling, HTTP 408, 429, 5xx, network errors; at most 4 attempts) and fails at once on a refusal' },
    'retry-max-attempts': { why: 'is not needed: Keyless retries only what a retry can fix (Throttling, HTTP 408, 429, 5xx, network errors; at most 4 attempts) and fails at once on a refusal' },
    'special-characters-workaround': {
        why: 'is not needed: Keyless hands each key over byte for byte, and minting sessions until a secret has no / or + only hides a later tool that alters it (Git Bash turns a value starting with / into a Windows path); with profile: the keys stay in a file',
    },
    'use-existing-credentials': { why: 'is not supported: Keyless always mints fresh credentials from the runner token; skip the step with if: to keep earlier ones' },
    'force-skip-oidc': { why: 'is not supported: Keyless signs in with the runner OIDC token only; on a runner with an instance role, skip this step' },
    'action-timeout-s': { why: 'is not needed: every request has a timeout (the http-timeout input) and retries are bounded' },
    'aws-access-key-id': STORED,
    'aws-secret-access-key': STORED,
    'aws-session-token': STORED,
    'web-identity-token-file': { why: 'is not needed: Keyless requests the runner token itself (mode: web-identity writes one for the SDKs)' },
};
const GCP = {
    workload_identity_provider: 'workload-identity-provider',
    service_account: 'service-account',
    audience: AUDIENCE,
    project_id: 'project-id',
    access_token_lifetime: 'duration',
    access_token_scopes: 'scopes',
    access_token_subject: 'access-token-subject',
    id_token_audience: 'id-token-audience',
    id_token_include_email: { why: 'is not needed: Keyless always asks for the email and email_verified claims (includeEmail: true), which the receiving service checks' },
    delegates: 'delegates',
    universe: 'universe',
    request_reason: 'request-reason',
    create_credentials_file: 'credentials-file',
    export_environment_variables: EXPORT,
    token_format: { why: 'is implied: Keyless always mints an access token (CLOUDSDK_AUTH_ACCESS_TOKEN, output <id>-access-token), and an ID token too with id-token-audience' },
    credentials_json: STORED,
    cleanup_credentials: { why: 'is not needed: the post step always deletes what Keyless wrote' },
};
const AZURE = {
    creds: { why: 'holds a client secret, which Keyless exists to remove: delete it and use client-id, tenant-id and subscription-id (the runner OIDC token replaces the secret; its resourceManagerEndpointUrl is resource-manager-endpoint)' },
    audience: AUDIENCE,
    'auth-type': {
        why: 'is implied: Keyless signs in as the app with the runner OIDC token (SERVICE_PRINCIPAL). IDENTITY, the managed identity of the VM a self-hosted runner runs on, is out of scope: it belongs to the machine and every job on it, not to this job; run az login --identity in a step of its own',
    },
};
const VAULT = {
    method: { why: 'is implied: Keyless signs in with the JWT method and the runner OIDC token (every other method needs a stored secret)' },
    jwtGithubAudience: AUDIENCE,
    exportEnv: { why: 'is written with export: env (the default); exportEnv: false is export: outputs' },
    exportToken: 'export-token',
    outputToken: { why: 'is written export-token: true with export: outputs (the output <id>-token)' },
    secretEncodingType: 'secret-encoding-type',
    ignoreNotFound: 'ignore-not-found',
    extraHeaders: 'extra-headers',
    caCertificate: 'ca-certificate',
    clientCertificate: 'client-certificate',
    clientKey: 'client-key',
    tlsSkipVerify: { why: 'is not supported: Keyless always verifies the Vault\'s certificate; give its CA in ca-certificate' },
    pki: { why: 'is not supported: issuing a certificate is a write; set export-token: true and run vault write pki/issue/ROLE in a later step' },
    token: STORED,
    roleId: STORED,
    secretId: STORED,
    githubToken: STORED,
    username: STORED,
    password: STORED,
    authPayload: { why: 'is not needed: Keyless always sends {jwt, role} to the JWT method' },
    kubernetesTokenPath: { why: 'is not needed: on any runner, Kubernetes-hosted ones included, the runner OIDC token signs in with the JWT method' },
    jwtPrivateKey: STORED,
    jwtKeyPassword: STORED,
    jwtTtl: { why: 'is not needed: the runner OIDC token is GitHub\'s to sign; its lifetime is GitHub\'s too' },
};
const REGISTRY = {
    registry: 'host',
    username: { why: 'is not needed: the login name comes with the credential' },
    password: { why: 'is a stored secret: name the entry that mints the credential in from: instead' },
    ecr: { why: 'is written "kind: ecr", with from: naming an aws entry' },
    scope: { why: 'is not needed: it scopes a Docker Hub token, and the registries Keyless logs in to (gar, acr, ecr, ghcr) scope the credential by the upstream entry\'s role' },
    logout: { why: 'is not needed: the post step always deletes the docker config Keyless wrote' },
    'registry-auth': { why: 'is written as one registry entry per registry kind, each with its host list' },
};
/** docker/login-action's inputs for a Quay login, which a quay entry replaces with robot federation. */
const QUAY = {
    registry: { why: 'is written url: https://HOST, and only for a Quay other than quay.io (the default)' },
    username: 'robot',
    password: { why: 'is the robot\'s stored password: delete it, robot federation takes the runner OIDC token instead' },
    logout: { why: 'is not needed: the post step always deletes the docker config Keyless wrote' },
};
const UPLOAD = { why: 'is an option of the upload, not of the credential: keep the upload step (twine upload, uv publish) and give it there' };
const PYPI = {
    user: { why: 'is not needed: Keyless exports TWINE_USERNAME=__token__' },
    password: STORED,
    'repository-url': { why: 'is two things: index (where Keyless mints the token, https://test.pypi.org for TestPyPI) and the upload URL of the upload step (twine upload --repository-url, uv publish --publish-url)' },
    repository_url: { why: 'is two things: index (where Keyless mints the token, https://test.pypi.org for TestPyPI) and the upload URL of the upload step (twine upload --repository-url, uv publish --publish-url)' },
    'packages-dir': UPLOAD,
    packages_dir: UPLOAD,
    'verify-metadata': UPLOAD,
    verify_metadata: UPLOAD,
    'skip-existing': UPLOAD,
    skip_existing: UPLOAD,
    verbose: UPLOAD,
    'print-hash': UPLOAD,
    print_hash: UPLOAD,
    attestations: { why: 'is the upload step\'s job: PEP 740 attestations are signed over the files uploaded, so keep pypa/gh-action-pypi-publish for the upload (it mints its own token) or sign them before twine upload --attestations' },
};
const CRATES = {
    url: 'registry',
};
const RUBYGEMS = {
    audience: AUDIENCE,
    'role-to-assume': 'role',
    'api-token': STORED,
    'trusted-publisher': { why: 'is implied: without role, Keyless uses trusted publishing' },
};
const GITHUB = {
    domain: { why: 'is written "sts-url: https://DOMAIN": a URL, the audience being its host' },
};
/** What jfrog/setup-jfrog-cli does besides the sign-in: installing and configuring the JFrog CLI, which it still does after Keyless. */
const JFROG_CLI = { why: 'configures the JFrog CLI, which Keyless does not install: keep jfrog/setup-jfrog-cli for it, without oidc-provider-name, in a step after Keyless (it reads JF_URL and JF_ACCESS_TOKEN)' };
const JFROG = {
    'oidc-provider-name': 'provider-name',
    version: JFROG_CLI,
    'download-repository': JFROG_CLI,
    'disable-job-summary': JFROG_CLI,
    'disable-auto-build-publish': JFROG_CLI,
    'disable-auto-evidence-collection': JFROG_CLI,
    'custom-server-id': JFROG_CLI,
    'ghe-base-url': JFROG_CLI,
    ghe_base_url: JFROG_CLI,
    'enable-package-alias': JFROG_CLI,
    'package-alias-tools': JFROG_CLI,
};
/** Each provider's peer action and its inputs; a unit test checks every Keyless key named here exists. */
const PEERS = {
    aws: { action: 'aws-actions/configure-aws-credentials', keys: AWS },
    gcp: { action: 'google-github-actions/auth', keys: GCP },
    azure: { action: 'azure/login', keys: AZURE },
    vault: { action: 'hashicorp/vault-action', keys: VAULT },
    registry: { action: 'docker/login-action', keys: REGISTRY },
    pypi: { action: 'pypa/gh-action-pypi-publish', keys: PYPI },
    crates: { action: 'rust-lang/crates-io-auth-action', keys: CRATES },
    rubygems: { action: 'rubygems/configure-rubygems-credentials', keys: RUBYGEMS },
    github: { action: 'octo-sts/action', keys: GITHUB },
    jfrog: { action: 'jfrog/setup-jfrog-cli', keys: JFROG },
    quay: { action: 'docker/login-action', keys: QUAY },
};
/** What to tell a user who wrote a peer action's input `key` in a `provider` entry, if it is one. */
function peerKeyHint(provider, key) {
    const peer = PEERS[provider];
    if (peer === undefined || !Object.hasOwn(peer.keys, key))
        return undefined;
    const hint = peer.keys[key];
    if (hint === undefined)
        return undefined;
    return typeof hint === 'string' ? `is ${peer.action}'s input; Keyless calls it "${hint}"` : `(${peer.action}'s input) ${hint.why}`;
}

// EXTERNAL MODULE: ./src/os/paths.ts
var paths = __nccwpck_require__(6186);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./src/config/yaml.ts


/**
 * Parses one YAML document, keeping positions so validation can name the line of a bad value.
 * `lineOffset`: lines before the text in the file the user edits (a block scalar inside the policy file).
 */
function loadYaml(text, source, lineOffset = 0) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    const first = doc.errors[0];
    if (first !== undefined) {
        const line = lineCounter.linePos(first.pos[0]).line + lineOffset;
        // The parser's code, not its message: messages quote the offending text, which may be a secret.
        const reason = first.code.toLowerCase().replace(/_/g, ' ');
        throw new errors/* KeylessError */.FM('INPUT_INVALID', `${source} (line ${line}): malformed YAML (${reason})`, {
            hint: 'check indentation and quoting; a value with ": " or "#" needs quotes',
        });
    }
    let value;
    try {
        value = doc.toJS({ maxAliasCount: 100 });
    }
    catch (error) {
        // Unresolved aliases and alias bombs surface only when the document is turned into values.
        throw new errors/* KeylessError */.FM('INPUT_INVALID', `${source}: malformed YAML: an alias is undefined or expands too far`, {
            hint: 'define every *alias with an &anchor before it, and avoid deeply nested aliases',
            cause: error,
        });
    }
    const lineAt = (offset) => lineCounter.linePos(offset).line + lineOffset;
    return {
        value,
        source,
        lineOf(path) {
            const node = doc.getIn(path, true);
            const offset = (0,dist/* isNode */.Ll)(node) ? node.range?.[0] : undefined;
            return offset === undefined ? undefined : lineAt(offset);
        },
        keyLineOf(path) {
            const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
            const pair = (0,dist/* isMap */.jh)(parent) ? parent.items.find((item) => (0,dist/* isScalar */.jn)(item.key) && item.key.value === path.at(-1)) : undefined;
            const offset = (0,dist/* isNode */.Ll)(pair?.key) ? pair.key.range?.[0] : undefined;
            return offset === undefined ? undefined : lineAt(offset);
        },
        textOffsetOf(path) {
            const node = doc.getIn(path, true);
            if (!(0,dist/* isScalar */.jn)(node) || !node.range)
                return undefined;
            // A block scalar's text starts on the line after its `|` or `>` header.
            const block = node.type === dist/* Scalar */.X5.BLOCK_LITERAL || node.type === dist/* Scalar */.X5.BLOCK_FOLDED;
            return lineAt(node.range[0]) - (block ? 0 : 1);
        },
    };
}
/** The part of a document under one key, its lines still those of the whole document. */
function yamlAt(yaml, key) {
    const value = yaml.value[key];
    return {
        value,
        source: `${yaml.source}: ${key}`,
        lineOf: (path) => yaml.lineOf([key, ...path]),
        keyLineOf: (path) => yaml.keyLineOf([key, ...path]),
        textOffsetOf: (path) => yaml.textOffsetOf([key, ...path]),
    };
}

;// CONCATENATED MODULE: ./src/config/policy-file.ts








const DEFAULT_POLICY_FILE = '.github/keyless.yml';
/** A policy file may hold every input but itself and the token (a secret never belongs in a file). */
const POLICY_KEYS = INPUT_NAMES.filter((name) => name !== 'policy-file' && name !== 'github-token');
/** The policy file holds the same keys as the inputs, each kept with its place in the file. */
function readPolicyFile(input, workspace) {
    const full = (0,external_node_path_.resolve)(workspace, input ?? DEFAULT_POLICY_FILE);
    if (!(0,external_node_fs_.existsSync)(full)) {
        if (input === undefined)
            return undefined;
        throw new errors/* KeylessError */.FM('INPUT_INVALID', 'policy-file does not exist in the workspace', {
            hint: 'check out the repository first (actions/checkout) or fix the path (relative to GITHUB_WORKSPACE)',
        });
    }
    const real = insideWorkspace(full, workspace);
    const path = (0,paths/* repoPath */.qN)((0,external_node_fs_.realpathSync)(workspace), real);
    // The path is the user's, and named in every message about the file: shown only when plainly a path.
    const shown = /^[\w./-]{1,200}$/.test(path) ? path : 'policy-file';
    const yaml = loadYaml((0,external_node_fs_.readFileSync)(real, 'utf8'), shown);
    if (typeof yaml.value !== 'object' || yaml.value === null || Array.isArray(yaml.value)) {
        throw new errors/* KeylessError */.FM('INPUT_INVALID', `${shown} must be a YAML mapping of ${POLICY_KEYS.join(', ')}`);
    }
    const values = {};
    const problems = new problems_Problems();
    let listed = false;
    for (const [key, value] of Object.entries(yaml.value)) {
        if (!POLICY_KEYS.includes(key)) {
            const guess = closest(key, POLICY_KEYS);
            const where = looksLikeKey(key) ? `${shown}: ${key}` : `${shown}: a key that is no key name`;
            problems.add(where, `unknown key${guess ? ` (did you mean "${guess}"?)` : ''}${listed ? '' : `; known keys: ${POLICY_KEYS.join(', ')}`}`, yaml.keyLineOf([key]));
            listed = true;
        }
        else {
            values[key] = policyValue(yaml, key, value);
        }
    }
    problems.throwIfAny();
    return { path: shown, values };
}
function policyValue(file, key, value) {
    const line = file.keyLineOf([key]);
    if (typeof value !== 'string')
        return { text: JSON.stringify(value), line, yaml: () => yamlAt(file, key) };
    // `credentials: |` holds YAML as text, as the input does: parsed with its lines counted from the file's.
    return { text: value, line, yaml: () => loadYaml(value, `${file.source}: ${key}`, file.textOffsetOf([key]) ?? 0) };
}
/**
 * The policy file's real path, symlinks followed, when it is a file inside the real workspace: the
 * repository's reviewed policy, never a file an earlier step left elsewhere on the runner (`../../…`).
 */
function insideWorkspace(full, workspace) {
    const real = (0,external_node_fs_.realpathSync)(full);
    const rel = (0,paths/* inside */.nx)((0,external_node_fs_.realpathSync)(workspace), real);
    if (rel === undefined || rel === '' || !(0,external_node_fs_.statSync)(real).isFile()) {
        throw new errors/* KeylessError */.FM('INPUT_INVALID', 'policy-file is not a file inside the workspace (GITHUB_WORKSPACE), once symlinks are followed', {
            hint: 'keep the policy file in the repository and give its path relative to the workspace; a symlink may not point outside it',
        });
    }
    if ((0,external_node_fs_.statSync)(real).size > 1 << 20)
        throw new errors/* KeylessError */.FM('INPUT_INVALID', 'policy-file is larger than 1 MiB', { hint: 'a policy file holds a few keys' });
    return real;
}

;// CONCATENATED MODULE: ./src/config/references.ts

/**
 * `from:` must name another entry of a kind the provider builds on, without a cycle: checked here, so a
 * wrong reference fails before any token is requested.
 */
function checkReferences(entries, kinds, yaml, problems) {
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    for (const entry of entries) {
        if (!entry.provider.derived || entry.from === undefined)
            continue;
        const at = `credentials[${entry.index}].from`;
        const line = yaml.lineOf([entry.index, 'from']);
        const { providers: allowed } = entry.provider.upstream(entry.config);
        const kind = kinds.get(entry.from);
        if (kind === undefined) {
            const guess = closest(entry.from, [...kinds.keys()].filter((id) => id !== entry.id));
            problems.add(at, `is not the id of any entry${guess ? ` (did you mean "${guess}"?)` : ''}; ids: ${[...kinds.keys()].join(', ')}`, line);
            continue;
        }
        const cycle = cycleFrom(entry, byId);
        const upstream = byId.get(entry.from);
        if (cycle)
            problems.add(at, `forms a cycle: ${cycle.join(' → ')}; an entry cannot build on itself`, line);
        else if (!allowed.includes(kind))
            problems.add(at, `"${entry.from}" is ${article(kind)} ${kind} entry; this ${entry.provider.name} entry builds on ${allowed.join(' or ')}`, line);
        // Both are minted at the step, or both by `keyless exec`: the step's copy for exec holds only exec entries.
        else if (upstream !== undefined && upstream.exports.has('exec') !== entry.exports.has('exec'))
            problems.add(at, `"${entry.from}" is minted ${upstream.exports.has('exec') ? 'only by keyless exec (export: exec), this entry at the step' : 'at the step, this entry only by keyless exec'}; give both export: exec, or neither`, line);
    }
}
function article(word) {
    return /^[aeiou]/.test(word) ? 'an' : 'a';
}
function cycleFrom(start, byId) {
    const path = [start.id];
    for (let at = byId.get(start.from ?? ''); at !== undefined; at = byId.get(at.from ?? '')) {
        path.push(at.id);
        if (at.id === start.id)
            return path;
        if (path.length > byId.size + 1)
            return undefined;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/oidc/spiffe/endpoint.ts
var endpoint = __nccwpck_require__(126);
// EXTERNAL MODULE: ./src/os/regular-file.ts
var regular_file = __nccwpck_require__(7837);
;// CONCATENATED MODULE: ./src/runner/oidc.ts




const PERMISSION_HINT = 'give the job `permissions: { id-token: write, contents: read }` (workflow or job level); ' +
    'pull requests from forks never receive an OIDC token';
const ELSEWHERE_HINT = 'outside GitHub Actions, give each entry a subject-token-source: file (a projected Kubernetes service-account token), ' +
    'env (a variable holding the CI system\'s OIDC token: GitLab CI id_tokens, CIRCLE_OIDC_TOKEN, Buildkite) or spiffe (a SPIRE agent\'s Workload API)';
/** A compact JWS: three base64url parts. Checked before the value is masked or used anywhere. */
const JWS_COMPACT = /^[\w-]+\.[\w-]+\.[\w-]*$/;
/** Node modules whose NODE_DEBUG output prints a request's options, its headers (bearer tokens) among them. */
const PRINTS_REQUESTS = ['net', 'tls', 'http', 'https', 'http2', 'undici', 'fetch'];
/** Whether NODE_DEBUG turns on any of them, matched as Node matches it (comma-separated, `*`, any case). */
function debugPrintsRequests(value) {
    if (!value)
        return false;
    const pattern = new RegExp(`^${value.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*').replaceAll(',', '$|^')}$`, 'i');
    return PRINTS_REQUESTS.some((name) => pattern.test(name));
}
/**
 * Asks the runner for a GitHub OIDC token with the given audience. The token is masked before this
 * returns; its claims are decoded (not verified: the relying party verifies) for checks and the audit.
 */
async function requestIdToken(runner, http, audience) {
    const base = runner.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const bearer = runner.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!base || !bearer) {
        if (runner.env.GITHUB_ACTIONS !== 'true') {
            throw new errors/* KeylessError */.FM('OIDC_PERMISSION_MISSING', 'the runner offered no OIDC token: this is not a GitHub Actions job (ACTIONS_ID_TOKEN_REQUEST_URL is not set)', {
                hint: ELSEWHERE_HINT,
            });
        }
        throw new errors/* KeylessError */.FM('OIDC_PERMISSION_MISSING', 'the runner offered no OIDC token to this job', {
            hint: PERMISSION_HINT,
        });
    }
    // Node reads NODE_DEBUG once, at start-up, so it cannot be turned off from here; an earlier step can
    // export it through GITHUB_ENV. Its lines go to stderr, racing the mask on stdout.
    if (debugPrintsRequests(runner.env.NODE_DEBUG)) {
        throw new errors/* KeylessError */.FM('INPUT_INVALID', `NODE_DEBUG (${(0,json/* serverText */.Tn)(runner.env.NODE_DEBUG, 60) ?? ''}) makes Node print every request's headers to the log, this job's OIDC request token among them, so none was sent`, {
            hint: "unset it for this step (env: NODE_DEBUG: '') or in the step that exported it",
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
        throw new errors/* KeylessError */.FM('OIDC_REQUEST_FAILED', `${what} failed with HTTP ${response.status}${detail ? `: ${detail}` : ''}`, {
            hint: response.status === 403 || response.status === 401 ? PERMISSION_HINT : 'retry the job; if it persists, check githubstatus.com',
        });
    }
    const body = (0,json/* jsonBody */.J9)(response, what);
    const jwt = (0,json/* isObject */.Gv)(body) ? body.value : undefined;
    if (typeof jwt === 'string' && jwt !== '' && !JWS_COMPACT.test(jwt)) {
        throw new errors/* KeylessError */.FM('OIDC_REQUEST_FAILED', `${what} returned a value that is not a JWT`, {
            hint: 'retry the job; the runner service returned an unexpected reply',
        });
    }
    if (typeof jwt !== 'string' || jwt === '') {
        throw new errors/* KeylessError */.FM('OIDC_REQUEST_FAILED', `${what} returned no token (no "value" field)`, {
            hint: 'retry the job; the runner service returned an unexpected reply',
        });
    }
    runner.mask(jwt);
    try {
        return { jwt, claims: (0,decode_jwt/* decodeJwt */.i)(jwt) };
    }
    catch (error) {
        throw new errors/* KeylessError */.FM('OIDC_REQUEST_FAILED', `${what} returned a value that is not a JWT`, { cause: error });
    }
}

// EXTERNAL MODULE: ./src/oidc/jwt-value.ts
var jwt_value = __nccwpck_require__(6500);
;// CONCATENATED MODULE: ./src/oidc/subject-token.ts




const SOURCE_KINDS = ['runner', 'file', 'env', 'spiffe'];
const RUNNER_SOURCE = Object.freeze({ kind: 'runner' });
/** The source for people: `the runner`, `file /var/run/…`, `variable CIRCLE_OIDC_TOKEN`, `the SPIFFE Workload API`. */
function describeSource(source) {
    switch (source.kind) {
        case 'runner': return 'the runner';
        case 'file': return `file ${source.path}`;
        case 'env': return `variable ${source.name}`;
        case 'spiffe': return `the SPIFFE Workload API${source.spiffeId === undefined ? '' : ` (${source.spiffeId})`}`;
    }
}
/** Entries whose source and audience are equal share one token: one request, one read. */
function sourceKey(source, audience) {
    return JSON.stringify([source.kind, source.kind === 'file' ? source.path : source.kind === 'env' ? source.name : '', source.kind === 'spiffe' ? [source.socket, source.spiffeId] : '', audience]);
}
/**
 * The subject token for `audience`, masked before this returns, with its claims decoded for require-claims
 * and the audit. Nothing is cached: a file is read again on every call, so a token the kubelet rotated
 * meanwhile is the one used. The Workload API client loads only when an entry asks for it.
 *
 * @example
 * const { jwt, claims } = await fetchSubjectToken({ kind: 'file', path: '/var/run/secrets/keyless/token' }, 'sts.amazonaws.com', { runner, http, now: Date.now });
 */
async function fetchSubjectToken(source, audience, deps) {
    const mask = (secret) => { deps.runner.mask(secret); };
    switch (source.kind) {
        case 'runner':
            return requestIdToken(deps.runner, deps.http, audience);
        case 'file': {
            const hint = 'mount the token where subject-token-file says (a projected service-account token volume), readable by the job';
            const bytes = (0,regular_file/* readRegularFile */.X)(source.path, { maxBytes: jwt_value/* MAX_JWT_BYTES */.HI, hint: `a subject token file is a regular file holding one JWT of at most ${jwt_value/* MAX_JWT_BYTES */.HI} bytes`, unreadableHint: hint });
            return (0,jwt_value/* acceptJwt */.EW)(bytes.toString('utf8'), { what: `file ${source.path}`, mask, audience, now: deps.now, hint });
        }
        case 'env': {
            const value = deps.runner.env[source.name];
            const hint = `set ${source.name} to the CI system's OIDC token for this job (GitLab: an id_tokens entry of that name)`;
            if (value === undefined)
                throw new errors/* KeylessError */.FM('OIDC_REQUEST_FAILED', `variable ${source.name} is not set, so there is no subject token`, { hint });
            return (0,jwt_value/* acceptJwt */.EW)(value, { what: `variable ${source.name}`, mask, audience, now: deps.now, hint });
        }
        case 'spiffe': {
            const { fetchJwtSvid } = await __nccwpck_require__.e(/* import() */ 38).then(__nccwpck_require__.bind(__nccwpck_require__, 6038));
            const socketFrom = source.socket === undefined ? 'SPIFFE_ENDPOINT_SOCKET' : 'spiffe-socket';
            return fetchJwtSvid({ socket: source.socket ?? deps.runner.env.SPIFFE_ENDPOINT_SOCKET, socketFrom, audience, ...(source.spiffeId === undefined ? {} : { spiffeId: source.spiffeId }), mask, now: deps.now });
        }
    }
}

;// CONCATENATED MODULE: ./src/config/subject-token.ts







/** The keys of a subject token source, and the source each belongs to. */
const SOURCE_KEYS = {
    'subject-token-file': 'file',
    'subject-token-env': 'env',
    'spiffe-socket': 'spiffe',
    'spiffe-id': 'spiffe',
};
/** SPIFFE ID spec §2: `spiffe://` trust domain (lower-case letters, digits, `.-_`), then path segments of letters, digits and `.-_`. */
const SPIFFE_ID = /^spiffe:\/\/[a-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;
/** Variables that hold the runner's own credentials: JWTs (or tokens) for GitHub, never meant for a relying party. */
const RUNNER_CREDENTIALS = /^(ACTIONS_.*|GITHUB_TOKEN)$/i;
/**
 * `subject-token-source` and the keys its kind needs. A key of another kind is an error, not ignored: a
 * `subject-token-file` left behind when the source went back to `runner` would say something untrue.
 */
function readSubjectToken(fields, workspace) {
    const kind = fields.oneOf('subject-token-source', SOURCE_KINDS, 'runner');
    const path = fields.string('subject-token-file', { required: kind === 'file', expected: 'the path of a file holding one JWT (a projected service-account token)' });
    const name = fields.string('subject-token-env', { required: kind === 'env', pattern: ENV_NAME, expected: 'the name of a variable holding a JWT ([A-Za-z_][A-Za-z0-9_]*)' });
    const socket = fields.string('spiffe-socket', { expected: 'a Workload API address, unix:///PATH or tcp://IP:PORT' });
    const spiffeId = fields.string('spiffe-id', { pattern: SPIFFE_ID, expected: 'a SPIFFE ID, spiffe://TRUST-DOMAIN/PATH' });
    let valid = true;
    for (const [key, owner] of Object.entries(SOURCE_KEYS)) {
        if (owner !== kind && fields.has(key)) {
            fields.report(key, `is only read with subject-token-source: ${owner}${kind === 'runner' && !fields.has('subject-token-source') ? ' (add it)' : ''}`);
            valid = false;
        }
    }
    if (name !== undefined && RUNNER_CREDENTIALS.test(name)) {
        fields.report('subject-token-env', `may not name ${name}: it holds the runner's own credential, not an OIDC token for this entry; use subject-token-source: runner`);
        valid = false;
    }
    if (socket !== undefined) {
        try {
            (0,endpoint/* parseWorkloadEndpoint */.y)(socket, 'is');
        }
        catch (error) {
            if (!(error instanceof errors/* KeylessError */.FM))
                throw error;
            fields.report('spiffe-socket', 'is not unix:///PATH (or unix:/PATH) or tcp://IP:PORT');
            valid = false;
        }
    }
    if (!valid)
        return undefined;
    switch (kind) {
        case 'runner': return RUNNER_SOURCE;
        case 'file': return path === undefined ? undefined : { kind, path: (0,external_node_path_.resolve)(workspace, path) };
        case 'env': return name === undefined ? undefined : { kind, name };
        case 'spiffe': return { kind, ...(socket === undefined ? {} : { socket }), ...(spiffeId === undefined ? {} : { spiffeId }) };
    }
}
/** An entry built on another entry's credential takes no subject token: each key is an error naming why. */
function refuseSubjectToken(fields, why) {
    for (const key of ['subject-token-source', ...Object.keys(SOURCE_KEYS)]) {
        if (fields.value(key) !== undefined)
            fields.report(key, why);
    }
}
/**
 * A source from command-line flags named like the keys (`--subject-token-source file --subject-token-file
 * PATH`), checked as the keys are; a problem is a usage error naming the flag. Runner when none is given.
 */
function subjectTokenFromFlags(flags, cwd) {
    const problems = new Problems();
    const given = Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
    const source = readSubjectToken(new FieldReader(given, 'flags', [], undefined, problems), cwd);
    if (source === undefined || problems.items.length > 0) {
        throw new KeylessError('USAGE', problems.items.map(({ at, message }) => `--${at.replace(/^flags\./, '')} ${message}`).join('; '));
    }
    return source;
}

;// CONCATENATED MODULE: ./src/config/config.ts















const EXPORT_TARGETS = ['env', 'outputs', 'file', 'exec'];
const ID = /^[a-z][a-z0-9-]{0,39}$/;
/**
 * Inputs (and the policy file) to one frozen, checked Config. Every problem is reported at once,
 * before any network call.
 */
function loadConfig(inputs, workspace, { policyFile = true } = {}) {
    const problems = new problems_Problems();
    // `keyless exec --credentials` and the step's checked copy name every setting themselves.
    const policy = policyFile ? readPolicyFile(inputs['policy-file'], workspace) : undefined;
    const settings = mergeSettings(inputs, policy, problems);
    const credentials = settings.credentials ? readCredentials(settings.credentials.yaml(), settings.credentials.problems, workspace) : [];
    const tools = settings.tools ? readTools(settings.tools.yaml(), settings.tools.problems) : [];
    if (!settings.credentials && !settings.tools)
        problems.add('credentials', 'is required (or tools): a YAML list of entries, each with a provider');
    const toolPolicy = readChoice(settings, 'tool-policy', ['enforce', 'warn']);
    const claimRules = settings['require-claims'] ? readClaimRules(settings['require-claims'].yaml(), 'require-claims', settings['require-claims'].problems) : [];
    const strictCleanup = readBoolean(settings, 'strict-cleanup');
    const files = readChoice(settings, 'files', ['temp', 'workspace']);
    const timeout = readTimeout(settings);
    const tufRefresh = readBoolean(settings, 'tuf-refresh');
    const pinPolicy = readChoice(settings, 'pin-policy', ['off', 'warn', 'enforce']);
    const pinAllow = readPinAllow(settings['pin-allow']);
    const pinVerify = readBoolean(settings, 'pin-verify');
    const pinScope = readChoice(settings, 'pin-scope', ['workflow', 'repository']);
    const secretsPolicy = readChoice(settings, 'secrets-policy', ['off', 'warn', 'enforce']);
    // Everything is read before this line, so every problem is reported in one go.
    problems.throwIfAny();
    return Object.freeze({
        credentials,
        tools,
        toolPolicy,
        ...(settings['trusted-root'] ? { trustedRoot: settings['trusted-root'].text } : {}),
        tufRefresh,
        pinPolicy,
        pinAllow,
        pinScope,
        pinVerify,
        secretsPolicy,
        ...(settings['tuf-mirror'] ? { tufMirror: settings['tuf-mirror'].text } : {}),
        ...(inputs['github-token'] ? { githubToken: inputs['github-token'] } : {}),
        claimRules,
        strictCleanup,
        files,
        httpTimeoutMs: timeout * 1000,
        ...(policy ? { policyFile: { path: policy.path, keys: Object.keys(policy.values) } } : {}),
        ...(0,exec_inputs/* execInputsOf */.c)(credentials, (key) => settings[key]?.text),
    });
}
function readCredentials(yaml, problems, workspace) {
    if (!Array.isArray(yaml.value) || yaml.value.length === 0) {
        problems.add('credentials', `must be a non-empty YAML list of entries, not ${describe(yaml.value)}`);
        return [];
    }
    const entries = [];
    const ids = new Map();
    const kinds = new Map();
    const claims = new Map();
    yaml.value.forEach((item, index) => {
        const at = `credentials[${index}]`;
        if (typeof item !== 'object' || item === null || Array.isArray(item)) {
            problems.add(at, `must be a mapping with a provider key, not ${describe(item)}`, yaml.lineOf([index]));
            return;
        }
        const fields = new fields_FieldReader(item, at, [index], yaml, problems);
        const name = fields.string('provider', { required: true, expected: `one of ${Object.keys(providers).join(', ')}` });
        const id = fields.string('id', { pattern: ID, expected: 'a lower-case name of letters, digits and -' }) ?? name ?? '';
        const audience = fields.string('oidc-audience');
        const exports = readExports(fields);
        if (name === undefined)
            return;
        const named = providers[name];
        if (named === undefined) {
            const guess = closest(name, Object.keys(providers));
            fields.report('provider', `is not a known provider${guess ? ` (did you mean "${guess}"?)` : ''}; known: ${Object.keys(providers).join(', ')}`);
            return;
        }
        // `provider: aws` with `from:` is a role assumed with another aws entry's keys, not with the runner token.
        const provider = !named.derived && named.chained && fields.has('from') ? named.chained : named;
        const subjectToken = readTokenSource(provider, name, audience, fields, workspace);
        const before = problems.items.length;
        const config = provider.read(fields, id);
        fields.finish((key) => peerKeyHint(name, key));
        const valid = problems.items.length === before;
        const previous = ids.get(id);
        if (previous !== undefined) {
            fields.report('id', `"${id}" is also the id of credentials[${previous}]; give each entry its own id`);
        }
        ids.set(id, index);
        kinds.set(id, name);
        if (config === undefined || !valid)
            return;
        checkExclusive(provider, config, exports, claims, index, fields);
        const written = item; // kept for the copy `keyless exec` reads back
        if (provider.derived) {
            entries.push({ index, id, provider, config, from: provider.upstream(config).id, exports, written });
        }
        else {
            if (subjectToken === undefined)
                return;
            entries.push({ index, id, provider, config, oidcAudience: audience ?? provider.defaultAudience(config), subjectToken, exports, written });
        }
    });
    checkReferences(entries, kinds, yaml, problems);
    return entries;
}
/** Where the entry's subject token comes from; an entry built on another takes none, so its token keys are errors. */
function readTokenSource(provider, name, audience, fields, workspace) {
    if (!provider.derived)
        return readSubjectToken(fields, workspace);
    const noToken = `${article(name)} ${name} entry with from: takes no OIDC token: it builds on the entry named there`;
    if (audience !== undefined)
        fields.report('oidc-audience', noToken);
    refuseSubjectToken(fields, noToken);
    return undefined;
}
/** What an entry takes that an earlier one already took (`claims`: by key, the index of the entry that took it). */
function checkExclusive(provider, config, exports, claims, index, fields) {
    for (const claim of provider.exclusive?.(config, variablePlaces(exports)) ?? []) {
        const other = claims.get(claim.key);
        if (other === undefined)
            claims.set(claim.key, index);
        else
            fields.report(claim.field, claim.message(`credentials[${other}]`));
    }
}
/** Where an entry's values go as variables: `exec` and `outputs` entries reach COMMAND's environment as env. */
function variablePlaces(exports, forCommand = false) {
    const places = new Set();
    if (exports.has('file'))
        places.add('file');
    if (exports.has('env') || (forCommand && (exports.has('exec') || exports.has('outputs'))))
        places.add('env');
    return places;
}
function readExports(fields) {
    const list = fields.strings('export') ?? ['env'];
    // `none`: an entry only another builds on (a cloud token used just for a registry login).
    if (list.length === 1 && list[0] === 'none')
        return new Set();
    // `exec` hands the credential to one command, never to the job: mixing it with a job-wide target would undo that.
    if (list.includes('exec') && list.length > 1)
        fields.report('export', 'has exec with other targets; exec stands alone (the entry is minted only by keyless exec, for its command)');
    const bad = list.filter((item) => !EXPORT_TARGETS.includes(item));
    if (bad.length > 0)
        fields.report('export', `has ${bad.length === 1 ? 'an item' : 'items'} not one of ${EXPORT_TARGETS.join(', ')} (or none, alone)`);
    return new Set(list.filter((item) => EXPORT_TARGETS.includes(item)));
}
/**
 * Each key from the input or the policy file, never both: two sources for one setting is an error.
 * action.yml declares no defaults for these keys (the runner would set every one as an input), so an
 * input here is one the workflow gave.
 */
function mergeSettings(inputs, policy, problems) {
    const settings = {};
    const inFile = problems.in(policy?.path);
    for (const key of POLICY_KEYS) {
        const fromInput = inputs[key];
        const fromPolicy = policy?.values[key];
        if (fromInput !== undefined && fromPolicy !== undefined) {
            problems.add(key, `is set both as an input (the step's with:) and in ${policy?.path ?? ''}${fromPolicy.line === undefined ? '' : ` (line ${fromPolicy.line})`}; keep one`);
        }
        if (fromInput !== undefined)
            settings[key] = { text: fromInput, yaml: () => loadYaml(fromInput, `input ${key}`), problems };
        else if (fromPolicy !== undefined)
            settings[key] = { text: fromPolicy.text, yaml: () => fromPolicy.yaml(), problems: inFile, line: fromPolicy.line };
        else if (INPUT_DEFAULTS[key] !== undefined)
            settings[key] = { text: INPUT_DEFAULTS[key], yaml: () => loadYaml(INPUT_DEFAULTS[key] ?? '', key), problems };
    }
    return settings;
}
function readTimeout(settings) {
    const setting = settings['http-timeout'];
    const seconds = parseDuration(setting?.text ?? '');
    if (seconds !== undefined && seconds >= 1 && seconds <= 300)
        return seconds;
    setting?.problems.add('http-timeout', 'is not a duration between 1s and 5m (e.g. 15s)', setting.line);
    return 15;
}
/** One of `values`; the first stands in for a wrong one so reading goes on and every problem is reported. */
function readChoice(settings, key, values) {
    const setting = settings[key];
    const text = setting?.text ?? INPUT_DEFAULTS[key];
    if (values.includes(text ?? ''))
        return text;
    setting?.problems.add(key, `is not one of ${values.join(', ')}`, setting.line);
    return values[0];
}
/** `pin-allow`: a YAML list of `PATTERN` / `PATTERN=POLICY`, or a mapping PATTERN: POLICY. */
function readPinAllow(setting) {
    if (setting === undefined)
        return [];
    const { value } = setting.yaml();
    const rules = Array.isArray(value) ? value.map(String) : value && typeof value === 'object' ? Object.entries(value).map(([p, v]) => `${p}=${String(v)}`) : [String(value)];
    rules.forEach((rule, i) => {
        try {
            (0,policy/* parseRule */.iT)(rule);
        }
        catch (error) {
            // parseRule quotes the rule; only its advice is passed on.
            const hint = error instanceof errors/* KeylessError */.FM ? error.hint : undefined;
            setting.problems.add('pin-allow', `rule ${i + 1} is not PATTERN or PATTERN=any|ref-pin|hash-pin${hint ? ` (${hint})` : ''}`, setting.line);
        }
    });
    return rules;
}
function readBoolean(settings, key) {
    const setting = settings[key];
    if (setting === undefined || /^(false|False|FALSE)$/.test(setting.text))
        return false;
    if (/^(true|True|TRUE)$/.test(setting.text))
        return true;
    setting.problems.add(key, 'is not true or false', setting.line);
    return false;
}

;// CONCATENATED MODULE: ./src/exchange.ts




/**
 * Fetches one subject token per distinct source and audience (concurrently), checks require-claims on each
 * before any exchange, then runs the exchanges of `mint` (every entry unless told; `export: exec` entries
 * are only checked at the step) concurrently; an entry built on another (`from:`) waits for
 * that one only. Each credential is masked on arrival and its revocation recorded at once, so a later
 * failure or crash still gets it revoked.
 */
async function mintAll(entries, rules, deps, mint = entries) {
    const audienceOf = new Map(entries.flatMap((entry) => (entry.oidcAudience === undefined ? [] : [[entry.id, entry.oidcAudience]])));
    // One token per distinct (source, audience): entries that agree on both share a request (or a read).
    const wanted = new Map();
    const keyOf = new Map();
    for (const entry of entries) {
        if (entry.oidcAudience === undefined)
            continue;
        const source = entry.subjectToken ?? RUNNER_SOURCE;
        const key = sourceKey(source, entry.oidcAudience);
        wanted.set(key, { source, audience: entry.oidcAudience });
        keyOf.set(entry.id, key);
    }
    const fetched = await Promise.all([...wanted].map(async ([key, { source, audience }]) => [key, await fetchSubjectToken(source, audience, deps)]));
    const tokens = new Map(fetched);
    for (const [key, token] of tokens) {
        const { source, audience } = wanted.get(key);
        const { iss, sub, job_workflow_ref: workflow } = token.claims;
        if (source.kind === 'runner')
            deps.runner.info(`Runner OIDC token for audience "${audience}" from ${String(iss)}: sub=${String(sub)}, job_workflow_ref=${String(workflow)}`);
        else
            deps.runner.info(`Subject token from ${describeSource(source)} for audience "${audience}" from ${String(iss)}: sub=${String(sub)}`);
        checkClaims(rules, token.claims, source.kind === 'runner' ? undefined : describeSource(source));
    }
    const running = new Map();
    const start = (entry) => {
        let minting = running.get(entry.id);
        if (minting === undefined) {
            minting = mintOne(entry, tokens.get(keyOf.get(entry.id) ?? ''), (id) => start(entries.find((e) => e.id === id)), deps);
            running.set(entry.id, minting);
        }
        return minting;
    };
    const settled = await Promise.allSettled(mint.map(start));
    const outcome = { minted: [], failed: [], tokens, audiences: audienceOf };
    settled.forEach((result, i) => {
        const entry = mint[i];
        if (result.status === 'fulfilled')
            outcome.minted.push(result.value);
        else if (result.reason instanceof errors/* KeylessError */.FM)
            outcome.failed.push({ entry, error: result.reason });
        else
            throw result.reason;
    });
    return outcome;
}
/**
 * Node's own refusals of a server's values (a date past the year 275760, a URL or header value that
 * does not parse) reach here when a provider used such a value: they are bad answers, not Keyless bugs.
 */
function asKeylessError(error) {
    if (error instanceof errors/* KeylessError */.FM)
        return error;
    const code = error?.code;
    if (error instanceof RangeError || code === 'ERR_INVALID_URL' || code === 'ERR_INVALID_CHAR' || code === 'ERR_HTTP_INVALID_HEADER_VALUE') {
        return new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `the service answered with a value that cannot be used (${error instanceof Error ? error.message : String(error)})`, {
            hint: 'the service is misbehaving or is not what the entry says it is; report it to its operator',
            cause: error,
        });
    }
    return error;
}
/**
 * The credential with every non-secret text it shows (principal, scope, token type, public outputs and
 * variables) made displayable, and redacted: a server may echo the secret it just issued into a "public"
 * field (`issued_token_type`), which is written to GITHUB_OUTPUT, where no mask applies.
 */
function displayable(credential, redact) {
    const show = (text) => (0,inert/* displayText */.WV)(redact(text));
    const clean = (values) => Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, show(v)]));
    const { principal, scope, tokenType } = credential.info;
    return {
        ...credential,
        publicEnv: clean(credential.publicEnv),
        publicOutputs: clean(credential.publicOutputs),
        info: { ...credential.info, principal: show(principal), ...(scope === undefined ? {} : { scope: show(scope) }), ...(tokenType === undefined ? {} : { tokenType: show(tokenType) }) },
    };
}
/** Beyond any credential Keyless hands out (the same year and a day as jfrog's and rfc8693's own caps). */
const MAX_LIFETIME_MS = 366 * 24 * 3600 * 1000;
/** The form the post step reads back (src/runner/state.ts): a 4-digit year, so no date past 9999. */
const ISO = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;
/**
 * What is wrong with an issuer's expiry, if anything. It is printed, set as expires-at, recorded in the audit
 * and saved with the revocation, which the post step would drop as unreadable (and not revoke) past 9999.
 */
function expiryProblem(expiresAt, now) {
    if (expiresAt === undefined)
        return undefined;
    const at = Date.parse(expiresAt);
    if (!ISO.test(expiresAt) || Number.isNaN(at))
        return `an expiry that cannot be read (${expiresAt})`;
    if (at <= now)
        return `a credential that had expired at ${expiresAt}, before it was handed out`;
    if (at > now + MAX_LIFETIME_MS)
        return `an expiry more than a year away (${expiresAt})`;
    return undefined;
}
async function mintOne(entry, idToken, upstreamOf, deps) {
    const subject = `${entry.provider.name} "${entry.id}"`;
    const base = { http: deps.http, mask: (secret) => { deps.runner.mask(secret); }, subject, env: deps.runner.env, now: deps.now };
    let credential;
    let chain;
    try {
        if (entry.provider.derived) {
            const upstream = await upstreamOf(entry.from ?? '').catch(() => {
                throw new errors/* KeylessError */.FM('EXCHANGE_FAILED', `not attempted: it builds on "${entry.from ?? ''}", which failed`, { hint: 'fix the error reported for that entry' });
            });
            const handoff = upstream.credential.handoff;
            if (handoff === undefined)
                throw new errors/* KeylessError */.FM('INPUT_INVALID', `"${entry.from ?? ''}" minted nothing this entry can build on`);
            credential = await entry.provider.exchange(entry.config, { ...base, upstream: handoff });
            chain = upstream.credential.info.chain ?? [upstream.credential.info.principal];
        }
        else {
            if (idToken === undefined)
                throw new Error(`no runner token was requested for ${subject}`);
            credential = await entry.provider.exchange(entry.config, { ...base, idToken });
        }
    }
    catch (error) {
        const refusal = asKeylessError(error);
        throw refusal instanceof errors/* KeylessError */.FM ? (0,errors/* about */.Cv)(refusal, subject) : refusal;
    }
    credential = displayable(credential, (text) => deps.runner.redact(text));
    for (const notice of credential.notices ?? [])
        deps.runner.warning(`${subject}: ${notice}`);
    // Each hop's principal, for the summary and the audit record: the upstream's are display text already.
    if (chain !== undefined)
        credential = { ...credential, info: { ...credential.info, chain: [...chain, credential.info.principal] } };
    const badExpiry = expiryProblem(credential.info.expiresAt, deps.now());
    // A bad expiry is left out of the record: the post step would drop the whole record, and not revoke.
    const expiry = badExpiry === undefined && credential.info.expiresAt ? { expiresAt: credential.info.expiresAt } : {};
    deps.cleanup.record(credential.revoke
        ? { kind: 'revoke', provider: entry.provider.name, id: entry.id, handle: credential.revoke, ...expiry }
        : { kind: 'revoke-none', provider: entry.provider.name, id: entry.id, ...expiry, ...(credential.irrevocable ? { reason: credential.irrevocable } : {}) });
    // After the revocation is recorded, so a refusal here still revokes. Providers mask each secret on arrival;
    // these are the values handed out (files are built from them).
    try {
        for (const value of [...Object.values(credential.env), ...Object.values(credential.secretOutputs)])
            deps.runner.mask(value);
        if (badExpiry !== undefined) {
            throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `the issuer answered ${badExpiry}; the credential was not handed out`, {
                hint: "the service is misbehaving, or the runner's clock is wrong (compare date -u with the issuer's); report it to its operator",
            });
        }
    }
    catch (error) {
        throw error instanceof errors/* KeylessError */.FM ? (0,errors/* about */.Cv)(error, subject) : error;
    }
    return { entry, credential };
}

;// CONCATENATED MODULE: ./src/runner/state.ts





const state_PREFIX = 'keyless_';
const state_KEY = `${state_PREFIX}key`;
/**
 * Appends each item to GITHUB_STATE the moment it exists, so a main step that dies half way still leaves
 * the post step a complete list of what to revoke and delete. Constructing it saves the signing key, so
 * it must come before anything main could leave behind.
 */
class CleanupLog {
    runner;
    #next = 0;
    #key = (0,external_node_crypto_.randomBytes)(32);
    constructor(runner) {
        this.runner = runner;
        runner.saveState(state_KEY, this.#key.toString('hex'));
    }
    record(item) {
        const name = `${state_PREFIX}${String(this.#next++).padStart(3, '0')}`;
        const json = JSON.stringify(item);
        this.runner.saveState(name, `${sign(this.#key, name, json)}.${json}`);
    }
}
function sign(key, name, json) {
    return (0,external_node_crypto_.createHmac)('sha256', key).update(`${name}\n${json}`).digest('hex');
}
/** The items main saved, in the order it saved them; anything main did not sign, or that makes no sense, is ignored. */
function readCleanupItems(env) {
    const names = Object.keys(env).filter((name) => name.startsWith(`STATE_${state_PREFIX}`) && name !== `STATE_${state_KEY}`);
    const keyHex = env[`STATE_${state_KEY}`] ?? '';
    const key = /^[0-9a-f]{64}$/.test(keyHex) ? Buffer.from(keyHex, 'hex') : undefined;
    const items = [];
    for (const name of names.sort()) {
        const item = key === undefined ? undefined : verified(key, name.slice('STATE_'.length), env[name] ?? '');
        if (item !== undefined)
            items.push(item);
    }
    return { items, ignored: names.length - items.length };
}
function verified(key, name, value) {
    const dot = value.indexOf('.');
    const mac = Buffer.from(value.slice(0, dot), 'hex');
    const json = value.slice(dot + 1);
    const expected = Buffer.from(sign(key, name, json), 'hex');
    if (dot !== 64 || mac.length !== expected.length || !timingSafeEqual(mac, expected))
        return undefined;
    try {
        return parseItem(JSON.parse(json));
    }
    catch {
        return undefined;
    }
}
const TEXT = /^[^\p{Cc}\u2028\u2029]{1,300}$/u;
const SECRET = /^[\x21-\x7e]{8,16384}$/;
const state_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const state_ISO = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;
function absolutePath(path) {
    return typeof path === 'string' && isAbsolute(path) && !path.includes('\0');
}
function isDigest(value) {
    return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}
function parseItem(raw) {
    if (!isObject(raw))
        return undefined;
    const optional = (key, pattern) => (raw[key] === undefined ? {} : typeof raw[key] === 'string' && pattern.test(raw[key]) ? { [key]: raw[key] } : undefined);
    switch (raw.kind) {
        case 'settings':
            return typeof raw.strictCleanup === 'boolean' ? { kind: 'settings', strictCleanup: raw.strictCleanup } : undefined;
        case 'path':
            return absolutePath(raw.path) ? { kind: 'path', path: raw.path } : undefined;
        case 'audit':
            return absolutePath(raw.path) && isDigest(raw.sha256) ? { kind: 'audit', path: raw.path, sha256: raw.sha256 } : undefined;
        case 'session':
            return parseSession(raw);
        case 'revoke':
        case 'revoke-none': {
            const expiresAt = optional('expiresAt', state_ISO);
            if (typeof raw.provider !== 'string' || !state_NAME.test(raw.provider) || typeof raw.id !== 'string' || !state_NAME.test(raw.id) || !expiresAt)
                return undefined;
            const base = { provider: raw.provider, id: raw.id, ...expiresAt };
            if (raw.kind === 'revoke-none') {
                const reason = optional('reason', TEXT);
                return reason ? { kind: 'revoke-none', ...base, ...reason } : undefined;
            }
            const handle = parseHandle(raw.handle);
            return handle ? { kind: 'revoke', ...base, handle } : undefined;
        }
        default:
            return undefined;
    }
}
/** az's session names its folder; Az PowerShell's lives in the user's profile and names none. */
function parseSession(raw) {
    if ((raw.tool !== 'az' && raw.tool !== 'azps') || typeof raw.id !== 'string' || !state_NAME.test(raw.id))
        return undefined;
    if (raw.path === undefined)
        return raw.tool === 'azps' ? { kind: 'session', tool: raw.tool, id: raw.id } : undefined;
    return absolutePath(raw.path) ? { kind: 'session', tool: raw.tool, id: raw.id, path: raw.path } : undefined;
}
/** A revocation handle as every provider's revoke() expects it: an https (or loopback) URL without userinfo, and token-shaped secrets. */
function parseHandle(raw) {
    if (!isObject(raw) || typeof raw.endpoint !== 'string' || typeof raw.token !== 'string' || !SECRET.test(raw.token))
        return undefined;
    let url;
    try {
        url = new URL(raw.endpoint);
    }
    catch {
        return undefined;
    }
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url));
    if (!secure || url.username !== '' || url.password !== '')
        return undefined;
    const fields = { refresh: SECRET, clientId: TEXT, namespace: /^[\w-]+(\/[\w-]+)*\/?$/ };
    const handle = { endpoint: url.href, token: raw.token };
    for (const [key, pattern] of Object.entries(fields)) {
        const value = raw[key];
        if (value === undefined)
            continue;
        if (typeof value !== 'string' || !pattern.test(value))
            return undefined;
        Object.assign(handle, { [key]: value });
    }
    return withTransport(handle, raw);
}
/** A handle's TLS material and gateway headers, each checked as strictly as when main read it from the entry. */
function withTransport(handle, raw) {
    if (raw.tls !== undefined) {
        if (!isObject(raw.tls))
            return undefined;
        const tls = {};
        for (const [key, value] of Object.entries(raw.tls)) {
            if ((key !== 'ca' && key !== 'cert' && key !== 'key') || typeof value !== 'string' || !PEM_TEXT.test(value))
                return undefined;
            tls[key] = value;
        }
        handle.tls = tls;
    }
    if (raw.headers !== undefined) {
        if (!isObject(raw.headers))
            return undefined;
        const entries = Object.entries(raw.headers);
        if (entries.length > 32 || entries.some(([name, value]) => !HEADER_NAME.test(name) || typeof value !== 'string' || !HEADER_VALUE.test(value)))
            return undefined;
        handle.headers = Object.fromEntries(entries);
    }
    return handle;
}

// EXTERNAL MODULE: ./src/os/private-file.ts
var private_file = __nccwpck_require__(8272);
;// CONCATENATED MODULE: ./src/os/git-exclude.ts



// Typed as always present, but Windows has neither O_NOFOLLOW nor O_NONBLOCK.
const NOFOLLOW = external_node_fs_.constants.O_NOFOLLOW ?? 0;
const NONBLOCK = external_node_fs_.constants.O_NONBLOCK ?? 0;
/**
 * Adds `pattern` to the repository's `.git/info/exclude` (not `.gitignore`, which is the user's and is
 * committed), so `git status`, `git add -A` and release tools that refuse a dirty tree never see it.
 * Best effort: no repository, a `.git` that is a file (a worktree) or a link, or an exclude file that is
 * not a plain file of the job's user leaves it alone, since the workspace is writable by every earlier step
 * and a link, soft or hard, could lead to any file the job can write. Returns whether the pattern is in place.
 */
function excludeFromGit(workspace, pattern) {
    const git = (0,external_node_path_.join)(workspace, '.git');
    try {
        if (!(0,external_node_fs_.lstatSync)(git).isDirectory())
            return false;
        const info = (0,external_node_path_.join)(git, 'info');
        (0,external_node_fs_.mkdirSync)(info, { recursive: true, mode: 0o755 });
        if (!(0,external_node_fs_.lstatSync)(info).isDirectory())
            return false;
        // One descriptor for the checks, the read and the write, so nothing can be swapped in between them:
        // O_NOFOLLOW refuses a symbolic link, O_NONBLOCK keeps a FIFO from hanging the open, and fstat refuses
        // what is not a regular file, or has a second name (a hard link to a file elsewhere), or is another user's.
        const fd = (0,external_node_fs_.openSync)((0,external_node_path_.join)(info, 'exclude'), external_node_fs_.constants.O_RDWR | external_node_fs_.constants.O_APPEND | external_node_fs_.constants.O_CREAT | NOFOLLOW | NONBLOCK, 0o644);
        try {
            if (!(0,private_file/* soleRegularFile */.Kf)((0,external_node_fs_.fstatSync)(fd)))
                return false;
            const current = (0,external_node_fs_.readFileSync)(fd, 'utf8');
            if (current.split(/\r?\n/).includes(pattern))
                return true;
            (0,external_node_fs_.writeSync)(fd, `${current === '' || current.endsWith('\n') ? '' : '\n'}# credential files of the Keyless action (files: workspace), deleted at job end\n${pattern}\n`);
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/sinks/docker-config.ts




/**
 * Every entry's `auths`, one login per host: of two for one host (two ghcr entries, a registry entry and a
 * jfrog docker-host) the later would silently replace the earlier.
 */
function joinLogins(parts) {
    const logins = {};
    const seen = new Set();
    for (const part of parts) {
        for (const [host, login] of Object.entries(JSON.parse(part).auths)) {
            if (seen.has(hostOf(host))) {
                throw new errors/* KeylessError */.FM('INPUT_INVALID', `two entries log in to ${host}; the later login would silently replace the earlier, so nothing was handed out`, {
                    hint: 'keep one entry per registry host (list several hosts in one entry\'s host:); what was minted is revoked when the job ends',
                });
            }
            seen.add(hostOf(host));
            logins[host] = login;
        }
    }
    return logins;
}
/** The keys Keyless rebuilds, folded as Go folds them. */
const REBUILT = new Set(['auths', 'credsstore', 'credhelpers', 'clipluginsextradirs']);
/** Docker refuses a config this big long before; reading it would only cost memory. */
const MAX_BYTES = 1 << 20;
/**
 * One config.json from the logins of every registry entry (each part is `{"auths": …}`), on top of the
 * config the job had before (DOCKER_CONFIG, else ~/.docker) so its earlier logins and settings keep
 * working. A global credsStore, and any credHelpers or auths entry for a host logged in to, are dropped:
 * either would win over (or stand beside) Keyless's login. The old folder's cli-plugins stay reachable
 * (setup-buildx-action installs buildx there).
 */
function dockerConfig(parts, env, platform = process.platform) {
    const dir = earlierDockerFolder(env, platform);
    const base = readConfig((0,external_node_path_.join)(dir, 'config.json'));
    // Podman, Buildah and Skopeo read REGISTRY_AUTH_FILE (same format), which this file replaces too.
    const podman = env.REGISTRY_AUTH_FILE ? readConfig(env.REGISTRY_AUTH_FILE) : {};
    const logins = joinLogins(parts);
    const ours = new Set(Object.keys(logins).map(hostOf));
    const others = (map) => Object.entries(docker_config_isRecord(map) ? map : {}).filter(([host]) => !ours.has(hostOf(host)));
    const helpers = others(base.credHelpers).filter(([, helper]) => typeof helper === 'string' && /^[\w.-]+$/.test(helper));
    const extra = Array.isArray(base.cliPluginsExtraDirs) ? base.cliPluginsExtraDirs.filter((d) => typeof d === 'string') : [];
    return `${JSON.stringify({
        ...Object.fromEntries(Object.entries(base).filter(([key]) => !REBUILT.has(fold(key)))),
        auths: Object.fromEntries([...others(podman.auths), ...others(base.auths), ...Object.entries(logins)]),
        ...(docker_config_isRecord(base.credHelpers) ? { credHelpers: Object.fromEntries(helpers) } : {}),
        cliPluginsExtraDirs: [...extra, (0,external_node_path_.join)(dir, 'cli-plugins')],
    }, null, 2)}\n`;
}
/** The folder of the config the job had before: DOCKER_CONFIG, else `.docker` in the Docker CLI's home. */
function earlierDockerFolder(env, platform = process.platform) {
    // The Docker CLI's home is USERPROFILE on Windows and HOME elsewhere (Go's os.UserHomeDir).
    const home = platform === 'win32' ? env.USERPROFILE : env.HOME;
    return env.DOCKER_CONFIG || (0,external_node_path_.join)(home || (0,external_node_os_.homedir)(), '.docker');
}
/**
 * The variables that hand out a docker config: its folder and its file, and, unless the job chose one,
 * where buildx keeps its builders. buildx looks for them beside config.json; moved to Keyless's folder, it
 * would lose the builder setup-buildx-action created and selected, and build with the plain docker driver.
 */
function dockerVariables(variable, path, env) {
    const buildx = env.BUILDX_CONFIG ? [] : [['BUILDX_CONFIG', (0,external_node_path_.join)(earlierDockerFolder(env), 'buildx')]];
    return [[variable, (0,external_node_path_.dirname)(path)], ['REGISTRY_AUTH_FILE', path], ...buildx];
}
/** How Go's encoding/json compares keys: case-insensitively, `ſ` as `s` and the Kelvin sign as `k`. */
function fold(key) {
    return key.normalize('NFKC').toLowerCase();
}
/** The registry host a key of `auths` or `credHelpers` stands for, as Docker normalises it. */
function hostOf(key) {
    return fold(key.replace(/^https?:\/\//i, '').split('/')[0] ?? '');
}
function docker_config_isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function readConfig(path) {
    try {
        // Only a regular file, opened non-blocking (a FIFO planted there cannot hang the step), and read no further
        // than the limit (not /dev/zero, nor a size-0 file that never ends), checked on what was opened.
        const parsed = JSON.parse((0,regular_file/* readRegularFile */.X)(path, { maxBytes: MAX_BYTES, hint: '', unreadableHint: '' }).toString('utf8'));
        // Nesting deep enough to overflow the stack parses, but would throw when written back.
        JSON.stringify(parsed);
        return docker_config_isRecord(parsed) ? parsed : {};
    }
    catch {
        // Missing, unreadable or malformed: Docker itself would refuse it; starting empty loses nothing it could have used.
        return {};
    }
}

;// CONCATENATED MODULE: ./src/sinks/npmrc-config.ts



// npm (pnpm and Yarn 1 too) reads one user config: NPM_CONFIG_USERCONFIG, else ~/.npmrc. Pointing the
// variable at Keyless's file hides the job's own, and with it what a runner's owner or setup-node put there:
// `ignore-scripts=true`, a `registry=` mirror, the `@scope:registry=` that keeps a private scope off the
// public registry. So the earlier file is carried over, as the docker config is. Its text is what npm would
// have read anyway; only lines about a registry host Keyless logs in to are dropped, since the `ini`
// package npm uses lets the last of two equal keys win, and a more specific `//host/path/` key wins over
// ours for the packages under it.
/** npm would refuse a user config this big long before; reading it would only cost memory. */
const npmrc_config_MAX_BYTES = 1 << 20;
/**
 * One .npmrc: each entry's `//host/path/:_authToken=…` line, then the job's earlier user config without
 * its lines for those hosts. Ours come first: a `[section]` in the earlier file would swallow every line
 * after it, and npm reads the auth keys only at the top level.
 */
function npmrcConfig(parts, env, platform = process.platform) {
    const hosts = parts.flatMap((part) => /^\/\/([^/]+)\//.exec(part)?.[1] ?? []).map((host) => host.toLowerCase());
    const ours = (line) => {
        const key = (line.split('=', 1)[0] ?? '').trim().replace(/^(["'])(.*)\1$/, '$2').toLowerCase();
        return hosts.some((host) => key.includes(`//${host}`));
    };
    // The `ini` package's own line breaks: a lone CR ends a line too.
    const kept = earlierConfig(env, platform)
        .split(/[\r\n]+/)
        .filter((line) => line.trim() !== '' && !ours(line));
    return `${parts.join('')}${kept.map((line) => `${line}\n`).join('')}`;
}
/** The user config npm would have read, or nothing when there is none it could read. */
function earlierConfig(env, platform) {
    // npm takes npm_config_* in any case; an empty value is no setting.
    const named = Object.entries(env).findLast(([name, value]) => name.toLowerCase() === 'npm_config_userconfig' && value)?.[1];
    const home = (platform === 'win32' ? env.USERPROFILE : env.HOME) || (0,external_node_os_.homedir)();
    const file = named === undefined ? (0,external_node_path_.join)(home, '.npmrc') : (0,external_node_path_.resolve)(named.replace(/^~(?=[\\/])/, home));
    try {
        // Only a regular file, opened non-blocking (a FIFO cannot hang the step), read no further than the limit.
        return (0,regular_file/* readRegularFile */.X)(file, { maxBytes: npmrc_config_MAX_BYTES, hint: '', unreadableHint: '' }).toString('utf8');
    }
    catch {
        // Missing, unreadable or not a file: npm would have had nothing from it either.
        return '';
    }
}

;// CONCATENATED MODULE: ./src/sinks/deliver.ts









/**
 * Writes every credential file (0600, in a private folder under RUNNER_TEMP or, with `files: workspace`, in
 * the workspace) and returns what to export.
 * It exports nothing itself: a write that fails here leaves the job without a single variable pointing at
 * a half-written set of files.
 */
function writeDelivery(minted, runner, cleanup, place = 'temp') {
    const secretDir = secretDirectory(runner, cleanup, place);
    const delivery = { env: [], outputs: [], exported: new Map() };
    const note = (id, ...labels) => delivery.exported.set(id, [...(delivery.exported.get(id) ?? []), ...labels]);
    writeSharedFiles(minted, runner, cleanup, secretDir, delivery, note);
    for (const { entry, credential } of minted) {
        if (entry.exports.has('file')) {
            for (const [name, value] of Object.entries(credential.env)) {
                const path = (0,external_node_path_.join)(secretDir(), `${entry.id}-${name}`);
                writeSecret(path, value, cleanup);
                delivery.env.push([`${name}_FILE`, path]);
                note(entry.id, `env ${name}_FILE (file)`);
            }
        }
        if (entry.exports.has('env')) {
            for (const [name, value] of Object.entries({ ...credential.env, ...credential.publicEnv })) {
                delivery.env.push([name, value]);
                note(entry.id, `env ${name}`);
            }
        }
        if (entry.exports.has('outputs')) {
            for (const [name, value] of Object.entries(credential.secretOutputs)) {
                delivery.outputs.push([`${entry.id}-${name}`, value]);
                note(entry.id, `output ${entry.id}-${name}`);
            }
        }
        for (const [name, value] of Object.entries(credential.publicOutputs))
            delivery.outputs.push([`${entry.id}-${name}`, value]);
        delivery.outputs.push([`${entry.id}-principal`, credential.info.principal]);
    }
    blankShadows(minted, runner, delivery, note);
    refuseSharedVariables(delivery);
    return delivery;
}
/**
 * The job, or the command `keyless exec` starts, gets one environment: of two entries that set the same
 * variable, the later would silently replace the earlier's value. Providers claim their fixed names before
 * anything is minted (config.ts); this catches what only the answers name (the variables a Vault `*` makes
 * of a secret's keys) or one provider's fixed name beside another's `export-env`, before anything is handed out. What was minted stays recorded, so the post step revokes it.
 */
function refuseSharedVariables(delivery) {
    const seen = new Set();
    for (const [name] of delivery.env) {
        const key = name.toUpperCase();
        if (!seen.has(key)) {
            seen.add(key);
            continue;
        }
        const ids = settersOf(delivery, name).map((id) => JSON.stringify(id));
        throw new errors/* KeylessError */.FM('INPUT_INVALID', `entries ${ids.join(' and ')} both set ${name}, so the later would silently replace the earlier; nothing was handed out`, {
            hint: 'give each entry its own variable names (export-env, the names of its secrets), or export one of them as outputs; what was minted is revoked when the job ends',
        });
    }
}
/**
 * Variables an earlier step set that would take precedence over what an entry hands out (AWS keys over a
 * token file or AWS_PROFILE) are exported empty, which the SDKs and CLIs read as unset; never one that an
 * entry of this step sets, and only for an entry that exports to the environment.
 */
function blankShadows(minted, runner, delivery, note) {
    const set = new Set(delivery.env.map(([name]) => name.toUpperCase()));
    for (const { entry, credential } of minted) {
        if (!entry.exports.has('env') && !entry.exports.has('file'))
            continue;
        for (const name of credential.shadowedBy ?? []) {
            // Another entry of this step setting it would win over this one just as silently as an earlier step.
            const other = settersOf(delivery, name).find((id) => id !== entry.id);
            if (other !== undefined) {
                throw new errors/* KeylessError */.FM('INPUT_INVALID', `entry ${JSON.stringify(other)} sets ${name}, which would take precedence over what ${JSON.stringify(entry.id)} hands out; nothing was handed out`, {
                    hint: 'give that entry another variable name, or export one of them as outputs; what was minted is revoked when the job ends',
                });
            }
            if (set.has(name.toUpperCase()) || !runner.env[name])
                continue;
            set.add(name.toUpperCase());
            delivery.env.push([name, '']);
            note(entry.id, `env ${name} (blanked: an earlier step set it, and it would take precedence)`);
        }
    }
}
/** The entries that set `name` (any case) to a value, as their labels in `exported` say; blanking is no value. */
function settersOf(delivery, name) {
    const key = `ENV ${name.toUpperCase()}`;
    const sets = (label) => label.toUpperCase() === key || (label.toUpperCase().startsWith(`${key} `) && !label.includes('(blanked'));
    return [...delivery.exported].filter(([, labels]) => labels.some(sets)).map(([id]) => id);
}
/**
 * The files providers asked for, one file per variable: contents that name the same variable are joined
 * (several AWS profiles in one shared credentials file).
 */
function writeSharedFiles(minted, runner, cleanup, secretDir, delivery, note) {
    const byVariable = new Map();
    const tokenFiles = [];
    for (const { entry, credential } of minted) {
        // A provider's own files reach later steps through variables: only an entry exported to them writes
        // any (`export: none` is an entry only another builds on; `outputs` alone hands out outputs alone).
        if (!entry.exports.has('env') && !entry.exports.has('file'))
            continue;
        const pathOf = (name) => (0,external_node_path_.join)(secretDir(), `${entry.id}-${name}`);
        for (const file of credential.files ?? []) {
            const content = typeof file.content === 'string' ? file.content : file.content(pathOf);
            if (file.env === undefined) {
                writeSecret(pathOf(file.name), content, cleanup);
                if (file.oidcToken)
                    tokenFiles.push(pathOf(file.name));
                continue;
            }
            const group = byVariable.get(file.env) ?? { file, parts: [], ids: [] };
            group.parts.push(content);
            group.ids.push(entry.id);
            byVariable.set(file.env, group);
        }
    }
    for (const [variable, { file, parts, ids }] of byVariable) {
        const path = (0,external_node_path_.join)(secretDir(), file.name);
        if ((0,external_node_path_.dirname)(path) !== secretDir())
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { mode: 0o700 });
        const docker = file.format === 'docker-config';
        writeSecret(path, joined(file, parts, runner), cleanup);
        if (file.oidcToken)
            tokenFiles.push(path);
        const variables = docker ? dockerVariables(variable, path, runner.env) : [variable, ...(file.aliases ?? [])].map((name) => [name, path]);
        delivery.env.push(...variables);
        for (const id of ids)
            note(id, ...variables.map(([name]) => `env ${name} (file)`));
        if (file.output !== undefined)
            for (const id of ids)
                delivery.outputs.push([`${id}-${file.output}`, path]);
    }
    // Paths only, never a token: what `keyless refresh` renews in a later step of a long job.
    if (tokenFiles.length > 0)
        delivery.env.push(['KEYLESS_REFRESH', tokenFiles.join(external_node_path_.delimiter)]);
}
/** The one file of every entry's part for a variable, merged with what the job had where the format needs it. */
function joined(file, parts, runner) {
    if (file.format === 'docker-config')
        return dockerConfig(parts, runner.env);
    if (file.format === 'npmrc')
        return npmrcConfig(parts, runner.env);
    return parts.join('\n');
}
/**
 * Records the path for the post step first, then writes: a crash in between still gets it deleted. The
 * exclusive create alone is retried while Windows reports the folder busy (a scanner): when it fails it
 * created nothing, so a retry cannot meet a file of its own.
 */
function writeSecret(path, content, cleanup) {
    cleanup.record({ kind: 'path', path });
    const fd = (0,fs_retry/* retryBusy */.O)(() => (0,external_node_fs_.openSync)(path, 'wx', 0o600));
    try {
        (0,external_node_fs_.writeFileSync)(fd, content);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/**
 * A private directory for credential files, created on first use: under RUNNER_TEMP (emptied by the runner
 * after the job), never the workspace, where files end up in artifacts and images, unless the workflow
 * chose `files: workspace` for Docker container actions, which see the workspace but not RUNNER_TEMP. Its
 * `keyless-` (`.keyless-`) name is what the post step checks before deleting anything.
 */
function secretDirectory(runner, cleanup, place) {
    let dir;
    return () => {
        if (dir === undefined) {
            if (place === 'workspace') {
                const workspace = runner.env.GITHUB_WORKSPACE;
                if (!workspace)
                    throw new errors/* KeylessError */.FM('INPUT_INVALID', 'files: workspace needs GITHUB_WORKSPACE, which this runner did not set', { hint: 'drop files: workspace, or run in a job with a workspace' });
                dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(workspace, '.keyless-'));
                cleanup.record({ kind: 'path', path: dir });
                if (!excludeFromGit(workspace, GIT_EXCLUDE))
                    runner.warning(`could not add ${GIT_EXCLUDE} to .git/info/exclude: git sees ${(0,paths/* toPosixPath */.kb)(dir)} until the post step deletes it; keep it out of commits, artifacts and docker build contexts`);
            }
            else {
                dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(runner.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'keyless-'));
                cleanup.record({ kind: 'path', path: dir });
            }
        }
        return dir;
    };
}
/** What `files: workspace` adds to `.git/info/exclude`: Keyless's folders at the top of the workspace. */
const GIT_EXCLUDE = '/.keyless-*/';

;// CONCATENATED MODULE: ./src/run.ts











/** dist/cli.js, beside this bundle's folder (dist/main/index.js), for `node "$KEYLESS_CLI" refresh`. */
function cliPath() {
    return (0,external_node_path_.join)((0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(require("url").pathToFileURL(__filename).href)), '..', 'cli.js');
}
const NO_PINS = { findings: [], omitted: 0, problems: [] };
/**
 * The main step, in phases: configure → gate → mint → write files → commit. Any phase but the last may
 * throw a KeylessError, and by then nothing has been handed to the job (what was minted is recorded for
 * the post step to revoke). The commit phase hands everything out and cannot fail half way.
 */
async function run(deps) {
    const { runner } = deps;
    const cleanup = new CleanupLog(runner);
    const workspace = runner.env.GITHUB_WORKSPACE ?? process.cwd();
    const config = loadConfig(readInputs(runner.env), workspace);
    if (config.policyFile)
        runner.info(`Settings from ${config.policyFile.path}: ${config.policyFile.keys.join(', ') || 'none'}`);
    cleanup.record({ kind: 'settings', strictCleanup: config.strictCleanup });
    requireRunnerFiles(runner);
    const http = deps.createHttp(config.httpTimeoutMs);
    const { tools, pins, storedSecrets } = await gate(config, { runner, http, workspace, cleanup });
    // `export: exec` entries get their runner token's claims checked here, and are minted only by `keyless exec`.
    const minting = config.credentials.filter((entry) => !entry.exports.has('exec'));
    const outcome = await mintAll(config.credentials, config.claimRules, { runner, http, cleanup, now: deps.now }, minting);
    const record = auditRecord(config, outcome, tools);
    const auditPath = auditFilePath(runner.env, 'keyless-audit');
    const [firstFailure, ...otherFailures] = outcome.failed;
    if (firstFailure) {
        for (const { error } of otherFailures)
            runner.error((0,errors/* renderError */.vr)(error));
        if (outcome.minted.length > 0)
            runner.info(`${outcome.minted.length} credential(s) were minted but not handed out; the post step revokes them.`);
        record.pins = (await pins).findings;
        record.storedSecrets = storedSecretsOf(await storedSecrets);
        saveAudit(runner, cleanup, auditPath, record);
        throw firstFailure.error;
    }
    const delivery = writeDelivery(outcome.minted, runner, cleanup, config.files);
    // Its code loads only for a step with exec entries; the file is written before the commit, exported in it.
    if (config.execInputs !== undefined) {
        const handoff = await __nccwpck_require__.e(/* import() */ 655).then(__nccwpck_require__.bind(__nccwpck_require__, 2655));
        delivery.env.push([handoff.EXEC_CONFIG_VARIABLE, handoff.writeExecHandoff(config.execInputs, runner.env, cleanup)]);
    }
    // CLI sessions (az, Az PowerShell) last: a sign-in that fails leaves nothing handed out, and post signs out.
    if (outcome.minted.some(({ credential }) => credential.session !== undefined)) {
        await (await __nccwpck_require__.e(/* import() */ 632).then(__nccwpck_require__.bind(__nccwpck_require__, 7632))).startAzureSessions(outcome.minted, runner, cleanup, delivery);
    }
    await commit(runner, { cleanup, outcome, record, auditPath, pins, storedSecrets, delivery });
}
/** GITHUB_ENV and GITHUB_OUTPUT must exist before anything is minted: the commit phase may not discover it. */
function requireRunnerFiles(runner) {
    for (const variable of ['GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_STATE']) {
        if (!runner.env[variable]) {
            throw new errors/* KeylessError */.FM('INPUT_INVALID', `${variable} is not set, so nothing could be handed to the job`, {
                hint: 'run Keyless as a GitHub Actions step (or set the runner file variables when testing locally)',
            });
        }
    }
}
/**
 * The tool chain first. Under enforce the pin check gates everything after it; under warn it only
 * annotates, so it runs alongside the exchanges instead of adding its round trip in front of them, and a
 * problem it meets becomes a warning. The tool gate runs before the runner token is even requested, and
 * its code (Sigstore and all) loads only when there are tools to verify.
 */
async function gate(config, deps) {
    // Under warn the check waits a turn of the event loop, so the runner token request is on the wire before
    // the workflow is read and parsed: the scan then costs the step nothing while the runner answers.
    const pinCheck = config.pinPolicy === 'off'
        ? Promise.resolve(NO_PINS)
        : (config.pinPolicy === 'warn' ? nextTurn() : Promise.resolve()).then(() => Promise.all(/* import() */[__nccwpck_require__.e(60), __nccwpck_require__.e(761)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4761))).then((m) => m.gatePins(config, deps));
    if (config.pinPolicy === 'enforce')
        await pinCheck;
    // gatePins never throws under warn; should a bug make it, that is a warning too, never a failed step that exported credentials.
    const pins = pinCheck.catch((error) => {
        deps.runner.warning(`pin check did not finish: ${(0,errors/* renderError */.vr)(error)}`);
        return NO_PINS;
    });
    // The stored-secret check gates like the pin check; its code loads only when secrets-policy asks for it.
    const secretsCheck = config.secretsPolicy === 'off' ? Promise.resolve(undefined) : Promise.all(/* import() */[__nccwpck_require__.e(60), __nccwpck_require__.e(834)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3834)).then((m) => m.gateSecrets(config, deps));
    if (config.secretsPolicy === 'enforce')
        await secretsCheck;
    const storedSecrets = secretsCheck.catch((error) => {
        deps.runner.warning(`stored-secret check did not finish: ${(0,errors/* renderError */.vr)(error)}`);
        return undefined;
    });
    const tools = config.tools.length > 0 ? await (await Promise.all(/* import() */[__nccwpck_require__.e(669), __nccwpck_require__.e(64)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8064))).gateTools(config, deps) : [];
    return { tools, pins, storedSecrets };
}
/** After the I/O this turn started (a request's connect and write), not merely after the pending promises. */
function nextTurn() {
    return new Promise((resolve) => setImmediate(resolve));
}
/** Names and places only: an audit record never holds a value. */
function storedSecretsOf(report) {
    return report?.findings.map(({ file, line, secret, kind }) => ({ file, line, secret, kind }));
}
function auditRecord(config, outcome, tools) {
    const anyToken = outcome.tokens.values().next().value;
    return {
        version: 1,
        identity: anyToken ? identityFromClaims(anyToken.claims) : {},
        tools,
        pins: [],
        exchanges: config.credentials.map((entry) => {
            const failure = outcome.failed.find((f) => f.entry === entry);
            const audience = outcome.audiences.get(entry.id);
            return {
                id: entry.id,
                provider: entry.provider.name,
                ...(audience === undefined ? {} : { audience }),
                ...(entry.from === undefined ? {} : { from: entry.from }),
                ...(entry.subjectToken === undefined || entry.subjectToken.kind === 'runner' ? {} : { subjectToken: describeSource(entry.subjectToken) }),
                outcome: failure ? 'failed' : entry.exports.has('exec') ? 'exec' : 'issued',
                ...(failure ? { error: failure.error.code } : {}),
            };
        }),
        credentials: [],
    };
}
/**
 * Hands everything to the job. Every value was checked and masked on arrival and every file is on disk,
 * so what remains are appends to the runner's files; the audit record and summary are reports, and a
 * failure to write them is a warning, never a failed step that has already exported credentials.
 */
async function commit(runner, { cleanup, outcome, record, auditPath, pins, storedSecrets, delivery }) {
    for (const [name, value] of delivery.env)
        runner.exportVariable(name, value);
    // Only an entry exported to env or file wrote the token files `keyless refresh` renews (an az session lists its own).
    const refreshable = outcome.minted.some(({ entry, credential }) => credential.refreshable && (entry.exports.has('env') || entry.exports.has('file')));
    const exec = record.exchanges.some((exchange) => exchange.outcome === 'exec');
    if (refreshable || exec || delivery.env.some(([name]) => name === 'KEYLESS_REFRESH'))
        runner.exportVariable('KEYLESS_CLI', cliPath());
    for (const [name, value] of delivery.outputs)
        runner.setOutput(name, value);
    for (const { entry, credential } of outcome.minted) {
        const exported = delivery.exported.get(entry.id) ?? [];
        record.credentials.push({
            id: entry.id,
            provider: entry.provider.name,
            ...credential.info,
            exported,
            revocable: credential.revoke !== undefined,
            ...(entry.from === undefined ? {} : { from: entry.from }),
        });
        const expiry = credential.info.expiresAt ? `, expires ${credential.info.expiresAt}` : '';
        runner.info(`✓ ${entry.provider.name} "${entry.id}": ${credential.info.tokenType ?? 'credential'} for ${credential.info.principal}${expiry} → ${exported.join(', ') || 'nothing exported'}`);
    }
    for (const exchange of record.exchanges)
        if (exchange.outcome === 'exec')
            runner.info(`· ${exchange.provider} "${exchange.id}": checked; minted only when keyless exec asks for it, for its command alone`);
    const expiries = record.credentials.flatMap((c) => (c.expiresAt ? [c.expiresAt] : [])).sort();
    if (expiries[0])
        runner.setOutput('expires-at', expiries[0]);
    runner.setOutput('credentials', JSON.stringify(record.credentials.map(({ id, provider, principal, expiresAt }) => ({ id, provider, principal, expiresAt }))));
    record.pins = (await pins).findings;
    record.storedSecrets = storedSecretsOf(await storedSecrets);
    if (saveAudit(runner, cleanup, auditPath, record))
        runner.setOutput('audit-file', auditPath);
    try {
        runner.appendSummary(mainSummary(record, (text) => runner.redact(text)));
    }
    catch (error) {
        runner.warning(`the job summary could not be written: ${(0,errors/* renderError */.vr)(error)}`);
    }
}
/** Recorded once written, with its digest: post adds the cleanup to this file only while it holds these bytes. */
function saveAudit(runner, cleanup, path, record) {
    try {
        cleanup.record({ kind: 'audit', path, sha256: writeAudit(path, record, (text) => runner.redact(text)) });
        return true;
    }
    catch (error) {
        runner.warning(`the audit record could not be written to ${path}: ${(0,errors/* renderError */.vr)(error)}`);
        return false;
    }
}

;// CONCATENATED MODULE: ./src/runner/commands.ts
// The runner's workflow-command and environment-file protocols, as documented by GitHub
// ("Workflow commands for GitHub Actions"). Written here rather than imported from @actions/core,
// whose import alone costs more start-up than the whole exchange.
function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function command(name, message, properties = {}) {
    const props = Object.entries(properties)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
        .join(',');
    return `::${name}${props === '' ? '' : ` ${props}`}::${escapeData(message)}\n`;
}
/**
 * One `name<<delimiter` record of GITHUB_ENV/OUTPUT/STATE. The delimiter is random per record, so a
 * value cannot end the record early and inject another variable. Refuses what a runner would read back
 * differently (actions/runner FileCommandManager): a name it would split at another `=` or `<<`, and a
 * value ending in CR, which a Windows runner takes as part of the record's LF line end and drops.
 */
function fileRecord(name, value, delimiter) {
    if (name === '' || /[\r\n=]|<</.test(name) || value.includes(delimiter)) {
        throw new Error(`refusing to write ${name}: its name is empty or holds a line break, = or <<, or its value contains the record delimiter`);
    }
    if (value.endsWith('\r'))
        throw new Error(`refusing to write ${name}: its value ends in CR, which a Windows runner would drop`);
    return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

;// CONCATENATED MODULE: ./src/runner/runner.ts







/**
 * A record delimiter. fileRecord refuses any value that contains it, so it need not be unpredictable,
 * only unlikely to collide; that keeps node:crypto off the start path.
 */
function delimiter() {
    return `ghadelimiter_${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
}
/** The longest line Keyless prints; runners and log viewers handle far more, but no message of Keyless's needs it. */
const MAX_LINE = 4000;
/**
 * Appends to one of the runner's files. Only the open is retried while Windows reports the file busy (a
 * scanner holding it): a failed open wrote nothing, where a retried append could write a record twice.
 */
function append(file, text) {
    const fd = (0,fs_retry/* retryBusy */.O)(() => (0,external_node_fs_.openSync)(file, 'a'));
    try {
        (0,external_node_fs_.writeFileSync)(fd, text);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function createRunner(env, write) {
    const secrets = new SecretSet();
    const appendTo = (variable, name, value) => {
        const file = env[variable];
        if (file === undefined || file === '') {
            throw new errors/* KeylessError */.FM('INPUT_INVALID', `${variable} is not set, so ${name} cannot be handed to the job`, {
                hint: 'run Keyless as a GitHub Actions step (or set the runner file variables when testing locally)',
            });
        }
        append(file, fileRecord(name, value, delimiter()));
    };
    // Every line Keyless prints: secrets removed first (a masked form may span what inert would flatten), then made inert.
    // Bounded too: a server that answers with megabytes must not flood the job log.
    const line = (text) => {
        const flat = (0,inert/* inert */.tJ)(secrets.redact(text));
        return flat.length > MAX_LINE ? `${flat.slice(0, MAX_LINE)}… (${flat.length - MAX_LINE} more characters)` : flat;
    };
    // `file=` names a file of the repository as GitHub does, with `/`: a Windows path would not place the annotation.
    const annotate = (name, message, properties = {}) => {
        const props = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, typeof value !== 'string' ? value : line(key === 'file' ? (0,paths/* toPosixPath */.kb)(value) : value)]));
        write(command(name, line(message), props));
    };
    return {
        env,
        mask(secret) {
            if (SecretSet.unmaskable(secret)) {
                throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `a secret value of ${secret.length} character(s) (or with a line that short) cannot be masked in the log, so it is refused`, {
                    hint: `the service answered with a credential shorter than ${MIN_SECRET_LENGTH} characters; report it to its operator`,
                });
            }
            for (const form of secrets.add(secret))
                write(`::add-mask::${escapeData(form)}\n`);
        },
        redact: (text) => secrets.redact(text),
        exportVariable: (name, value) => { appendTo('GITHUB_ENV', name, value); },
        setOutput: (name, value) => { appendTo('GITHUB_OUTPUT', name, value); },
        saveState: (name, value) => { appendTo('GITHUB_STATE', name, value); },
        addPath(dir) {
            // GITHUB_PATH is one folder a line: a line break in a folder's name would add a second, chosen by whoever named it.
            if (/[\r\n\0]/.test(dir)) {
                throw new errors/* KeylessError */.FM('INPUT_INVALID', 'a folder to add to PATH has a line break or NUL in its name', {
                    hint: 'keep tools in folders whose names hold no control characters',
                });
            }
            const file = env.GITHUB_PATH;
            if (file)
                append(file, `${dir}\n`);
        },
        appendSummary(markdown) {
            const file = env.GITHUB_STEP_SUMMARY;
            if (file)
                append(file, `${secrets.redact(markdown)}\n`);
        },
        info: (message) => { write(`${line(message)}\n`); },
        warning: (message, properties) => { annotate('warning', message, properties); },
        error: (message, properties) => { annotate('error', message, properties); },
        group: (title) => { write(`::group::${escapeData(line(title))}\n`); },
        endGroup: () => { write('::endgroup::\n'); },
    };
}

;// CONCATENATED MODULE: ./src/runner/write-all.ts

const PAUSE = new Int32Array(new SharedArrayBuffer(4));
/**
 * Writes whole to a descriptor before returning: stdout, which the runner reads and `keyless exec`'s
 * COMMAND inherits. A full non-blocking pipe is waited out: handing the rest to the stream would leave it in a buffer a child can overtake, and writing it whole
 * again after a partial write would cut an add-mask line in two, so the runner would mask something else
 * and print the secret wherever it shows later in the job.
 */
function writeTo(fd, text) {
    const bytes = Buffer.from(text);
    let done = 0;
    while (done < bytes.length) {
        try {
            done += (0,external_node_fs_.writeSync)(fd, bytes, done);
        }
        catch (error) {
            if (error.code !== 'EAGAIN')
                throw error;
            Atomics.wait(PAUSE, 0, 0, 5);
        }
    }
}

;// CONCATENATED MODULE: ./src/step.ts



/** Straight to fd 1: creating process.stdout costs ~5 ms of start-up, and the runner reads the pipe in order either way. */
function writeStdout(text) {
    writeTo(1, text);
}
/**
 * Runs one step body and guarantees its exit status. Node exits 0 when the event loop empties with a
 * promise still pending (a stalled socket nobody references), so an unfinished body is caught at
 * `beforeExit` and turned into a failure: the step is green only when the body really returned.
 */
const realProcess = {
    env: process.env,
    stdout: { write: writeStdout },
    on: (event, listener) => process.on(event, listener),
    set exitCode(code) {
        process.exitCode = code;
    },
};
function runAsStep(body, proc = realProcess) {
    const runner = createRunner(proc.env, (text) => proc.stdout.write(text));
    let settled = false;
    proc.on('beforeExit', () => {
        if (settled)
            return;
        settled = true;
        runner.error('[INCOMPLETE] Keyless stopped before finishing its work (a connection was left hanging) — re-run the job; if it repeats, report it with this log');
        proc.exitCode = 1;
    });
    return body(runner).then(() => {
        settled = true;
    }, (error) => {
        settled = true;
        runner.error((0,errors/* renderError */.vr)(error));
        proc.exitCode = 1;
    });
}

;// CONCATENATED MODULE: ./src/main.ts



/** The main step. dist/main.js calls it when node starts that file; a debugger (local-action) imports and calls it. */
function main_run() {
    return runAsStep((runner) => run({ runner, createHttp: (timeoutMs) => createHttpClient({ timeoutMs }), now: Date.now }));
}

module.exports = __webpack_exports__;
/******/ })()
;