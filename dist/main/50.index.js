export const id = 50;
export const ids = [50];
export const modules = {

/***/ 1050:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gatePins: () => (/* binding */ gatePins)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
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

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/http/url.ts
var http_url = __webpack_require__(6697);
// EXTERNAL MODULE: ./src/policy/pins/policy.ts
var policy = __webpack_require__(7237);
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

// EXTERNAL MODULE: ./src/policy/pins/refs.ts
var refs = __webpack_require__(8313);
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
    const uses = (0,refs/* parseUses */.Ap)(value);
    if (uses.kind === 'local')
        return;
    const range = resolve(walk, usesPair.value)?.range;
    if (range && !aliasLine)
        Object.assign(where, { offset: [range[0], range[1]] });
    if (uses.kind === 'docker') {
        checkImage(walk, line, value, uses.image, undefined, where);
        return;
    }
    if (uses.kind === 'invalid' || !(0,policy/* judgeUses */.Ev)(uses, walk.allow)) {
        walk.findings.push({ file: walk.file, line, kind: 'unpinned-uses', ref: value, ...where });
    }
    else if (uses.ref !== undefined && (0,refs/* isCommitPinned */.Cv)(uses) && !aliasLine) {
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
        else if (!(0,refs/* isImagePinned */.ac)(value))
            walk.findings.push({ file: walk.file, line, kind: 'unpinned-image', ref: ref.trim(), ...where, ...digestNote(value) });
        return;
    }
    // A value that comes out of an expression has no literal in the file for the fixer to rewrite.
    const at = { ...where };
    delete at.offset;
    for (const leaf of expressionLeaves(expression) ?? [{ kind: 'context', path: expression.trim() }]) {
        if (leaf.kind === 'literal') {
            if (leaf.value !== '' && !(0,refs/* isImagePinned */.ac)(leaf.value))
                walk.findings.push({ file: walk.file, line, kind: 'unpinned-image', ref: leaf.value, ...at, ...digestNote(leaf.value) });
            continue;
        }
        const expanded = leaf.path.startsWith('matrix.') ? matrix?.get(leaf.path.slice('matrix.'.length)) : undefined;
        if (expanded === undefined) {
            walk.findings.push({ file: walk.file, line, kind: 'unpinned-image', ref: leaf.path, dynamic: true, ...at });
            continue;
        }
        for (const { value: entry, line: matrixLine } of expanded) {
            if (entry !== '' && !(0,refs/* isImagePinned */.ac)(entry))
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
    const digest = response.headers['docker-content-digest'];
    if (response.status !== 200 || typeof digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(digest)) {
        throw new KeylessError('INPUT_INVALID', `${registry} has no manifest for ${name}:${tag} (HTTP ${response.status})`, { hint: 'check the image and tag, or pin it by hand' });
    }
    return digest;
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

;// CONCATENATED MODULE: ./src/policy/pins/gate.ts








/**
 * Scans the running workflow (or, with pin-scope: repository, every workflow) and the local actions it
 * uses. Each finding is an annotation at its file and line; under `enforce` any finding fails the step
 * before a runner token is requested.
 */
async function gatePins(config, deps) {
    const allow = (0,policy/* parseAllowList */.jR)(config.pinAllow);
    const sources = await readSources(config, deps);
    const findings = [];
    const pinned = [];
    const seen = new Set();
    const queue = [...sources];
    for (let source = queue.shift(); source; source = queue.shift()) {
        if (seen.has(source.file))
            continue;
        seen.add(source.file);
        const scanned = scanWithPins(source.file, source.text, allow);
        findings.push(...scanned.findings);
        pinned.push(...scanned.pinned);
        // Local actions (`uses: ./path`) are part of the chain: scan their action.yml too, from the checkout.
        for (const local of source.text.matchAll(/uses:\s*["']?\.\/([^\s"'#@]+)/g)) {
            const dir = (0,external_node_path_.join)(deps.workspace, local[1] ?? '');
            for (const name of ['action.yml', 'action.yaml']) {
                const path = (0,external_node_path_.join)(dir, name);
                if ((0,external_node_fs_.existsSync)(path))
                    queue.push({ file: (0,external_node_path_.relative)(deps.workspace, path), text: (0,external_node_fs_.readFileSync)(path, 'utf8') });
            }
        }
    }
    if (config.pinVerify) {
        const api = (0,http_url/* parseEndpoint */.Bk)(deps.runner.env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL');
        findings.push(...(await verifyPins(pinned, { http: deps.http, api, ...(config.githubToken ? { token: config.githubToken } : {}) })));
    }
    annotateFindings(findings, config, deps.runner);
    if (findings.length > 0 && config.pinPolicy === 'enforce') {
        throw new errors/* KeylessError */.FM('POLICY_PIN_VIOLATION', `${findings.length} reference(s) are not pinned to an immutable digest, so no credential was requested`, {
            hint: 'pin them (see the annotations), allow them with pin-allow, or use pin-policy: warn while adopting',
        });
    }
    return findings;
}
function annotateFindings(findings, config, runner) {
    const annotate = (message, properties) => config.pinPolicy === 'enforce' ? runner.error(message, properties) : runner.warning(message, properties);
    for (const f of findings) {
        const fix = f.note ?? (f.kind === 'unpinned-image' ? 'pin it to @sha256:<digest>' : f.kind === 'unpinned-uses' ? 'pin it to a full commit SHA (keyless pins --fix)' : 'fix the YAML');
        annotate(`${f.ref} is not ${f.kind === 'impostor-commit' || f.kind === 'ref-version-mismatch' ? 'a trustworthy pin' : 'pinned'}: ${fix}${f.dynamic ? ' (the expression could not be resolved statically)' : ''}`, { title: `Keyless ${f.kind}`, file: f.file, line: f.line });
    }
}
/** What to scan; under warn, a workflow that cannot be read is a warning, not a failed step. */
async function readSources(config, deps) {
    try {
        return config.pinScope === 'repository' ? repositoryFiles(deps.workspace) : await runningWorkflow(deps, config.githubToken);
    }
    catch (error) {
        if (config.pinPolicy === 'enforce' || !(error instanceof errors/* KeylessError */.FM))
            throw error;
        deps.runner.warning(`pin check skipped: ${error.message} — ${error.hint ?? ''}`, { title: 'Keyless pin policy' });
        return [];
    }
}
function repositoryFiles(workspace) {
    return findFiles(workspace).map((path) => ({ file: (0,external_node_path_.relative)(workspace, path), text: (0,external_node_fs_.readFileSync)(path, 'utf8') }));
}
/** The workflow file this run executes: from the checkout, else from the GitHub contents API at GITHUB_SHA. */
async function runningWorkflow(deps, token) {
    const ref = deps.runner.env.GITHUB_WORKFLOW_REF ?? '';
    const match = /^([^/]+\/[^/]+)\/(.+?)@/.exec(ref);
    if (!match)
        throw new errors/* KeylessError */.FM('INPUT_INVALID', 'GITHUB_WORKFLOW_REF is not set, so the running workflow is unknown', { hint: 'run inside GitHub Actions, or use pin-scope: repository' });
    const [, repo = '', path = ''] = match;
    const local = (0,external_node_path_.join)(deps.workspace, path);
    if ((0,external_node_fs_.existsSync)(local) && deps.runner.env.GITHUB_REPOSITORY === repo)
        return [{ file: path, text: (0,external_node_fs_.readFileSync)(local, 'utf8') }];
    const api = (0,http_url/* parseEndpoint */.Bk)(deps.runner.env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL');
    const url = new URL(`${api.pathname.replace(/\/$/, '')}/repos/${repo}/contents/${path}`, api);
    url.searchParams.set('ref', deps.runner.env.GITHUB_SHA ?? '');
    const response = await deps.http.request({
        method: 'GET',
        url,
        what: 'GitHub contents API',
        headers: { accept: 'application/vnd.github.raw', 'x-github-api-version': '2022-11-28', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    if (response.status !== 200) {
        throw new errors/* KeylessError */.FM('HTTP_STATUS', `reading ${path} at ${deps.runner.env.GITHUB_SHA ?? '?'} through the GitHub API answered HTTP ${response.status}`, {
            hint: 'check out the repository before Keyless (actions/checkout), or give github-token contents: read',
        });
    }
    return [{ file: path, text: response.body }];
}


/***/ })

};
