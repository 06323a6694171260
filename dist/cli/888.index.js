export const id = 888;
export const ids = [888];
export const modules = {

/***/ 8888:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pinsCommand: () => (/* binding */ pinsCommand)
});

// UNUSED EXPORTS: PINS_USAGE

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/policy/pins/files.ts


/** Workflows under any `.github/workflows`, and every `action.yml`/`action.yaml`, below a directory. */
function findFiles(dir) {
    const found = [];
    const visit = (current) => {
        for (const entry of (0,external_node_fs_.readdirSync)(current, { withFileTypes: true })) {
            const path = (0,external_node_path_.join)(current, entry.name);
            if (entry.isDirectory()) {
                if (entry.name !== 'node_modules' && entry.name !== '.git')
                    visit(path);
            }
            else if (/^action\.ya?ml$/.test(entry.name) || (/\.ya?ml$/.test(entry.name) && /(^|\/)\.github\/workflows$/.test((0,external_node_path_.relative)(dir, current).replace(/\\/g, '/') || current))) {
                found.push(path);
            }
        }
    };
    visit(dir);
    return found.sort();
}

// EXTERNAL MODULE: ./src/http/client.ts + 2 modules
var client = __webpack_require__(6722);
// EXTERNAL MODULE: ./src/http/url.ts
var http_url = __webpack_require__(6697);
;// CONCATENATED MODULE: ./src/policy/pins/refs.ts
const COMMIT = /^[0-9a-f]{40}$/i;
const IMAGE_DIGEST = /@sha256:[0-9a-f]{64}$/i;
/** Classifies a `uses:` value: local (`./x`, `$/x`) refs are exempt, `docker://` refs are images. */
function parseUses(raw) {
    const value = raw.trim();
    if (value.startsWith('./') || value.startsWith('$/'))
        return { kind: 'local' };
    if (value.startsWith('docker://'))
        return { kind: 'docker', image: value.slice('docker://'.length) };
    const at = value.lastIndexOf('@');
    const path = at === -1 ? value : value.slice(0, at);
    const ref = at === -1 ? undefined : value.slice(at + 1);
    const [owner, repo, ...rest] = path.split('/');
    if (!owner || !repo)
        return { kind: 'invalid' };
    return { kind: 'repo', owner, repo, subpath: rest.filter((part) => part !== '').join('/'), ref };
}
/** Pinned means a full 40-hex commit: a tag or branch is whatever its owner points it at next. */
function isCommitPinned(uses) {
    return uses.ref !== undefined && COMMIT.test(uses.ref);
}
/** Pinned means `@sha256:` and 64 hex digits; `image@8.0` or a placeholder is not a digest. */
function isImagePinned(image) {
    return IMAGE_DIGEST.test(image.trim());
}

// EXTERNAL MODULE: ./src/http/json.ts
var json = __webpack_require__(2868);
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
        if (type === 'commit')
            return sha;
    }
    throw new errors/* KeylessError */.FM('INPUT_INVALID', `${owner}/${repo} has no tag or branch ${ref}`, { hint: 'check the reference, or pin it by hand' });
}
/** A GitHub REST GET (path relative to the API root): its JSON, or undefined for 404. */
async function githubGet(path, deps) {
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
 * The digest a tag names, from the registry's manifest API (`Docker-Content-Digest`), answering the
 * anonymous Bearer token challenge registries such as Docker Hub and GHCR send.
 */
async function resolveDigest(image, http) {
    const { registry, name, tag } = parseImage(image);
    const host = new URL(`https://${registry}`);
    const url = new URL(`${(0,http_url/* isLoopback */.U9)(host) ? 'http' : 'https'}://${registry}/v2/${name}/manifests/${tag}`);
    const ask = (authorization) => http.request({ method: 'GET', url, what: 'registry manifest API', headers: { accept: MANIFEST_TYPES, ...(authorization ? { authorization } : {}) } });
    let response = await ask();
    const challenge = response.headers['www-authenticate'] ?? '';
    if (response.status === 401 && /^Bearer /i.test(challenge)) {
        const params = {};
        for (const [, key = '', value = ''] of challenge.matchAll(/(\w+)="([^"]*)"/g))
            params[key] = value;
        const realm = (0,http_url/* parseEndpoint */.Bk)(params.realm ?? '', 'registry token realm');
        if (params.service)
            realm.searchParams.set('service', params.service);
        realm.searchParams.set('scope', params.scope ?? `repository:${name}:pull`);
        const tokenResponse = await http.request({ method: 'GET', url: realm, what: 'registry token endpoint', headers: { accept: 'application/json' } });
        const body = (0,json/* jsonBody */.J9)(tokenResponse, 'registry token endpoint');
        const token = (0,json/* isObject */.Gv)(body) ? (body.token ?? body.access_token) : undefined;
        if (typeof token === 'string')
            response = await ask(`Bearer ${token}`);
    }
    const digest = response.headers['docker-content-digest'];
    if (response.status !== 200 || typeof digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(digest)) {
        throw new errors/* KeylessError */.FM('INPUT_INVALID', `${registry} has no manifest for ${name}:${tag} (HTTP ${response.status})`, { hint: 'check the image and tag, or pin it by hand' });
    }
    return digest;
}

;// CONCATENATED MODULE: ./src/policy/pins/fix.ts



/**
 * Rewrites each tag-pinned reference in place: `owner/repo@<sha> # <tag>` for actions and workflows,
 * `image:tag@sha256:<digest>` for images. Only the bytes of the reference change (and a comment is
 * added where the line has none): quoting, comments and layout stay as they were.
 */
async function fixText(text, findings, deps) {
    const result = { text, fixed: [], unresolved: [] };
    const edits = [];
    const commented = new Set();
    for (const finding of findings) {
        if (finding.offset === undefined || finding.dynamic || finding.kind === 'invalid-yaml' || finding.note) {
            result.unresolved.push({ line: finding.line, ref: finding.ref, reason: finding.dynamic ? 'set by an expression' : 'not a literal reference' });
            continue;
        }
        try {
            const to = await pinned(finding, deps);
            const [start, end] = finding.offset;
            const source = text.slice(start, end);
            const at = source.indexOf(finding.ref);
            if (at === -1)
                throw new Error('the reference is not written literally at its position');
            edits.push({ start: start + at, end: start + at + finding.ref.length, replacement: to.value });
            // The tag stays readable as a comment, once per line, and never inside a block scalar.
            const eol = lineEnd(text, end);
            const block = /^[|>]/.test(source);
            if (to.comment && !block && !commented.has(eol) && !restOfLine(text, end).includes('#')) {
                commented.add(eol);
                edits.push({ start: eol, end: eol, replacement: ` # ${to.comment}` });
            }
            result.fixed.push({ line: finding.line, from: finding.ref, to: to.value });
        }
        catch (error) {
            result.unresolved.push({ line: finding.line, ref: finding.ref, reason: (0,errors/* renderError */.vr)(error).replace(/^\[[A-Z_]+\] /, '') });
        }
    }
    // Right to left, so earlier offsets stay valid.
    for (const edit of edits.sort((a, b) => b.start - a.start)) {
        result.text = result.text.slice(0, edit.start) + edit.replacement + result.text.slice(edit.end);
    }
    return result;
}
async function pinned(finding, deps) {
    const uses = parseUses(finding.ref);
    if (finding.kind === 'unpinned-uses' && uses.kind === 'repo' && uses.ref) {
        const sha = await resolveCommit(uses.owner, uses.repo, uses.ref, deps);
        return { value: `${finding.ref.slice(0, finding.ref.lastIndexOf('@'))}@${sha}`, comment: uses.ref };
    }
    const image = finding.ref.startsWith('docker://') ? finding.ref.slice('docker://'.length) : finding.ref;
    if (finding.kind === 'unpinned-image' && !image.includes('@')) {
        const digest = await resolveDigest(image, deps.http);
        return { value: `${finding.ref}@${digest}` };
    }
    throw new Error('nothing to pin it to');
}
function lineEnd(text, from) {
    const newline = text.indexOf('\n', from);
    const end = newline === -1 ? text.length : newline;
    return text[end - 1] === '\r' ? end - 1 : end;
}
function restOfLine(text, from) {
    return text.slice(from, lineEnd(text, from));
}

;// CONCATENATED MODULE: ./src/policy/pins/policy.ts


const NAME = /^[A-Za-z0-9_.-]+$/;
/**
 * One allowlist entry, `PATTERN` or `PATTERN=POLICY` (default `ref-pin`): `*`, `owner/*`, `owner/repo`
 * (the repository's root action), `owner/repo/*` (anything in it) or `owner/repo/sub/path`.
 */
function parseRule(entry) {
    const [pattern = '', policy = 'ref-pin'] = entry.split('=').map((part) => part.trim());
    if (policy !== 'any' && policy !== 'ref-pin' && policy !== 'hash-pin') {
        throw new errors/* KeylessError */.FM('INPUT_INVALID', `unknown pin policy "${policy}" in ${entry}`, { hint: 'use any, ref-pin or hash-pin' });
    }
    if (pattern.includes('@')) {
        throw new errors/* KeylessError */.FM('INPUT_INVALID', `cannot use exact ref patterns here: \`${pattern}\``, { hint: 'allow owner/repo (or owner/*), not a ref' });
    }
    const invalid = () => new errors/* KeylessError */.FM('INPUT_INVALID', `invalid pattern: ${pattern}`, { hint: 'use *, owner/*, owner/repo, owner/repo/* or owner/repo/sub/path' });
    if (pattern === '*')
        return { pattern, policy, specificity: 0, matches: () => true };
    const [owner, repo, ...rest] = pattern.split('/');
    if (!owner || !NAME.test(owner) || repo === undefined)
        throw invalid();
    if (repo === '*' && rest.length === 0)
        return { pattern, policy, specificity: 1, matches: (u) => same(u.owner, owner) };
    if (!NAME.test(repo))
        throw invalid();
    if (rest.length === 1 && rest[0] === '*')
        return { pattern, policy, specificity: 2, matches: (u) => same(u.owner, owner) && same(u.repo, repo) };
    if (rest.some((part) => !NAME.test(part)))
        throw invalid();
    const subpath = rest.join('/');
    return { pattern, policy, specificity: 3, matches: (u) => same(u.owner, owner) && same(u.repo, repo) && u.subpath === subpath };
}
function same(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}
function parseAllowList(entries) {
    return entries.map(parseRule);
}
/** Whether the reference meets its policy: the most specific matching rule's, else hash-pin. */
function judgeUses(uses, allow) {
    if (isCommitPinned(uses))
        return true;
    const rule = allow.filter((r) => r.matches(uses)).sort((a, b) => b.specificity - a.specificity)[0];
    const policy = rule?.policy ?? 'hash-pin';
    return policy === 'any' || (policy === 'ref-pin' && uses.ref !== undefined && uses.ref !== '');
}

;// CONCATENATED MODULE: ./src/policy/pins/sarif.ts
const RULES = {
    'unpinned-uses': 'An action or reusable workflow is referenced by a tag or branch, not a full commit SHA.',
    'unpinned-image': 'A container image is referenced by tag, not by @sha256 digest.',
    'invalid-yaml': 'The file is not valid YAML, so its references could not be checked.',
    'impostor-commit': 'The pinned commit is not reachable from any branch or tag of the repository it names (a fork network commit).',
    'ref-version-mismatch': 'The version comment after a pinned SHA names a tag that points at another commit.',
};
/** SARIF 2.1.0, one rule per finding kind, as GitHub code scanning accepts it. */
function toSarif(findings) {
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'keyless-pins',
                        informationUri: 'https://github.com/keyless/keyless',
                        rules: Object.entries(RULES).map(([id, text]) => ({ id, shortDescription: { text }, defaultConfiguration: { level: 'error' } })),
                    },
                },
                results: findings.map((f) => ({
                    ruleId: f.kind,
                    level: 'error',
                    message: { text: `${f.ref}: ${f.note ?? (f.kind === 'unpinned-image' ? 'pin to @sha256:<digest>' : f.kind === 'unpinned-uses' ? 'pin to a full commit SHA, with the tag as a comment' : 'fix the YAML')}` },
                    locations: [{ physicalLocation: { artifactLocation: { uri: f.file.replace(/\\/g, '/') }, region: { startLine: f.line } } }],
                })),
            },
        ],
    };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/policy/pins/expressions.ts
function tokenize(text) {
    const tokens = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i] ?? '';
        if (/\s/.test(c)) {
            i++;
        }
        else if (c === "'") {
            let value = '';
            i++;
            while (i < text.length && !(text[i] === "'" && text[i + 1] !== "'")) {
                // '' is an escaped quote inside a string literal.
                value += text[i] ?? '';
                i += text[i] === "'" ? 2 : 1;
            }
            if (text[i] !== "'")
                return undefined;
            i++;
            tokens.push({ type: 'str', value });
        }
        else {
            const op = /^(&&|\|\||==|!=|<=|>=|[<>!(),[\]])/.exec(text.slice(i))?.[0];
            if (op) {
                tokens.push({ type: 'op', value: op });
                i += op.length;
            }
            else {
                const word = /^[\w.*-]+/.exec(text.slice(i))?.[0];
                if (!word)
                    return undefined;
                tokens.push({ type: 'word', value: word });
                i += word.length;
            }
        }
    }
    return tokens;
}
/** Leaves of one expression (the text inside `${{ }}`); undefined when it cannot be read. */
function expressionLeaves(text) {
    const tokens = tokenize(text);
    if (tokens === undefined)
        return undefined;
    let pos = 0;
    const peek = () => tokens[pos];
    const isOp = (value) => peek()?.type === 'op' && peek()?.value === value;
    // Each parse function returns the leaves its sub-expression can evaluate to.
    const or = () => {
        let leaves = and();
        while (isOp('||')) {
            pos++;
            leaves = [...leaves, ...and()];
        }
        return leaves;
    };
    const and = () => {
        let leaves = comparison();
        while (isOp('&&')) {
            pos++;
            leaves = comparison();
        }
        return leaves;
    };
    const comparison = () => {
        const leaves = unary();
        if (['==', '!=', '<', '>', '<=', '>='].some(isOp)) {
            pos++;
            unary();
            return [];
        }
        return leaves;
    };
    const unary = () => {
        if (isOp('!')) {
            pos++;
            unary();
            return [];
        }
        return primary();
    };
    const primary = () => {
        const token = tokens[pos++];
        if (token === undefined)
            throw new Error('unexpected end');
        if (token.type === 'str')
            return [{ kind: 'literal', value: token.value }];
        if (token.type === 'op' && token.value === '(') {
            const inner = or();
            if (!isOp(')'))
                throw new Error('missing )');
            pos++;
            return inner;
        }
        if (token.type === 'word' && isOp('(')) {
            // A function call: its result is not a literal this reader can know.
            let depth = 0;
            do {
                if (isOp('('))
                    depth++;
                if (isOp(')'))
                    depth--;
                pos++;
            } while (depth > 0 && pos < tokens.length);
            return [{ kind: 'context', path: `${token.value}(…)` }];
        }
        if (token.type === 'word') {
            if (/^(true|false|null|-?\d[\d.]*)$/.test(token.value))
                return [];
            let path = token.value;
            while (isOp('[')) {
                const start = pos;
                while (pos < tokens.length && !isOp(']'))
                    pos++;
                pos++;
                path += `[${tokens.slice(start + 1, pos - 1).map((t) => t.value).join('')}]`;
            }
            return [{ kind: 'context', path }];
        }
        throw new Error(`unexpected ${token.value}`);
    };
    try {
        const leaves = or();
        return pos === tokens.length ? leaves : undefined;
    }
    catch {
        return undefined;
    }
}
const WHOLE = /^\$\{\{([\s\S]*)\}\}$/;
/** The expression inside a value that is one `${{ … }}` and nothing else. */
function wholeExpression(value) {
    const match = WHOLE.exec(value.trim());
    return match && !match[1]?.includes('}}') ? match[1] : undefined;
}

;// CONCATENATED MODULE: ./src/policy/pins/scan.ts




/** Every unpinned reference in one workflow or action file. Malformed YAML is a finding, not a crash. */
function scanText(file, text, allow) {
    return scanWithPins(file, text, allow).findings;
}
/** The findings, and the commit-pinned references a verifier can check further. */
function scanWithPins(file, text, allow) {
    const lines = new dist/* LineCounter */.HN();
    const findings = [];
    const pinned = [];
    for (const doc of (0,dist/* parseAllDocuments */.hR)(text, { lineCounter: lines, uniqueKeys: false })) {
        const error = doc.errors[0];
        if (error) {
            findings.push({ file, line: lines.linePos(error.pos[0]).line, kind: 'invalid-yaml', ref: error.message.split('\n')[0] ?? error.code });
            continue;
        }
        const walk = { file, doc, lines, allow, findings, pinned };
        const root = resolve(walk, doc.contents);
        if (!(0,dist/* isMap */.jh)(root))
            continue;
        if (root.has('jobs'))
            scanWorkflow(walk, root);
        else if (root.has('runs'))
            scanAction(walk, root);
    }
    return { findings, pinned };
}
function scanWorkflow(walk, root) {
    const jobs = resolve(walk, root.get('jobs', true));
    if (!(0,dist/* isMap */.jh)(jobs))
        return;
    for (const jobPair of jobs.items) {
        const job = resolve(walk, jobPair.value);
        if (!(0,dist/* isMap */.jh)(job))
            continue;
        const matrix = matrixOf(walk, job);
        const uses = pair(job, 'uses');
        if (uses)
            checkUses(walk, uses);
        const container = pair(job, 'container');
        if (container)
            checkContainer(walk, container, matrix);
        const services = resolve(walk, job.get('services', true));
        if ((0,dist/* isMap */.jh)(services))
            for (const service of services.items)
                checkContainer(walk, service, matrix);
        scanSteps(walk, job.get('steps', true));
    }
}
function scanAction(walk, root) {
    const runs = resolve(walk, root.get('runs', true));
    if (!(0,dist/* isMap */.jh)(runs))
        return;
    scanSteps(walk, runs.get('steps', true));
    const image = pair(runs, 'image');
    const value = image && scan_text(walk, image.value);
    // A Docker action built from a Dockerfile in its own repository is as pinned as the action itself.
    const range = image?.value?.range;
    if (image && value?.startsWith('docker://'))
        checkImage(walk, keyLine(walk, image), value, value.slice('docker://'.length), undefined, range ? { offset: [range[0], range[1]] } : {});
}
function scanSteps(walk, node) {
    const steps = resolve(walk, node);
    if (!(0,dist/* isSeq */.oP)(steps))
        return;
    for (const item of steps.items) {
        const step = resolve(walk, item);
        const uses = (0,dist/* isMap */.jh)(step) ? pair(step, 'uses') : undefined;
        if (!uses)
            continue;
        // A step reused through an alias is reported again, at the anchor, naming where it is used.
        const aliasLine = (0,dist/* isAlias */.Vj)(item) && item.range ? walk.lines.linePos(item.range[0]).line : undefined;
        checkUses(walk, uses, aliasLine);
    }
}
function checkUses(walk, usesPair, aliasLine) {
    const raw = scan_text(walk, usesPair.value);
    if (raw === undefined)
        return;
    const value = raw.trim();
    const line = keyLine(walk, usesPair);
    const where = { ...valueLine(walk, usesPair, line), ...(aliasLine ? { alias_line: aliasLine } : {}) };
    const uses = parseUses(value);
    if (uses.kind === 'local')
        return;
    const range = resolve(walk, usesPair.value)?.range;
    if (range && !aliasLine)
        Object.assign(where, { offset: [range[0], range[1]] });
    if (uses.kind === 'docker') {
        checkImage(walk, line, value, uses.image, undefined, where);
        return;
    }
    if (uses.kind === 'invalid' || !judgeUses(uses, walk.allow)) {
        walk.findings.push({ file: walk.file, line, kind: 'unpinned-uses', ref: value, ...where });
    }
    else if (uses.ref !== undefined && isCommitPinned(uses) && !aliasLine) {
        const comment = resolve(walk, usesPair.value).comment?.trim();
        walk.pinned.push({ file: walk.file, line, ref: value, owner: uses.owner, repo: uses.repo, sha: uses.ref.toLowerCase(), ...(comment ? { comment } : {}) });
    }
}
/** `container:` / `services.<id>:` as a string or as a mapping with `image:`. */
function checkContainer(walk, holder, matrix) {
    const node = resolve(walk, holder.value);
    const image = (0,dist/* isMap */.jh)(node) ? pair(node, 'image') : undefined;
    const target = image ?? ((0,dist/* isScalar */.jn)(node) ? holder : undefined);
    const value = target && scan_text(walk, target.value);
    const range = target?.value?.range;
    if (target && value !== undefined)
        checkImage(walk, keyLine(walk, target), value, value, matrix, range ? { offset: [range[0], range[1]] } : {});
}
function checkImage(walk, line, ref, image, matrix, where = {}) {
    const value = image.trim();
    if (value === '')
        return;
    const expression = wholeExpression(value);
    if (expression === undefined) {
        if (value.includes('${{'))
            walk.findings.push({ file: walk.file, line, kind: 'unpinned-image', ref: value, dynamic: true, ...where });
        else if (!isImagePinned(value))
            walk.findings.push({ file: walk.file, line, kind: 'unpinned-image', ref: ref.trim(), ...where, ...digestNote(value) });
        return;
    }
    // A value that comes out of an expression has no literal in the file for the fixer to rewrite.
    const at = { ...where };
    delete at.offset;
    for (const leaf of expressionLeaves(expression) ?? [{ kind: 'context', path: expression.trim() }]) {
        if (leaf.kind === 'literal') {
            if (leaf.value !== '' && !isImagePinned(leaf.value))
                walk.findings.push({ file: walk.file, line, kind: 'unpinned-image', ref: leaf.value, ...at, ...digestNote(leaf.value) });
            continue;
        }
        const expanded = leaf.path.startsWith('matrix.') ? matrix?.get(leaf.path.slice('matrix.'.length)) : undefined;
        if (expanded === undefined) {
            walk.findings.push({ file: walk.file, line, kind: 'unpinned-image', ref: leaf.path, dynamic: true, ...at });
            continue;
        }
        for (const { value: entry, line: matrixLine } of expanded) {
            if (entry !== '' && !isImagePinned(entry))
                walk.findings.push({ file: walk.file, line, kind: 'unpinned-image', ref: entry, matrix_line: matrixLine, ...at });
        }
    }
}
function digestNote(image) {
    return image.includes('@') ? { note: 'malformed digest (not @sha256: and 64 hex)' } : {};
}
/** The static matrix of a job: each key's values, from its axes and its `include` entries. */
function matrixOf(walk, job) {
    const matrix = new Map();
    const strategy = resolve(walk, job.get('strategy', true));
    const node = (0,dist/* isMap */.jh)(strategy) ? resolve(walk, strategy.get('matrix', true)) : undefined;
    if (!(0,dist/* isMap */.jh)(node))
        return matrix;
    const add = (key, valueNode) => {
        const value = resolve(walk, valueNode);
        if (!(0,dist/* isScalar */.jn)(value) || value.range === undefined || value.range === null)
            return;
        const list = matrix.get(key) ?? [];
        const scalar = value.value;
        const text = typeof scalar === 'string' || typeof scalar === 'number' || typeof scalar === 'boolean' ? String(scalar) : '';
        list.push({ value: text, line: walk.lines.linePos(value.range[0]).line });
        matrix.set(key, list);
    };
    for (const axis of node.items) {
        const key = (0,dist/* isScalar */.jn)(axis.key) ? String(axis.key.value) : '';
        const values = resolve(walk, axis.value);
        if (key === 'include' && (0,dist/* isSeq */.oP)(values)) {
            for (const entry of values.items) {
                const combination = resolve(walk, entry);
                if ((0,dist/* isMap */.jh)(combination))
                    for (const item of combination.items)
                        if ((0,dist/* isScalar */.jn)(item.key))
                            add(String(item.key.value), item.value);
            }
        }
        else if (key !== 'exclude' && (0,dist/* isSeq */.oP)(values)) {
            for (const value of values.items)
                add(key, value);
        }
    }
    return matrix;
}
function resolve(walk, node) {
    return (0,dist/* isAlias */.Vj)(node) ? node.resolve(walk.doc) : node;
}
function pair(map, key) {
    return map.items.find((item) => (0,dist/* isScalar */.jn)(item.key) && item.key.value === key);
}
function scan_text(walk, node) {
    const value = resolve(walk, node);
    return (0,dist/* isScalar */.jn)(value) && typeof value.value === 'string' ? value.value : undefined;
}
function keyLine(walk, item) {
    const key = item.key;
    return walk.lines.linePos(key?.range?.[0] ?? 0).line;
}
function valueLine(walk, item, line) {
    const value = item.value;
    const at = value?.range ? walk.lines.linePos(value.range[0]).line : line;
    // A block scalar's text starts on the line after its indicator.
    const starts = (0,dist/* isScalar */.jn)(value) && (value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED') ? at + 1 : at;
    return starts === line ? {} : { value_line: starts };
}

;// CONCATENATED MODULE: ./src/policy/pins/verify-pins.ts



const MAX_BRANCHES = 30;
/**
 * What a syntactic check cannot see: a 40-hex pin to a commit that lives only in a fork's network
 * (GitHub serves it under the parent's name), and a `# vX.Y.Z` comment whose tag points elsewhere.
 */
async function verifyPins(pinned, deps) {
    const findings = [];
    const reachable = new Map();
    for (const pin of pinned) {
        const key = `${pin.owner}/${pin.repo}@${pin.sha}`.toLowerCase();
        if (!reachable.has(key))
            reachable.set(key, isReachable(pin, deps));
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
    return findings;
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

;// CONCATENATED MODULE: ./src/cli/pins.ts











const PINS_USAGE = 'keyless pins [--policy strict] [--allow PATTERN[=any|ref-pin|hash-pin]]... [--format text|json|sarif] [--fix | --verify] PATH...';
/** `keyless pins`: 0 no finding, 1 findings, 2 usage error. */
async function pinsCommand(args, io, env = {}) {
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({
            args: [...args],
            allowPositionals: true,
            options: {
                policy: { type: 'string', default: 'strict' },
                allow: { type: 'string', multiple: true, default: [] },
                format: { type: 'string', default: 'text' },
                fix: { type: 'boolean', default: false },
                verify: { type: 'boolean', default: false },
            },
        });
    }
    catch (error) {
        io.err(`keyless pins: ${error.message}\nusage: ${PINS_USAGE}\n`);
        return 2;
    }
    const { values, positionals } = parsed;
    const usage = (message) => {
        io.err(`keyless pins: ${message}\nusage: ${PINS_USAGE}\n`);
        return 2;
    };
    if (positionals.length === 0)
        return usage('give at least one file or directory');
    if (values.policy !== 'strict')
        return usage(`unknown policy "${values.policy}" (strict is the only one: no implicit allowances)`);
    if (!['text', 'json', 'sarif'].includes(values.format))
        return usage(`unknown format "${values.format}"`);
    let allow;
    try {
        allow = parseAllowList(values.allow);
    }
    catch (error) {
        if (error instanceof errors/* KeylessError */.FM)
            return usage((0,errors/* renderError */.vr)(error));
        throw error;
    }
    const files = [];
    for (const path of positionals) {
        if (!(0,external_node_fs_.existsSync)(path))
            return usage(`no such file or directory: ${path}`);
        files.push(...((0,external_node_fs_.statSync)(path).isDirectory() ? findFiles(path) : [path]));
    }
    if (values.fix)
        return fix(files, allow, io, env);
    const scanned = files.map((file) => scanWithPins(file, (0,external_node_fs_.readFileSync)(file, 'utf8'), allow));
    const findings = scanned.flatMap((s) => s.findings);
    if (values.verify)
        findings.push(...(await verifyPins(scanned.flatMap((s) => s.pinned), resolveDeps(env))));
    io.out(render(findings, values.format, files.length));
    return findings.length > 0 ? 1 : 0;
}
function resolveDeps(env) {
    const token = env.GITHUB_TOKEN ?? env.GH_TOKEN;
    return { http: (0,client/* createHttpClient */.uT)(), api: (0,http_url/* parseEndpoint */.Bk)(env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL'), ...(token ? { token } : {}) };
}
/** `--fix`: rewrite each file in place, then scan again; 0 when nothing unpinned remains. */
async function fix(files, allow, io, env) {
    const deps = resolveDeps(env);
    let remaining = 0;
    for (const file of files) {
        const text = (0,external_node_fs_.readFileSync)(file, 'utf8');
        const result = await fixText(text, scanText(file, text, allow), deps);
        if (result.text !== text)
            (0,external_node_fs_.writeFileSync)(file, result.text);
        for (const f of result.fixed)
            io.out(`${file}:${f.line}: ${f.from} → ${f.to}\n`);
        for (const u of result.unresolved)
            io.err(`${file}:${u.line}: ${u.ref} left as is: ${u.reason}\n`);
        remaining += scanText(file, result.text, allow).length;
    }
    io.out(`${remaining} unpinned reference(s) remain\n`);
    return remaining > 0 ? 1 : 0;
}
function render(findings, format, scanned) {
    // Offsets are the fixer's business, not part of the JSON contract.
    if (format === 'json')
        return `${JSON.stringify({ findings }, (key, value) => (key === 'offset' ? undefined : value))}\n`;
    if (format === 'sarif')
        return `${JSON.stringify(toSarif(findings), null, 2)}\n`;
    const lines = findings.map((f) => `${f.file}:${f.line}: ${f.kind} ${f.ref}${f.dynamic ? ' (unresolved expression)' : ''}${f.note ? ` (${f.note})` : ''}`);
    return `${[...lines, `${findings.length} finding(s) in ${scanned} file(s)`].join('\n')}\n`;
}


/***/ }),

/***/ 6722:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  uT: () => (/* binding */ createHttpClient)
});

// UNUSED EXPORTS: defaultHttpOptions, headerValue

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/proxy.js
var lib_proxy = __webpack_require__(9783);
;// CONCATENATED MODULE: ./src/http/proxy.ts

/**
 * The proxy agent for `url` when HTTPS_PROXY/HTTP_PROXY apply (NO_PROXY and loopback bypass them), else
 * undefined. The http client is imported only then: it loads undici eagerly, which costs a proxy-less
 * run ~100 ms of start-up for nothing.
 */
async function proxyAgentFor(url) {
    const proxy = (0,lib_proxy/* getProxyUrl */.s)(url);
    if (proxy === undefined || proxy.hostname === '')
        return undefined;
    const { HttpClient } = await __webpack_require__.e(/* import() */ 779).then(__webpack_require__.bind(__webpack_require__, 2779));
    return new HttpClient('keyless').getAgent(url.href);
}

;// CONCATENATED MODULE: ./src/http/retry.ts
/** Statuses worth another attempt: the server says it is overloaded or broken, not that we are wrong. */
function isRetryableStatus(status) {
    return status === 408 || status === 429 || status >= 500;
}
/**
 * `Retry-After` as milliseconds (delta-seconds or an HTTP date), or undefined when absent or unreadable.
 */
function parseRetryAfter(value, now) {
    if (value === undefined)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** Full-jitter exponential backoff: a random wait in [0, min(cap, base·2^attempt)). */
function backoffMs(attempt, baseMs, capMs, random) {
    return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}

// EXTERNAL MODULE: ./src/http/url.ts
var url = __webpack_require__(6697);
;// CONCATENATED MODULE: ./src/http/client.ts




const defaultHttpOptions = {
    timeoutMs: 15_000,
    maxAttempts: 4,
    maxBytes: 1024 * 1024,
    backoffBaseMs: 250,
    backoffCapMs: 5_000,
    maxRetryAfterMs: 30_000,
    userAgent: 'keyless',
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    now: Date.now,
};
function createHttpClient(overrides = {}) {
    const options = { ...defaultHttpOptions, ...overrides };
    return { request: (req) => requestWithRetries(req, options) };
}
async function requestWithRetries(req, options) {
    (0,url/* assertSecure */.EO)(req.url, req.what);
    const agent = await proxyAgentFor(req.url);
    const send = await transport(req.url);
    for (let attempt = 1;; attempt++) {
        const last = attempt >= options.maxAttempts;
        let waitMs;
        try {
            const response = await attemptOnce(req, options, agent, send);
            const retryAfter = parseRetryAfter(headerValue(response.headers['retry-after']), options.now());
            const retryable = (isRetryableStatus(response.status) || req.retryOn?.(response) === true) && (req.idempotent !== false || retryAfter !== undefined);
            if (last || !retryable || (retryAfter ?? 0) > options.maxRetryAfterMs)
                return { ...response, attempts: attempt };
            waitMs = retryAfter ?? backoffMs(attempt - 1, options.backoffBaseMs, options.backoffCapMs, options.random);
        }
        catch (error) {
            if (last || !isRetryableError(error, req))
                throw withAttempts(error, attempt);
            waitMs = backoffMs(attempt - 1, options.backoffBaseMs, options.backoffCapMs, options.random);
        }
        await options.sleep(waitMs);
    }
}
function isRetryableError(error, req) {
    if (!(error instanceof errors/* KeylessError */.FM))
        return false;
    if (error.code === 'HTTP_TOO_LARGE')
        return false;
    if (req.idempotent === false)
        return error.cause?.code === 'ECONNREFUSED';
    return error.code === 'HTTP_NETWORK' || error.code === 'HTTP_TIMEOUT';
}
function withAttempts(error, attempts) {
    if (!(error instanceof errors/* KeylessError */.FM) || attempts === 1)
        return error;
    error.message = `${error.message} (after ${attempts} attempts)`;
    return error;
}
/** Loads only the module the scheme needs: TLS costs start-up that a loopback call never uses. */
async function transport(url) {
    return url.protocol === 'https:' ? (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23))).request : (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7067, 23))).request;
}
function attemptOnce(req, options, agent, send) {
    return new Promise((resolve, reject) => {
        const headers = { 'user-agent': options.userAgent, ...req.headers };
        if (req.body !== undefined)
            headers['content-length'] = String(Buffer.byteLength(req.body));
        const where = `${req.what} ${req.url.origin}${req.url.pathname}`;
        const outgoing = send(req.url, { method: req.method, headers, ...(agent ? { agent } : {}) });
        // One timer for the whole attempt: a server that sends headers and then stalls mid-body is as stuck
        // as one that never answers.
        const timer = setTimeout(() => {
            outgoing.destroy(new errors/* KeylessError */.FM('HTTP_TIMEOUT', `${where} did not answer within ${options.timeoutMs} ms`, {
                hint: 'check that the endpoint is reachable from the runner, or raise http-timeout',
            }));
        }, options.timeoutMs);
        const fail = (error) => {
            clearTimeout(timer);
            reject(asNetworkError(error, where));
        };
        outgoing.on('error', fail);
        outgoing.on('response', (res) => {
            readBody(res, options.maxBytes, where).then((bytes) => {
                clearTimeout(timer);
                resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString('utf8'), bytes });
            }, (error) => {
                outgoing.destroy();
                fail(error);
            });
        });
        outgoing.end(req.body);
    });
}
/**
 * Reads the whole body or rejects: a connection closed before the body is complete is a network error,
 * never a short success, and never a promise left pending (Node would exit 0 with the work undone).
 */
function readBody(res, maxBytes, where) {
    return new Promise((resolve, reject) => {
        const declared = Number(res.headers['content-length'] ?? Number.NaN);
        if (declared > maxBytes) {
            reject(tooLarge(where, maxBytes));
            return;
        }
        const chunks = [];
        let size = 0;
        res.on('data', (chunk) => {
            size += chunk.length;
            if (size > maxBytes) {
                reject(tooLarge(where, maxBytes));
                res.destroy();
                return;
            }
            chunks.push(chunk);
        });
        const cutOff = (cause) => {
            reject(new errors/* KeylessError */.FM('HTTP_NETWORK', `${where} closed the connection mid-response`, {
                hint: 'the endpoint or a proxy dropped the connection; re-run the job, and check the proxy if it repeats',
                cause,
            }));
        };
        res.on('end', () => {
            resolve(Buffer.concat(chunks));
        });
        res.on('error', cutOff);
        res.on('close', () => {
            if (!res.complete)
                cutOff();
        });
    });
}
function tooLarge(where, maxBytes) {
    return new errors/* KeylessError */.FM('HTTP_TOO_LARGE', `${where} sent a response larger than ${maxBytes} bytes`, {
        hint: 'the endpoint is not a token service, or is misbehaving; check the URL',
    });
}
function asNetworkError(error, where) {
    if (error instanceof errors/* KeylessError */.FM)
        return error;
    const code = error.code;
    const reason = code ?? (error instanceof Error ? error.message : 'unknown error');
    return new errors/* KeylessError */.FM('HTTP_NETWORK', `${where} could not be reached (${reason})`, {
        hint: 'check the URL, DNS and any proxy (HTTPS_PROXY/NO_PROXY) between the runner and the endpoint',
        cause: error,
    });
}
function headerValue(value) {
    return Array.isArray(value) ? value[0] : value;
}


/***/ }),

/***/ 2868:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   J9: () => (/* binding */ jsonBody),
/* harmony export */   Tn: () => (/* binding */ serverText),
/* harmony export */   il: () => (/* binding */ parseLoose)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** The body as JSON, or a clear error when the server sent something else (an HTML login page, a proxy error). */
function jsonBody(response, what) {
    const type = response.headers['content-type'] ?? '';
    if (!/^application\/(([\w.+-]+\+)?json\b|x-amz-json-1\.[01]\b)/i.test(type)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('HTTP_BAD_RESPONSE', `${what} answered HTTP ${response.status} with ${type === '' ? 'no content type' : type}, not JSON`, { hint: 'the URL probably points at a web page or a proxy, not at the token service' });
    }
    try {
        return JSON.parse(response.body);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('HTTP_BAD_RESPONSE', `${what} answered HTTP ${response.status} with malformed JSON`, {
            hint: 'the service is misbehaving; try again, or report it to its operator',
            cause: error,
        });
    }
}
/** JSON.parse that answers undefined instead of throwing: for error bodies, which may be anything. */
function parseLoose(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Printable text from a server field: bounded, single-line, so a hostile body cannot flood the log. */
function serverText(value, max = 300) {
    if (typeof value !== 'string' || value === '')
        return undefined;
    const flat = value.replace(/[\r\n\t]+/g, ' ').replace(/[^\x20-\x7e\u00a0-\uffff]/g, '');
    return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}


/***/ }),

/***/ 6697:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bk: () => (/* binding */ parseEndpoint),
/* harmony export */   EO: () => (/* binding */ assertSecure),
/* harmony export */   U9: () => (/* binding */ isLoopback)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
function isLoopback(url) {
    return LOOPBACK.test(url.hostname);
}
/**
 * Parses a user- or server-supplied endpoint and refuses anything but https, except plain http on
 * loopback (local fakes, a sidecar STS). `what` names the endpoint in the error.
 */
function parseEndpoint(value, what) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('INPUT_INVALID', `${what} "${value}" is not an absolute URL`, {
            hint: 'use the form https://host/path',
        });
    }
    assertSecure(url, what);
    return url;
}
function assertSecure(url, what) {
    if (url.protocol === 'https:')
        return;
    if (url.protocol === 'http:' && isLoopback(url))
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('HTTP_INSECURE_URL', `${what} ${url.origin} is not https`, {
        hint: 'credentials travel only over https; plain http is allowed on loopback (127.0.0.1, ::1, localhost) only',
    });
}


/***/ }),

/***/ 9783:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ getProxyUrl)
/* harmony export */ });
/* unused harmony export checkBypass */
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map

/***/ })

};
