export const id = 343;
export const ids = [343];
export const modules = {

/***/ 9343:
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
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/http/url.ts
var http_url = __webpack_require__(6697);
// EXTERNAL MODULE: ./node_modules/@sigstore/tuf/seeds.json
var seeds = __webpack_require__(8032);
// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/index.js
var dist = __webpack_require__(9654);
// EXTERNAL MODULE: ./node_modules/@sigstore/verify/dist/index.js
var verify_dist = __webpack_require__(4187);
;// CONCATENATED MODULE: ./src/policy/sigstore/trust.ts





/**
 * sha256 of the Sigstore public-good trusted_root.json this action ships (the one embedded in
 * @sigstore/tuf 5.0.1 and published as root-signing's targets/trusted_root.json). A different file in
 * the dependency fails closed instead of being trusted.
 */
const PUBLIC_GOOD_ROOT_SHA256 = '6494e21ea73fa7ee769f85f57d5a3e6a08725eae1e38c755fc3517c9e6bc0b66';
/** The shipped public-good trusted root: works offline, where a TUF client cannot start from nothing. */
function publicGoodRoot() {
    const encoded = seeds["https://tuf-repo-cdn.sigstore.dev"]?.targets['trusted_root.json'];
    const bytes = Buffer.from(encoded ?? '', 'base64');
    if ((0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex') !== PUBLIC_GOOD_ROOT_SHA256) {
        throw new errors/* KeylessError */.FM('TRUST_ROOT_INVALID', 'the shipped Sigstore trusted root does not match its pinned sha256', {
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
    const doc = root;
    const missing = [];
    for (const kind of ['tlogs', 'ctlogs', 'certificateAuthorities', 'timestampAuthorities']) {
        (doc[kind] ?? []).forEach((entry, i) => {
            const validity = kind === 'tlogs' || kind === 'ctlogs' ? entry.publicKey?.validFor : entry.validFor;
            if (!validity?.start)
                missing.push(`${kind}[${i}]`);
        });
    }
    if (missing.length > 0) {
        throw new errors/* KeylessError */.FM('TRUST_ROOT_INVALID', `trusted root entries without validFor.start: ${missing.join(', ')}`, {
            hint: 'every key in a trusted root must say since when it is valid; fix or replace the trusted root',
        });
    }
}
/** Trust material from a trusted root document, with a managed public key for `--key` verification. */
function trustMaterial(root, key) {
    checkValidityStarts(root);
    let parsed;
    try {
        parsed = dist.TrustedRoot.fromJSON(root);
    }
    catch (error) {
        throw new errors/* KeylessError */.FM('TRUST_ROOT_INVALID', `the trusted root is not a Sigstore TrustedRoot: ${error.message}`, { cause: error });
    }
    if (key === undefined)
        return (0,verify_dist/* toTrustMaterial */.jO)(parsed);
    // A managed key is trusted for whatever hint the bundle names: the caller chose this key explicitly.
    return (0,verify_dist/* toTrustMaterial */.jO)(parsed, () => ({ publicKey: key, validFor: () => true }));
}

;// CONCATENATED MODULE: ./src/policy/sigstore/tuf-refresh.ts



const DEADLINE_MS = 20_000;
/**
 * The current trusted root through TUF (its signed metadata chain from the root shipped in @sigstore/tuf),
 * or undefined with a warning when the mirror cannot be reached: the caller then uses the shipped root.
 */
async function refreshedRoot(runner, mirror) {
    const mirrorURL = mirror ?? 'https://tuf-repo-cdn.sigstore.dev';
    try {
        const { getTrustedRoot } = await __webpack_require__.e(/* import() */ 694).then(__webpack_require__.bind(__webpack_require__, 4423));
        const cachePath = (0,external_node_path_.join)(runner.env.RUNNER_TEMP ?? '.', 'keyless-tuf');
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

// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var bundle_dist = __webpack_require__(1040);
// EXTERNAL MODULE: ./node_modules/@sigstore/core/dist/index.js
var core_dist = __webpack_require__(3917);
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
    const material = trustMaterial(request.trustedRoot, request.policy.key);
    const { entity, predicateType, predicate } = signedEntity(bundle, request.artifact, sha256);
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
        ...(entry && entry.integratedTime !== '0' ? { integratedTime: new Date(Number(entry.integratedTime) * 1000).toISOString() } : {}),
        ...(predicateType ? { predicateType, predicate } : {}),
    };
}
/** The entity the verifier checks, bound to the artifact: its digest must be what was signed or attested. */
function signedEntity(bundle, artifact, sha256) {
    if ((0,bundle_dist/* isBundleWithDsseEnvelope */.Km)(bundle)) {
        const { predicateType, predicate } = checkInTotoSubject(bundle, sha256.toString('hex'));
        return { entity: (0,verify_dist/* toSignedEntity */.DC)(bundle), ...(predicateType ? { predicateType, predicate } : {}) };
    }
    if (!(0,bundle_dist/* isBundleWithMessageSignature */.QU)(bundle)) {
        throw new errors/* KeylessError */.FM('SIGNATURE_INVALID', 'the bundle holds neither a message signature nor a DSSE envelope');
    }
    const { messageDigest, signature } = bundle.content.messageSignature;
    // The signature and the log entry cover this digest; it must be the artifact's.
    if (messageDigest.algorithm === dist.HashAlgorithm.SHA2_256 && !messageDigest.digest.equals(sha256)) {
        throw new errors/* KeylessError */.FM('SIGNATURE_INVALID', `the bundle signs sha256:${messageDigest.digest.toString('hex')}, not sha256:${sha256.toString('hex')}`, {
            hint: 'the bundle belongs to another artifact (or another version of it)',
        });
    }
    const entity = 'bytes' in artifact ? (0,verify_dist/* toSignedEntity */.DC)(bundle, artifact.bytes) : { ...(0,verify_dist/* toSignedEntity */.DC)(bundle), signature: prehashedContent(signature, sha256) };
    return { entity };
}
function parseBundle(json) {
    let bundle;
    try {
        bundle = (0,bundle_dist/* bundleFromJSON */.vw)(json);
    }
    catch (error) {
        throw new errors/* KeylessError */.FM('SIGNATURE_INVALID', `not a valid Sigstore bundle: ${error.message}`, {
            hint: 'pass the .sigstore.json bundle (media type application/vnd.dev.sigstore.bundle…)',
            cause: error,
        });
    }
    rejectEmbeddedRoot(bundle);
    return bundle;
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

// EXTERNAL MODULE: ./src/http/json.ts
var json = __webpack_require__(2868);
;// CONCATENATED MODULE: ./src/policy/tools/attestations.ts



const MAX_PAGES = 10;
/**
 * The Sigstore bundles GitHub holds for a digest in a repository: `GET /repos/{owner}/{repo}/attestations/
 * sha256:{hex}`, every page. An attestation may carry `bundle: null` and a `bundle_url` to a
 * snappy-compressed bundle instead.
 */
async function attestationBundles(repo, sha256, deps) {
    const api = (0,http_url/* parseEndpoint */.Bk)(deps.runner.env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL');
    if (deps.token)
        deps.runner.mask(deps.token);
    let url = new URL(`${api.pathname.replace(/\/$/, '')}/repos/${repo}/attestations/sha256:${sha256}`, api);
    url.searchParams.set('per_page', '100');
    const bundles = [];
    for (let page = 0; url && page < MAX_PAGES; page++) {
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
            break;
        if (response.status !== 200) {
            throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `GitHub attestations API for ${repo} answered HTTP ${response.status}`, {
                hint: response.status === 401 || response.status === 403 ? 'github-token cannot read attestations of this repository' : 're-run; GitHub may be degraded',
            });
        }
        const body = (0,json/* jsonBody */.J9)(response, 'GitHub attestations API');
        const list = (0,json/* isObject */.Gv)(body) && Array.isArray(body.attestations) ? body.attestations : [];
        for (const item of list)
            bundles.push(await bundleOf(item, deps.http));
        url = nextPage(response.headers.link);
    }
    if (bundles.length === 0) {
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `${repo} has no attestation for sha256:${sha256}`, {
            hint: 'the release was not attested (actions/attest-build-provenance), or the digest is not the released file',
        });
    }
    return bundles;
}
async function bundleOf(item, http) {
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
    return JSON.parse(Buffer.from(uncompress(response.bytes)).toString('utf8'));
}
/** RFC 8288 `Link: <…>; rel="next"`. */
function nextPage(link) {
    const header = Array.isArray(link) ? link.join(',') : link;
    const next = header?.split(',').find((part) => /rel="next"/.test(part));
    const target = next ? /<([^>]+)>/.exec(next)?.[1] : undefined;
    return target ? (0,http_url/* parseEndpoint */.Bk)(target, 'attestations next page') : undefined;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/policy/tools/download.ts









const MAX_REDIRECTS = 5;
/**
 * Downloads a tool over https into RUNNER_TEMP (release downloads redirect; every hop is re-checked),
 * capped in size, then extracts it with the system tar/unzip. Returns the downloaded file, which the
 * pin covers, and what to run.
 */
async function fetchTool(tool, deps) {
    const { maxBytes } = tool;
    const url = tool.url;
    const dir = (0,external_node_path_.join)(deps.runner.env.RUNNER_TEMP ?? deps.workspace, 'keyless-tools', tool.name);
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    const pinned = (0,external_node_path_.join)(dir, (0,external_node_path_.basename)(url.pathname) || tool.name);
    const response = await follow(url, MAX_REDIRECTS);
    const declared = Number(response.headers['content-length'] ?? Number.NaN);
    if (declared > maxBytes) {
        response.destroy();
        throw tooLarge(url, maxBytes);
    }
    let size = 0;
    response.on('data', (chunk) => {
        size += chunk.length;
        if (size > maxBytes)
            response.destroy(tooLarge(url, maxBytes));
    });
    await (0,promises_.pipeline)(response, (0,external_node_fs_.createWriteStream)(pinned, { mode: 0o755 }));
    if (!response.complete)
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `the download of ${url.href} was cut off`);
    if (tool.extract === 'none') {
        (0,external_node_fs_.chmodSync)(pinned, 0o755);
        return { pinned, usable: pinned };
    }
    const target = (0,external_node_path_.join)(dir, 'extracted');
    (0,external_node_fs_.mkdirSync)(target, { recursive: true });
    const [command, args] = tool.extract === 'zip' ? ['unzip', ['-q', '-o', pinned, '-d', target]] : ['tar', ['-xzf', pinned, '-C', target]];
    // Extraction happens before verification on purpose: nothing extracted runs before the pin is checked.
    await (0,external_node_util_.promisify)(external_node_child_process_.execFile)(command, args);
    return { pinned, usable: target };
}
function follow(url, redirects) {
    (0,http_url/* assertSecure */.EO)(url, 'tool url');
    return new Promise((resolve, reject) => {
        const send = url.protocol === 'https:' ? external_node_https_.request : external_node_http_.request;
        const req = send(url, { method: 'GET', timeout: 60_000, headers: { 'user-agent': 'keyless' } }, (res) => {
            const location = res.headers.location;
            if (res.statusCode !== undefined && res.statusCode >= 300 && res.statusCode < 400 && location) {
                res.resume();
                if (redirects === 0) {
                    reject(new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `${url.origin} redirected too many times`));
                }
                else {
                    follow(new URL(location, url), redirects - 1).then(resolve, reject);
                }
                return;
            }
            if (res.statusCode !== 200) {
                res.resume();
                return reject(new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `downloading ${url.origin}${url.pathname} answered HTTP ${res.statusCode ?? 0}`, { hint: 'check the url and that the release exists' }));
            }
            resolve(res);
        });
        req.on('timeout', () => req.destroy(new errors/* KeylessError */.FM('HTTP_TIMEOUT', `downloading ${url.origin}${url.pathname} stalled`)));
        req.on('error', reject);
        req.end();
    });
}
function tooLarge(url, maxBytes) {
    return new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `${url.origin}${url.pathname} is larger than ${maxBytes} bytes`, { hint: 'the download is not the tool you pinned' });
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
    const predicate = signature.predicate;
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
    const trustedRoot = config.trustedRoot
        ? readJson((0,external_node_path_.resolve)(deps.workspace, config.trustedRoot), 'trusted-root')
        : ((config.tufRefresh ? await refreshedRoot(deps.runner, config.tufMirror) : undefined) ?? publicGoodRoot());
    const results = await Promise.allSettled(config.tools.map((tool) => verifyTool(tool, trustedRoot, config, deps)));
    const verified = [];
    const failures = [];
    results.forEach((result, i) => {
        const name = config.tools[i]?.name ?? '?';
        if (result.status === 'fulfilled') {
            verified.push(result.value);
            deps.runner.info(`✓ tool ${name}: ${result.value.digest} signed by ${result.value.identity ?? 'the pinned key'}${result.value.tlogIndex ? `, log index ${result.value.tlogIndex}` : ''}`);
        }
        else {
            failures.push(`${name}: ${(0,errors/* renderError */.vr)(result.reason).replace(/^\[[A-Z_]+\] /, '')}`);
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
async function verifyTool(tool, trustedRoot, config, deps) {
    // `pinned` is the file the digest and signature cover (an archive as released); `usable` is what runs.
    const { pinned: file, usable } = tool.url ? await fetchTool(tool, deps) : { pinned: (0,external_node_path_.resolve)(deps.workspace, tool.path ?? ''), usable: undefined };
    if (!(0,external_node_fs_.existsSync)(file))
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `${file} does not exist`, { hint: 'check the path (relative to the workspace), or download the tool first' });
    const digests = await hashFile(file);
    const pinned = tool.sha512 ? ['sha512', tool.sha512, digests.sha512] : ['sha256', tool.sha256, digests.sha256];
    if (pinned[1] !== pinned[2]) {
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `${pinned[0]} is ${pinned[2]}, the pin is ${pinned[1]}`, { hint: 'the file is not the version you pinned: a tag or download moved' });
    }
    const policy = {
        ...(tool.identity ? { identity: tool.identity } : {}),
        ...(tool.identityRegexp ? { identityRegexp: tool.identityRegexp } : {}),
        ...(tool.key ? { key: (0,external_node_crypto_.createPublicKey)((0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(deps.workspace, tool.key))) } : { issuer: tool.issuer }),
        ...(Object.keys(tool.extensions).length > 0 ? { extensions: tool.extensions } : {}),
    };
    const sha256 = Buffer.from(digests.sha256, 'hex');
    const { signature, evidence } = tool.bundle
        ? { signature: verifyBundle({ bundle: await loadBundle(tool.bundle, deps), artifact: { sha256 }, trustedRoot, policy }), evidence: `bundle ${tool.bundle}` }
        : await fromAttestations(tool, sha256, trustedRoot, policy, config, deps);
    const path = usable ?? file;
    if (tool.addToPath)
        deps.runner.addPath(tool.extract === 'none' ? (0,external_node_path_.dirname)(path) : path);
    return {
        name: tool.name,
        digest: tool.sha512 ? `sha512:${digests.sha512}` : signature.digest,
        evidence,
        path,
        ...(signature.identity ? { identity: signature.identity } : {}),
        ...(signature.issuer ? { issuer: signature.issuer } : {}),
        ...(signature.tlogIndex ? { tlogIndex: signature.tlogIndex } : {}),
    };
}
async function fromAttestations(tool, sha256, trustedRoot, policy, config, deps) {
    const repo = tool.attestations ?? '';
    const bundles = await attestationBundles(repo, sha256.toString('hex'), { http: deps.http, runner: deps.runner, ...(config.githubToken ? { token: config.githubToken } : {}) });
    const reasons = [];
    for (const bundle of bundles) {
        try {
            const signature = verifyBundle({ bundle, artifact: { sha256 }, trustedRoot, policy });
            checkProvenance(tool, signature);
            return { signature, evidence: `attestation in ${repo}` };
        }
        catch (error) {
            reasons.push((0,errors/* renderError */.vr)(error).replace(/^\[[A-Z_]+\] /, ''));
        }
    }
    throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `none of the ${bundles.length} attestation(s) in ${repo} for sha256:${sha256.toString('hex')} verifies: ${reasons.join(' | ')}`, {
        hint: 'check identity/issuer against who builds the release',
    });
}
async function loadBundle(location, deps) {
    if (!/^https?:\/\//.test(location))
        return readJson((0,external_node_path_.isAbsolute)(location) ? location : (0,external_node_path_.resolve)(deps.workspace, location), 'bundle');
    const url = (0,http_url/* parseEndpoint */.Bk)(location, 'bundle URL');
    const response = await deps.http.request({ method: 'GET', url, what: 'bundle download', headers: { accept: 'application/json' } });
    if (response.status !== 200)
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `bundle ${url.href} answered HTTP ${response.status}`);
    return JSON.parse(response.body);
}
function readJson(path, what) {
    if (!(0,external_node_fs_.existsSync)(path))
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `${what} ${path} does not exist`);
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch {
        throw new errors/* KeylessError */.FM('TOOL_UNVERIFIED', `${what} ${path} is not JSON`);
    }
}
async function hashFile(path) {
    const sha256 = (0,external_node_crypto_.createHash)('sha256');
    const sha512 = (0,external_node_crypto_.createHash)('sha512');
    for await (const chunk of (0,external_node_fs_.createReadStream)(path)) {
        sha256.update(chunk);
        sha512.update(chunk);
    }
    return { sha256: sha256.digest('hex'), sha512: sha512.digest('hex') };
}


/***/ })

};
