export const id = 827;
export const ids = [827];
export const modules = {

/***/ 6827:
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
    const lines = new dist/* LineCounter */.HN();
    const findings = [];
    for (const doc of (0,dist/* parseAllDocuments */.hR)(text, { lineCounter: lines, uniqueKeys: false })) {
        const error = doc.errors[0];
        if (error) {
            findings.push({ file, line: lines.linePos(error.pos[0]).line, kind: 'invalid-yaml', ref: error.message.split('\n')[0] ?? error.code });
            continue;
        }
        const walk = { file, doc, lines, allow, findings };
        const root = resolve(walk, doc.contents);
        if (!(0,dist/* isMap */.jh)(root))
            continue;
        if (root.has('jobs'))
            scanWorkflow(walk, root);
        else if (root.has('runs'))
            scanAction(walk, root);
    }
    return findings;
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
    if (uses.kind === 'invalid' || !(0,policy/* judgeUses */.Ev)(uses, walk.allow))
        walk.findings.push({ file: walk.file, line, kind: 'unpinned-uses', ref: value, ...where });
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

;// CONCATENATED MODULE: ./src/policy/pins/gate.ts







/**
 * Scans the running workflow (or, with pin-scope: repository, every workflow) and the local actions it
 * uses. Each finding is an annotation at its file and line; under `enforce` any finding fails the step
 * before a runner token is requested.
 */
async function gatePins(config, deps) {
    const allow = (0,policy/* parseAllowList */.jR)(config.pinAllow);
    let sources;
    try {
        sources = config.pinScope === 'repository' ? repositoryFiles(deps.workspace) : await runningWorkflow(deps, config.githubToken);
    }
    catch (error) {
        if (config.pinPolicy === 'enforce' || !(error instanceof errors/* KeylessError */.FM))
            throw error;
        deps.runner.warning(`pin check skipped: ${error.message} — ${error.hint ?? ''}`, { title: 'Keyless pin policy' });
        return [];
    }
    const findings = [];
    const seen = new Set();
    const queue = [...sources];
    for (let source = queue.shift(); source; source = queue.shift()) {
        if (seen.has(source.file))
            continue;
        seen.add(source.file);
        findings.push(...scanText(source.file, source.text, allow));
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
    const annotate = (message, properties) => config.pinPolicy === 'enforce' ? deps.runner.error(message, properties) : deps.runner.warning(message, properties);
    for (const f of findings) {
        const fix = f.kind === 'unpinned-image' ? 'pin it to @sha256:<digest>' : f.kind === 'unpinned-uses' ? 'pin it to a full commit SHA (keyless pins --fix)' : 'fix the YAML';
        annotate(`${f.ref} is not pinned: ${fix}${f.dynamic ? ' (the expression could not be resolved statically)' : ''}`, { title: `Keyless ${f.kind}`, file: f.file, line: f.line });
    }
    if (findings.length > 0 && config.pinPolicy === 'enforce') {
        throw new errors/* KeylessError */.FM('POLICY_PIN_VIOLATION', `${findings.length} reference(s) are not pinned to an immutable digest, so no credential was requested`, {
            hint: 'pin them (see the annotations), allow them with pin-allow, or use pin-policy: warn while adopting',
        });
    }
    return findings;
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
