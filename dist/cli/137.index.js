"use strict";
exports.id = 137;
exports.ids = [137];
exports.modules = {

/***/ 1137:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifyCommand: () => (/* binding */ verifyCommand)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _os_regular_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7837);
/* harmony import */ var _policy_sigstore_evidence_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4295);
/* harmony import */ var _policy_sigstore_trust_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8547);
/* harmony import */ var _policy_sigstore_verify_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2701);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7593);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7485);









/**
 * `keyless verify`: 0 verified, 1 not verified (reason on stderr), 2 usage error. Under `--json` every
 * outcome is one JSON object on stdout, so a script never has to parse stderr.
 */
function verifyCommand(args, io) {
    // Read before parsing, so that an error in the other flags is reported in the form asked for.
    const json = args.includes('--json');
    try {
        const result = (0,_policy_sigstore_verify_js__WEBPACK_IMPORTED_MODULE_6__/* .verifyBundle */ .I)(readRequest(args));
        if (json)
            io.out(`${JSON.stringify({ verified: true, ...result })}\n`);
        else
            io.out(`verified ${result.digest}${result.identity ? ` signed by ${result.identity}` : ''}${result.issuer ? ` (${result.issuer})` : ''}${result.tlogIndex ? `, log index ${result.tlogIndex}` : ''}\n`);
        return 0;
    }
    catch (error) {
        const code = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .KeylessError */ .FM ? error.code : 'INTERNAL';
        if (json)
            io.out(`${JSON.stringify({ verified: false, code, error: (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .renderError */ .vr)(error) })}\n`);
        io.err(code === 'USAGE' ? (0,_usage_js__WEBPACK_IMPORTED_MODULE_8__/* .usageText */ .tx)('verify', error) : `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .renderError */ .vr)(error)}\n`);
        return (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .exitCode */ .I$)(error);
    }
}
function readRequest(args) {
    const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .parseFlags */ .bQ)(args, {
        bundle: { type: 'string' },
        artifact: { type: 'string' },
        digest: { type: 'string' },
        'trusted-root': { type: 'string' },
        identity: { type: 'string' },
        'identity-regexp': { type: 'string' },
        issuer: { type: 'string' },
        key: { type: 'string' },
        json: { type: 'boolean' },
    });
    if (values.bundle === undefined)
        throw (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .usage */ .CI)('--bundle is required');
    if ((values.artifact === undefined) === (values.digest === undefined))
        throw (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .usage */ .CI)('give exactly one of --artifact or --digest');
    checkSignerFlags(values);
    const digest = values.digest === undefined ? undefined : /^sha256:([0-9a-f]{64})$/i.exec(values.digest)?.[1];
    if (values.digest !== undefined && digest === undefined)
        throw (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .usage */ .CI)(`--digest must be sha256:<64 hex>, not ${values.digest}`);
    const policy = {
        ...(values.identity !== undefined ? { identity: values.identity } : {}),
        ...(values['identity-regexp'] !== undefined ? { identityRegexp: values['identity-regexp'] } : {}),
        ...(values.issuer !== undefined ? { issuer: values.issuer } : {}),
        ...(values.key !== undefined ? { key: readKey(values.key) } : {}),
    };
    return {
        bundle: readJson(values.bundle, 'bundle'),
        artifact: values.artifact !== undefined ? { bytes: readArtifact(values.artifact) } : { sha256: Buffer.from(digest ?? '', 'hex') },
        trustedRoot: values['trusted-root'] !== undefined ? readJson(values['trusted-root'], 'trusted root') : (0,_policy_sigstore_trust_js__WEBPACK_IMPORTED_MODULE_5__/* .publicGoodRoot */ .Bo)(),
        policy,
    };
}
/** Exactly one signer policy: a certificate identity with its issuer (as cosign requires), or a key alone. */
function checkSignerFlags(values) {
    if (values.identity !== undefined && values['identity-regexp'] !== undefined)
        throw (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .usage */ .CI)('give --identity or --identity-regexp, not both');
    const identity = values.identity !== undefined || values['identity-regexp'] !== undefined;
    if (values.key !== undefined && (identity || values.issuer !== undefined))
        throw (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .usage */ .CI)('--key verifies a key-signed bundle: give it without --identity, --identity-regexp or --issuer');
    if (values.key === undefined && !identity)
        throw (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .usage */ .CI)('a signer policy is required: --identity or --identity-regexp with --issuer, or --key');
    if (identity && values.issuer === undefined)
        throw (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .usage */ .CI)('--issuer is required with --identity and --identity-regexp (e.g. https://token.actions.githubusercontent.com)');
    if (values['identity-regexp'] !== undefined)
        checkRegExp(values['identity-regexp']);
}
/** Each file named on the command line is refused unless it is a regular file within its cap (a FIFO would hang the command, /dev/zero never end). */
function readFile(path, kind) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(path))
        throw (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .usage */ .CI)(`no such file: ${path}`);
    return (0,_policy_sigstore_evidence_file_js__WEBPACK_IMPORTED_MODULE_4__/* .readEvidence */ .A)(path, kind, `check --${kind === 'trusted root' ? 'trusted-root' : kind}`);
}
/** Far above any release binary, and held in memory whole: a larger artifact is verified by --digest. */
const MAX_ARTIFACT_BYTES = 512 * 1024 * 1024;
function readArtifact(path) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(path))
        throw (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .usage */ .CI)(`no such file: ${path}`);
    return (0,_os_regular_file_js__WEBPACK_IMPORTED_MODULE_3__/* .readRegularFile */ .X)(path, { maxBytes: MAX_ARTIFACT_BYTES, hint: 'an artifact is a regular file of at most 512 MiB; for a larger one, give --digest sha256:<its sha256>', unreadableHint: 'check --artifact' });
}
function readJson(path, what) {
    const text = readFile(path, what).toString('utf8');
    try {
        return JSON.parse(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .KeylessError */ .FM('SIGNATURE_INVALID', `the ${what} ${path} is not JSON`);
    }
}
function readKey(path) {
    try {
        return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)(readFile(path, 'key'));
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .KeylessError */ .FM)
            throw error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .KeylessError */ .FM('SIGNATURE_INVALID', `--key ${path} is not a usable public key (${error.message})`);
    }
}
function checkRegExp(pattern) {
    try {
        new RegExp(pattern);
    }
    catch {
        throw (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .usage */ .CI)(`--identity-regexp is not a valid regular expression: ${pattern}`);
    }
}


/***/ }),

/***/ 7837:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ readRegularFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


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

/***/ 4295:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ readEvidence)
/* harmony export */ });
/* harmony import */ var _os_regular_file_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7837);

/**
 * Caps on the files that carry signature evidence, which a pull request can commit as anything: a FIFO, a
 * link to /dev/zero, gigabytes. A bundle is kilobytes (tens with a long chain and its log proofs), a trusted
 * root a few, a PEM public key under 1 KiB even for RSA-4096.
 */
const LIMITS = {
    bundle: { bytes: 10 * 1024 * 1024, shown: '10 MiB' },
    'trusted root': { bytes: 10 * 1024 * 1024, shown: '10 MiB' },
    key: { bytes: 64 * 1024, shown: '64 KiB' },
};
/**
 * The bytes of a bundle, trusted root or key file, refused with INPUT_INVALID or INPUT_TOO_LARGE unless it
 * is a regular file within its cap (see readRegularFile: opened non-blocking, so a FIFO cannot hang the
 * step). `where` says what the file should be and where it is named; `shown` is how messages name it.
 */
function readEvidence(path, kind, where, shown = path) {
    const limit = LIMITS[kind];
    return (0,_os_regular_file_js__WEBPACK_IMPORTED_MODULE_0__/* .readRegularFile */ .X)(path, { maxBytes: limit.bytes, hint: `a ${kind} is a regular file of at most ${limit.shown}; ${where}`, unreadableHint: where, shown });
}


/***/ }),

/***/ 8547:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bo: () => (/* binding */ publicGoodRoot),
/* harmony export */   kH: () => (/* binding */ trustMaterial)
/* harmony export */ });
/* unused harmony exports PUBLIC_GOOD_ROOT_SHA256, checkValidityStarts */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _sigstore_tuf_seeds_json__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8032);
/* harmony import */ var _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9654);
/* harmony import */ var _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(_sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _sigstore_verify__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4187);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);





/**
 * sha256 of the Sigstore public-good trusted_root.json this action ships (the one embedded in
 * @sigstore/tuf 5.0.1 and published as root-signing's targets/trusted_root.json). A different file in
 * the dependency fails closed instead of being trusted.
 */
const PUBLIC_GOOD_ROOT_SHA256 = '6494e21ea73fa7ee769f85f57d5a3e6a08725eae1e38c755fc3517c9e6bc0b66';
/** The shipped public-good trusted root: works offline, where a TUF client cannot start from nothing. */
function publicGoodRoot() {
    const encoded = _sigstore_tuf_seeds_json__WEBPACK_IMPORTED_MODULE_1__["https://tuf-repo-cdn.sigstore.dev"]?.targets['trusted_root.json'];
    const bytes = Buffer.from(encoded ?? '', 'base64');
    if ((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex') !== PUBLIC_GOOD_ROOT_SHA256) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .KeylessError */ .FM('TRUST_ROOT_INVALID', 'the shipped Sigstore trusted root does not match its pinned sha256', {
            hint: 'this build of Keyless is damaged; reinstall it from a release',
        });
    }
    return JSON.parse(bytes.toString('utf8'));
}
/**
 * Rejects a trusted root with a transparency-log or CT-log key, CA or TSA whose validity has no start.
 * The library reads a missing start as "valid since the beginning of time", which would let a key
 * vouch for entries older than it (sigstore-conformance trust-root-tlog-missing-validity-start).
 */
function checkValidityStarts(root) {
    const doc = (typeof root === 'object' && root !== null ? root : {});
    const missing = [];
    for (const kind of ['tlogs', 'ctlogs', 'certificateAuthorities', 'timestampAuthorities']) {
        // Not a list: TrustedRoot.fromJSON says so, as it does for a document that is not an object.
        const entries = Array.isArray(doc[kind]) ? doc[kind] : [];
        entries.forEach((item, i) => {
            const entry = item ?? {};
            const validity = kind === 'tlogs' || kind === 'ctlogs' ? entry.publicKey?.validFor : entry.validFor;
            if (!validity?.start)
                missing.push(`${kind}[${i}]`);
        });
    }
    if (missing.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .KeylessError */ .FM('TRUST_ROOT_INVALID', `trusted root entries without validFor.start: ${missing.join(', ')}`, {
            hint: 'every key in a trusted root must say since when it is valid; fix or replace the trusted root',
        });
    }
}
/** Trust material from a trusted root document, with a managed public key for `--key` verification. */
function trustMaterial(root, key) {
    checkValidityStarts(root);
    let parsed;
    try {
        parsed = _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_2__.TrustedRoot.fromJSON(root);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .KeylessError */ .FM('TRUST_ROOT_INVALID', `the trusted root is not a Sigstore TrustedRoot: ${error.message}`, { cause: error });
    }
    if (key === undefined)
        return (0,_sigstore_verify__WEBPACK_IMPORTED_MODULE_3__/* .toTrustMaterial */ .jO)(parsed);
    // A managed key is trusted for whatever hint the bundle names: the caller chose this key explicitly.
    // Without the CAs, no certificate can stand in for the key.
    return (0,_sigstore_verify__WEBPACK_IMPORTED_MODULE_3__/* .toTrustMaterial */ .jO)({ ...parsed, certificateAuthorities: [] }, () => ({ publicKey: key, validFor: () => true }));
}


/***/ }),

/***/ 2701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  I: () => (/* binding */ verifyBundle)
});

// UNUSED EXPORTS: sanPattern

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var dist = __webpack_require__(1040);
// EXTERNAL MODULE: ./node_modules/@sigstore/core/dist/index.js
var core_dist = __webpack_require__(3917);
// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/index.js
var protobuf_specs_dist = __webpack_require__(9654);
// EXTERNAL MODULE: ./node_modules/@sigstore/verify/dist/index.js
var verify_dist = __webpack_require__(4187);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/policy/sigstore/extensions.ts


/** Fulcio's GitHub Actions certificate extensions (v2: DER UTF8String values). */
const GITHUB_EXTENSIONS = {
    'build-signer-uri': '1.3.6.1.4.1.57264.1.9',
    'runner-environment': '1.3.6.1.4.1.57264.1.11',
    'source-repository': '1.3.6.1.4.1.57264.1.12',
    'source-digest': '1.3.6.1.4.1.57264.1.13',
    'source-ref': '1.3.6.1.4.1.57264.1.14',
};
/**
 * Compares the signing certificate's GitHub extensions with the policy as text. (@sigstore/verify
 * compares OID values as DER bytes, so a plain string from a policy never matches.)
 */
function checkExtensions(bundle, expected) {
    const names = Object.keys(expected);
    if (names.length === 0)
        return;
    const material = bundle.verificationMaterial.content;
    const raw = material.$case === 'certificate' ? material.certificate.rawBytes : material.$case === 'x509CertificateChain' ? material.x509CertificateChain.certificates[0]?.rawBytes : undefined;
    if (raw === undefined)
        throw new errors/* KeylessError */.FM('SIGNATURE_INVALID', `the bundle is signed with a key, not a certificate, so it has no ${names.join(', ')}`);
    const certificate = core_dist.X509Certificate.parse(Buffer.from(raw));
    const wrong = [];
    for (const name of names) {
        const extension = certificate.extension(GITHUB_EXTENSIONS[name]);
        const actual = extension === undefined ? undefined : core_dist.ASN1Obj.parseBuffer(Buffer.from(extension.value)).value.toString('utf8');
        if (actual !== expected[name])
            wrong.push(`${name} is ${actual === undefined ? 'absent' : JSON.stringify(actual)}, policy wants ${JSON.stringify(expected[name])}`);
    }
    if (wrong.length > 0) {
        throw new errors/* KeylessError */.FM('SIGNATURE_INVALID', `the signing certificate does not meet the policy: ${wrong.join('; ')}`, {
            hint: 'the artifact was built somewhere else than the policy says; do not run it',
        });
    }
}

;// CONCATENATED MODULE: ./src/policy/sigstore/intoto.ts

const IN_TOTO = 'application/vnd.in-toto+json';
/**
 * A DSSE bundle signs a statement, not the artifact: it is bound to the artifact only if one of the
 * statement's subjects carries the artifact's digest. @sigstore/verify does not check this.
 */
function checkInTotoSubject(bundle, sha256) {
    const envelope = bundle.content.dsseEnvelope;
    if (envelope.payloadType !== IN_TOTO) {
        throw new errors/* KeylessError */.FM('SIGNATURE_INVALID', `the DSSE payload is ${envelope.payloadType}, not an in-toto statement, so nothing binds it to the artifact`);
    }
    let statement;
    try {
        statement = JSON.parse(envelope.payload.toString('utf8'));
    }
    catch {
        throw new errors/* KeylessError */.FM('SIGNATURE_INVALID', 'the in-toto statement in the DSSE envelope is not JSON');
    }
    const subjects = Array.isArray(statement.subject) ? statement.subject : [];
    if (!subjects.some((subject) => subject.digest?.sha256?.toLowerCase() === sha256)) {
        const named = subjects.map((s) => `${s.name ?? '?'}@sha256:${s.digest?.sha256 ?? '?'}`).join(', ');
        throw new errors/* KeylessError */.FM('SIGNATURE_INVALID', `the attestation is for ${named || 'no subject'}, not sha256:${sha256}`, {
            hint: 'the bundle belongs to another artifact (or another version of it)',
        });
    }
    return typeof statement.predicateType === 'string' ? { predicateType: statement.predicateType, predicate: statement.predicate } : {};
}

// EXTERNAL MODULE: ./node_modules/@noble/curves/nist.js + 10 modules
var nist = __webpack_require__(3431);
;// CONCATENATED MODULE: ./src/policy/sigstore/prehashed.ts


/**
 * The signature of a message-signature bundle, checked against a digest instead of the artifact:
 * ECDSA over the pre-hashed digest, which Node's crypto cannot do. The transparency-log entry is then
 * compared with this same digest, so the whole chain is bound to the pinned digest.
 */
function prehashedContent(signature, digest) {
    return {
        signature,
        compareSignature: (other) => core_dist.crypto.bufferEqual(other, signature),
        compareDigest: (other) => core_dist.crypto.bufferEqual(other, digest),
        compareSignedDigest: (other) => core_dist.crypto.bufferEqual(other, digest),
        verifySignature: (key) => verifyPrehashed(key, digest, signature),
    };
}
function verifyPrehashed(key, digest, signature) {
    if (key.asymmetricKeyType !== 'ec')
        return false;
    const jwk = key.export({ format: 'jwk' });
    const curve = jwk.crv === 'P-256' ? nist/* p256 */.s9 : jwk.crv === 'P-384' ? nist/* p384 */.sL : undefined;
    if (curve === undefined || jwk.x === undefined || jwk.y === undefined)
        return false;
    const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]);
    try {
        // Sigstore signers (Go's crypto/ecdsa) do not normalise S, so high-S signatures are valid here.
        return curve.verify(signature, digest, point, { prehash: false, lowS: false, format: 'der' });
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./src/policy/sigstore/trust.ts
var trust = __webpack_require__(8547);
;// CONCATENATED MODULE: ./src/policy/sigstore/verify.ts










/** An identity policy as the verifier needs it: never a raw string, which it would match unanchored. */
function sanPattern(policy) {
    if (policy.identity !== undefined)
        return new RegExp(`^${policy.identity.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
    if (policy.identityRegexp !== undefined)
        return new RegExp(`^(?:${policy.identityRegexp})$`);
    return undefined;
}
/**
 * Verifies a Sigstore bundle against an artifact (or its sha256), a trusted root and a signer policy,
 * with @sigstore/verify, plus the bindings it leaves to the caller. Throws SIGNATURE_INVALID with the reason.
 */
function verifyBundle(request) {
    const sha256 = 'bytes' in request.artifact ? (0,external_node_crypto_.createHash)('sha256').update(request.artifact.bytes).digest() : request.artifact.sha256;
    const bundle = parseBundle(request.bundle);
    if (request.policy.key)
        requireKeySigned(bundle);
    const material = (0,trust/* trustMaterial */.kH)(request.trustedRoot, request.policy.key);
    const { entity, predicateType, predicate } = readable(() => signedEntity(bundle, request.artifact, sha256));
    const san = sanPattern(request.policy);
    const policy = {
        ...(san ? { subjectAlternativeName: san } : {}),
        ...(request.policy.issuer ? { extensions: { issuer: request.policy.issuer } } : {}),
    };
    let signer;
    try {
        signer = new verify_dist/* Verifier */.BL(material).verify(entity, policy);
    }
    catch (error) {
        const code = error.code;
        throw new errors/* KeylessError */.FM('SIGNATURE_INVALID', `${code ? `${code}: ` : ''}${error.message}`, {
            hint: code === 'UNTRUSTED_SIGNER_ERROR' ? 'the signer is not who the policy names; check identity/issuer' : 'do not run this artifact',
            cause: error,
        });
    }
    if (request.policy.extensions)
        checkExtensions(bundle, request.policy.extensions);
    const entry = bundle.verificationMaterial.tlogEntries[0];
    return {
        digest: `sha256:${sha256.toString('hex')}`,
        ...(signer.identity?.subjectAlternativeName ? { identity: signer.identity.subjectAlternativeName } : {}),
        ...(signer.identity?.extensions?.issuer ? { issuer: signer.identity.extensions.issuer } : {}),
        ...(entry ? { tlogIndex: entry.logIndex } : {}),
        // Only an inclusion promise (a signed entry timestamp, checked by the verifier) signs integratedTime; without one the
        // bundle's author wrote it, and it is neither reported nor parsed (a huge value would make toISOString throw).
        ...(entry?.inclusionPromise && entry.integratedTime !== '0' ? { integratedTime: new Date(Number(entry.integratedTime) * 1000).toISOString() } : {}),
        ...(predicateType ? { predicateType, predicate } : {}),
    };
}
/** The entity the verifier checks, bound to the artifact: its digest must be what was signed or attested. */
function signedEntity(bundle, artifact, sha256) {
    if ((0,dist/* isBundleWithDsseEnvelope */.Km)(bundle)) {
        const { predicateType, predicate } = checkInTotoSubject(bundle, sha256.toString('hex'));
        return { entity: (0,verify_dist/* toSignedEntity */.DC)(bundle), ...(predicateType ? { predicateType, predicate } : {}) };
    }
    if (!(0,dist/* isBundleWithMessageSignature */.QU)(bundle)) {
        throw new errors/* KeylessError */.FM('SIGNATURE_INVALID', 'the bundle holds neither a message signature nor a DSSE envelope');
    }
    const { messageDigest, signature } = bundle.content.messageSignature;
    // The signature and the log entry cover this digest; it must be the artifact's.
    if (messageDigest.algorithm === protobuf_specs_dist.HashAlgorithm.SHA2_256 && !messageDigest.digest.equals(sha256)) {
        throw new errors/* KeylessError */.FM('SIGNATURE_INVALID', `the bundle signs sha256:${messageDigest.digest.toString('hex')}, not sha256:${sha256.toString('hex')}`, {
            hint: 'the bundle belongs to another artifact (or another version of it)',
        });
    }
    const entity = 'bytes' in artifact ? (0,verify_dist/* toSignedEntity */.DC)(bundle, artifact.bytes) : { ...(0,verify_dist/* toSignedEntity */.DC)(bundle), signature: prehashedContent(signature, sha256) };
    return { entity };
}
/**
 * A key policy is met only by a bundle signed with that key. The verifier would otherwise accept a
 * certificate bundle from any Fulcio identity: a key-only policy names no SAN or issuer to check.
 */
function requireKeySigned(bundle) {
    const material = bundle.verificationMaterial.content.$case;
    if (material !== 'publicKey') {
        throw new errors/* KeylessError */.FM('SIGNATURE_INVALID', `the bundle is signed with a certificate (${material}), not with the given key`, {
            hint: 'a key policy accepts only a bundle whose verification material is that public key; for a certificate, give identity and issuer instead',
        });
    }
}
function parseBundle(json) {
    return readable(() => {
        const bundle = (0,dist/* bundleFromJSON */.vw)(json);
        rejectEmbeddedRoot(bundle);
        return bundle;
    });
}
/**
 * A step that reads the bundle's own bytes (its JSON, its certificates) before the verifier has vouched
 * for them: whatever the parsers throw is a bad bundle, never a Keyless bug.
 */
function readable(step) {
    try {
        return step();
    }
    catch (error) {
        if (error instanceof errors/* KeylessError */.FM)
            throw error;
        throw new errors/* KeylessError */.FM('SIGNATURE_INVALID', `not a valid Sigstore bundle: ${error instanceof Error ? error.message : String(error)}`, {
            hint: 'pass the .sigstore.json bundle (media type application/vnd.dev.sigstore.bundle…)',
            cause: error,
        });
    }
}
/**
 * Roots of trust come from the trusted root only. A chain in the bundle that carries a self-signed
 * certificate is refused on purpose (the library ignores chain certificates after the leaf).
 */
function rejectEmbeddedRoot(bundle) {
    const material = bundle.verificationMaterial.content;
    if (material.$case !== 'x509CertificateChain')
        return;
    for (const { rawBytes } of material.x509CertificateChain.certificates.slice(1)) {
        const certificate = core_dist.X509Certificate.parse(Buffer.from(rawBytes));
        if (certificate.issuer.equals(certificate.subject)) {
            throw new errors/* KeylessError */.FM('SIGNATURE_INVALID', 'the bundle carries a root certificate in its chain; roots come only from the trusted root', {
                hint: 'use a bundle without the root (cosign and sigstore-go refuse it too)',
            });
        }
    }
}


/***/ })

};
;