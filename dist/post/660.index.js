"use strict";
exports.id = 660;
exports.ids = [660];
exports.modules = {

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

/***/ 6660:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   revokeOAuthToken: () => (/* binding */ revokeOAuthToken)
/* harmony export */ });
/* harmony import */ var _oauth_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8350);

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
        const error = (0,_oauth_error_js__WEBPACK_IMPORTED_MODULE_0__/* .oauthError */ .YM)(response, `revocation endpoint ${url.origin}${url.pathname}`, undefined);
        // RFC 7009's `unsupported_token_type`, and Google's `invalid_token` for tokens it will not revoke.
        if (/: (unsupported_token_type|invalid_token)\b/.test(error.message))
            return { status: 'not-revocable', detail: 'the issuer does not revoke this token type' };
        return { status: 'failed', detail: error.message };
    }
    return { status: 'revoked' };
}


/***/ })

};
;