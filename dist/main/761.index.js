"use strict";
exports.id = 761;
exports.ids = [761];
exports.modules = {

/***/ 4761:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gatePins: () => (/* binding */ gatePins)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/http/url.ts
var url = __webpack_require__(6697);
// EXTERNAL MODULE: ./src/policy/pins/policy.ts
var policy = __webpack_require__(7237);
// EXTERNAL MODULE: ./src/policy/pins/scan.ts + 2 modules
var scan = __webpack_require__(3962);
// EXTERNAL MODULE: ./src/policy/pins/sources.ts + 1 modules
var sources = __webpack_require__(8013);
// EXTERNAL MODULE: ./src/http/json.ts
var json = __webpack_require__(2868);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/policy/pins/resolve.ts




/**
 * The commit a tag (or, failing that, a branch) names, through the GitHub API. Annotated tags are tag
 * objects: they are dereferenced, possibly several levels, until a commit.
 */
async function resolveCommit(owner, repo, ref, deps) {
    for (const kind of ['tags', 'heads']) {
        const object = await getObject(`repos/${owner}/${repo}/git/ref/${kind}/${ref}`, deps);
        if (object === undefined)
            continue;
        let { sha, type } = object;
        for (let depth = 0; type === 'tag' && depth < 5; depth++) {
            const tag = await getObject(`repos/${owner}/${repo}/git/tags/${sha}`, deps);
            if (tag === undefined)
                break;
            ({ sha, type } = tag);
        }
        if (type !== 'commit')
            continue;
        // The SHA is written into a workflow file by the fixer: anything but 40 hex is refused, not pasted.
        if (!/^[0-9a-f]{40}$/.test(sha))
            throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `GitHub API named ${ref} of ${owner}/${repo} by something that is not a commit SHA`, { hint: 'check GITHUB_API_URL, or pin it by hand' });
        return sha;
    }
    throw new errors/* KeylessError */.FM('INPUT_INVALID', `${owner}/${repo} has no tag or branch ${ref}`, { hint: 'check the reference, or pin it by hand' });
}
/** A GitHub REST GET (path relative to the API root): its JSON, or undefined for 404. */
async function githubGet(path, deps) {
    // Names come from workflow files and API answers: a `..` segment or a stray `?` must not reach another endpoint.
    const segments = (path.split('?')[0] ?? '').split('/');
    if (segments.some((segment) => segment === '.' || segment === '..' || !/^[\w.\-+%~@:]+$/.test(segment))) {
        throw new errors/* KeylessError */.FM('INPUT_INVALID', `refusing the GitHub API path ${path}`, { hint: 'a reference names an owner, repository or ref with characters GitHub does not allow' });
    }
    const url = new URL(`${deps.api.pathname.replace(/\/$/, '')}/${path}`, deps.api);
    const response = await deps.http.request({
        method: 'GET',
        url,
        what: 'GitHub API',
        headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', ...(deps.token ? { authorization: `Bearer ${deps.token}` } : {}) },
    });
    if (response.status === 404)
        return undefined;
    if (response.status !== 200)
        throw new errors/* KeylessError */.FM('HTTP_STATUS', `GitHub API ${url.pathname} answered HTTP ${response.status}`, { hint: 'set GITHUB_TOKEN (rate limits) or retry' });
    return (0,json/* jsonBody */.J9)(response, 'GitHub API');
}
async function getObject(path, deps) {
    const body = await githubGet(path, deps);
    const object = (0,json/* isObject */.Gv)(body) && (0,json/* isObject */.Gv)(body.object) ? body.object : undefined;
    return typeof object?.sha === 'string' && typeof object.type === 'string' ? { sha: object.sha, type: object.type } : undefined;
}
const MANIFEST_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
/** `[registry/]name[:tag]`, with Docker Hub's defaults. */
function parseImage(image) {
    const slash = image.indexOf('/');
    const first = slash === -1 ? '' : image.slice(0, slash);
    const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
    const registry = hasRegistry ? first : 'registry-1.docker.io';
    const rest = hasRegistry ? image.slice(slash + 1) : image;
    const colon = rest.lastIndexOf(':');
    const [path, tag] = colon > rest.lastIndexOf('/') ? [rest.slice(0, colon), rest.slice(colon + 1)] : [rest, 'latest'];
    return { registry, name: !hasRegistry && !path.includes('/') ? `library/${path}` : path, tag };
}
/**
 * The digest a tag names: the sha256 of the manifest the registry's manifest API serves for it, answering
 * the anonymous Bearer token challenge registries such as Docker Hub and GHCR send.
 */
async function resolveDigest(image, http) {
    const { registry, name, tag } = parseImage(image);
    const host = new URL(`https://${registry}`);
    const url = new URL(`${isLoopback(host) ? 'http' : 'https'}://${registry}/v2/${name}/manifests/${tag}`);
    const ask = (authorization) => http.request({ method: 'GET', url, what: 'registry manifest API', headers: { accept: MANIFEST_TYPES, ...(authorization ? { authorization } : {}) } });
    let response = await ask();
    const challenge = response.headers['www-authenticate'] ?? '';
    if (response.status === 401 && /^Bearer /i.test(challenge)) {
        const params = {};
        for (const [, key = '', value = ''] of challenge.matchAll(/(\w+)="([^"]*)"/g))
            params[key] = value;
        const realm = parseEndpoint(params.realm ?? '', 'registry token realm');
        if (params.service)
            realm.searchParams.set('service', params.service);
        realm.searchParams.set('scope', params.scope ?? `repository:${name}:pull`);
        const tokenResponse = await http.request({ method: 'GET', url: realm, what: 'registry token endpoint', headers: { accept: 'application/json' } });
        const body = jsonBody(tokenResponse, 'registry token endpoint');
        const token = isObject(body) ? (body.token ?? body.access_token) : undefined;
        if (typeof token === 'string')
            response = await ask(`Bearer ${token}`);
    }
    if (response.status !== 200) {
        throw new KeylessError('INPUT_INVALID', `${registry} has no manifest for ${name}:${tag} (HTTP ${response.status})`, { hint: 'check the image and tag, or pin it by hand' });
    }
    // The pin is the hash of the bytes the registry served; its header is only a claim, checked against them.
    const digest = `sha256:${createHash('sha256').update(response.bytes).digest('hex')}`;
    const claimed = response.headers['docker-content-digest'];
    if (claimed !== undefined && claimed !== digest) {
        throw new KeylessError('HTTP_BAD_RESPONSE', `${registry} named the manifest of ${name}:${tag} ${String(claimed)}, but the manifest it served hashes to ${digest}`, {
            hint: 'the registry (or something between) is not serving what it claims: pin it by hand from a registry you trust',
        });
    }
    return digest;
}

;// CONCATENATED MODULE: ./src/policy/pins/verify-pins.ts



const MAX_BRANCHES = 30;
/** Distinct commits checked per run: each costs up to MAX_BRANCHES + 3 API calls. */
const MAX_VERIFIED_PINS = 200;
/**
 * What a syntactic check cannot see: a 40-hex pin to a commit that lives only in a fork's network
 * (GitHub serves it under the parent's name), and a `# vX.Y.Z` comment whose tag points elsewhere.
 * Never throws: a failed API call ends verification and is returned as `error`.
 */
async function verifyPins(pinned, deps) {
    const findings = [];
    try {
        await verifyEach(pinned, deps, findings);
        return { findings };
    }
    catch (error) {
        return { findings, error };
    }
}
async function verifyEach(pinned, deps, findings) {
    const reachable = new Map();
    for (const pin of pinned) {
        const key = `${pin.owner}/${pin.repo}@${pin.sha}`.toLowerCase();
        if (!reachable.has(key)) {
            if (reachable.size >= MAX_VERIFIED_PINS) {
                throw new errors/* KeylessError */.FM('INPUT_TOO_LARGE', `more than ${MAX_VERIFIED_PINS} distinct pinned commits; the rest were not verified`, { hint: 'verify fewer files at a time' });
            }
            reachable.set(key, isReachable(pin, deps));
        }
        if (!(await reachable.get(key))) {
            findings.push({ file: pin.file, line: pin.line, kind: 'impostor-commit', ref: pin.ref, note: `${pin.sha} is not on any branch or tag of ${pin.owner}/${pin.repo}: a commit from a fork's network` });
            continue;
        }
        const tag = pin.comment?.replace(/^(tag[=:]\s*|ratchet:[^@]+@)/, '');
        if (tag === undefined || !/^[\w.\-/+]+$/.test(tag))
            continue;
        let target;
        try {
            target = await resolveCommit(pin.owner, pin.repo, tag, deps);
        }
        catch (error) {
            if (!(error instanceof errors/* KeylessError */.FM) || error.code !== 'INPUT_INVALID')
                throw error;
        }
        if (target !== pin.sha) {
            findings.push({ file: pin.file, line: pin.line, kind: 'ref-version-mismatch', ref: `${pin.ref} # ${pin.comment ?? ''}`, note: target ? `${tag} points to ${target}, not ${pin.sha}` : `${pin.owner}/${pin.repo} has no tag ${tag}` });
        }
    }
}
async function isReachable(pin, deps) {
    const base = `repos/${pin.owner}/${pin.repo}`;
    const tips = [...(await list(`${base}/branches`, deps)), ...(await list(`${base}/tags`, deps))];
    if (tips.some((tip) => tip.sha === pin.sha))
        return true;
    for (const branch of tips.filter((tip) => tip.branch).slice(0, MAX_BRANCHES)) {
        const compare = await githubGet(`${base}/compare/${encodeURIComponent(branch.name)}...${pin.sha}`, deps);
        // `behind` or `identical`: the pinned commit is an ancestor of (or is) the branch tip.
        if ((0,json/* isObject */.Gv)(compare) && (compare.status === 'behind' || compare.status === 'identical'))
            return true;
    }
    return false;
}
async function list(path, deps) {
    const body = await githubGet(`${path}?per_page=100`, deps);
    if (!Array.isArray(body))
        return [];
    return body.flatMap((item) => {
        const name = (0,json/* isObject */.Gv)(item) ? item.name : undefined;
        const commit = (0,json/* isObject */.Gv)(item) && (0,json/* isObject */.Gv)(item.commit) ? item.commit.sha : undefined;
        return typeof name === 'string' && typeof commit === 'string' ? [{ name, sha: commit.toLowerCase(), branch: path.endsWith('/branches') }] : [];
    });
}

;// CONCATENATED MODULE: ./src/policy/pins/gate.ts






/**
 * Scans the running workflow (or, with pin-scope: repository, every workflow) and the local actions and
 * reusable workflows it uses, however the `uses:` is written. Each finding and each problem is an
 * annotation. Under `warn` it never throws: the report is the whole outcome. Under `enforce` a problem
 * throws its own code and a finding POLICY_PIN_VIOLATION, before a runner token is requested.
 */
async function gatePins(config, deps) {
    const report = { findings: [], omitted: 0, problems: [] };
    try {
        await check(config, deps, report);
    }
    catch (error) {
        report.problems.push((0,sources/* problem */.CC)(error));
    }
    annotate(report, config, deps.runner);
    if (config.pinPolicy !== 'enforce')
        return report;
    const [first] = report.problems;
    if (first) {
        throw new errors/* KeylessError */.FM(first.code === 'INTERNAL' ? 'POLICY_PIN_VIOLATION' : first.code, `the pin check could not be completed, so no credential was requested: ${first.message}`, {
            hint: first.hint ?? 'see the annotations',
        });
    }
    const count = report.findings.length + report.omitted;
    if (count > 0) {
        throw new errors/* KeylessError */.FM('POLICY_PIN_VIOLATION', `${count} reference(s) are not pinned to an immutable digest, so no credential was requested`, {
            hint: 'pin them (see the annotations), allow them with pin-allow, or use pin-policy: warn while adopting',
        });
    }
    return report;
}
async function check(config, deps, report) {
    const allow = (0,policy/* parseAllowList */.jR)(config.pinAllow);
    const pinned = [];
    const seen = new Set();
    const queue = await (0,sources/* readSources */.tW)(config, deps, report);
    for (let source = queue.shift(); source; source = queue.shift()) {
        if (seen.has(source.file))
            continue;
        seen.add(source.file);
        let scanned;
        try {
            scanned = (0,scan/* scanWithPins */.iw)(source.file, source.text, allow);
        }
        catch (error) {
            report.problems.push((0,sources/* problem */.CC)(error, source.file));
            continue;
        }
        report.findings.push(...scanned.findings);
        report.omitted += scanned.omitted;
        pinned.push(...scanned.pinned);
        queue.push(...(await (0,sources/* localSources */.Yk)(source, scanned.locals, deps, config.githubToken, report)));
    }
    if (config.pinVerify && pinned.length > 0) {
        const api = (0,url/* parseEndpoint */.Bk)(deps.runner.env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL');
        const verified = await verifyPins(pinned, { http: deps.http, api, ...(config.githubToken ? { token: config.githubToken } : {}) });
        report.findings.push(...verified.findings);
        if (verified.error !== undefined)
            report.problems.push((0,sources/* problem */.CC)(verified.error));
    }
}
function annotate(report, config, runner) {
    const say = (message, properties) => config.pinPolicy === 'enforce' ? runner.error(message, properties) : runner.warning(message, properties);
    for (const f of report.findings) {
        const fix = f.note ?? (f.kind === 'unpinned-image' ? 'pin it to @sha256:<digest>' : f.kind === 'unpinned-uses' ? 'pin it to a full commit SHA (keyless pins --fix)' : 'fix the YAML');
        say(`${f.ref} is not ${f.kind === 'impostor-commit' || f.kind === 'ref-version-mismatch' ? 'a trustworthy pin' : 'pinned'}: ${fix}${f.dynamic ? ' (the expression could not be resolved statically)' : ''}`, { title: `Keyless ${f.kind}`, file: f.file, line: f.line });
    }
    if (report.omitted > 0)
        say(`… and ${report.omitted} more reference(s) not pinned (not listed)`, { title: 'Keyless pin policy' });
    for (const p of report.problems) {
        say(`pin check incomplete: [${p.code}] ${p.message}${p.hint ? ` — ${p.hint}` : ''}`, { title: 'Keyless pin policy', ...(p.file ? { file: p.file } : {}) });
    }
}


/***/ })

};
;