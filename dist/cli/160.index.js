export const id = 160;
export const ids = [160];
export const modules = {

/***/ 9779:
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
                    message: { text: `${f.ref}: ${f.kind === 'unpinned-image' ? 'pin to @sha256:<digest>' : f.kind === 'unpinned-uses' ? 'pin to a full commit SHA, with the tag as a comment' : 'fix the YAML'}` },
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
    if (image && value?.startsWith('docker://'))
        checkImage(walk, keyLine(walk, image), value, value.slice('docker://'.length), undefined);
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
    if (uses.kind === 'docker') {
        checkImage(walk, line, value, uses.image, undefined, where);
        return;
    }
    if (uses.kind === 'invalid' || !judgeUses(uses, walk.allow))
        walk.findings.push({ file: walk.file, line, kind: 'unpinned-uses', ref: value, ...where });
}
/** `container:` / `services.<id>:` as a string or as a mapping with `image:`. */
function checkContainer(walk, holder, matrix) {
    const node = resolve(walk, holder.value);
    const image = (0,dist/* isMap */.jh)(node) ? pair(node, 'image') : undefined;
    const target = image ?? ((0,dist/* isScalar */.jn)(node) ? holder : undefined);
    const value = target && scan_text(walk, target.value);
    if (target && value !== undefined)
        checkImage(walk, keyLine(walk, target), value, value, matrix);
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
    for (const leaf of expressionLeaves(expression) ?? [{ kind: 'context', path: expression.trim() }]) {
        if (leaf.kind === 'literal') {
            if (leaf.value !== '' && !isImagePinned(leaf.value))
                walk.findings.push({ file: walk.file, line, kind: 'unpinned-image', ref: leaf.value, ...where, ...digestNote(leaf.value) });
            continue;
        }
        const expanded = leaf.path.startsWith('matrix.') ? matrix?.get(leaf.path.slice('matrix.'.length)) : undefined;
        if (expanded === undefined) {
            walk.findings.push({ file: walk.file, line, kind: 'unpinned-image', ref: leaf.path, dynamic: true, ...where });
            continue;
        }
        for (const { value: entry, line: matrixLine } of expanded) {
            if (entry !== '' && !isImagePinned(entry))
                walk.findings.push({ file: walk.file, line, kind: 'unpinned-image', ref: entry, matrix_line: matrixLine, ...where });
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

;// CONCATENATED MODULE: ./src/cli/pins.ts







const PINS_USAGE = 'keyless pins [--policy strict] [--allow PATTERN[=any|ref-pin|hash-pin]]... [--format text|json|sarif] PATH...';
/** `keyless pins`: 0 no finding, 1 findings, 2 usage error. */
function pinsCommand(args, io) {
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({
            args: [...args],
            allowPositionals: true,
            options: { policy: { type: 'string', default: 'strict' }, allow: { type: 'string', multiple: true, default: [] }, format: { type: 'string', default: 'text' } },
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
    const findings = files.flatMap((file) => scanText(file, (0,external_node_fs_.readFileSync)(file, 'utf8'), allow));
    io.out(render(findings, values.format, files.length));
    return findings.length > 0 ? 1 : 0;
}
function render(findings, format, scanned) {
    if (format === 'json')
        return `${JSON.stringify({ findings })}\n`;
    if (format === 'sarif')
        return `${JSON.stringify(toSarif(findings), null, 2)}\n`;
    const lines = findings.map((f) => `${f.file}:${f.line}: ${f.kind} ${f.ref}${f.dynamic ? ' (unresolved expression)' : ''}${f.note ? ` (${f.note})` : ''}`);
    return `${[...lines, `${findings.length} finding(s) in ${scanned} file(s)`].join('\n')}\n`;
}


/***/ })

};
