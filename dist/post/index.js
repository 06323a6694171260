/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FM: () => (/* binding */ KeylessError),
/* harmony export */   vr: () => (/* binding */ renderError)
/* harmony export */ });
/* unused harmony exports ERROR_CODES, about */
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

/***/ 9718:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EQ: () => (/* binding */ HEADER_NAME),
/* harmony export */   LX: () => (/* binding */ PEM_TEXT),
/* harmony export */   cw: () => (/* binding */ HEADER_VALUE)
/* harmony export */ });
// What a header a user or step state supplies may look like: a token for the name (RFC 9110 §5.1) and
// visible ASCII or spaces for the value, so neither can end the header or start another.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
const HEADER_VALUE = /^[\x20-\x7e]{0,8192}$/;
/** PEM text as it is stored in step state: armoured blocks, bounded, no control character but line breaks. */
const PEM_TEXT = /^-----BEGIN [A-Z0-9 ]{1,40}-----[A-Za-z0-9+/=:,\- \r\n]{1,65536}-----END [A-Z0-9 ]{1,40}-----\s*$/;


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

/***/ 6186:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   kb: () => (/* binding */ toPosixPath),
/* harmony export */   nx: () => (/* binding */ inside)
/* harmony export */ });
/* unused harmony export repoPath */
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

/***/ 7084:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Wi: () => (/* binding */ maskableLines),
/* harmony export */   rE: () => (/* binding */ SecretSet),
/* harmony export */   vb: () => (/* binding */ MIN_SECRET_LENGTH)
/* harmony export */ });
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


/***/ }),

/***/ 8871:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F7: () => (/* binding */ ownedRoots),
/* harmony export */   SP: () => (/* binding */ exactOwnedPath),
/* harmony export */   bD: () => (/* binding */ ownedPath)
/* harmony export */ });
/* unused harmony export isOwned */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _os_paths_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6186);



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
/**
 * `file`, absolute, when it lies in one of the folders main creates and nothing on the way below the root,
 * itself included, is a link: the exact place main recorded, not one a later step redirected to another
 * folder of Keyless's or its own. For a path handed to a tool that follows links (az), or given a token.
 * The root itself may be a link (RUNNER_TEMP under /var on macOS): the runner chose it, no step.
 */
function exactOwnedPath(file, roots) {
    const { temp, workspace } = typeof roots === 'string' ? { temp: roots, workspace: undefined } : roots;
    const absolute = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(file);
    const places = [[temp, 'keyless-'], [workspace, '.keyless-']];
    for (const [root, prefix] of places) {
        if (root === undefined)
            continue;
        for (const base of rootForms(root)) {
            const rel = (0,_os_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .inside */ .nx)(base, absolute);
            if (rel === undefined || !(rel.split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep))[0] ?? '').startsWith(prefix))
                continue;
            return linkFree(base, rel) ? absolute : undefined;
        }
    }
    return undefined;
}
/** A root as named, and as it really lies: a path may be given in either form. */
function rootForms(root) {
    try {
        return [(0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root), (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(root)];
    }
    catch {
        return [(0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root)];
    }
}
function linkFree(base, rel) {
    let at = base;
    for (const part of rel.split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep))) {
        at = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(at, part);
        const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(at, { throwIfNoEntry: false });
        if (stats === undefined || stats.isSymbolicLink())
            return false;
    }
    return true;
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

/***/ 2613:
/***/ ((module) => {

module.exports = require("assert");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = require("events");

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

/***/ 3193:
/***/ ((module) => {

module.exports = require("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = require("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = require("util");

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
/******/ 			__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
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
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/os/fs-retry.ts
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

;// CONCATENATED MODULE: ./src/audit/record.ts





/** The GitHub OIDC claims that say who ran: read from the token, not the environment it could not vouch for. */
const IDENTITY_CLAIMS = (/* unused pure expression or super */ null && ([
    'iss', 'sub', 'repository', 'repository_id', 'repository_owner', 'ref', 'sha', 'workflow', 'job_workflow_ref',
    'event_name', 'environment', 'run_id', 'run_attempt', 'actor', 'runner_environment',
]));
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
    return join(env.RUNNER_TEMP || tmpdir(), `${prefix}-${run ?? 'local'}-${randomBytes(6).toString('hex')}.json`);
}
/** Writes a new audit file; returns the SHA-256 of what it wrote, for the post step to know the file is still main's. */
function writeAudit(path, record, redact) {
    const text = auditText(record, redact);
    writeFileSync(path, text, { mode: 0o600, flag: 'wx' });
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
        (0,external_node_fs_.writeFileSync)(temp, auditText(record, redact), { mode: 0o600, flag: 'wx' });
        retryBusy(() => (0,external_node_fs_.renameSync)(temp, path));
    }
    finally {
        retryBusy(() => (0,external_node_fs_.rmSync)(temp, { force: true }));
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

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/os/paths.ts
var os_paths = __nccwpck_require__(6186);
// EXTERNAL MODULE: ./src/os/regular-file.ts
var regular_file = __nccwpck_require__(7837);
;// CONCATENATED MODULE: ./src/providers/revokers.ts
/**
 * Each provider's revocation, by the name post reads from step state. The post step loads a provider's
 * module only when the job minted one of its credentials: importing the catalog would load every
 * provider's keys and exchange code (about 150 KB) to revoke, usually, one token. Each value is the very
 * function the provider declares as `revoke` (test/unit/providers/revokers.test.ts); a provider with none
 * is absent.
 */
const revokers = {
    crates: async () => (await __nccwpck_require__.e(/* import() */ 476).then(__nccwpck_require__.bind(__nccwpck_require__, 476))).revoke,
    gcp: async () => (await __nccwpck_require__.e(/* import() */ 660).then(__nccwpck_require__.bind(__nccwpck_require__, 6660))).revokeOAuthToken,
    github: async () => (await __nccwpck_require__.e(/* import() */ 183).then(__nccwpck_require__.bind(__nccwpck_require__, 5183))).revoke,
    jfrog: async () => (await __nccwpck_require__.e(/* import() */ 928).then(__nccwpck_require__.bind(__nccwpck_require__, 8928))).revoke,
    rfc8693: async () => (await __nccwpck_require__.e(/* import() */ 660).then(__nccwpck_require__.bind(__nccwpck_require__, 6660))).revokeOAuthToken,
    vault: async () => (await __nccwpck_require__.e(/* import() */ 323).then(__nccwpck_require__.bind(__nccwpck_require__, 1323))).revoke,
};

// EXTERNAL MODULE: ./src/runner/mask.ts
var mask = __nccwpck_require__(7084);
// EXTERNAL MODULE: ./src/runner/owned-path.ts
var owned_path = __nccwpck_require__(8871);
// EXTERNAL MODULE: ./src/http/headers.ts
var headers = __nccwpck_require__(9718);
// EXTERNAL MODULE: ./src/http/json.ts
var json = __nccwpck_require__(2868);
// EXTERNAL MODULE: ./src/http/url.ts
var http_url = __nccwpck_require__(6697);
;// CONCATENATED MODULE: ./src/runner/state.ts





const PREFIX = 'keyless_';
const KEY = `${PREFIX}key`;
/**
 * Appends each item to GITHUB_STATE the moment it exists, so a main step that dies half way still leaves
 * the post step a complete list of what to revoke and delete. Constructing it saves the signing key, so
 * it must come before anything main could leave behind.
 */
class CleanupLog {
    runner;
    #next = 0;
    #key = randomBytes(32);
    constructor(runner) {
        this.runner = runner;
        runner.saveState(KEY, this.#key.toString('hex'));
    }
    record(item) {
        const name = `${PREFIX}${String(this.#next++).padStart(3, '0')}`;
        const json = JSON.stringify(item);
        this.runner.saveState(name, `${sign(this.#key, name, json)}.${json}`);
    }
}
function sign(key, name, json) {
    return (0,external_node_crypto_.createHmac)('sha256', key).update(`${name}\n${json}`).digest('hex');
}
/** The items main saved, in the order it saved them; anything main did not sign, or that makes no sense, is ignored. */
function readCleanupItems(env) {
    const names = Object.keys(env).filter((name) => name.startsWith(`STATE_${PREFIX}`) && name !== `STATE_${KEY}`);
    const keyHex = env[`STATE_${KEY}`] ?? '';
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
    if (dot !== 64 || mac.length !== expected.length || !(0,external_node_crypto_.timingSafeEqual)(mac, expected))
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
const NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;
function absolutePath(path) {
    return typeof path === 'string' && (0,external_node_path_.isAbsolute)(path) && !path.includes('\0');
}
function isDigest(value) {
    return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}
function parseItem(raw) {
    if (!(0,json/* isObject */.Gv)(raw))
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
            const expiresAt = optional('expiresAt', ISO);
            if (typeof raw.provider !== 'string' || !NAME.test(raw.provider) || typeof raw.id !== 'string' || !NAME.test(raw.id) || !expiresAt)
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
    if ((raw.tool !== 'az' && raw.tool !== 'azps') || typeof raw.id !== 'string' || !NAME.test(raw.id))
        return undefined;
    if (raw.path === undefined)
        return raw.tool === 'azps' ? { kind: 'session', tool: raw.tool, id: raw.id } : undefined;
    return absolutePath(raw.path) ? { kind: 'session', tool: raw.tool, id: raw.id, path: raw.path } : undefined;
}
/** A revocation handle as every provider's revoke() expects it: an https (or loopback) URL without userinfo, and token-shaped secrets. */
function parseHandle(raw) {
    if (!(0,json/* isObject */.Gv)(raw) || typeof raw.endpoint !== 'string' || typeof raw.token !== 'string' || !SECRET.test(raw.token))
        return undefined;
    let url;
    try {
        url = new URL(raw.endpoint);
    }
    catch {
        return undefined;
    }
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && (0,http_url/* isLoopback */.U9)(url));
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
        if (!(0,json/* isObject */.Gv)(raw.tls))
            return undefined;
        const tls = {};
        for (const [key, value] of Object.entries(raw.tls)) {
            if ((key !== 'ca' && key !== 'cert' && key !== 'key') || typeof value !== 'string' || !headers/* PEM_TEXT */.LX.test(value))
                return undefined;
            tls[key] = value;
        }
        handle.tls = tls;
    }
    if (raw.headers !== undefined) {
        if (!(0,json/* isObject */.Gv)(raw.headers))
            return undefined;
        const entries = Object.entries(raw.headers);
        if (entries.length > 32 || entries.some(([name, value]) => !headers/* HEADER_NAME */.EQ.test(name) || typeof value !== 'string' || !headers/* HEADER_VALUE */.cw.test(value)))
            return undefined;
        handle.headers = Object.fromEntries(entries);
    }
    return handle;
}

;// CONCATENATED MODULE: ./src/cleanup.ts













/**
 * The post step: revoke what main recorded, delete what it wrote, report. Works from state alone, so it
 * cleans up after a main step that crashed half way. Throws only under strict-cleanup.
 */
async function cleanup(deps) {
    const { runner } = deps;
    const { items, ignored } = readCleanupItems(runner.env);
    if (ignored > 0) {
        runner.warning(`ignored ${ignored} STATE_keyless_* entr${ignored === 1 ? 'y' : 'ies'} that this action's main step did not write — an earlier step exported them through GITHUB_ENV; check the job's earlier steps`);
    }
    const { records, deleted, gone } = await undo(items, deps);
    report(runner, records, deleted, gone);
    updateAudit(items, records, runner.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), runner);
    const strict = items.some((item) => item.kind === 'settings' && item.strictCleanup);
    const failures = records.filter((r) => r.status === 'failed');
    if (strict && failures.length > 0) {
        throw new errors/* KeylessError */.FM('REVOKE_FAILED', `${failures.length} credential(s) or file(s) could not be cleaned up`, {
            hint: 'see the warnings above; strict-cleanup makes this fail the job',
        });
    }
}
/**
 * Revokes, signs out of and deletes what the items name, and says what became of each: the post step's
 * work on main's items, and `keyless exec`'s on its own when the command has exited.
 */
async function undo(items, { runner, http, abandon }) {
    // Only the secrets: the endpoint stays readable so a failed revocation can say where it went.
    for (const item of items)
        if (item.kind === 'revoke')
            for (const secret of [item.handle.token, item.handle.refresh])
                if (secret)
                    runner.mask(secret);
    for (const item of items)
        if (item.kind === 'revoke')
            for (const line of (0,mask/* maskableLines */.Wi)(item.handle.tls?.key ?? ''))
                runner.mask(line);
    const roots = (0,owned_path/* ownedRoots */.F7)(runner.env, runner.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)());
    // Files first: nothing reads them any more, and a revocation server that hangs must not keep them on disk
    // until the step is killed. A session's folder stays until its sign-out, which needs it.
    const sessionDirs = items.flatMap((item) => (item.kind === 'session' && item.path !== undefined ? [item.path] : []));
    const forSession = (item) => item.kind === 'path' && sessionDirs.some((dir) => within(dir, item.path) || within(item.path, dir));
    const failedPaths = [];
    const removed = [];
    // Looked at before anything is deleted: a file moved out of a recorded folder must not pass for one that went with it.
    const gone = items.flatMap((item) => {
        if (item.kind !== 'path' || forSession(item))
            return [];
        const path = (0,owned_path/* ownedPath */.bD)(item.path, roots);
        return path !== undefined && !isPresent(path) ? [(0,os_paths/* toPosixPath */.kb)(item.path)] : [];
    });
    const paths = { failed: failedPaths, removed };
    deletePaths(items.filter((item) => !forSession(item)), paths, roots);
    const records = (await Promise.all(items.map((item) => revokeOne(item, http)))).filter((r) => r !== undefined);
    // The code loads only when there is a session.
    if (items.some((item) => item.kind === 'session'))
        records.push(...(await (await __nccwpck_require__.e(/* import() */ 226).then(__nccwpck_require__.bind(__nccwpck_require__, 7226))).endAzureSessions(items, runner, abandon)));
    deletePaths(items.filter(forSession), paths, roots);
    return { records: [...records, ...failedPaths], deleted: removed.length, gone };
}
/** Whether `path` is `dir` or inside it. */
function within(path, dir) {
    const rel = (0,external_node_path_.relative)(dir, path);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${external_node_path_.sep}`) && !(0,external_node_path_.isAbsolute)(rel));
}
/**
 * Deletes every file and folder main recorded inside its own folders; a failure becomes a record, not an
 * exception. A record names the path with `/`, as every report of Keyless's does.
 */
function deletePaths(items, out, roots) {
    for (const item of items) {
        if (item.kind !== 'path')
            continue;
        const path = (0,owned_path/* ownedPath */.bD)(item.path, roots);
        const id = (0,os_paths/* toPosixPath */.kb)(item.path);
        if (path === undefined) {
            if (isPresent(item.path))
                out.failed.push({ id, provider: 'file', status: 'failed', detail: 'not deleted: it is not inside a keyless-* folder under RUNNER_TEMP or a .keyless-* folder in the workspace' });
            continue;
        }
        if (!isPresent(path))
            continue;
        try {
            // On Windows a scanner may hold a file Keyless wrote for a moment; rmSync retries then.
            (0,external_node_fs_.rmSync)(path, removeOptions());
            out.removed.push(path);
        }
        catch (error) {
            out.failed.push({ id, provider: 'file', status: 'failed', detail: (0,errors/* renderError */.vr)(error) });
        }
    }
}
function isPresent(path) {
    try {
        (0,external_node_fs_.lstatSync)(path);
        return true;
    }
    catch {
        return false;
    }
}
function report(runner, records, deleted, gone) {
    reportLines(runner, records, deleted, gone);
    if (records.length > 0 || deleted > 0 || gone.length > 0)
        runner.appendSummary(cleanupSummary(records, deleted, (text) => runner.redact(text), gone.length));
}
/** The log lines of a cleanup: a warning for each failure, a line for each credential, the count of what was deleted. */
function reportLines(runner, records, deleted, gone) {
    for (const r of records) {
        const expiry = r.expiresAt ? ` (expires ${r.expiresAt})` : '';
        if (r.status === 'failed')
            runner.warning(`${r.provider} "${r.id}": ${r.detail ?? 'cleanup failed'}${expiry}`);
        else
            runner.info(`${r.status === 'revoked' ? '✓ revoked' : '· not revocable'} ${r.provider} "${r.id}"${r.detail ? `: ${r.detail}` : ''}${expiry}`);
    }
    for (const path of gone)
        runner.info(`· already gone: ${path} (moved or deleted after Keyless wrote it; a copy moved elsewhere is not deleted)`);
    runner.info(`Deleted ${deleted} file(s) and folder(s) Keyless wrote.`);
}
async function revokeOne(item, http) {
    if (item.kind !== 'revoke' && item.kind !== 'revoke-none')
        return undefined;
    const base = { id: item.id, provider: item.provider, ...(item.expiresAt ? { expiresAt: item.expiresAt } : {}) };
    const load = Object.hasOwn(revokers, item.provider) ? revokers[item.provider] : undefined;
    if (item.kind === 'revoke-none' || load === undefined) {
        const reason = item.kind === 'revoke-none' ? item.reason : undefined;
        return { ...base, status: 'not-revocable', detail: reason ?? 'the issuer offers no revocation; it expires on its own' };
    }
    let result;
    try {
        result = await (await load())(item.handle, { http });
    }
    catch (error) {
        result = { status: 'failed', detail: (0,errors/* renderError */.vr)(error) };
    }
    return { ...base, ...result };
}
/**
 * Adds the cleanup to main's audit record, when the file still holds the bytes main wrote. A later step
 * can rewrite a file in RUNNER_TEMP; post adding to such a file would vouch for what that step wrote.
 */
function updateAudit(items, records, temp, runner) {
    const audit = items.find((item) => item.kind === 'audit');
    const path = audit === undefined ? undefined : (0,owned_path/* ownedPath */.bD)(audit.path, temp);
    if (audit === undefined || path === undefined || !(0,external_node_path_.basename)(path).startsWith('keyless-audit-'))
        return;
    let bytes;
    try {
        bytes = (0,regular_file/* readRegularFile */.X)(path, { maxBytes: MAX_AUDIT_BYTES, noFollow: true, hint: '', unreadableHint: '' });
    }
    catch {
        bytes = undefined;
    }
    // A link, FIFO, folder or missing file is no more main's record than an edited one.
    if (bytes === undefined || auditDigest(bytes) !== audit.sha256) {
        runner.warning(`the audit record ${path} is not the file the main step wrote (a later step changed, replaced or deleted it): the cleanup was not added to it; the job summary holds it`);
        return;
    }
    try {
        rewriteAudit(path, { ...JSON.parse(bytes.toString('utf8')), cleanup: records }, (text) => runner.redact(text));
    }
    catch {
        // As above: the job summary holds the cleanup.
    }
}
/** Far above any record main writes: a file swapped for a huge one must not exhaust the memory of post. */
const MAX_AUDIT_BYTES = 64 * 1024 * 1024;

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
;// CONCATENATED MODULE: external "node:stream/promises"
const promises_namespaceObject = require("node:stream/promises");
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
    const fd = retryBusy(() => (0,external_node_fs_.openSync)(file, 'a'));
    try {
        (0,external_node_fs_.writeFileSync)(fd, text);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function createRunner(env, write) {
    const secrets = new mask/* SecretSet */.rE();
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
        const props = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, typeof value !== 'string' ? value : line(key === 'file' ? (0,os_paths/* toPosixPath */.kb)(value) : value)]));
        write(command(name, line(message), props));
    };
    return {
        env,
        mask(secret) {
            if (mask/* SecretSet */.rE.unmaskable(secret)) {
                throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `a secret value of ${secret.length} character(s) (or with a line that short) cannot be masked in the log, so it is refused`, {
                    hint: `the service answered with a credential shorter than ${mask/* MIN_SECRET_LENGTH */.vb} characters; report it to its operator`,
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

;// CONCATENATED MODULE: ./src/post.ts



/** The post step. dist/post.js calls it when node starts that file; a debugger (local-action) imports and calls it. */
function run() {
    return runAsStep((runner) => cleanup({ runner, http: createHttpClient({ timeoutMs: 10_000, maxAttempts: 3 }) }));
}

module.exports = __webpack_exports__;
/******/ })()
;