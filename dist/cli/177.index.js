"use strict";
exports.id = 177;
exports.ids = [177];
exports.modules = {

/***/ 3177:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   refresh: () => (/* binding */ refresh)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var jose_jwt_decode__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(7961);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _http_client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2357);
/* harmony import */ var _os_fs_retry_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(608);
/* harmony import */ var _os_private_file_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8272);
/* harmony import */ var _os_regular_file_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7837);
/* harmony import */ var _config_subject_token_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(70);
/* harmony import */ var _oidc_subject_token_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(2438);
/* harmony import */ var _runner_owned_path_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(8871);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(7593);













/** The same source keys as a credential entry's, as flags: a file the kubelet rotates, a variable, a SPIRE agent. */
const SOURCE_FLAGS = {
    'subject-token-source': { type: 'string' },
    'subject-token-file': { type: 'string' },
    'subject-token-env': { type: 'string' },
    'spiffe-socket': { type: 'string' },
    'spiffe-id': { type: 'string' },
};
/** A session file names what az and Az PowerShell sign in with (src/sessions/azure-session.ts); by name, so its code loads only then. */
function isSessionFile(file) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(file) === 'azure-session.json';
}
/**
 * Rewrites the OIDC token files Keyless wrote (Azure's federated token file, GCP's ADC token file, AWS's
 * web identity token file) with fresh subject tokens (the runner's, or from the source the flags name), for a later step of a long job: SDKs re-read the
 * file, so they keep working after the first token expired. Each file keeps its audience, read from the token it holds. Only files that
 * exist are replaced, atomically and 0600. A session file (an azure entry's az or Az PowerShell session)
 * is not rewritten: the sessions it names sign in again with a fresh runner token.
 */
async function refresh(args, runner) {
    const { values: options } = (0,_args_js__WEBPACK_IMPORTED_MODULE_11__/* .parseFlags */ .bQ)(args, { file: { type: 'string' }, audience: { type: 'string' }, ...SOURCE_FLAGS });
    const source = (0,_config_subject_token_js__WEBPACK_IMPORTED_MODULE_8__/* .subjectTokenFromFlags */ .Dq)(Object.fromEntries(Object.keys(SOURCE_FLAGS).map((flag) => [flag, options[flag]])), runner.env.GITHUB_WORKSPACE ?? process.cwd());
    const temp = runner.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)();
    const { kept: listed, refused } = usable(filesToRefresh(options.file, runner, temp), options.file !== undefined, runner, temp);
    const http = (0,_http_client_js__WEBPACK_IMPORTED_MODULE_4__/* .createHttpClient */ .uT)();
    const tokens = new Map();
    const sessions = listed.some(isSessionFile) ? await __webpack_require__.e(/* import() */ 632).then(__webpack_require__.bind(__webpack_require__, 7632)) : undefined;
    for (const file of listed) {
        const session = sessions !== undefined && isSessionFile(file) ? sessions : undefined;
        const audience = options.audience ?? (session ? session.sessionAudience(file, temp) : audienceIn(file, options.file === undefined));
        let token = tokens.get(audience);
        if (token === undefined) {
            token = (0,_oidc_subject_token_js__WEBPACK_IMPORTED_MODULE_9__/* .fetchSubjectToken */ .GR)(source, audience, { runner, http, now: Date.now });
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
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(temporary, jwt, { mode: 0o600, flag: 'wx' });
        // On Windows an SDK reading the old token holds the file for a moment.
        (0,_os_fs_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .retryBusy */ .O)(() => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(temporary, file));
        runner.info(`Refreshed ${file} (audience ${audience})${expires}.`);
    }
    return refused > 0 ? 1 : 0;
}
/**
 * The files named by a variable that are exactly as main left them (src/os/private-file.ts); each other
 * one is skipped with a warning, and refresh then exits 1. A path given with --file is the caller's own
 * choice. This stops a planted or mistaken file in a folder merely named keyless-* from getting a live
 * token; it does not stop a step of the same user, which can forge all of it (and, while it holds
 * ACTIONS_ID_TOKEN_REQUEST_*, ask the runner for tokens itself).
 */
function usable(files, given, runner, temp) {
    if (given)
        return { kept: files, refused: 0 };
    const roots = (0,_runner_owned_path_js__WEBPACK_IMPORTED_MODULE_10__/* .ownedRoots */ .F7)(runner.env, temp);
    const kept = [];
    for (const file of files) {
        const problem = (0,_runner_owned_path_js__WEBPACK_IMPORTED_MODULE_10__/* .exactOwnedPath */ .SP)(file, roots) === undefined ? 'it, or a folder on the way to it, is a link' : (0,_os_private_file_js__WEBPACK_IMPORTED_MODULE_6__/* .privateFileProblem */ .VA)(file);
        if (problem === undefined) {
            kept.push(file);
            continue;
        }
        runner.warning(`skipped ${file}: it is not a file as Keyless writes one (${problem}), so it gets no token; a step since the Keyless step changed it, or created it: run the Keyless step again, or pass a file of your own with --file`);
    }
    if (kept.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .KeylessError */ .FM('INPUT_INVALID', 'no token file to refresh: every file named was skipped', { hint: 'run the Keyless step again, or pass a file of your own with --file' });
    }
    return { kept, refused: files.length - kept.length };
}
/** The files to refresh: --file, else KEYLESS_REFRESH's, which must lie in Keyless's own folders and exist. */
function filesToRefresh(given, runner, temp) {
    const listed = given ? [given] : (runner.env.KEYLESS_REFRESH || runner.env.AZURE_FEDERATED_TOKEN_FILE || '').split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter).filter(Boolean);
    // Any earlier step can export these variables: without --file, only a file in Keyless's own folders gets
    // a live token. A path given with --file is the caller's own choice.
    const roots = (0,_runner_owned_path_js__WEBPACK_IMPORTED_MODULE_10__/* .ownedRoots */ .F7)(runner.env, temp);
    const foreign = given ? [] : listed.filter((file) => (0,_runner_owned_path_js__WEBPACK_IMPORTED_MODULE_10__/* .ownedPath */ .bD)(file, roots) === undefined);
    if (foreign.length > 0) {
        const source = runner.env.KEYLESS_REFRESH ? 'KEYLESS_REFRESH' : 'AZURE_FEDERATED_TOKEN_FILE';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .KeylessError */ .FM('INPUT_INVALID', `${source} names ${foreign.length} file(s) outside Keyless's own folders (keyless-* under RUNNER_TEMP, .keyless-* in the workspace), so they get no token`, {
            hint: `an earlier step may have changed ${source}; pass a file of your own with --file`,
        });
    }
    const missing = listed.filter((file) => !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file));
    if (listed.length === 0 || missing.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .KeylessError */ .FM('INPUT_INVALID', `no token file to refresh${missing.length > 0 ? ` at ${missing.join(', ')}` : ''}`, {
            hint: 'run it in the job where Keyless wrote the file (an azure entry with mode: sdk or an az session, a gcp entry exported to env (its credentials file is the default), an aws entry with mode: web-identity), or pass --file',
        });
    }
    return listed;
}
function audienceIn(file, noFollow) {
    // Non-blocking and capped: a FIFO swapped in for the file is refused, never waited on.
    const text = (0,_os_regular_file_js__WEBPACK_IMPORTED_MODULE_7__/* .readRegularFile */ .X)(file, { maxBytes: 64 * 1024, noFollow, hint: 'pass a token file Keyless wrote, or --audience', unreadableHint: 'pass a token file Keyless wrote, or --file' }).toString('utf8');
    try {
        const { aud } = (0,jose_jwt_decode__WEBPACK_IMPORTED_MODULE_12__/* .decodeJwt */ .i)(text.trim());
        const audience = Array.isArray(aud) ? aud[0] : aud;
        if (audience)
            return audience;
    }
    catch {
        // Reported below: the file was not written by Keyless, or was overwritten.
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .KeylessError */ .FM('INPUT_INVALID', `${file} holds no OIDC token to read the audience from`, { hint: 'pass --audience' });
}


/***/ })

};
;