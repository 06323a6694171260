"use strict";
exports.id = 770;
exports.ids = [770];
exports.modules = {

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


/***/ }),

/***/ 1770:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gateTools: () => (/* binding */ gateTools)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/http/url.ts
var http_url = __webpack_require__(6697);
// EXTERNAL MODULE: ./src/os/fs-retry.ts
var fs_retry = __webpack_require__(608);
// EXTERNAL MODULE: ./src/os/paths.ts
var paths = __webpack_require__(6186);
// EXTERNAL MODULE: ./src/policy/sigstore/evidence-file.ts
var evidence_file = __webpack_require__(4295);
// EXTERNAL MODULE: ./src/policy/sigstore/trust.ts
var trust = __webpack_require__(8547);
// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/index.js
var dist = __webpack_require__(9654);
;// CONCATENATED MODULE: ./src/policy/sigstore/tuf-refresh.ts






const DEADLINE_MS = 20_000;
/**
 * A new, empty folder for the TUF client's metadata under RUNNER_TEMP, recorded for post before it exists.
 * Never a folder found there: the client trusts the root.json a cache holds (it seeds the shipped root
 * only into an empty one), so a cache an earlier step planted at a known path would decide every tool's
 * trust. The random name cannot be planted in advance, and creating it fails if it exists.
 */
function newTufCache(env, record) {
    const path = (0,external_node_path_.join)(env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), `keyless-tuf-${(0,external_node_crypto_.randomBytes)(8).toString('hex')}`);
    record(path);
    (0,external_node_fs_.mkdirSync)(path, { mode: 0o700 });
    return path;
}
/**
 * The current trusted root through TUF (its signed metadata chain from the root shipped in @sigstore/tuf),
 * or undefined with a warning when the mirror cannot be reached: the caller then uses the shipped root.
 */
async function refreshedRoot(runner, mirror, cachePath) {
    const mirrorURL = mirror ?? 'https://tuf-repo-cdn.sigstore.dev';
    try {
        const { getTrustedRoot } = await __webpack_require__.e(/* import() */ 694).then(__webpack_require__.bind(__webpack_require__, 4423));
        let timer;
        const deadline = new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${DEADLINE_MS / 1000} s`)), DEADLINE_MS);
        });
        const root = await Promise.race([getTrustedRoot({ mirrorURL, cachePath, retry: 1, timeout: 10_000 }), deadline]).finally(() => clearTimeout(timer));
        runner.info(`Trusted root refreshed through TUF from ${mirrorURL}.`);
        return dist.TrustedRoot.toJSON(root);
    }
    catch (error) {
        runner.warning(`TUF refresh from ${mirrorURL} failed (${(0,errors/* renderError */.vr)(error).replace(/^\[[A-Z]+\] /, '')}); verifying against the trusted root shipped with Keyless`, { title: 'Keyless trust root' });
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/policy/sigstore/verify.ts + 3 modules
var verify = __webpack_require__(2701);
// EXTERNAL MODULE: ./src/http/json.ts
var json = __webpack_require__(2868);
;// CONCATENATED MODULE: ./src/policy/tools/attestations.ts



/** What each page asks for, and so the most a page may hold. */
const PER_PAGE = 100;
/**
 * Attestations considered for one digest. A release is attested once or a few times (provenance, SBOM),
 * and the first that verifies ends the search, so this is reached only when a hundred fail in a row.
 */
const MAX_ATTESTATIONS = 100;
/** Pages read, whatever they hold: a server may send short or empty pages, each with a `next`. */
const MAX_PAGES = 10;
/** A Sigstore bundle is a few kilobytes; the snappy header may declare gigabytes, which would be allocated up front. */
const MAX_BUNDLE_BYTES = 4 * 1024 * 1024;
/**
 * Decompressed `bundle_url` bytes across one search: a hundred bundles that each decompress near the
 * 4 MiB bound would otherwise cost 400 MiB of downloads, parsing and time. Inline bundles are not counted:
 * they arrive in a page, which the HTTP client already holds to 1 MiB.
 */
const MAX_TOTAL_BYTES = 16 * 1024 * 1024;
/**
 * The first Sigstore bundle GitHub holds for a digest in a repository (`GET /repos/{owner}/{repo}/
 * attestations/sha256:{hex}`) that `accept` takes; `accept` throws to refuse one, and its reason is kept.
 * Bundles are fetched and checked one at a time, so at most one is held, and none is downloaded past the
 * first accepted. An attestation may carry `bundle: null` and a `bundle_url` to a snappy-compressed bundle.
 *
 * @example
 * const signature = await firstAttestation('acme/tool', hex, deps, (bundle) => verifyBundle({ bundle, … }));
 */
async function firstAttestation(repo, sha256, deps, accept) {
    const api = (0,http_url/* parseEndpoint */.Bk)(deps.runner.env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL');
    if (deps.token)
        deps.runner.mask(deps.token);
    const search = { repo, sha256, reasons: [], bytes: 0 };
    let url = new URL(`${api.pathname.replace(/\/$/, '')}/repos/${repo}/attestations/sha256:${sha256}`, api);
    url.searchParams.set('per_page', String(PER_PAGE));
    for (let page = 0; url; page++) {
        if (page === MAX_PAGES)
            throw stopped(search, `Keyless reads at most ${MAX_PAGES} pages of them`);
        const listed = await listPage(url, api, repo, deps);
        if (listed === undefined)
            break;
        for (const item of listed.attestations) {
            if (search.reasons.length === MAX_ATTESTATIONS)
                throw stopped(search, `there are more, and Keyless considers at most ${MAX_ATTESTATIONS}`);
            // A bundle that cannot be fetched ends the search, as a failed page does: only a refusal by
            // `accept` moves on to the next.
            const bundle = await bundleOf(item, deps.http, search);
            try {
                return accept(bundle);
            }
            catch (error) {
                search.reasons.push((0,errors/* renderError */.vr)(error).replace(/^\[[A-Z_]+\] /, ''));
            }
        }
        url = listed.next;
    }
    if (search.reasons.length === 0) {
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `${repo} has no attestation for sha256:${sha256}`, {
            hint: 'the release was not attested (actions/attest-build-provenance), or the digest is not the released file',
        });
    }
    throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `none of the ${search.reasons.length} attestation(s) in ${repo} for sha256:${sha256} verifies: ${search.reasons.join(' | ')}`, {
        hint: 'check identity/issuer against who builds the release',
    });
}
/** The search gave up before the list ended: what it saw, and how to hand Keyless the right bundle. */
function stopped(search, why) {
    return new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `none of the first ${search.reasons.length} attestation(s) in ${search.repo} for sha256:${search.sha256} verifies, and ${why}: ${search.reasons.join(' | ')}`, {
        hint: 'check identity/issuer against who builds the release; if the attestation that verifies is further down the list, download it (gh attestation download) and name it with bundle: instead of attestations:',
    });
}
/** One page's attestations and the link to the next; undefined when the repository or digest is unknown (404). */
async function listPage(url, api, repo, deps) {
    const response = await deps.http.request({
        method: 'GET',
        url,
        what: 'GitHub attestations API',
        headers: {
            accept: 'application/vnd.github+json',
            'x-github-api-version': '2022-11-28',
            ...(deps.token ? { authorization: `Bearer ${deps.token}` } : {}),
        },
    });
    if (response.status === 404)
        return undefined;
    if (response.status !== 200) {
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `GitHub attestations API for ${repo} answered HTTP ${response.status}`, {
            hint: response.status === 401 || response.status === 403 ? 'github-token cannot read attestations of this repository' : 're-run; GitHub may be degraded',
        });
    }
    const body = (0,json/* jsonBody */.J9)(response, 'GitHub attestations API');
    const attestations = (0,json/* isObject */.Gv)(body) && Array.isArray(body.attestations) ? body.attestations : [];
    // Refused, not cut short: GitHub never sends more than it was asked for, and keeping the first 100 of a
    // longer page would let the server's order decide which attestations count, while "none of 100
    // verifies" would read as if that were all there is.
    if (attestations.length > PER_PAGE) {
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `GitHub attestations API for ${repo} answered ${attestations.length} attestations on one page, more than the ${PER_PAGE} asked for (per_page); none was downloaded`, {
            hint: 'GITHUB_API_URL, or a proxy in front of it, is not answering as GitHub does: check it',
        });
    }
    return { attestations, next: nextPage(response.headers.link, api) };
}
async function bundleOf(item, http, search) {
    if (!(0,json/* isObject */.Gv)(item))
        return undefined;
    if ((0,json/* isObject */.Gv)(item.bundle))
        return item.bundle;
    if (typeof item.bundle_url !== 'string')
        return undefined;
    const url = (0,http_url/* parseEndpoint */.Bk)(item.bundle_url, 'attestation bundle_url');
    // A pre-signed storage URL: no GitHub token goes there.
    const response = await http.request({ method: 'GET', url, what: 'attestation bundle download' });
    if (response.status !== 200)
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `attestation bundle_url answered HTTP ${response.status}`);
    const { uncompress } = await __webpack_require__.e(/* import() */ 528).then(__webpack_require__.t.bind(__webpack_require__, 4528, 19));
    let text;
    try {
        text = Buffer.from(uncompress(response.bytes, MAX_BUNDLE_BYTES));
    }
    catch (error) {
        throw notABundle(url, error);
    }
    // Charged before parsing, the costlier step; the bundle that crosses the line is dropped unread.
    search.bytes += text.length;
    if (search.bytes > MAX_TOTAL_BYTES) {
        throw new errors/* KeylessError */.FM('HTTP_TOO_LARGE', `the attestation bundles in ${search.repo} for sha256:${search.sha256} came to more than ${MAX_TOTAL_BYTES} bytes decompressed before one verified (${search.reasons.length} refused: ${search.reasons.join(' | ') || 'none'})`, {
            hint: 'a Sigstore bundle is a few kilobytes: download the one that verifies (gh attestation download) and name it with bundle: instead of attestations:',
        });
    }
    try {
        return JSON.parse(text.toString('utf8'));
    }
    catch (error) {
        throw notABundle(url, error);
    }
}
function notABundle(url, cause) {
    return new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `attestation bundle_url ${url.origin}${url.pathname} did not hold a snappy-compressed JSON bundle of at most ${MAX_BUNDLE_BYTES} bytes`, {
        hint: 're-run; if it repeats, the attestation storage is misbehaving',
        cause,
    });
}
/** RFC 8288 `Link: <…>; rel="next"`, on the API's own origin: the next request carries the github-token. */
function nextPage(link, api) {
    const header = Array.isArray(link) ? link.join(',') : link;
    const next = header?.split(',').find((part) => /rel="next"/.test(part));
    const target = next ? /<([^>]+)>/.exec(next)?.[1] : undefined;
    if (target === undefined)
        return undefined;
    const url = (0,http_url/* parseEndpoint */.Bk)(target, 'attestations next page');
    if (url.origin !== api.origin) {
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `GitHub attestations API sent its next page to ${url.origin}, not to ${api.origin}`, {
            hint: 'the API (GITHUB_API_URL) or a proxy in front of it is misbehaving; the github-token was not sent elsewhere',
        });
    }
    return url;
}

;// CONCATENATED MODULE: ./src/policy/tools/download.ts



const MAX_REDIRECTS = 5;
/**
 * Downloads a tool into `dir` through the project's HTTP client (proxy, retries, size cap, https-only
 * except loopback), following the redirects a release download takes; every hop is re-checked, and the
 * whole download, redirects and retries included, ends within the tool's deadline. Returns the file,
 * which the pin covers: nothing reads it as an archive before its digest matches.
 */
async function downloadTool(tool, dir, http) {
    const file = (0,external_node_path_.join)(dir, (0,external_node_path_.basename)(tool.url.pathname) || tool.name);
    const deadline = Date.now() + tool.timeoutMs;
    let url = tool.url;
    for (let hop = 0;; hop++) {
        const left = deadline - Date.now();
        if (left <= 0)
            throw overdue(tool);
        const response = await http
            .request({ method: 'GET', url, what: 'tool download', maxBytes: tool.maxBytes, deadlineMs: left, saveTo: file })
            .catch((error) => {
            throw error instanceof errors/* KeylessError */.FM && error.code === 'HTTP_TIMEOUT' ? overdue(tool, error) : error;
        });
        const location = response.headers.location;
        if (response.status >= 300 && response.status < 400 && location) {
            if (hop === MAX_REDIRECTS)
                throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `${tool.url.origin} redirected more than ${MAX_REDIRECTS} times`);
            url = redirectTarget(location, url);
            continue;
        }
        if (response.status !== 200) {
            throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `downloading ${url.origin}${url.pathname} answered HTTP ${response.status}`, { hint: 'check the url and that the release exists' });
        }
        return file;
    }
}
/** Each hop is checked as the first was: a release may not bounce the download onto plain http. */
function redirectTarget(location, from) {
    let target;
    try {
        target = new URL(location, from);
    }
    catch {
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `${from.origin} redirected to an unreadable location`, { hint: 'the download server is misbehaving; check the url' });
    }
    (0,http_url/* assertSecure */.EO)(target, 'tool download redirect');
    return target;
}
function overdue(tool, cause) {
    return new errors/* KeylessError */.FM('HTTP_TIMEOUT', `the download of ${tool.url.origin}${tool.url.pathname} did not finish within ${tool.timeoutMs / 1000} s`, {
        hint: 'the server is too slow or stalled; raise the tool\'s timeout (default 5m) if the file is large',
        ...(cause === undefined ? {} : { cause }),
    });
}

;// CONCATENATED MODULE: ./src/policy/tools/archive-writer.ts



function refused(message, cause) {
    return new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `the archive ${message}`, {
        hint: 'a tool archive holds only files and folders inside it, within max-extracted-bytes and max-entries; do not run this release',
        ...(cause === undefined ? {} : { cause }),
    });
}
/** Where entries land, and the running totals the caps apply to. */
class ArchiveWriter {
    root;
    limits;
    #entries = 0;
    #bytes = 0;
    constructor(root, limits) {
        this.root = root;
        this.limits = limits;
    }
    /** Every record counts, including metadata records that create nothing. */
    countEntry() {
        if (++this.#entries > this.limits.maxEntries)
            throw refused(`holds more than ${this.limits.maxEntries} entries (max-entries)`);
    }
    countBytes(n) {
        this.#bytes += n;
        if (this.#bytes > this.limits.maxBytes)
            throw refused(`unpacks to more than ${this.limits.maxBytes} bytes (max-extracted-bytes)`);
    }
    /** For a format that declares its sizes up front (zip): refuse before writing anything. */
    checkTotal(declared) {
        if (declared > this.limits.maxBytes)
            throw refused(`declares more than ${this.limits.maxBytes} bytes (max-extracted-bytes)`);
    }
    dir(name, mode) {
        this.countEntry();
        const parts = checkEntry(name, mode);
        if (parts.length > 0)
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(this.root, ...parts), { recursive: true, mode: 0o755 });
    }
    async file(name, mode, data) {
        this.countEntry();
        const parts = checkEntry(name, mode);
        if (parts.length === 0)
            throw refused(`has a file entry without a name`);
        const path = (0,external_node_path_.join)(this.root, ...parts);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true, mode: 0o755 });
        // 'wx': a name that appears twice is refused rather than silently replaced.
        const fd = (0,external_node_fs_.openSync)(path, 'wx', mode & 0o111 ? 0o755 : 0o644);
        try {
            for await (const chunk of data) {
                this.countBytes(chunk.length);
                (0,external_node_fs_.writeSync)(fd, chunk);
            }
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
}
/**
 * A part of a name that Windows reads as something else than a file of that name: a device (`CON`,
 * `NUL`, `COM1`… with any extension), a drive or an alternate data stream (`:`), a character it refuses,
 * or a trailing dot or space, which it strips (`.. ` would become `..`).
 */
const WINDOWS_UNSAFE = /[:<>"|?*\p{Cc}]|[. ]$|^(?:con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/iu;
/**
 * The entry's path below the root: never absolute, never climbing out, never a Windows path (`\` in a
 * name, `C:`, `\\server\share`), on every OS; never setuid or setgid. Where the archive is unpacked
 * on Windows, a part Windows would not take as a plain file name is refused too.
 */
function checkEntry(name, mode, windows = process.platform === 'win32') {
    if (mode & 0o6000)
        throw refused(`entry ${JSON.stringify(name)} is setuid or setgid`);
    if (name.includes('\0') || name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name)) {
        throw refused(`entry ${JSON.stringify(name)} is an absolute or Windows path`);
    }
    const parts = name.split('/').filter((part) => part !== '' && part !== '.');
    if (parts.includes('..'))
        throw refused(`entry ${JSON.stringify(name)} points outside its folder`);
    if (windows && parts.some((part) => WINDOWS_UNSAFE.test(part)))
        throw refused(`entry ${JSON.stringify(name)} is not a plain file name on Windows`);
    return parts;
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/policy/tools/untar.ts




const BLOCK = 512;
/** A pax or GNU long-name record is a few hundred bytes; a larger one is an attack on memory. */
const MAX_META = 64 * 1024;
/**
 * Reads a gzip-compressed tar (ustar, pax, GNU long names) as a stream and hands its files and folders
 * to the writer. Every other record type (hard and symbolic links, devices, FIFOs, sparse files) is
 * refused. Decompression goes no faster than the writer consumes, so the caps bound the work too.
 */
async function untar(archive, writer) {
    const gunzip = (0,external_node_stream_.pipeline)((0,external_node_fs_.createReadStream)(archive), (0,external_node_zlib_.createGunzip)(), () => undefined);
    const reader = new Reader(gunzip[Symbol.asyncIterator]());
    try {
        let meta = {};
        for (;;) {
            const header = await reader.exactly(BLOCK);
            if (header.every((byte) => byte === 0))
                return;
            checkChecksum(header);
            const type = String.fromCharCode(header[156] ?? 0);
            const size = meta.size ?? octal(header.subarray(124, 136));
            const name = meta.path ?? headerName(header);
            const mode = octal(header.subarray(100, 108));
            meta = {};
            const padding = (BLOCK - (size % BLOCK)) % BLOCK;
            if (type === 'x' || type === 'g' || type === 'L') {
                writer.countEntry();
                if (size > MAX_META)
                    throw refused(`has a ${size}-byte metadata record`);
                writer.countBytes(size);
                const body = await reader.exactly(size);
                // A global pax record describes the archive, not the next entry.
                if (type === 'x')
                    meta = pax(body);
                if (type === 'L')
                    meta = { path: body.toString('utf8').replace(/\0.*$/s, '') };
            }
            else if (type === '5') {
                if (size !== 0)
                    throw refused(`folder entry ${JSON.stringify(name)} carries data`);
                writer.dir(name, mode);
            }
            else if (type === '0' || type === '\0' || type === '7') {
                await writer.file(name, mode, reader.chunks(size));
            }
            else {
                throw refused(`entry ${JSON.stringify(name)} is ${KINDS[type] ?? `of tar type ${JSON.stringify(type)}`}, not a file or folder`);
            }
            await reader.exactly(padding);
        }
    }
    finally {
        gunzip.destroy();
    }
}
const KINDS = { '1': 'a hard link', '2': 'a symbolic link', '3': 'a character device', '4': 'a block device', '6': 'a FIFO', K: 'a link', S: 'a sparse file' };
function headerName(header) {
    const name = untar_text(header.subarray(0, 100));
    // POSIX ustar splits long names into prefix/name; GNU tar keeps other fields where the prefix would be.
    const ustar = header.subarray(257, 263).toString('latin1') === 'ustar\0';
    const prefix = ustar ? untar_text(header.subarray(345, 500)) : '';
    return prefix ? `${prefix}/${name}` : name;
}
/** Octal digits, or GNU's base-256 form for sizes of 8 GiB and more (far above any cap). */
function octal(field) {
    if ((field[0] ?? 0) & 0x80)
        throw refused('has an entry of 8 GiB or more');
    const digits = untar_text(field).trim();
    if (!/^[0-7]*$/.test(digits))
        throw refused('is not a tar archive (a header field is not octal)');
    return digits === '' ? 0 : parseInt(digits, 8);
}
function checkChecksum(header) {
    let sum = 0;
    for (let i = 0; i < BLOCK; i++)
        sum += i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
    if (sum !== octal(header.subarray(148, 156)))
        throw refused('is not a tar archive (a header checksum does not match)');
}
/** The `path` and `size` of a pax extended header (`LEN key=value\n` records). */
function pax(body) {
    const out = {};
    let at = 0;
    while (at < body.length) {
        const space = body.indexOf(0x20, at);
        const length = Number(body.subarray(at, space).toString('latin1'));
        if (space < 0 || !Number.isSafeInteger(length) || length <= space - at || at + length > body.length)
            throw refused('has a malformed pax header');
        const record = body.subarray(space + 1, at + length - 1).toString('utf8');
        const eq = record.indexOf('=');
        if (eq < 0)
            throw refused('has a malformed pax header');
        const [key, value] = [record.slice(0, eq), record.slice(eq + 1)];
        if (key === 'path')
            out.path = value;
        if (key === 'size') {
            if (!/^\d{1,15}$/.test(value))
                throw refused('has a malformed pax size');
            out.size = Number(value);
        }
        if (key.startsWith('GNU.sparse'))
            throw refused('holds a sparse file');
        at += length;
    }
    return out;
}
function untar_text(field) {
    const end = field.indexOf(0);
    return field.subarray(0, end < 0 ? field.length : end).toString('utf8');
}
/** Exact reads over a stream of chunks of any size. */
class Reader {
    source;
    #pending = Buffer.alloc(0);
    constructor(source) {
        this.source = source;
    }
    async exactly(n) {
        const parts = [];
        for await (const part of this.chunks(n))
            parts.push(part);
        return Buffer.concat(parts);
    }
    async *chunks(n) {
        for (let left = n; left > 0;) {
            while (this.#pending.length === 0) {
                const next = await this.source.next();
                if (next.done === true)
                    throw refused('ends in the middle of an entry');
                this.#pending = next.value;
            }
            const part = this.#pending.subarray(0, left);
            this.#pending = this.#pending.subarray(part.length);
            left -= part.length;
            yield part;
        }
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/policy/tools/unzip.ts





const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
/**
 * Reads a zip from its central directory (the index every unzip trusts) and hands its files and folders
 * to the writer. Entries are checked and the declared sizes summed against the caps before anything is
 * written; each entry then inflates to no more than its declared size and must match its CRC-32.
 * Encrypted, multi-disk and zip64 archives are refused: tool releases do not need them.
 */
async function unzip(archive, writer) {
    const file = await (0,promises_.open)(archive, 'r');
    let entries;
    try {
        entries = await centralDirectory(file, writer);
        for (const entry of entries)
            entry.offset = await dataOffset(file, entry);
    }
    finally {
        await file.close();
    }
    for (const entry of entries) {
        const type = entry.mode & S_IFMT;
        if (type === S_IFDIR || (type === 0 && entry.name.endsWith('/')))
            writer.dir(entry.name, entry.mode);
        else
            await writer.file(entry.name, entry.mode, inflated(archive, entry));
    }
}
async function centralDirectory(file, writer) {
    const { size } = await file.stat();
    const tail = await read(file, Math.max(0, size - 65_557), Math.min(size, 65_557));
    let at = tail.length - 22;
    while (at >= 0 && tail.readUInt32LE(at) !== EOCD)
        at--;
    if (at < 0)
        throw refused('is not a zip archive (no end of central directory)');
    const count = tail.readUInt16LE(at + 10);
    const length = tail.readUInt32LE(at + 12);
    const offset = tail.readUInt32LE(at + 16);
    if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0)
        throw refused('spans several disks');
    if (count === 0xffff || length === 0xffffffff || offset === 0xffffffff)
        throw refused('is a zip64 archive, which Keyless does not unpack');
    if (offset + length > size)
        throw refused('has a central directory outside the file');
    const directory = await read(file, offset, length);
    const entries = [];
    let declared = 0;
    for (let p = 0; entries.length < count;) {
        if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL)
            throw refused('has a damaged central directory');
        writer.countEntry();
        const entry = centralEntry(directory, p);
        // Declared sizes are checked up front; inflating past its declared size fails the entry later.
        declared += entry.size;
        entries.push(entry);
        p += 46 + directory.readUInt16LE(p + 28) + directory.readUInt16LE(p + 30) + directory.readUInt16LE(p + 32);
    }
    writer.checkTotal(declared);
    return entries;
}
/** One central directory record, refused unless it is a plain file or folder this reader can inflate. */
function centralEntry(directory, p) {
    const flags = directory.readUInt16LE(p + 8);
    const nameLength = directory.readUInt16LE(p + 28);
    const name = directory.subarray(p + 46, p + 46 + nameLength).toString(flags & 0x800 ? 'utf8' : 'latin1');
    const unix = directory.readUInt8(p + 5) === 3;
    const entry = {
        name,
        mode: unix ? directory.readUInt32LE(p + 38) >>> 16 : 0,
        method: directory.readUInt16LE(p + 10),
        crc: directory.readUInt32LE(p + 16),
        compressedSize: directory.readUInt32LE(p + 20),
        size: directory.readUInt32LE(p + 24),
        offset: directory.readUInt32LE(p + 42),
    };
    checkEntry(name, entry.mode);
    const type = entry.mode & S_IFMT;
    if (type !== 0 && type !== S_IFREG && type !== S_IFDIR)
        throw refused(`entry ${JSON.stringify(name)} is ${type === 0o120000 ? 'a symbolic link' : 'not a file or folder'}`);
    if (flags & 0x1)
        throw refused(`entry ${JSON.stringify(name)} is encrypted`);
    if (entry.method !== 0 && entry.method !== 8)
        throw refused(`entry ${JSON.stringify(name)} uses compression method ${entry.method}, not stored or deflate`);
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.offset === 0xffffffff)
        throw refused('is a zip64 archive, which Keyless does not unpack');
    return entry;
}
/** Where an entry's data starts: after its local header, whose name and extra field may differ in length. */
async function dataOffset(file, entry) {
    const header = await read(file, entry.offset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL)
        throw refused(`entry ${JSON.stringify(entry.name)} has no local header`);
    return entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}
async function* inflated(archive, entry) {
    if (entry.compressedSize === 0 && entry.size === 0)
        return;
    const raw = (0,external_node_fs_.createReadStream)(archive, { start: entry.offset, end: entry.offset + entry.compressedSize - 1 });
    const source = entry.method === 8 ? (0,external_node_stream_.pipeline)(raw, (0,external_node_zlib_.createInflateRaw)(), () => undefined) : raw;
    let size = 0;
    let crc = 0;
    try {
        for await (const chunk of source) {
            size += chunk.length;
            if (size > entry.size)
                throw refused(`entry ${JSON.stringify(entry.name)} unpacks to more than the ${entry.size} bytes it declares`);
            crc = (0,external_node_zlib_.crc32)(chunk, crc);
            yield chunk;
        }
    }
    finally {
        source.destroy();
    }
    if (size !== entry.size || crc !== entry.crc)
        throw refused(`entry ${JSON.stringify(entry.name)} is damaged (size or CRC-32 does not match)`);
}
async function read(file, position, length) {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await file.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
}

;// CONCATENATED MODULE: ./src/policy/tools/extract.ts






/**
 * Unpacks a verified archive into `target`, which must not exist yet. Only regular files and folders are
 * ever created, with modes 0644/0755 whatever the archive says: links, devices, FIFOs and setuid/setgid
 * entries are refused, as are absolute paths and `..`. The caps hold while unpacking, not after. On any
 * failure the folder is removed.
 *
 * Keyless reads the archive itself rather than running tar/unzip: one parser decides what is refused
 * and what is written (no listing that another program may read differently), nothing it writes can be
 * a link to write through, and the runner's tar/unzip flavour (GNU, bsd, none on Windows) does not matter.
 */
async function extractArchive(archive, kind, target, limits) {
    (0,external_node_fs_.mkdirSync)(target, { mode: 0o755 });
    try {
        const writer = new ArchiveWriter(target, limits);
        await (kind === 'zip' ? unzip(archive, writer) : untar(archive, writer));
    }
    catch (error) {
        (0,external_node_fs_.rmSync)(target, (0,fs_retry/* removeOptions */.r)());
        if (error instanceof errors/* KeylessError */.FM)
            throw error;
        throw refused(`could not be unpacked (${error.code ?? error.message})`, error);
    }
}

;// CONCATENATED MODULE: ./src/policy/tools/provenance.ts

const SLSA_V1 = 'https://slsa.dev/provenance/v1';
/**
 * For a SLSA v1 provenance attestation, what it says about the build must agree with the policy: the
 * builder (`builder`) and the source repository (`source-repository`). The certificate vouches for who
 * signed; the predicate says what was built from where.
 */
function checkProvenance(tool, signature) {
    if (signature.predicateType !== SLSA_V1) {
        if (tool.builder)
            throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `the attestation is ${signature.predicateType ?? 'not in-toto'}, not SLSA v1 provenance, so it names no builder`);
        return;
    }
    // A statement may name the type and carry no predicate (or not an object): it then names nothing.
    const predicate = (typeof signature.predicate === 'object' && signature.predicate !== null ? signature.predicate : {});
    const builder = predicate.runDetails?.builder?.id;
    const repository = predicate.buildDefinition?.externalParameters?.workflow?.repository;
    const wrong = [];
    if (tool.builder && builder !== tool.builder)
        wrong.push(`builder is ${JSON.stringify(builder)}, policy wants ${JSON.stringify(tool.builder)}`);
    const wanted = tool.extensions['source-repository'];
    if (wanted && repository !== wanted)
        wrong.push(`source repository is ${JSON.stringify(repository)}, policy wants ${JSON.stringify(wanted)}`);
    if (wrong.length > 0)
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `the SLSA provenance does not meet the policy: ${wrong.join('; ')}`);
}

;// CONCATENATED MODULE: ./src/policy/tools/gate.ts
















/**
 * Verifies every tool (concurrently) before any credential exists. Under `enforce` one failure fails the
 * step; under `warn` each failure is an annotation and the run goes on.
 */
async function gateTools(config, deps) {
    const refresh = async () => refreshedRoot(deps.runner, config.tufMirror, newTufCache(deps.runner.env, (path) => deps.cleanup?.record({ kind: 'path', path })));
    const trustedRoot = config.trustedRoot
        ? readJson((0,external_node_path_.resolve)(deps.workspace, config.trustedRoot), 'trusted-root')
        : ((config.tufRefresh ? await refresh() : undefined) ?? (0,trust/* publicGoodRoot */.Bo)());
    const folder = config.tools.some((tool) => tool.url) ? toolsFolder(deps) : '';
    const results = await Promise.allSettled(config.tools.map((tool) => verifyTool(tool, trustedRoot, config, deps, folder)));
    const verified = [];
    const failures = [];
    results.forEach((result, i) => {
        const name = config.tools[i]?.name ?? '?';
        if (result.status === 'fulfilled') {
            verified.push(result.value);
            deps.runner.info(`✓ tool ${name}: ${result.value.digest} signed by ${result.value.identity ?? 'the pinned key'}${result.value.tlogIndex ? `, log index ${result.value.tlogIndex}` : ''}`);
        }
        else {
            failures.push(`${name}: ${(0,errors/* renderError */.vr)(result.reason)}`);
            if (config.toolPolicy === 'warn')
                deps.runner.warning(`tool ${name} is not verified: ${(0,errors/* renderError */.vr)(result.reason)}`, { title: 'Keyless tool policy' });
        }
    });
    if (failures.length > 0 && config.toolPolicy === 'enforce') {
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `${failures.length} tool(s) failed verification, so no credential was requested: ${failures.join('; ')}`, {
            hint: 'fix the pin or the signer policy, or use tool-policy: warn while adopting',
        });
    }
    return verified;
}
/** A fresh folder for downloads, recorded for deletion before anything is written in it. */
function toolsFolder(deps) {
    const folder = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(deps.runner.env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)(), 'keyless-tools-'));
    deps.cleanup?.record({ kind: 'path', path: folder });
    return folder;
}
async function verifyTool(tool, trustedRoot, config, deps, folder) {
    if (tool.url === undefined)
        return verifyFile(tool, (0,external_node_path_.resolve)(deps.workspace, tool.path ?? ''), trustedRoot, config, deps);
    const dir = (0,external_node_path_.join)(folder, tool.name);
    (0,external_node_fs_.mkdirSync)(dir);
    try {
        // The archive as released is what the pin and the signature cover: nothing reads it before they pass.
        const file = await downloadTool({ ...tool, url: tool.url }, dir, deps.http);
        const verified = await verifyFile(tool, file, trustedRoot, config, deps);
        if (tool.extract === 'none') {
            (0,external_node_fs_.chmodSync)(file, 0o755);
            if (tool.addToPath)
                deps.runner.addPath(dir);
            return verified;
        }
        // The download keeps its released name, which may itself be `extracted`.
        const unpacked = (0,external_node_path_.join)(dir, (0,external_node_path_.basename)(file) === 'extracted' ? 'unpacked' : 'extracted');
        await extractArchive(file, tool.extract, unpacked, { maxBytes: tool.maxExtractedBytes, maxEntries: tool.maxEntries });
        if (tool.addToPath)
            deps.runner.addPath(unpacked);
        return { ...verified, path: (0,paths/* toPosixPath */.kb)(unpacked) };
    }
    catch (error) {
        // A refused download goes at once, not at post: a later `if: always()` step must not find it.
        (0,external_node_fs_.rmSync)(dir, (0,fs_retry/* removeOptions */.r)());
        throw error;
    }
}
/** Every digest pin given must match, then the signature must cover that digest and meet the policy. */
async function verifyFile(tool, file, trustedRoot, config, deps) {
    if (!(0,external_node_fs_.existsSync)(file))
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `${(0,paths/* toPosixPath */.kb)(file)} does not exist`, { hint: 'check the path (relative to the workspace), or download the tool first' });
    const digests = await hashFile(file);
    const wrong = ['sha256', 'sha512'].filter((algorithm) => tool[algorithm] !== undefined && tool[algorithm] !== digests[algorithm]);
    if (wrong.length > 0) {
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', wrong.map((algorithm) => `${algorithm} is ${digests[algorithm]}, the pin is ${tool[algorithm] ?? ''}`).join('; '), {
            hint: 'the file is not the version you pinned: a tag or download moved',
        });
    }
    const policy = {
        ...(tool.identity ? { identity: tool.identity } : {}),
        ...(tool.identityRegexp ? { identityRegexp: tool.identityRegexp } : {}),
        ...(tool.issuer ? { issuer: tool.issuer } : {}),
        ...(tool.key ? { key: readKey((0,external_node_path_.resolve)(deps.workspace, tool.key)) } : {}),
        // None named means none checked (checkExtensions), so a key-signed bundle passes without a certificate.
        extensions: tool.extensions,
    };
    const sha256 = Buffer.from(digests.sha256, 'hex');
    const { signature, evidence } = tool.bundle
        ? { signature: (0,verify/* verifyBundle */.I)({ bundle: await loadBundle(tool.bundle, deps), artifact: { sha256 }, trustedRoot, policy }), evidence: `bundle ${tool.bundle}` }
        : await fromAttestations(tool, sha256, trustedRoot, policy, config, deps);
    if (tool.url === undefined && tool.addToPath)
        deps.runner.addPath((0,external_node_path_.dirname)(file));
    return {
        name: tool.name,
        digest: tool.sha512 ? `sha512:${digests.sha512}` : signature.digest,
        evidence,
        path: (0,paths/* toPosixPath */.kb)(file),
        ...(signature.identity ? { identity: signature.identity } : {}),
        ...(signature.issuer ? { issuer: signature.issuer } : {}),
        ...(signature.tlogIndex ? { tlogIndex: signature.tlogIndex } : {}),
    };
}
function readKey(path) {
    const pem = evidence(path, 'key', 'key names a PEM public key file, relative to the workspace');
    try {
        return (0,external_node_crypto_.createPublicKey)(pem);
    }
    catch (error) {
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `key ${(0,paths/* toPosixPath */.kb)(path)} is not a readable public key (${error.code ?? error.message})`, {
            hint: 'key names a PEM public key file, relative to the workspace',
            cause: error,
        });
    }
}
/** The first attestation that verifies and meets the provenance policy; each is checked as it arrives. */
async function fromAttestations(tool, sha256, trustedRoot, policy, config, deps) {
    const repo = tool.attestations ?? '';
    const signature = await firstAttestation(repo, sha256.toString('hex'), { http: deps.http, runner: deps.runner, ...(config.githubToken ? { token: config.githubToken } : {}) }, (bundle) => {
        const verified = (0,verify/* verifyBundle */.I)({ bundle, artifact: { sha256 }, trustedRoot, policy });
        checkProvenance(tool, verified);
        return verified;
    });
    return { signature, evidence: `attestation in ${repo}` };
}
async function loadBundle(location, deps) {
    if (!/^https?:\/\//.test(location))
        return readJson((0,external_node_path_.isAbsolute)(location) ? location : (0,external_node_path_.resolve)(deps.workspace, location), 'bundle');
    const url = (0,http_url/* parseEndpoint */.Bk)(location, 'bundle URL');
    const response = await deps.http.request({ method: 'GET', url, what: 'bundle download', headers: { accept: 'application/json' } });
    if (response.status !== 200)
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `bundle ${url.href} answered HTTP ${response.status}`);
    try {
        return JSON.parse(response.body);
    }
    catch {
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `bundle ${url.href} is not JSON`);
    }
}
function readJson(path, what) {
    if (!(0,external_node_fs_.existsSync)(path))
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `${what} ${(0,paths/* toPosixPath */.kb)(path)} does not exist`);
    const text = (what === 'bundle'
        ? evidence(path, 'bundle', 'bundle names a Sigstore bundle file, relative to the workspace, or an https URL')
        : evidence(path, 'trusted root', 'trusted-root names a Sigstore trusted root file, relative to the workspace', what)).toString('utf8');
    try {
        return JSON.parse(text);
    }
    catch {
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `${what} ${(0,paths/* toPosixPath */.kb)(path)} is not JSON`);
    }
}
/** An evidence file from the checkout, refused as this gate refuses a tool: TOOL_UNVERIFIED, the reason kept. */
function evidence(path, kind, where, input = kind) {
    try {
        return (0,evidence_file/* readEvidence */.A)(path, kind, where, `${input} ${(0,paths/* toPosixPath */.kb)(path)}`);
    }
    catch (error) {
        if (!(error instanceof errors/* KeylessError */.FM))
            throw error;
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', error.message, { cause: error, ...(error.hint === undefined ? {} : { hint: error.hint }) });
    }
}
/**
 * Only a regular file is hashed: a FIFO committed as the tool would hang the step (opened non-blocking, it
 * cannot), and a device such as /dev/zero would never end. The check is on what was opened, and the hash
 * reads that same descriptor. No size cap: the hash streams, and a download is already capped.
 */
async function hashFile(path) {
    let fd;
    try {
        // Windows has no O_NONBLOCK: undefined, which `|` takes as 0.
        fd = (0,external_node_fs_.openSync)(path, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK);
    }
    catch (error) {
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `cannot read ${(0,paths/* toPosixPath */.kb)(path)} (${error.code ?? String(error)})`, { cause: error });
    }
    if (!(0,external_node_fs_.fstatSync)(fd).isFile()) {
        (0,external_node_fs_.closeSync)(fd);
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `${(0,paths/* toPosixPath */.kb)(path)} is not a regular file`, { hint: 'path names the tool itself, a regular file' });
    }
    const sha256 = (0,external_node_crypto_.createHash)('sha256');
    const sha512 = (0,external_node_crypto_.createHash)('sha512');
    for await (const chunk of (0,external_node_fs_.createReadStream)('', { fd })) {
        sha256.update(chunk);
        sha512.update(chunk);
    }
    return { sha256: sha256.digest('hex'), sha512: sha512.digest('hex') };
}


/***/ })

};
;