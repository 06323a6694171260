"use strict";
exports.id = 183;
exports.ids = [183];
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

/***/ 5183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   github: () => (/* binding */ github),
/* harmony export */   revoke: () => (/* binding */ revoke)
/* harmony export */ });
/* harmony import */ var _audit_fingerprint_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7663);
/* harmony import */ var _http_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2868);
/* harmony import */ var _http_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6697);
/* harmony import */ var _credential_value_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3897);
/* harmony import */ var _json_endpoint_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(530);
/* harmony import */ var _variable_claims_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6000);






// A scoped GitHub installation token from an octo-sts–compatible Security Token Service, in place of a
// PAT; revoked at job end on this job's GitHub (GHES included: the peer hard-codes api.github.com).
/** The STS answers no expiry (installation tokens last an hour). */
const OUTPUTS = { public: [], secret: ['token'] };
function read(fields) {
    const sts = fields.url('sts-url') ?? new URL('https://octo-sts.dev');
    const scope = fields.string('scope', { required: true, pattern: /^[\w.-]+(\/[\w.-]+)?$/, expected: 'owner or owner/repo' });
    const identity = fields.string('identity', { required: true, pattern: /^[\w.-]+$/, expected: 'the trust policy name (.github/chainguard/<identity>.sts.yaml)' });
    const exportEnv = fields.envName('export-env', 'GH_TOKEN');
    if (scope === undefined || identity === undefined || exportEnv === undefined)
        return undefined;
    return { sts, scope, identity, exportEnv };
}
/** octo-sts answers with gRPC-gateway errors: `{"code": 7, "message": "trust policy: …"}`. */
const grpcError = (body) => ((0,_http_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(body) ? (0,_http_json_js__WEBPACK_IMPORTED_MODULE_0__/* .serverText */ .Tn)(body.message) : undefined);
async function exchange(config, ctx) {
    const url = new URL('/sts/exchange', config.sts);
    url.searchParams.set('scope', config.scope);
    url.searchParams.set('identity', config.identity);
    const { body, response } = await (0,_json_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .callJson */ .X_)({
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
    const token = (0,_credential_value_js__WEBPACK_IMPORTED_MODULE_2__/* .credentialValue */ .No)(body.token, 'a token', `the STS at ${url.origin}`);
    ctx.mask(token);
    const api = (0,_http_url_js__WEBPACK_IMPORTED_MODULE_1__/* .parseEndpoint */ .Bk)(ctx.env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL');
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
            fingerprint: await (0,_audit_fingerprint_js__WEBPACK_IMPORTED_MODULE_4__/* .fingerprint */ .R)(token),
        },
        revoke: { endpoint: api.href, token },
        handoff: { kind: 'bearer', provider: 'github', token },
    };
}
async function revoke(handle, ctx) {
    const base = new URL(handle.endpoint);
    const { token } = handle;
    await (0,_json_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .callJson */ .X_)({
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
    outputs: OUTPUTS,
    read,
    defaultAudience: (config) => config.sts.host,
    exchange,
    revoke,
    exclusive: (config, places) => (0,_variable_claims_js__WEBPACK_IMPORTED_MODULE_5__/* .variableClaims */ .Q)([config.exportEnv], places, 'give each entry its own export-env'),
};


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


/***/ })

};
;