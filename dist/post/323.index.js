"use strict";
exports.id = 323;
exports.ids = [323];
exports.modules = {

/***/ 7663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ fingerprint)
/* harmony export */ });
/**
 * First 16 hex of a token's SHA-256: lets an operator match the audit record to the issuer's logs
 * without the record holding anything usable. node:crypto loads here, not at start-up.
 */
async function fingerprint(token) {
    const { createHash } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7598, 23));
    return createHash('sha256').update(token).digest('hex').slice(0, 16);
}


/***/ }),

/***/ 3897:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   No: () => (/* binding */ credentialValue),
/* harmony export */   Pe: () => (/* binding */ expiresAfter)
/* harmony export */ });
/* unused harmony exports TOKEN, JWT, BASE64 */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

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

/***/ 530:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X_: () => (/* binding */ callJson),
/* harmony export */   jD: () => (/* binding */ sendJson),
/* harmony export */   tQ: () => (/* binding */ jsonAnswer)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _http_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2868);
/* harmony import */ var _oauth_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8350);



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
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D1: () => (/* binding */ claimsForHumans),
/* harmony export */   YM: () => (/* binding */ oauthError)
/* harmony export */ });
/* unused harmony export issuerOf */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _http_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2868);


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

/***/ 6000:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ variableClaims)
/* harmony export */ });
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


/***/ }),

/***/ 1323:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  revoke: () => (/* binding */ revoke),
  vault: () => (/* binding */ vault)
});

// EXTERNAL MODULE: ./src/audit/fingerprint.ts
var fingerprint = __webpack_require__(7663);
// EXTERNAL MODULE: ./src/http/json.ts
var json = __webpack_require__(2868);
// EXTERNAL MODULE: ./src/runner/mask.ts
var mask = __webpack_require__(7084);
// EXTERNAL MODULE: ./src/providers/json-endpoint.ts
var json_endpoint = __webpack_require__(530);
// EXTERNAL MODULE: ./src/providers/credential-value.ts
var credential_value = __webpack_require__(3897);
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
function env_names_envNameRefusal(name) {
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
const env_names_ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
/**
 * Why an entry may not export `name`: not a variable name, or refused above (itself, or the NAME_FILE that
 * `export: file` adds). Undefined when it may.
 */
function envNameProblem(name) {
    if (!env_names_ENV_NAME.test(name))
        return 'it is not a variable name (letters, digits and _, not starting with a digit)';
    return env_names_envNameRefusal(name) ?? env_names_envNameRefusal(`${name}_FILE`);
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
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
    if (!mask/* SecretSet */.rE.unmaskable(text))
        ctx.mask(text);
    // A later step reads one field of that JSON (jq .password) and prints it: each string in it is a secret of its own.
    for (const leaf of typeof raw === 'string' ? [] : leafStrings(raw))
        if (!mask/* SecretSet */.rE.unmaskable(leaf))
            ctx.mask(leaf);
    const encoding = request.encoding ?? ctx.encoding;
    const value = typeof raw === 'string' && encoding !== undefined ? decode(text, encoding) : text;
    if (value === undefined)
        throw fail(`is not ${encoding ?? ''} text that decodes to UTF-8`, 'check secret-encoding-type (or the request\'s encoding) against how the value is stored');
    if (value.includes('\0'))
        throw fail('holds a NUL character, which no variable or output can', 'store it encoded (base64) and decode it in the step that uses it');
    if (mask/* SecretSet */.rE.unmaskable(value)) {
        throw fail(`is shorter than ${mask/* MIN_SECRET_LENGTH */.vb} characters, or has a line that short, so it cannot be masked in the log`, `store a value of ${mask/* MIN_SECRET_LENGTH */.vb} or more characters per line (a PEM key whose last line is short: store it base64-encoded on one line and decode it where it is used); a value that is not secret belongs in a repository variable`);
    }
    ctx.mask(value);
    return value;
}
function leafStrings(value) {
    if (typeof value === 'string')
        return [value];
    return typeof value === 'object' && value !== null ? Object.values(value).flatMap(leafStrings) : [];
}
function decode(text, encoding) {
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

// EXTERNAL MODULE: ./src/http/url.ts
var url = __webpack_require__(6697);
;// CONCATENATED MODULE: ./src/config/duration.ts
const UNIT_SECONDS = { s: 1, m: 60, h: 3600 };
/**
 * Seconds in a duration written `900`, `90s`, `15m`, `1h` or `1h30m`; undefined for anything else,
 * so "abc" is an error the caller reports, never a silent default.
 */
function duration_parseDuration(value) {
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

;// CONCATENATED MODULE: ./src/config/problems.ts

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
        throw new KeylessError('INPUT_INVALID', listed.join('; '), {
            hint: 'fix the input and re-run; see the README for every key and its form',
        });
    }
}
/** The closest known key, for "did you mean" on a typo. */
function problems_closest(word, candidates) {
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
            return parseEndpoint(text, key);
        }
        catch (error) {
            if (!(error instanceof KeylessError))
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/http/headers.ts
var http_headers = __webpack_require__(9718);
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
        if (!http_headers/* HEADER_NAME */.EQ.test(name))
            fields.report('extra-headers', `header ${i + 1} has no name of letters, digits and !#$%&'*+.^_\`|~- (write "Name: value")`);
        else if (Object.hasOwn(RESERVED, lower))
            fields.report('extra-headers', `may not set ${name}: ${RESERVED[lower] ?? ''}`);
        else if (typeof text !== 'string' || !http_headers/* HEADER_VALUE */.cw.test(text))
            fields.report('extra-headers', `${name} must have a value of printable ASCII on one line`);
        // vault-action joins a repeated header's values, as HTTP allows.
        else
            headers[lower] = headers[lower] === undefined ? text : `${headers[lower]}, ${text}`;
    }
    if (Object.keys(headers).length > MAX_HEADERS)
        fields.report('extra-headers', `has more than ${MAX_HEADERS} headers`);
    return headers;
}

// EXTERNAL MODULE: ./src/providers/variable-claims.ts
var variable_claims = __webpack_require__(6000);
;// CONCATENATED MODULE: ./src/providers/vault.ts









// HashiCorp Vault / OpenBao JWT auth: POST /v1/auth/<path>/login {jwt, role}, then the entry's secrets read
// with that token (vault-action's main job). The token is revoked at job end with auth/token/revoke-self,
// which no peer action does; Vault revokes the leases of dynamic secrets read with it at the same time.
const OUTPUTS = { public: ['expires-at'], secret: ['token'], named: '<NAME>' };
function read(fields) {
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
async function exchange(config, ctx) {
    for (const line of (0,mask/* maskableLines */.Wi)(config.transport.tls?.key ?? ''))
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
        await revoke(login.handle, { http: ctx.http }).catch(() => undefined);
        throw error;
    }
}
async function revoke(handle, ctx) {
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
function exclusive(config, places) {
    const token = config.exportToken ? [...places].flatMap((place) => (0,variable_claims/* variableClaims */.Q)(place === 'env' ? ['VAULT_TOKEN', 'VAULT_ADDR'] : ['VAULT_TOKEN'], new Set([place]), 'set export-token: false on all but one')) : [];
    const named = config.secrets.filter((request) => request.pick.kind !== 'all');
    return [...token, ...named.flatMap((request) => (0,variable_claims/* variableClaims */.Q)([request.name], places, 'give the secret another name in one of them'))];
}
const vault = {
    name: 'vault',
    outputs: OUTPUTS,
    read,
    defaultAudience: (config) => config.url.origin,
    exchange,
    revoke,
    exclusive,
};


/***/ })

};
;