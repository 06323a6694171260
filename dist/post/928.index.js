"use strict";
exports.id = 928;
exports.ids = [928];
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

/***/ 8928:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  accessErrors: () => (/* binding */ accessErrors),
  jfrog: () => (/* binding */ jfrog),
  revoke: () => (/* binding */ revoke)
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


// EXTERNAL MODULE: ./src/audit/fingerprint.ts
var fingerprint = __webpack_require__(7663);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/http/json.ts
var json = __webpack_require__(2868);
// EXTERNAL MODULE: ./src/providers/credential-value.ts
var credential_value = __webpack_require__(3897);
;// CONCATENATED MODULE: ./src/providers/docker-login.ts
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

// EXTERNAL MODULE: ./src/providers/json-endpoint.ts
var json_endpoint = __webpack_require__(530);
;// CONCATENATED MODULE: ./src/providers/jfrog.ts







// JFrog Platform (Artifactory, Xray, …) OIDC token exchange: the runner token for a JFrog access token, in
// place of a stored JF_ACCESS_TOKEN or Artifactory docker password. The wire format is Access's
// (`POST /access/api/v1/oidc/token`), as jfrog/setup-jfrog-cli sends it, without its usage-tracking fields.
const OUTPUTS = { public: ['username', 'expires-at'], secret: ['access-token'] };
const MAX_LIFETIME_S = 366 * 24 * 3600;
function read(fields) {
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
            : REGISTRY_HOST.test(host)
                ? dockerHubProblem(host, 'JFrog access token')
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
async function exchange(config, ctx) {
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
        ? (0,credential_value/* credentialValue */.No)(usernameOf(token), 'a username, nor an access token whose sub names one', where, DOCKER_USERNAME)
        : (0,credential_value/* credentialValue */.No)(given, 'username', where, DOCKER_USERNAME);
    const expiresAt = expiryOf(body.expires_in, where, ctx.now());
    const scope = typeof body.scope === 'string' ? body.scope : undefined;
    const files = config.dockerHosts.length > 0 ? [dockerLogins(config.dockerHosts, username, token, (secret) => { ctx.mask(secret); })] : [];
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
        ({ sub } = decodeJwt(token));
    }
    catch {
        return undefined;
    }
    if (typeof sub !== 'string')
        return undefined;
    return sub.startsWith('jfrt@') || sub.includes('/users/') ? sub.slice(sub.lastIndexOf('/') + 1) : sub;
}
function expiryOf(expiresIn, where, now) {
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
async function revoke(handle, ctx) {
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
function exclusive(config, places) {
    if (places.size === 0)
        return [];
    return [
        { key: 'jfrog environment', message: (other) => `exports JF_URL and JF_ACCESS_TOKEN, as ${other} does; the later would silently replace the earlier: give one export: outputs` },
        ...registryHostClaims(config.dockerHosts, places, 'docker-hosts'),
    ];
}
const jfrog = {
    name: 'jfrog',
    outputs: OUTPUTS,
    read,
    // The platform's origin, so the token is good for this platform only; GitHub's default audience (what the
    // peer asks for when its oidc-audience is empty) is shared by every relying party that takes it.
    defaultAudience: (config) => config.url.origin,
    exchange,
    revoke,
    exclusive,
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


/***/ })

};
;