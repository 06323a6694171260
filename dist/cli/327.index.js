"use strict";
exports.id = 327;
exports.ids = [327];
exports.modules = {

/***/ 608:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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

/***/ 7084:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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

/***/ 5708:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createRunner: () => (/* binding */ createRunner)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/os/fs-retry.ts
var fs_retry = __webpack_require__(608);
// EXTERNAL MODULE: ./src/os/paths.ts
var paths = __webpack_require__(6186);
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

// EXTERNAL MODULE: ./src/runner/inert.ts
var inert = __webpack_require__(7474);
// EXTERNAL MODULE: ./src/runner/mask.ts
var mask = __webpack_require__(7084);
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
        const props = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, typeof value !== 'string' ? value : line(key === 'file' ? (0,paths/* toPosixPath */.kb)(value) : value)]));
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


/***/ })

};
;