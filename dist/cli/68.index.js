"use strict";
exports.id = 68;
exports.ids = [68];
exports.modules = {

/***/ 68:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ecrLogins: () => (/* binding */ ecrLogins)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _http_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2868);
/* harmony import */ var _http_url_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6697);
/* harmony import */ var _credential_value_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3897);




const PRIVATE_HOST = /^(\d{12})\.dkr\.ecr(-fips)?\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/;
const PUBLIC_HOST = 'public.ecr.aws';
// ECR's user is `AWS`; the docker config's `auth` is base64 of `user:password`, so the user holds no colon.
const USERNAME = { pattern: /^[\w.@-]{1,64}$/, expected: 'a user name of [A-Za-z0-9_.@-]' };
async function ecrLogins(config, keys, ctx) {
    const logins = await Promise.all(apisFor(config, keys, ctx.env).map((api) => call(api, keys, ctx)));
    return logins.flat();
}
/** One call per region: GetAuthorizationToken takes several registry ids, but one region. */
function apisFor(config, keys, env) {
    if (config.hosts.includes(PUBLIC_HOST)) {
        // ECR Public's API lives in us-east-1 only, whatever region the registry is used from.
        const url = config.endpoint ?? endpoint(env.AWS_ENDPOINT_URL_ECR_PUBLIC, 'AWS_ENDPOINT_URL_ECR_PUBLIC') ?? new URL('https://api.ecr-public.us-east-1.amazonaws.com/');
        return [{ url, service: 'ecr-public', region: 'us-east-1', target: 'SpencerFrontendService.GetAuthorizationToken', body: {}, hosts: new Map([['', PUBLIC_HOST]]) }];
    }
    const byRegion = new Map();
    for (const host of config.hosts) {
        const [, account = '', fips, region = keys.region, cn] = PRIVATE_HOST.exec(host) ?? [];
        const group = byRegion.get(region) ?? { fips: fips !== undefined, cn: cn !== undefined, hosts: new Map() };
        group.hosts.set(account, host);
        byRegion.set(region, group);
    }
    if (byRegion.size === 0)
        byRegion.set(keys.region, { fips: false, cn: keys.region.startsWith('cn-'), hosts: new Map() });
    return [...byRegion].map(([region, group]) => {
        const domain = group.cn ? 'amazonaws.com.cn' : 'amazonaws.com';
        const url = config.endpoint ?? endpoint(env.AWS_ENDPOINT_URL_ECR, 'AWS_ENDPOINT_URL_ECR') ?? new URL(`https://${group.fips ? 'ecr-fips' : 'api.ecr'}.${region}.${domain}/`);
        const ids = [...group.hosts.keys()];
        return { url, service: 'ecr', region, target: 'AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken', body: ids.length > 0 ? { registryIds: ids } : {}, hosts: group.hosts };
    });
}
function endpoint(value, what) {
    return value ? (0,_http_url_js__WEBPACK_IMPORTED_MODULE_2__/* .parseEndpoint */ .Bk)(value, what) : undefined;
}
async function call(api, keys, ctx) {
    const payload = JSON.stringify(api.body);
    const signable = { url: api.url, service: api.service, region: api.region, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': api.target }, body: payload };
    // Loaded as STS loads it, so the bundle holds one chunk with aws4 instead of a copy in each.
    const { sigv4Headers } = await __webpack_require__.e(/* import() */ 869).then(__webpack_require__.bind(__webpack_require__, 8869));
    const headers = { ...sigv4Headers(signable, keys), accept: 'application/json' };
    const response = await ctx.http.request({
        method: 'POST',
        url: api.url,
        what: 'Amazon ECR',
        headers,
        body: payload,
        retryOn: (r) => r.status === 400 && /Throttling/.test(awsError(r.body)?.type ?? ''),
    });
    const where = `Amazon ECR ${api.url.origin}${api.url.pathname}`;
    if (response.status !== 200)
        throw ecrError(response, where, api);
    const body = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .jsonBody */ .J9)(response, where);
    const raw = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(body) ? body.authorizationData : undefined;
    const items = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    const logins = items.map((item) => readAuthorization(item, api, where, ctx));
    if (logins.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('HTTP_BAD_RESPONSE', `${where} answered without authorizationData`);
    // Each token becomes a docker login for its host: one for a registry not asked for would send it there.
    const unasked = api.hosts.size > 0 ? logins.find((login) => !api.hosts.has(login.account)) : logins[1];
    if (unasked !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('HTTP_BAD_RESPONSE', `${where} answered a token for ${unasked.host}, which was not asked for (${[...api.hosts.values()].join(', ') || "the role's own registry"}); no login was written`, {
            hint: 'endpoint (or AWS_ENDPOINT_URL_ECR) must point at Amazon ECR',
        });
    }
    for (const account of api.hosts.keys()) {
        if (!logins.some((login) => login.account === account))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('HTTP_BAD_RESPONSE', `${where} returned no token for ${api.hosts.get(account) ?? account}`);
    }
    const signedAt = `${api.url.origin}${api.url.pathname}`;
    return logins.map((login) => ({ host: login.host, username: login.username, password: login.password, ...(login.expiresAt ? { expiresAt: login.expiresAt } : {}), endpoint: signedAt, attempts: response.attempts }));
}
function readAuthorization(item, api, where, ctx) {
    const encoded = (0,_credential_value_js__WEBPACK_IMPORTED_MODULE_3__/* .credentialValue */ .No)((0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(item) ? item.authorizationToken : undefined, 'an authorizationToken', where, _credential_value_js__WEBPACK_IMPORTED_MODULE_3__/* .BASE64 */ .EW);
    ctx.mask(encoded);
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('HTTP_BAD_RESPONSE', `${where} answered with an authorizationToken that is not base64 of user:password`);
    const username = (0,_credential_value_js__WEBPACK_IMPORTED_MODULE_3__/* .credentialValue */ .No)(decoded.slice(0, colon), 'an authorizationToken user', where, USERNAME);
    const password = (0,_credential_value_js__WEBPACK_IMPORTED_MODULE_3__/* .credentialValue */ .No)(decoded.slice(colon + 1), 'an authorizationToken password', where);
    ctx.mask(password);
    const proxyHost = proxyHostOf((0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(item) ? item.proxyEndpoint : undefined, where);
    const account = api.service === 'ecr-public' ? '' : (PRIVATE_HOST.exec(proxyHost)?.[1] ?? '');
    const expires = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(item) ? item.expiresAt : undefined;
    return {
        account,
        host: api.hosts.get(account) ?? proxyHost,
        username,
        password,
        ...(typeof expires === 'number' ? { expiresAt: new Date(expires * 1000).toISOString() } : {}),
    };
}
/** The registry host a token is for: it keys the docker config's `auths`, so only an ECR host is taken. */
function proxyHostOf(endpoint, where) {
    if (endpoint === undefined)
        return PUBLIC_HOST;
    const host = typeof endpoint === 'string' && URL.canParse(endpoint) ? new URL(endpoint).host : '';
    if (PRIVATE_HOST.test(host) || host === PUBLIC_HOST)
        return host;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('HTTP_BAD_RESPONSE', `${where} answered a proxyEndpoint that is not an ECR registry`, { hint: 'endpoint (or AWS_ENDPOINT_URL_ECR) must point at Amazon ECR' });
}
/** JSON 1.1 errors: `{"__type": "…#AccessDeniedException", "message": "…"}` (sometimes `Message`). */
function awsError(text) {
    const body = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseLoose */ .il)(text);
    if (!(0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(body) || typeof body.__type !== 'string')
        return undefined;
    const message = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .serverText */ .Tn)(body.message) ?? (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .serverText */ .Tn)(body.Message);
    return { type: body.__type.split('#').pop() ?? body.__type, ...(message ? { message } : {}) };
}
const DENIED = new Set(['AccessDeniedException', 'UnrecognizedClientException', 'ExpiredTokenException', 'InvalidSignatureException']);
function ecrError(response, where, api) {
    const error = awsError(response.body);
    const text = `${where} answered HTTP ${response.status}${error ? `: ${error.type}${error.message ? ` "${error.message}"` : ''}` : ''}`;
    if (error && DENIED.has(error.type)) {
        const hint = error.type === 'InvalidSignatureException'
            ? "the runner's clock is off, or a proxy changed the request; SigV4 signatures hold for 5 minutes"
            : `allow ${api.service}:GetAuthorizationToken${api.service === 'ecr-public' ? ' and sts:GetServiceBearerToken' : ''} (and the pull/push actions on the repositories) in the aws entry's role policy`;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('EXCHANGE_DENIED', text, { hint });
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('EXCHANGE_FAILED', text, { hint: response.status >= 500 ? 're-run later; ECR is failing' : 'check host and the aws entry\'s region' });
}


/***/ })

};
;