"use strict";
exports.id = 864;
exports.ids = [864];
exports.modules = {

/***/ 5864:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pinsCommand: () => (/* binding */ pinsCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/policy/pins/files.ts
var pins_files = __webpack_require__(7260);
// EXTERNAL MODULE: ./src/http/client.ts + 2 modules
var client = __webpack_require__(2357);
// EXTERNAL MODULE: ./src/http/url.ts
var http_url = __webpack_require__(6697);
// EXTERNAL MODULE: ./src/os/paths.ts
var paths = __webpack_require__(6186);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/policy/pins/refs.ts
var refs = __webpack_require__(8313);
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
 * added where the line has none and it changes no value): quoting, comments and layout stay as they were.
 */
async function fixText(text, findings, deps) {
    const result = { text, fixed: [], unresolved: [] };
    const edits = [];
    const comments = [];
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
                comments.push({ start: eol, end: eol, replacement: ` # ${to.comment}` });
            }
            result.fixed.push({ line: finding.line, from: finding.ref, to: to.value });
        }
        catch (error) {
            result.unresolved.push({ line: finding.line, ref: finding.ref, reason: (0,errors/* renderError */.vr)(error) });
        }
    }
    const pinnedText = apply(text, edits);
    result.text = pinnedText;
    if (comments.length === 0)
        return result;
    // The end of a line can lie inside a flow collection or a quoted scalar that goes on below, where
    // ` # tag` would become part of another value. The comments stay only if no value changed.
    const withComments = apply(text, [...edits, ...comments]);
    const expected = values(pinnedText);
    if (expected !== undefined && expected === values(withComments))
        result.text = withComments;
    return result;
}
function apply(text, edits) {
    let out = text;
    // Right to left, so earlier offsets stay valid.
    for (const edit of [...edits].sort((a, b) => b.start - a.start))
        out = out.slice(0, edit.start) + edit.replacement + out.slice(edit.end);
    return out;
}
/** Every document's keys, values, anchors and aliases in order, comments left out; undefined for a YAML error. */
function values(text) {
    const out = [];
    for (const doc of (0,dist/* parseAllDocuments */.hR)(text, { uniqueKeys: false })) {
        if (doc.errors.length > 0)
            return undefined;
        shape(doc.contents, out);
    }
    return JSON.stringify(out);
}
/** Aliases are kept as written, not expanded: a file of nested aliases stays linear here. */
function shape(node, out) {
    if ((0,dist/* isAlias */.Vj)(node))
        out.push(`*${node.source}`);
    else if ((0,dist/* isScalar */.jn)(node))
        out.push(`${node.anchor ?? ''}=${node.tag ?? ''}:${typeof node.value}:${String(node.value)}`);
    else if ((0,dist/* isMap */.jh)(node) || (0,dist/* isSeq */.oP)(node)) {
        out.push(`${(0,dist/* isMap */.jh)(node) ? '{' : '['}${node.anchor ?? ''}${node.tag ?? ''}`);
        for (const item of node.items) {
            if ((0,dist/* isPair */.tO)(item)) {
                shape(item.key, out);
                shape(item.value, out);
            }
            else
                shape(item, out);
        }
        out.push((0,dist/* isMap */.jh)(node) ? '}' : ']');
    }
    else
        out.push('~');
}
async function pinned(finding, deps) {
    const uses = (0,refs/* parseUses */.Ap)(finding.ref);
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
/** Before `\r\n`, `\n` or a lone `\r` (which YAML also takes for a line break). */
function lineEnd(text, from) {
    const next = /[\r\n]/g;
    next.lastIndex = from;
    return next.exec(text)?.index ?? text.length;
}
function restOfLine(text, from) {
    return text.slice(from, lineEnd(text, from));
}

// EXTERNAL MODULE: ./src/policy/pins/policy.ts
var policy = __webpack_require__(7237);
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

// EXTERNAL MODULE: ./src/policy/pins/budget.ts
var budget = __webpack_require__(7594);
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
    // `a['b'].c` after its first word: indexes, then more properties (the tokenizer reads `.c` as a word).
    const accessors = () => {
        let path = '';
        const property = () => peek()?.type === 'word' && peek()?.value.startsWith('.') === true;
        while (isOp('[') || property()) {
            if (property()) {
                path += tokens[pos++]?.value ?? '';
                continue;
            }
            const start = pos;
            while (pos < tokens.length && !isOp(']'))
                pos++;
            pos++;
            path += `[${tokens.slice(start + 1, pos - 1).map((t) => t.value).join('')}]`;
        }
        return path;
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
            return [{ kind: 'context', path: token.value + accessors() }];
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

;// CONCATENATED MODULE: ./src/policy/pins/matrix.ts


/** No matrix: every `matrix.…` is null, so a `container: ${{ matrix.image }}` runs without a container. */
const EMPTY = { combinations: [] };
function readMatrix(reader, node) {
    if (node === undefined || node === null)
        return EMPTY;
    const matrix = toValue(reader, node);
    if (matrix?.kind === 'dynamic')
        return { combinations: [], dynamic: matrix.expression };
    if (matrix?.kind !== 'map')
        return EMPTY;
    const axes = [...matrix.entries].filter(([key]) => key !== 'include' && key !== 'exclude');
    // An axis or include list from outside the file still counts: its values are unknown here.
    const dynamic = [...axes.map(([, value]) => value), matrix.entries.get('include'), ...listItems(matrix.entries.get('include'))].find((value) => value?.kind === 'dynamic');
    const combinations = include(reader, exclude(reader, product(reader, axes), matrix.entries.get('exclude')), matrix.entries.get('include'), new Set(axes.map(([key]) => key)));
    return { combinations, ...(dynamic?.kind === 'dynamic' ? { dynamic: dynamic.expression } : {}) };
}
function listItems(value) {
    return value?.kind === 'list' ? value.items : [];
}
/** Every combination of the axes' values; an axis that is not a list is one value. */
function product(reader, axes) {
    let combinations = axes.length === 0 ? [] : [new Map()];
    for (const [key, value] of axes) {
        const values = value.kind === 'list' ? value.items : [value];
        reader.budget.charge(combinations.length * values.length);
        combinations = combinations.flatMap((combination) => values.map((v) => new Map(combination).set(key, v)));
    }
    return combinations;
}
function exclude(reader, combinations, rules) {
    let kept = combinations;
    for (const rule of listItems(rules)) {
        if (rule.kind !== 'map')
            continue;
        reader.budget.charge(kept.length);
        kept = kept.filter((combination) => ![...rule.entries].every(([key, value]) => matches(combination.get(key), value)));
    }
    return kept;
}
/**
 * GitHub adds an include entry to every original combination whose original values it does not change
 * (values added by an earlier entry may be overwritten); an entry that fits none is a combination of its own.
 */
function include(reader, combinations, entries, original) {
    const originals = combinations.length;
    for (const entry of listItems(entries)) {
        if (entry.kind !== 'map')
            continue;
        reader.budget.charge(combinations.length + entry.entries.size);
        const fits = (combination) => [...entry.entries].every(([key, value]) => !original.has(key) || equal(combination.get(key), value));
        const targets = combinations.slice(0, originals).filter(fits);
        for (const combination of targets)
            for (const [key, value] of entry.entries)
                combination.set(key, value);
        if (targets.length === 0)
            combinations.push(new Map(entry.entries));
    }
    return combinations;
}
/**
 * The values `path` (`matrix.a.b`, `matrix['a'].b`, already split: `['a', 'b']`) takes across the
 * combinations, each once. With no combination the matrix context is empty and the path is null.
 */
function valuesAt(matrix, path) {
    const seen = new Set();
    const values = [];
    for (const combination of matrix.combinations) {
        let value = combination.get(path[0] ?? '') ?? { kind: 'none' };
        for (const key of path.slice(1)) {
            if (value.kind === 'map')
                value = value.entries.get(key) ?? { kind: 'none' };
            else if (value.kind === 'list' && /^\d+$/.test(key))
                value = value.items[Number(key)] ?? { kind: 'none' };
            else if (value.kind !== 'dynamic')
                value = { kind: 'none' };
        }
        // A path no static combination has may still come from the part of the matrix made outside the file.
        if (value.kind === 'none' && matrix.dynamic !== undefined)
            value = { kind: 'dynamic', expression: matrix.dynamic, line: 0 };
        const key = value.kind === 'none' ? 'none' : `${value.kind} ${value.line} ${value.kind === 'scalar' ? value.text : ''}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        values.push(value);
    }
    if (matrix.combinations.length === 0 && matrix.dynamic !== undefined)
        values.push({ kind: 'dynamic', expression: matrix.dynamic, line: 0 });
    return values;
}
/** `matrix.a.b`, `matrix['a'].b`, `matrix.a['b']` → `['a', 'b']`; undefined for any other context. */
function matrixPath(path) {
    const parts = [];
    const pattern = /\.([\w-]+)|\[([^\]]*)\]/y;
    if (!path.startsWith('matrix'))
        return undefined;
    pattern.lastIndex = 'matrix'.length;
    while (pattern.lastIndex < path.length) {
        const match = pattern.exec(path);
        if (match === null)
            return undefined;
        parts.push(match[1] ?? match[2] ?? '');
    }
    return parts.length > 0 ? parts : undefined;
}
function toValue(reader, raw, depth = 0) {
    const node = reader.budget.resolve(raw);
    const line = reader.lines.linePos(node?.range?.[0] ?? 0).line;
    reader.budget.charge(1);
    if (depth > 32)
        return undefined;
    if ((0,dist/* isMap */.jh)(node)) {
        const entries = new Map();
        for (const item of node.items) {
            const key = reader.budget.resolve(item.key);
            const value = toValue(reader, item.value, depth + 1);
            if ((0,dist/* isScalar */.jn)(key) && value !== undefined)
                entries.set(String(key.value), value);
        }
        return { kind: 'map', entries, line };
    }
    if ((0,dist/* isSeq */.oP)(node))
        return { kind: 'list', items: node.items.flatMap((item) => toValue(reader, item, depth + 1) ?? []), line };
    if (!(0,dist/* isScalar */.jn)(node))
        return undefined;
    const scalar = node.value;
    if (typeof scalar !== 'string')
        return { kind: 'scalar', text: plainText(scalar), line };
    const expression = wholeExpression(scalar);
    if (expression === undefined)
        return { kind: 'scalar', text: scalar, line };
    const json = literalFromJson(expression);
    return json === undefined ? { kind: 'dynamic', expression: expression.trim(), line } : fromJson(reader, json, line, depth);
}
const FROM_JSON = /^\s*fromJSON\(\s*'((?:[^']|'')*)'\s*\)\s*$/i;
/** The value of `fromJSON('…')` when its argument is a literal, which GitHub parses as JSON. */
function literalFromJson(expression) {
    const literal = FROM_JSON.exec(expression)?.[1];
    if (literal === undefined)
        return undefined;
    try {
        return JSON.parse(literal.replaceAll("''", "'"));
    }
    catch {
        return undefined;
    }
}
/** A parsed JSON value as a matrix value; the whole of it sits on the line of the expression. */
function fromJson(reader, value, line, depth) {
    reader.budget.charge(1);
    if (depth > 32)
        return undefined;
    if (Array.isArray(value))
        return { kind: 'list', items: value.flatMap((item) => fromJson(reader, item, line, depth + 1) ?? []), line };
    if (value !== null && typeof value === 'object') {
        const entries = new Map();
        for (const [key, item] of Object.entries(value)) {
            const converted = fromJson(reader, item, line, depth + 1);
            if (converted !== undefined)
                entries.set(key, converted);
        }
        return { kind: 'map', entries, line };
    }
    return { kind: 'scalar', text: plainText(value), line };
}
/** A number or boolean as GitHub turns it into a string; null (and anything else) is empty. */
function plainText(value) {
    return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string' ? String(value) : '';
}
function equal(a, b) {
    if (a === undefined || a.kind !== b.kind)
        return false;
    if (a.kind === 'scalar' && b.kind === 'scalar')
        return a.text === b.text;
    if (a.kind === 'map' && b.kind === 'map')
        return a.entries.size === b.entries.size && [...b.entries].every(([key, value]) => equal(a.entries.get(key), value));
    if (a.kind === 'list' && b.kind === 'list')
        return a.items.length === b.items.length && b.items.every((value, i) => equal(a.items[i], value));
    return false;
}
/** An `exclude` entry only has to match part of a combination, down into mappings. */
function matches(a, rule) {
    if (a?.kind === 'map' && rule.kind === 'map')
        return [...rule.entries].every(([key, value]) => matches(a.entries.get(key), value));
    return equal(a, rule);
}

;// CONCATENATED MODULE: ./src/policy/pins/scan.ts







/** Findings kept per file; the rest are counted in `omitted`, so a hostile file cannot flood a log. */
const MAX_FINDINGS_PER_FILE = 1000;
/** Every unpinned reference in one workflow or action file, none left out (for the fixer). Malformed YAML is a finding, not a crash. */
function scanText(file, text, allow) {
    return scanWithPins(file, text, allow, Infinity).findings;
}
/** The local actions and reusable workflows one file uses, for a gate that follows them but judges no pins. */
function localUses(file, text) {
    return scanWithPins(file, text, [], 0).locals;
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
    const locals = [];
    for (const doc of (0,dist/* parseAllDocuments */.hR)(text, { lineCounter: lines, uniqueKeys: false })) {
        const error = doc.errors[0];
        if (error) {
            findings.push({ file, line: lines.linePos(error.pos[0]).line, kind: 'invalid-yaml', ref: error.message.split('\n')[0] ?? error.code });
            continue;
        }
        const walk = { file, budget: (0,budget/* expansionBudget */.X)(doc, file), lines, allow, findings, pinned, locals };
        const root = resolve(walk, doc.contents);
        if (!(0,dist/* isMap */.jh)(root))
            continue;
        // Both, when both are there: GitHub ignores an action's unknown top-level keys, so an action.yml
        // with an extra `jobs:` still runs its `runs:`, and the content cannot say which of the two a file is.
        if (root.has('jobs'))
            scanWorkflow(walk, root);
        if (root.has('runs'))
            scanAction(walk, root);
    }
    const distinct = unique(findings, (f) => JSON.stringify(f));
    return {
        findings: distinct.slice(0, limit),
        pinned: unique(pinned, (p) => `${p.line} ${p.ref}`),
        locals: unique(locals, (l) => `${l.kind} ${l.path}`),
        omitted: Math.max(0, distinct.length - limit),
    };
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
        const strategy = resolve(walk, job.get('strategy', true));
        const matrix = readMatrix(walk, (0,dist/* isMap */.jh)(strategy) ? strategy.get('matrix', true) : undefined);
        const uses = pair(job, 'uses');
        if (uses)
            checkUses(walk, uses, 'workflow');
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
        checkUses(walk, uses, 'action', aliasLine);
    }
}
function checkUses(walk, usesPair, holds, aliasLine) {
    const raw = scan_text(walk, usesPair.value);
    if (raw === undefined)
        return;
    const value = raw.trim();
    const line = keyLine(walk, usesPair);
    const where = { ...valueLine(walk, usesPair, line), ...(aliasLine ? { alias_line: aliasLine } : {}) };
    const uses = (0,refs/* parseUses */.Ap)(value);
    if (uses.kind === 'local') {
        // Read from the parsed value, so quoting, escapes, folding and aliases cannot hide one from the gate.
        if (value.startsWith('./'))
            walk.locals.push({ kind: holds, path: value.slice(2) });
        return;
    }
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
    const leaves = expressionLeaves(expression) ?? [{ kind: 'context', path: expression.trim() }];
    for (const leaf of unique(leaves, (l) => (l.kind === 'literal' ? `'${l.value}` : l.path))) {
        if (leaf.kind === 'literal') {
            if (leaf.value !== '' && !(0,refs/* isImagePinned */.ac)(leaf.value))
                walk.findings.push({ file: walk.file, line, kind: 'unpinned-image', ref: leaf.value, ...at, ...digestNote(leaf.value) });
            continue;
        }
        checkMatrixLeaf(walk, line, leaf.path, matrix, at);
    }
}
/** A `matrix.…` leaf: one finding per unpinned value it takes, at the line that value is written on. */
function checkMatrixLeaf(walk, line, leafPath, matrix, at) {
    const path = matrixPath(leafPath);
    const dynamic = () => walk.findings.push({ file: walk.file, line, kind: 'unpinned-image', ref: leafPath, dynamic: true, ...at });
    if (path === undefined || matrix === undefined) {
        dynamic();
        return;
    }
    const values = valuesAt(matrix, path);
    walk.budget.charge(values.length);
    for (const value of values) {
        // `container: ${{ matrix.container }}` may name a mapping with its own image.
        const image = value.kind === 'map' ? value.entries.get('image') : value;
        if (image?.kind === 'dynamic')
            dynamic();
        else if (image?.kind === 'scalar' && image.text !== '' && !(0,refs/* isImagePinned */.ac)(image.text))
            walk.findings.push({ file: walk.file, line, kind: 'unpinned-image', ref: image.text, matrix_line: image.line, ...at, ...digestNote(image.text) });
    }
}
function digestNote(image) {
    return image.includes('@') ? { note: 'malformed digest (not @sha256: and 64 hex)' } : {};
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
// EXTERNAL MODULE: ./src/cli/org-source.ts + 2 modules
var org_source = __webpack_require__(5833);
// EXTERNAL MODULE: ./src/cli/usage.ts
var usage = __webpack_require__(7485);
;// CONCATENATED MODULE: ./src/cli/pins.ts
















const FORMATS = cli_args/* REPORT_FORMATS */.EL;
/**
 * `keyless pins`: 0 no finding, 1 findings or a file or check that could not be completed, 2 usage error.
 * Under `--format json` or `sarif` every outcome, an error included, is a report in that format on stdout.
 */
async function pinsCommand(args, io, env = {}) {
    try {
        return await pins(readOptions(args), io, env);
    }
    catch (error) {
        const format = (0,cli_args/* formatAsked */.WN)(args);
        if (format !== 'text')
            io.out(renderFailure(problem(error), format));
        io.err(error instanceof errors/* KeylessError */.FM && error.code === 'USAGE' ? (0,usage/* usageText */.tx)('pins', error) : `keyless pins: ${(0,errors/* renderError */.vr)(error)}\n`);
        return (0,cli_args/* exitCode */.I$)(error);
    }
}
function readOptions(args) {
    const { values, positionals } = (0,cli_args/* parseFlags */.bQ)(args, {
        // Strict is the only policy, and --allow says every relaxation; the flag stays for the scripts that name it.
        policy: { type: 'string' },
        allow: { type: 'string', multiple: true, default: [] },
        format: { type: 'string', default: 'text' },
        fix: { type: 'boolean', default: false },
        verify: { type: 'boolean', default: false },
        ...org_source/* ORG_FLAGS */.p0,
    }, { positionals: true });
    const org = (0,org_source/* wantsOrgScan */.JN)(values, positionals);
    if (org && (values.fix || values.verify))
        throw (0,cli_args/* usage */.CI)('--fix and --verify work on paths, not with --github-org or --github-repos', 'scan the organisation, then fix or verify each repository from a clone');
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
        allow = (0,policy/* parseAllowList */.jR)(values.allow);
    }
    catch (error) {
        if (error instanceof errors/* KeylessError */.FM)
            throw new errors/* KeylessError */.FM('USAGE', error.message, { ...(error.hint === undefined ? {} : { hint: error.hint }), cause: error });
        throw error;
    }
    return { paths: positionals.length > 0 ? positionals : ['.'], allow, format, fix: values.fix, verify: values.verify, ...(org ? { org: values } : {}) };
}
async function pins(options, io, env) {
    if (options.org)
        return pinsOfOrg(options.org, options, io, env);
    const files = [];
    const problems = [];
    for (const path of options.paths) {
        if (!(0,external_node_fs_.existsSync)(path))
            throw (0,cli_args/* usage */.CI)(`no such file or directory: ${path}`);
        const directory = (0,external_node_fs_.statSync)(path).isDirectory();
        const root = (0,external_node_fs_.realpathSync)(directory ? path : (0,external_node_path_.dirname)(path));
        const found = directory ? (0,pins_files/* findFiles */.lY)(path, (dir, error) => problems.push(problem(error, dir))) : [(0,paths/* toPosixPath */.kb)(path)];
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
            const scanned = scanWithPins(file, (0,pins_files/* readWorkflowFile */.AO)(file), allow);
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
/**
 * `--github-org` / `--github-repos`: every repository's workflow and action files through the API, one
 * merged report whose file names start with the repository (`acme/widget/.github/workflows/ci.yml`).
 */
async function pinsOfOrg(flags, options, io, env) {
    const results = await (0,org_source/* scanOrg */.Op)(flags, env, ({ repository, path, text }) => scanWithPins(`${repository}/${path}`, text, options.allow).findings.map((finding) => ({ ...finding, repository })));
    const report = { findings: results.flatMap((r) => r.findings), omitted: [], problems: results.flatMap((r) => r.problems.map((p) => ({ file: r.repository, code: 'NOT_CHECKED', rendered: `${r.repository}: ${p}` }))) };
    for (const p of report.problems)
        io.err(`keyless pins: ${p.rendered}\n`);
    io.out(render(report, options.format, results.reduce((sum, r) => sum + r.files, 0)));
    return report.findings.length > 0 || report.problems.length > 0 ? 1 : 0;
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
            const text = (0,pins_files/* readWorkflowFile */.AO)(file);
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

/***/ 608:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ retryBusy),
/* harmony export */   r: () => (/* binding */ removeOptions)
/* harmony export */ });
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

/***/ 7237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ev: () => (/* binding */ judgeUses),
/* harmony export */   iT: () => (/* binding */ parseRule),
/* harmony export */   jR: () => (/* binding */ parseAllowList)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _refs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8313);


const NAME = /^[A-Za-z0-9_.-]+$/;
/**
 * One allowlist entry, `PATTERN` or `PATTERN=POLICY` (default `ref-pin`): `*`, `owner/*`, `owner/repo`
 * (the repository's root action), `owner/repo/*` (anything in it) or `owner/repo/sub/path`.
 */
function parseRule(entry) {
    const [pattern = '', policy = 'ref-pin'] = entry.split('=').map((part) => part.trim());
    if (policy !== 'any' && policy !== 'ref-pin' && policy !== 'hash-pin') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('INPUT_INVALID', `unknown pin policy "${policy}" in ${entry}`, { hint: 'use any, ref-pin or hash-pin' });
    }
    if (pattern.includes('@')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('INPUT_INVALID', `cannot use exact ref patterns here: \`${pattern}\``, { hint: 'allow owner/repo (or owner/*), not a ref' });
    }
    const invalid = () => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('INPUT_INVALID', `invalid pattern: ${pattern}`, { hint: 'use *, owner/*, owner/repo, owner/repo/* or owner/repo/sub/path' });
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
    if ((0,_refs_js__WEBPACK_IMPORTED_MODULE_1__/* .isCommitPinned */ .Cv)(uses))
        return true;
    const rule = allow.filter((r) => r.matches(uses)).sort((a, b) => b.specificity - a.specificity)[0];
    const policy = rule?.policy ?? 'hash-pin';
    return policy === 'any' || (policy === 'ref-pin' && uses.ref !== undefined && uses.ref !== '');
}


/***/ }),

/***/ 8313:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ap: () => (/* binding */ parseUses),
/* harmony export */   Cv: () => (/* binding */ isCommitPinned),
/* harmony export */   ac: () => (/* binding */ isImagePinned)
/* harmony export */ });
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


/***/ })

};
;