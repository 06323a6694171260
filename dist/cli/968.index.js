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
