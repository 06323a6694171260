"use strict";
exports.id = 184;
exports.ids = [184];
exports.modules = {

/***/ 5459:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration)
/* harmony export */ });
/* unused harmony export formatDuration */
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


/***/ }),

/***/ 1572:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G1: () => (/* binding */ ENV_NAME),
/* harmony export */   Oi: () => (/* binding */ serverNameProblem),
/* harmony export */   bV: () => (/* binding */ envNameRefusal),
/* harmony export */   qd: () => (/* binding */ envNameProblem)
/* harmony export */ });
/* unused harmony export ENV_NAME_RULES */
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


/***/ }),

/***/ 81:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U3: () => (/* binding */ FieldReader),
/* harmony export */   q0: () => (/* binding */ describe),
/* harmony export */   zC: () => (/* binding */ looksLikeKey)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _http_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6697);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5459);
/* harmony import */ var _env_names_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1572);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4968);





/**
 * Reads the keys of one YAML mapping, each with its expected form, reporting every bad or missing value
 * to `problems`. A key nobody read is unknown: `finish()` reports it, with the nearest known key.
 */
class FieldReader {
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
        return new FieldReader(raw, `${this.at}.${key}[${index}]`, [...this.path, key, index], this.yaml, this.problems);
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
        const given = this.string(key, { pattern: _env_names_js__WEBPACK_IMPORTED_MODULE_3__/* .ENV_NAME */ .G1, expected: 'an environment variable name of [A-Za-z0-9_]' });
        if (given === undefined && this.has(key))
            return undefined;
        const name = given ?? fallback;
        // `export: file` adds NAME_FILE, so that form is checked too.
        const reason = (0,_env_names_js__WEBPACK_IMPORTED_MODULE_3__/* .envNameRefusal */ .bV)(name) ?? (0,_env_names_js__WEBPACK_IMPORTED_MODULE_3__/* .envNameRefusal */ .bV)(`${name}_FILE`);
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
            return (0,_http_url_js__WEBPACK_IMPORTED_MODULE_1__/* .parseEndpoint */ .Bk)(text, key);
        }
        catch (error) {
            if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM))
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
        const seconds = (0,_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDuration */ .E)(text);
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
            const guess = (0,_problems_js__WEBPACK_IMPORTED_MODULE_4__/* .closest */ .k)(key, [...this.#known]);
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


/***/ }),

/***/ 4968:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ Problems),
/* harmony export */   k: () => (/* binding */ closest)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** Collects every problem in the configuration so the user fixes them in one round, not one per run. */
class Problems {
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
        return file === undefined ? this : new Problems(this.items, `${file}: `);
    }
    throwIfAny() {
        if (this.items.length === 0)
            return;
        const listed = this.items.map((p) => `${p.at}${p.line === undefined ? '' : ` (line ${p.line})`}: ${p.message}`);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('INPUT_INVALID', listed.join('; '), {
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


/***/ }),

/***/ 70:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dq: () => (/* binding */ subjectTokenFromFlags),
/* harmony export */   GI: () => (/* binding */ refuseSubjectToken),
/* harmony export */   kB: () => (/* binding */ readSubjectToken)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _oidc_spiffe_endpoint_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(126);
/* harmony import */ var _oidc_subject_token_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2438);
/* harmony import */ var _env_names_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1572);
/* harmony import */ var _fields_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(81);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4968);







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
    const kind = fields.oneOf('subject-token-source', _oidc_subject_token_js__WEBPACK_IMPORTED_MODULE_3__/* .SOURCE_KINDS */ .s1, 'runner');
    const path = fields.string('subject-token-file', { required: kind === 'file', expected: 'the path of a file holding one JWT (a projected service-account token)' });
    const name = fields.string('subject-token-env', { required: kind === 'env', pattern: _env_names_js__WEBPACK_IMPORTED_MODULE_4__/* .ENV_NAME */ .G1, expected: 'the name of a variable holding a JWT ([A-Za-z_][A-Za-z0-9_]*)' });
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
            (0,_oidc_spiffe_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .parseWorkloadEndpoint */ .y)(socket, 'is');
        }
        catch (error) {
            if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .KeylessError */ .FM))
                throw error;
            fields.report('spiffe-socket', 'is not unix:///PATH (or unix:/PATH) or tcp://IP:PORT');
            valid = false;
        }
    }
    if (!valid)
        return undefined;
    switch (kind) {
        case 'runner': return _oidc_subject_token_js__WEBPACK_IMPORTED_MODULE_3__/* .RUNNER_SOURCE */ .jt;
        case 'file': return path === undefined ? undefined : { kind, path: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(workspace, path) };
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
    const problems = new _problems_js__WEBPACK_IMPORTED_MODULE_6__/* .Problems */ .Z();
    const given = Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
    const source = readSubjectToken(new _fields_js__WEBPACK_IMPORTED_MODULE_5__/* .FieldReader */ .U3(given, 'flags', [], undefined, problems), cwd);
    if (source === undefined || problems.items.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .KeylessError */ .FM('USAGE', problems.items.map(({ at, message }) => `--${at.replace(/^flags\./, '')} ${message}`).join('; '));
    }
    return source;
}


/***/ }),

/***/ 6500:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EW: () => (/* binding */ acceptJwt),
/* harmony export */   HI: () => (/* binding */ MAX_JWT_BYTES)
/* harmony export */ });
/* unused harmony export JWS_COMPACT */
/* harmony import */ var jose_jwt_decode__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7961);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);


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
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ endpointText),
/* harmony export */   y: () => (/* binding */ parseWorkloadEndpoint)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4649);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


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

/***/ 2438:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  jt: () => (/* binding */ RUNNER_SOURCE),
  s1: () => (/* binding */ SOURCE_KINDS),
  B6: () => (/* binding */ describeSource),
  GR: () => (/* binding */ fetchSubjectToken),
  Zt: () => (/* binding */ sourceKey)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/os/regular-file.ts
var regular_file = __webpack_require__(7837);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/decode_jwt.js
var decode_jwt = __webpack_require__(7961);
// EXTERNAL MODULE: ./src/http/json.ts
var json = __webpack_require__(2868);
// EXTERNAL MODULE: ./src/http/url.ts
var http_url = __webpack_require__(6697);
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
var jwt_value = __webpack_require__(6500);
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
            const { fetchJwtSvid } = await __webpack_require__.e(/* import() */ 38).then(__webpack_require__.bind(__webpack_require__, 6038));
            const socketFrom = source.socket === undefined ? 'SPIFFE_ENDPOINT_SOCKET' : 'spiffe-socket';
            return fetchJwtSvid({ socket: source.socket ?? deps.runner.env.SPIFFE_ENDPOINT_SOCKET, socketFrom, audience, ...(source.spiffeId === undefined ? {} : { spiffeId: source.spiffeId }), mask, now: deps.now });
        }
    }
}


/***/ }),

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

/***/ 8272:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I7: () => (/* binding */ realFolderProblem),
/* harmony export */   Kf: () => (/* binding */ soleRegularFile),
/* harmony export */   VA: () => (/* binding */ privateFileProblem)
/* harmony export */ });
/* unused harmony export ownedByMe */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


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
    const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(file, { throwIfNoEntry: false });
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
    const folder = realFolderProblem((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file));
    if (folder !== undefined)
        return `its folder: ${folder}`;
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file));
    if (posix && (dir.mode & 0o777) !== 0o700)
        return `its folder's mode is ${modeOf(dir)}, not 0700`;
    return undefined;
}
function modeOf(stats) {
    return `0${(stats.mode & 0o777).toString(8).padStart(3, '0')}`;
}


/***/ }),

/***/ 8871:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F7: () => (/* binding */ ownedRoots),
/* harmony export */   SP: () => (/* binding */ exactOwnedPath),
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

/***/ 7961:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ decodeJwt)
/* harmony export */ });
/* harmony import */ var _base64url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1445);
/* harmony import */ var _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7410);
/* harmony import */ var _lib_validate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7784);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5674);




function decodeJwt(jwt) {
  if (typeof jwt != "string")
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("JWTs must use Compact JWS serialization, JWT must be a string");
  const { 1: encodedPayload, length } = jwt.split(".");
  if (length === 5)
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Only JWTs using Compact JWS serialization can be decoded");
  if (length !== 3)
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Invalid JWT");
  if (!encodedPayload)
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("JWTs must contain a payload");
  let claimsSetBytes;
  try {
    claimsSetBytes = (0,_base64url_js__WEBPACK_IMPORTED_MODULE_1__/* .decode */ .D)(encodedPayload);
  } catch (cause) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Failed to base64url decode the payload", { cause });
  }
  let claimsSet;
  try {
    claimsSet = JSON.parse(_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_2__/* .strictDecoder */ .u8.decode(claimsSetBytes));
  } catch (cause) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Failed to parse the decoded payload as JSON", { cause });
  }
  if (!(0,_lib_validate_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(claimsSet))
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Invalid JWT Claims Set");
  return claimsSet;
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
;