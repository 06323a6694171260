export const id = 911;
export const ids = [911];
export const modules = {

/***/ 911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pinsCommand: () => (/* binding */ pinsCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/os/paths.ts
var paths = __webpack_require__(6186);
;// CONCATENATED MODULE: ./src/policy/pins/files.ts




/** Bytes of one workflow or action file the scanner reads; GitHub's own limit on a workflow is far below. */
const MAX_FILE_BYTES = 1024 * 1024;
/**
 * Workflows in any `.github/workflows` folder (`dir` itself included), and every `action.yml`/`action.yaml`,
 * below a directory. Paths come back `/`-separated, as Keyless reports them; Node's file functions take
 * them on Windows too. Symbolic links to directories are not followed (a link cannot make the walk loop
 * or leave the tree); a directory that cannot be listed goes to `skipped` instead of ending the walk.
 */
function findFiles(dir, skipped = rethrow) {
    const found = [];
    const visit = (current) => {
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)(current, { withFileTypes: true });
        }
        catch (error) {
            const shown = (0,paths/* toPosixPath */.kb)(current);
            skipped(shown, unreadable(shown, error));
            return;
        }
        const workflows = isWorkflowFolder(current);
        for (const entry of entries) {
            const file = (0,external_node_path_.join)(current, entry.name);
            if (entry.isDirectory()) {
                if (entry.name !== 'node_modules' && entry.name !== '.git')
                    visit(file);
            }
            else if (/^action\.ya?ml$/.test(entry.name) || (workflows && /\.ya?ml$/.test(entry.name))) {
                found.push((0,paths/* toPosixPath */.kb)(file));
            }
        }
    };
    visit(dir);
    return found.sort();
}
/**
 * Whether `dir` is a `.github/workflows` folder, the one folder GitHub reads workflows from (not its
 * subfolders). However it is written: `.github\workflows`, `D:\a\repo\.github\workflows\`, `.` run
 * inside it, or `../workflows` from a sibling.
 */
function isWorkflowFolder(dir, flavour = (external_node_path_default())) {
    return /(^|\/)\.github\/workflows$/.test((0,paths/* toPosixPath */.kb)(flavour.resolve(dir), flavour));
}
function rethrow(_path, error) {
    throw error;
}
/**
 * The text of a workflow or action file, refusing what is not a regular file of at most MAX_FILE_BYTES:
 * a link to /dev/zero, a FIFO (opened non-blocking, so it cannot hang the step) or a directory.
 */
function readWorkflowFile(path) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(path, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK);
    }
    catch (error) {
        throw unreadable(path, error);
    }
    try {
        const stat = (0,external_node_fs_.fstatSync)(fd);
        if (!stat.isFile())
            throw new errors/* KeylessError */.FM('INPUT_INVALID', `${path} is not a regular file`, { hint: 'workflow and action files must be regular files' });
        if (stat.size > MAX_FILE_BYTES)
            throw tooLarge(path);
        const bytes = (0,external_node_fs_.readFileSync)(fd);
        if (bytes.length > MAX_FILE_BYTES)
            throw tooLarge(path);
        return bytes.toString('utf8');
    }
    catch (error) {
        throw error instanceof errors/* KeylessError */.FM ? error : unreadable(path, error);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function unreadable(path, error) {
    const reason = error.code ?? (error instanceof Error ? error.message : String(error));
    return new errors/* KeylessError */.FM('INPUT_INVALID', `cannot read ${path} (${reason})`, { hint: 'a dangling link or an unreadable file cannot be checked: fix or remove it', cause: error });
}
function tooLarge(path) {
    return new errors/* KeylessError */.FM('INPUT_TOO_LARGE', `${path} is larger than ${MAX_FILE_BYTES} bytes`, { hint: 'a workflow or action file this large is refused unread' });
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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
    if (response.status !== 200) {
        throw new errors/* KeylessError */.FM('INPUT_INVALID', `${registry} has no manifest for ${name}:${tag} (HTTP ${response.status})`, { hint: 'check the image and tag, or pin it by hand' });
    }
    // The pin is the hash of the bytes the registry served; its header is only a claim, checked against them.
    const digest = `sha256:${(0,external_node_crypto_.createHash)('sha256').update(response.bytes).digest('hex')}`;
    const claimed = response.headers['docker-content-digest'];
    if (claimed !== undefined && claimed !== digest) {
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${registry} named the manifest of ${name}:${tag} ${String(claimed)}, but the manifest it served hashes to ${digest}`, {
            hint: 'the registry (or something between) is not serving what it claims: pin it by hand from a registry you trust',
        });
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
                throw new errors/* KeylessError */.FM('INPUT_INVALID', 'the reference is not written literally at its position', { hint: 'pin it by hand' });
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
            result.unresolved.push({ line: finding.line, ref: finding.ref, reason: (0,errors/* renderError */.vr)(error) });
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
    throw new errors/* KeylessError */.FM('INPUT_INVALID', 'nothing to pin it to', { hint: 'pin it by hand' });
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

// EXTERNAL MODULE: ./src/os/fs-retry.ts
var fs_retry = __webpack_require__(608);
;// CONCATENATED MODULE: ./src/policy/pins/rewrite.ts






/**
 * Why the fixer must not rewrite `file`, or undefined when it may: a symbolic link is never written
 * through (its target may be anywhere), and the folder the file really lives in must be inside one of
 * `roots` (real paths of what the user asked to scan).
 */
function refuseRewrite(file, roots) {
    const stat = (0,external_node_fs_.lstatSync)(file);
    if (stat.isSymbolicLink())
        return 'it is a symbolic link, and its target is not rewritten';
    if (!stat.isFile())
        return 'it is not a regular file';
    const dir = (0,external_node_fs_.realpathSync)((0,external_node_path_.dirname)(file));
    if (!roots.some((root) => (0,paths/* inside */.nx)(root, dir) !== undefined))
        return 'its real path is outside the folders scanned';
    return undefined;
}
/**
 * Replaces `file` with `text` in one step: a new file beside it (created exclusively, so a link planted
 * at its name is not followed), given the old file's mode, synced, then renamed over it. A reader sees
 * the old file or the new one, never half of one, and a link put at `file` meanwhile is replaced, not followed.
 * On Windows the rename waits a moment for an editor or scanner that holds the file open.
 */
function replaceFile(file, text) {
    const temp = (0,external_node_path_.join)((0,external_node_path_.dirname)(file), `.${(0,external_node_path_.basename)(file)}.keyless-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
    try {
        const { mode } = (0,external_node_fs_.lstatSync)(file);
        const fd = (0,external_node_fs_.openSync)(temp, 'wx', 0o600);
        try {
            (0,external_node_fs_.fchmodSync)(fd, mode & 0o7777);
            (0,external_node_fs_.writeFileSync)(fd, text);
            (0,external_node_fs_.fsyncSync)(fd);
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
        (0,fs_retry/* retryBusy */.O)(() => (0,external_node_fs_.renameSync)(temp, file));
    }
    catch (error) {
        (0,fs_retry/* retryBusy */.O)(() => (0,external_node_fs_.rmSync)(temp, { force: true }));
        throw new errors/* KeylessError */.FM('INPUT_INVALID', `cannot rewrite ${file} (${error.code ?? String(error)})`, { hint: 'check the folder is writable', cause: error });
    }
}

// EXTERNAL MODULE: ./src/about.ts + 1 modules
var about = __webpack_require__(4543);
;// CONCATENATED MODULE: ./src/policy/pins/sarif.ts

const RULES = {
    'unpinned-uses': 'An action or reusable workflow is referenced by a tag or branch, not a full commit SHA.',
    'unpinned-image': 'A container image is referenced by tag, not by @sha256 digest.',
    'invalid-yaml': 'The file is not valid YAML, so its references could not be checked.',
    'impostor-commit': 'The pinned commit is not reachable from any branch or tag of the repository it names (a fork network commit).',
    'ref-version-mismatch': 'The version comment after a pinned SHA names a tag that points at another commit.',
};
/**
 * SARIF 2.1.0, one rule per finding kind, as GitHub code scanning accepts it. `notes` (files not checked,
 * findings not listed) become tool notifications, and make the run unsuccessful.
 */
function toSarif(findings, notes = []) {
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'keyless-pins',
                        informationUri: about/* HOMEPAGE */.p,
                        rules: Object.entries(RULES).map(([id, text]) => ({ id, shortDescription: { text }, defaultConfiguration: { level: 'error' } })),
                    },
                },
                ...(notes.length > 0 ? { invocations: [{ executionSuccessful: false, toolExecutionNotifications: notes.map((text) => ({ level: 'error', message: { text } })) }] } : {}),
                results: findings.map((f) => ({
                    ruleId: f.kind,
                    level: 'error',
                    message: { text: `${f.ref}: ${f.note ?? (f.kind === 'unpinned-image' ? 'pin to @sha256:<digest>' : f.kind === 'unpinned-uses' ? 'pin to a full commit SHA, with the tag as a comment' : 'fix the YAML')}` },
                    locations: [{ physicalLocation: { artifactLocation: { uri: f.file }, region: { startLine: f.line } } }],
                })),
            },
        ],
    };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/policy/pins/budget.ts


/**
 * YAML nodes one file may make the scanner walk beyond its own text: each alias costs the size of the
 * node it names, each matrix value an expression expands to costs one. A few anchored step lists
 * reused across jobs stay far below; a file built to multiply itself (a "billion laughs") does not.
 */
const MAX_EXPANDED_NODES = 100_000;
/**
 * Aliases resolved from one pass over the document. The library's `Alias.resolve(doc)` walks the whole
 * document on every call, which makes a file of many aliases quadratic before any expansion happens.
 */
function expansionBudget(doc, file) {
    let targets;
    // Built at the first alias, so a file without any pays nothing. The same rule as the library: an
    // alias names the last node with its anchor before it, in document order.
    const targetsOf = () => {
        const found = new Map();
        const anchors = new Map();
        (0,dist/* visit */.YR)(doc, {
            Node(_key, node) {
                if ((0,dist/* isAlias */.Vj)(node))
                    found.set(node, anchors.get(node.source));
                else if (node.anchor)
                    anchors.set(node.anchor, node);
            },
        });
        return found;
    };
    const sizes = new Map();
    let spent = 0;
    const charge = (nodes) => {
        spent += nodes;
        if (spent > MAX_EXPANDED_NODES) {
            throw new errors/* KeylessError */.FM('INPUT_TOO_LARGE', `${file}: its aliases and matrix expand to more than ${MAX_EXPANDED_NODES} YAML nodes, so it was not scanned`, {
                hint: 'a file that multiplies itself through anchors and aliases is refused as a resource-exhaustion attempt; write the repeated parts out or split the workflow',
            });
        }
    };
    return {
        charge,
        resolve(node) {
            if (!(0,dist/* isAlias */.Vj)(node))
                return node;
            targets ??= targetsOf();
            const target = targets.get(node);
            charge(target === undefined ? 1 : size(target, sizes));
            return target;
        },
    };
}
/** Nodes in a subtree, aliases counted as one; memoised, so sizing every collection is linear. */
function size(node, sizes) {
    if ((0,dist/* isPair */.tO)(node))
        return size(node.key, sizes) + size(node.value, sizes);
    if (!(0,dist/* isCollection */.P3)(node))
        return 1;
    const known = sizes.get(node);
    if (known !== undefined)
        return known;
    let total = 1;
    for (const item of node.items)
        total += size(item, sizes);
    sizes.set(node, total);
    return total;
}

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
        const leaves = and();
        while (isOp('||')) {
            pos++;
            for (const leaf of and())
                leaves.push(leaf);
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






/** Findings kept per file; the rest are counted in `omitted`, so a hostile file cannot flood a log. */
const MAX_FINDINGS_PER_FILE = 1000;
/** Every unpinned reference in one workflow or action file, none left out (for the fixer). Malformed YAML is a finding, not a crash. */
function scanText(file, text, allow) {
    return scanWithPins(file, text, allow, Infinity).findings;
}
/**
 * The findings, and the commit-pinned references a verifier can check further. A reference reached
 * many times through one anchor is one finding per source position. Throws INPUT_TOO_LARGE when the
 * file expands past MAX_EXPANDED_NODES. Past `limit` distinct findings, the rest are only counted.
 * Findings name `path` with `/` separators, whatever the host.
 */
function scanWithPins(path, text, allow, limit = MAX_FINDINGS_PER_FILE) {
    const file = (0,paths/* toPosixPath */.kb)(path);
    const lines = new dist/* LineCounter */.HN();
    const findings = [];
    const pinned = [];
    for (const doc of (0,dist/* parseAllDocuments */.hR)(text, { lineCounter: lines, uniqueKeys: false })) {
        const error = doc.errors[0];
        if (error) {
            findings.push({ file, line: lines.linePos(error.pos[0]).line, kind: 'invalid-yaml', ref: error.message.split('\n')[0] ?? error.code });
            continue;
        }
        const walk = { file, budget: expansionBudget(doc, file), lines, allow, findings, pinned };
        const root = resolve(walk, doc.contents);
        if (!(0,dist/* isMap */.jh)(root))
            continue;
        if (root.has('jobs'))
            scanWorkflow(walk, root);
        else if (root.has('runs'))
            scanAction(walk, root);
    }
    const distinct = unique(findings, (f) => JSON.stringify(f));
    return { findings: distinct.slice(0, limit), pinned: unique(pinned, (p) => `${p.line} ${p.ref}`), omitted: Math.max(0, distinct.length - limit) };
}
function unique(items, key) {
    const seen = new Set();
    return items.filter((item) => {
        const k = key(item);
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
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
    const leaves = expressionLeaves(expression) ?? [{ kind: 'context', path: expression.trim() }];
    for (const leaf of unique(leaves, (l) => (l.kind === 'literal' ? `'${l.value}` : l.path))) {
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
        walk.budget.charge(expanded.length);
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
    return walk.budget.resolve(node);
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

// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/usage.ts
var usage = __webpack_require__(7485);
;// CONCATENATED MODULE: ./src/cli/pins.ts
















const FORMATS = ['text', 'json', 'sarif'];
/**
 * `keyless pins`: 0 no finding, 1 findings or a file or check that could not be completed, 2 usage error.
 * Under `--format json` or `sarif` every outcome, an error included, is a report in that format on stdout.
 */
async function pinsCommand(args, io, env = {}) {
    try {
        return await pins(readOptions(args), io, env);
    }
    catch (error) {
        const format = formatAsked(args);
        if (format !== 'text')
            io.out(renderFailure(problem(error), format));
        io.err(error instanceof errors/* KeylessError */.FM && error.code === 'USAGE' ? (0,usage/* usageText */.tx)('pins', error) : `keyless pins: ${(0,errors/* renderError */.vr)(error)}\n`);
        return (0,cli_args/* exitCode */.I$)(error);
    }
}
/** The format a report was asked in, read leniently: flags that do not parse are reported in it too. */
function formatAsked(args) {
    const { format } = (0,external_node_util_.parseArgs)({ args: [...args], options: { format: { type: 'string' } }, strict: false, allowPositionals: true }).values;
    return FORMATS.find((f) => f === format) ?? 'text';
}
function readOptions(args) {
    const { values, positionals } = (0,cli_args/* parseFlags */.bQ)(args, {
        // Strict is the only policy, and --allow says every relaxation; the flag stays for the scripts that name it.
        policy: { type: 'string' },
        allow: { type: 'string', multiple: true, default: [] },
        format: { type: 'string', default: 'text' },
        fix: { type: 'boolean', default: false },
        verify: { type: 'boolean', default: false },
    }, { positionals: true });
    if (values.policy !== undefined && values.policy !== 'strict')
        throw (0,cli_args/* usage */.CI)(`unknown policy "${values.policy}"`, 'strict, the default, is the only one: relax it with --allow');
    const format = FORMATS.find((f) => f === values.format);
    if (format === undefined)
        throw (0,cli_args/* usage */.CI)(`unknown format "${values.format}"`, 'use text, json or sarif');
    if (values.fix && values.verify)
        throw (0,cli_args/* usage */.CI)('give --fix or --verify, not both');
    if (values.fix && format !== 'text')
        throw (0,cli_args/* usage */.CI)('--fix reports as text', 'fix first, then scan with --format json or sarif');
    let allow;
    try {
        allow = parseAllowList(values.allow);
    }
    catch (error) {
        if (error instanceof errors/* KeylessError */.FM)
            throw new errors/* KeylessError */.FM('USAGE', error.message, { ...(error.hint === undefined ? {} : { hint: error.hint }), cause: error });
        throw error;
    }
    return { paths: positionals.length > 0 ? positionals : ['.'], allow, format, fix: values.fix, verify: values.verify };
}
async function pins(options, io, env) {
    const files = [];
    const problems = [];
    for (const path of options.paths) {
        if (!(0,external_node_fs_.existsSync)(path))
            throw (0,cli_args/* usage */.CI)(`no such file or directory: ${path}`);
        const directory = (0,external_node_fs_.statSync)(path).isDirectory();
        const root = (0,external_node_fs_.realpathSync)(directory ? path : (0,external_node_path_.dirname)(path));
        const found = directory ? findFiles(path, (dir, error) => problems.push(problem(error, dir))) : [(0,paths/* toPosixPath */.kb)(path)];
        files.push(...found.map((file) => ({ file, root })));
    }
    if (files.length === 0 && problems.length === 0) {
        throw (0,cli_args/* usage */.CI)(`nothing to scan: no workflow or action file in ${options.paths.join(', ')}`, 'a directory is searched for .github/workflows/*.yml and action.yml; name any other workflow file directly');
    }
    if (options.fix)
        return fix(files, options.allow, io, env, problems);
    const report = await scan(files, options.allow, options.verify ? resolveDeps(env) : undefined, problems);
    for (const p of problems)
        io.err(`keyless pins: ${p.rendered}\n`);
    io.out(render(report, options.format, files.length));
    return report.findings.length > 0 || report.omitted.length > 0 || problems.length > 0 ? 1 : 0;
}
async function scan(files, allow, verify, problems) {
    const report = { findings: [], omitted: [], problems };
    const pinned = [];
    for (const { file } of files) {
        try {
            const scanned = scanWithPins(file, readWorkflowFile(file), allow);
            report.findings.push(...scanned.findings);
            pinned.push(...scanned.pinned);
            if (scanned.omitted > 0)
                report.omitted.push({ file, count: scanned.omitted });
        }
        catch (error) {
            problems.push(problem(error, file));
        }
    }
    if (verify) {
        const verified = await verifyPins(pinned, verify);
        report.findings.push(...verified.findings);
        if (verified.error !== undefined)
            problems.push(problem(verified.error));
    }
    return report;
}
function problem(error, file) {
    return { ...(file === undefined ? {} : { file }), code: error instanceof errors/* KeylessError */.FM ? error.code : 'INTERNAL', rendered: (0,errors/* renderError */.vr)(error) };
}
function resolveDeps(env) {
    const token = env.GITHUB_TOKEN ?? env.GH_TOKEN;
    return { http: (0,client/* createHttpClient */.uT)(), api: (0,http_url/* parseEndpoint */.Bk)(env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL'), ...(token ? { token } : {}) };
}
/** `--fix`: rewrite each file in place, then scan again; 0 when nothing unpinned remains. */
async function fix(files, allow, io, env, unlisted) {
    const deps = resolveDeps(env);
    let remaining = 0;
    let failed = unlisted.length;
    for (const p of unlisted)
        io.err(`keyless pins: ${p.rendered}\n`);
    for (const { file, root } of files) {
        try {
            const refused = refuseRewrite(file, [root]);
            if (refused !== undefined)
                throw new errors/* KeylessError */.FM('INPUT_INVALID', `${file} was not rewritten: ${refused}`, { hint: 'pin the file it names by hand, or scan the folder that holds it' });
            const text = readWorkflowFile(file);
            const result = await fixText(text, scanText(file, text, allow), deps);
            if (result.text !== text)
                replaceFile(file, result.text);
            for (const f of result.fixed)
                io.out(`${file}:${f.line}: ${f.from} → ${f.to}\n`);
            for (const u of result.unresolved)
                io.err(`${file}:${u.line}: ${u.ref} left as is: ${u.reason}\n`);
            remaining += scanText(file, result.text, allow).length;
        }
        catch (error) {
            failed++;
            io.err(`keyless pins: ${(0,errors/* renderError */.vr)(error)}\n`);
        }
    }
    io.out(`${remaining} unpinned reference(s) remain${failed > 0 ? `, ${failed} file(s) not fixed` : ''}\n`);
    return remaining > 0 || failed > 0 ? 1 : 0;
}
function render({ findings, omitted, problems }, format, scanned) {
    const errors = problems.map(({ file, code, rendered }) => ({ ...(file === undefined ? {} : { file }), code, message: rendered }));
    // Offsets are the fixer's business, not part of the JSON contract; `omitted` and `errors` appear only when non-empty.
    const json = { findings, ...(omitted.length > 0 ? { omitted } : {}), ...(errors.length > 0 ? { errors } : {}) };
    if (format === 'json')
        return `${JSON.stringify(json, (key, value) => (key === 'offset' ? undefined : value))}\n`;
    if (format === 'sarif')
        return `${JSON.stringify(toSarif(findings, [...omitted.map((o) => `${o.file}: ${o.count} more finding(s) not listed`), ...errors.map((e) => `${e.file ? `${e.file}: ` : ''}${e.message}`)]), null, 2)}\n`;
    const lines = findings.map((f) => `${f.file}:${f.line}: ${f.kind} ${f.ref}${f.dynamic ? ' (unresolved expression)' : ''}${f.note ? ` (${f.note})` : ''}${f.alias_line ? ` (used through the alias at line ${f.alias_line})` : ''}`);
    const more = omitted.map((o) => `${o.file}: … and ${o.count} more finding(s)`);
    const total = findings.length + omitted.reduce((sum, o) => sum + o.count, 0);
    const unchecked = problems.length > 0 ? `, ${problems.length} not checked (see stderr)` : '';
    return `${[...lines, ...more, `${total} finding(s) in ${scanned} file(s)${unchecked}`].join('\n')}\n`;
}
/** The report of a run that scanned nothing: it has no `findings`, so no reader takes it for a clean scan. */
function renderFailure({ code, rendered }, format) {
    if (format === 'json')
        return `${JSON.stringify({ errors: [{ code, message: rendered }] })}\n`;
    return `${JSON.stringify(toSarif([], [rendered]), null, 2)}\n`;
}


/***/ }),

/***/ 6722:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  uT: () => (/* binding */ createHttpClient)
});

// UNUSED EXPORTS: defaultHttpOptions, headerValue

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
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
    const deadline = req.deadlineMs === undefined ? undefined : options.now() + req.deadlineMs;
    const maxBytes = req.maxBytes ?? options.maxBytes;
    for (let attempt = 1;; attempt++) {
        const timeoutMs = deadline === undefined ? options.timeoutMs : deadline - options.now();
        // No attempt starts, and no wait ends, past the deadline.
        const last = (waitMs) => attempt >= options.maxAttempts || (deadline !== undefined && options.now() + waitMs >= deadline);
        let waitMs;
        try {
            const response = await attemptOnce(req, { ...options, timeoutMs, maxBytes }, agent, send);
            const retryAfter = parseRetryAfter(headerValue(response.headers['retry-after']), options.now());
            const retryable = (isRetryableStatus(response.status) || req.retryOn?.(response) === true) && (req.idempotent !== false || retryAfter !== undefined);
            waitMs = retryAfter ?? backoffMs(attempt - 1, options.backoffBaseMs, options.backoffCapMs, options.random);
            if (last(waitMs) || !retryable || (retryAfter ?? 0) > options.maxRetryAfterMs)
                return { ...response, attempts: attempt };
        }
        catch (error) {
            waitMs = backoffMs(attempt - 1, options.backoffBaseMs, options.backoffCapMs, options.random);
            if (last(waitMs) || !isRetryableError(error, req))
                throw withAttempts(error, attempt);
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
            const ok = res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300;
            (req.saveTo !== undefined && ok ? saveBody(res, req.saveTo, options.maxBytes, where) : readBody(res, options.maxBytes, where)).then((bytes) => {
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
        res.on('end', () => {
            resolve(Buffer.concat(chunks));
        });
        res.on('error', (error) => { reject(cutOff(where, error)); });
        res.on('close', () => {
            if (!res.complete)
                reject(cutOff(where));
        });
    });
}
/** Streams the body into a file under the same cap and cut-off rules as `readBody`. */
async function saveBody(res, path, maxBytes, where) {
    if (Number(res.headers['content-length'] ?? Number.NaN) > maxBytes)
        throw tooLarge(where, maxBytes);
    let size = 0;
    const cap = new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            size += chunk.length;
            done(size > maxBytes ? tooLarge(where, maxBytes) : null, chunk);
        },
    });
    try {
        await (0,promises_.pipeline)(res, cap, (0,external_node_fs_.createWriteStream)(path, { mode: 0o600 }));
    }
    catch (error) {
        if (error instanceof errors/* KeylessError */.FM)
            throw error;
        throw cutOff(where, error);
    }
    if (!res.complete)
        throw cutOff(where);
    return Buffer.alloc(0);
}
function cutOff(where, cause) {
    return new errors/* KeylessError */.FM('HTTP_NETWORK', `${where} closed the connection mid-response`, {
        hint: 'the endpoint or a proxy dropped the connection; re-run the job, and check the proxy if it repeats',
        cause,
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

/***/ 608:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ retryBusy)
/* harmony export */ });
/* unused harmony export removeOptions */
// On Windows a file another process holds open — an antivirus scan, the search indexer, an SDK reading
// the token file Keyless is replacing — cannot be renamed over, removed or opened for a while: the call
// fails with EPERM, EBUSY or EACCES and succeeds moments later. Elsewhere those codes mean what they say
// (a permission, a mount point), so there they are never retried.
const TRANSIENT_ON_WINDOWS = new Set(['EPERM', 'EBUSY', 'EACCES']);
/** Attempts in all; with the pauses below, under a second before the error stands. */
const TRIES = 5;
const PAUSE_MS = 50;
/**
 * Runs a synchronous file operation, retrying it with a short, growing pause while Windows reports the
 * file busy. Only for operations that are all-or-nothing when they fail this way (a rename, a removal,
 * an exclusive open): a retry must not repeat half of an earlier attempt.
 *
 * @example
 * retryBusy(() => renameSync(temp, file));
 */
function retryBusy(operation, options = {}) {
    const { platform = process.platform, tries = TRIES, pause = sleep } = options;
    for (let attempt = 1;; attempt++) {
        try {
            return operation();
        }
        catch (error) {
            const code = error?.code;
            if (attempt >= tries || platform !== 'win32' || code === undefined || !TRANSIENT_ON_WINDOWS.has(code))
                throw error;
            pause(PAUSE_MS * attempt);
        }
    }
}
/**
 * Options for `rmSync` of a file or folder Keyless made: Node's own retries (EBUSY, EPERM, ENOTEMPTY…,
 * with a growing pause) on Windows, none elsewhere. Node applies them only with `recursive: true`.
 */
function removeOptions(platform = process.platform) {
    return { recursive: true, force: true, maxRetries: platform === 'win32' ? TRIES - 1 : 0, retryDelay: PAUSE_MS };
}
/** Node lets the main thread block on Atomics.wait: a pause without a busy loop, for synchronous code. */
function sleep(ms) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}


/***/ }),

/***/ 6186:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kb: () => (/* binding */ toPosixPath),
/* harmony export */   nx: () => (/* binding */ inside)
/* harmony export */ });
/* unused harmony export repoPath */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

/**
 * `file` with `/` between its parts. Only a Windows path separates with `\`: on every other OS a
 * backslash is a character of a file's name, and stays.
 *
 * @example
 * toPosixPath('D:\\a\\repo\\.github\\workflows\\ci.yml', path.win32) // 'D:/a/repo/.github/workflows/ci.yml'
 * toPosixPath('\\\\server\\share\\x.yml', path.win32)                // '//server/share/x.yml'
 */
function toPosixPath(file, flavour = (node_path__WEBPACK_IMPORTED_MODULE_0___default())) {
    return flavour.sep === '\\' ? file.replaceAll('\\', '/') : file;
}
/**
 * `file` as GitHub names a file of the repository checked out at `root`: relative to it, `/`-separated.
 * A file outside `root` keeps the `../` or absolute form `relative` gives it, so it is never passed off
 * as a file of the repository.
 *
 * @example
 * repoPath('D:\\a\\repo', 'D:\\a\\repo\\.github\\workflows\\ci.yml', path.win32) // '.github/workflows/ci.yml'
 */
function repoPath(root, file, flavour = path) {
    return toPosixPath(flavour.relative(root, file), flavour);
}
/**
 * `child` relative to `parent` (in native form, `''` when they are the same folder) when it lies inside
 * `parent`, else undefined. Lexical only: resolve links first where they matter. On Windows the
 * comparison ignores case, and a path on another drive or share is outside.
 */
function inside(parent, child, flavour = (node_path__WEBPACK_IMPORTED_MODULE_0___default())) {
    const rel = flavour.relative(parent, child);
    // `..x` is a name inside; only `..` as a whole first part climbs out.
    if (rel === '..' || rel.startsWith(`..${flavour.sep}`) || flavour.isAbsolute(rel))
        return undefined;
    return rel;
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
