"use strict";
exports.id = 60;
exports.ids = [60];
exports.modules = {

/***/ 7594:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ expansionBudget)
/* harmony export */ });
/* unused harmony export MAX_EXPANDED_NODES */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


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
        (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
            Node(_key, node) {
                if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node))
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .KeylessError */ .FM('INPUT_TOO_LARGE', `${file}: its aliases and matrix expand to more than ${MAX_EXPANDED_NODES} YAML nodes, so it was not scanned`, {
                hint: 'a file that multiplies itself through anchors and aliases is refused as a resource-exhaustion attempt; write the repeated parts out or split the workflow',
            });
        }
    };
    return {
        charge,
        resolve(node) {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node))
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
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(node))
        return size(node.key, sizes) + size(node.value, sizes);
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isCollection */ .P3)(node))
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


/***/ }),

/***/ 3962:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ms: () => (/* binding */ localUses),
  iw: () => (/* binding */ scanWithPins)
});

// UNUSED EXPORTS: MAX_FINDINGS_PER_FILE, scanText

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/os/paths.ts
var paths = __webpack_require__(6186);
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

// EXTERNAL MODULE: ./src/policy/pins/policy.ts
var policy = __webpack_require__(7237);
// EXTERNAL MODULE: ./src/policy/pins/refs.ts
var refs = __webpack_require__(8313);
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


/***/ }),

/***/ 8013:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Yk: () => (/* binding */ localSources),
  CC: () => (/* binding */ problem),
  tW: () => (/* binding */ readSources)
});

// UNUSED EXPORTS: MAX_LOCAL_DEPTH, localActionFiles, workflowFromRef

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/os/paths.ts
var paths = __webpack_require__(6186);
// EXTERNAL MODULE: ./src/os/regular-file.ts
var regular_file = __webpack_require__(7837);
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
 * a link to /dev/zero, a FIFO or a directory.
 */
function readWorkflowFile(path) {
    return (0,regular_file/* readRegularFile */.X)(path, {
        maxBytes: MAX_FILE_BYTES,
        hint: 'workflow and action files must be regular files of at most 1 MiB; larger ones are refused unread',
        unreadableHint: 'a dangling link or an unreadable file cannot be checked: fix or remove it',
    }).toString('utf8');
}
function unreadable(path, error) {
    const reason = error.code ?? (error instanceof Error ? error.message : String(error));
    return new errors/* KeylessError */.FM('INPUT_INVALID', `cannot read ${path} (${reason})`, { hint: 'a dangling link or an unreadable file cannot be checked: fix or remove it', cause: error });
}

// EXTERNAL MODULE: ./src/http/url.ts
var http_url = __webpack_require__(6697);
;// CONCATENATED MODULE: ./src/policy/pins/sources.ts






function problem(error, file) {
    const at = file === undefined ? {} : { file };
    if (error instanceof errors/* KeylessError */.FM)
        return { ...at, code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
    return { ...at, code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), hint: 'this is a Keyless bug; please report it with the step log' };
}
/** GitHub nests reusable workflows, and composite actions, at most this deep. */
const MAX_LOCAL_DEPTH = 10;
/**
 * Local actions (`uses: ./path`) and local reusable workflows (a job's `uses: ./….yml`) are part of the
 * chain, scanned like the file that names them. A called workflow runs with GITHUB_WORKFLOW_REF naming its
 * caller, so the file holding the Keyless step may be one only reached this way. A local action is read
 * from the checkout, where the runner reads it (one not there is left: a later step may create it); a
 * reusable workflow from wherever its caller came from, as GitHub reads it from the caller's commit.
 */
async function localSources(source, locals, deps, token, report) {
    const depth = (source.depth ?? 0) + 1;
    if (locals.length > 0 && depth > MAX_LOCAL_DEPTH) {
        report.problems.push(problem(new errors/* KeylessError */.FM('INPUT_INVALID', `local actions and workflows nest deeper than ${MAX_LOCAL_DEPTH} levels here, so the rest were not checked`, { hint: 'GitHub does not run them this deep either' }), source.file));
        return [];
    }
    const found = [];
    for (const { kind, path: local } of locals) {
        try {
            if (kind === 'action') {
                for (const candidate of localActionFiles(deps.workspace, local)) {
                    const read = readSource(candidate, report);
                    if (read)
                        found.push({ ...read, depth });
                }
            }
            else {
                found.push({ ...(await localWorkflow(source, local, deps, token)), depth });
            }
        }
        catch (error) {
            report.problems.push(problem(error, source.file));
        }
    }
    return found;
}
/**
 * Where the checkout at `workspace` holds the action a `uses: ./<local>` names, as the runner's OS reads
 * `<local>` (on Windows `\` separates too). `./../x` names no file of this checkout: nothing outside the
 * workspace is read.
 */
function localActionFiles(workspace, local, flavour = (external_node_path_default())) {
    return ['action.yml', 'action.yaml'].flatMap((name) => {
        const at = flavour.join(workspace, local, name);
        return (0,paths/* inside */.nx)(workspace, at, flavour) === undefined ? [] : [{ file: (0,paths/* repoPath */.qN)(workspace, at, flavour), local: at }];
    });
}
/** The reusable workflow a job's `uses: ./<local>` calls; it must name a plain path, like the running workflow. */
async function localWorkflow(caller, local, deps, token) {
    const parts = plainPath(local, `${caller.file} calls the local workflow ./${local}, which is not a plain path in the repository`, 'write it as ./.github/workflows/<file>.yml');
    const file = parts.join('/');
    if (caller.api !== undefined)
        return { file, text: await contents(deps, token, caller.api, file), api: caller.api };
    const at = external_node_path_default().join(deps.workspace, ...parts);
    if (!(0,external_node_fs_.existsSync)(at)) {
        throw new errors/* KeylessError */.FM('INPUT_INVALID', `${caller.file} calls the local workflow ./${file}, which is not in the checkout, so it could not be checked`, {
            hint: 'check out the commit that holds it before Keyless (actions/checkout)',
        });
    }
    return { file, text: readWorkflowFile(at) };
}
/** No empty, `.` or `..` part and no `\`, so the path names the same file on every OS and in a contents API URL. */
function plainPath(file, message, hint) {
    const parts = file.split('/');
    if (parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\\') || part.includes('\0'))) {
        throw new errors/* KeylessError */.FM('INPUT_INVALID', message, { hint });
    }
    return parts;
}
function readSource({ file, local }, report) {
    if (!(0,external_node_fs_.existsSync)(local))
        return undefined;
    try {
        return { file, text: readWorkflowFile(local) };
    }
    catch (error) {
        report.problems.push(problem(error, file));
        return undefined;
    }
}
/** What to scan. A file that cannot be read is a problem in the report, and the others are still scanned. */
async function readSources(config, deps, report) {
    try {
        if (config.pinScope !== 'repository')
            return await runningWorkflow(deps, config.githubToken);
        const files = findFiles(deps.workspace, (dir, error) => report.problems.push(problem(error, (0,paths/* repoPath */.qN)(deps.workspace, dir))));
        return files.flatMap((local) => {
            const file = (0,paths/* repoPath */.qN)(deps.workspace, local);
            try {
                return [{ file, text: readWorkflowFile(local) }];
            }
            catch (error) {
                report.problems.push(problem(error, file));
                return [];
            }
        });
    }
    catch (error) {
        report.problems.push(problem(error));
        return [];
    }
}
/**
 * The workflow a run executes, from GITHUB_WORKFLOW_REF (`owner/repo/.github/workflows/ci.yml@refs/heads/main`):
 * its repository, its path in it (`/`-separated, as in the ref) and where a checkout at `workspace` holds it.
 * The path must be a plain one — no empty, `.` or `..` part, no `\` — so it names the same file on every OS
 * and in the contents API URL.
 */
function workflowFromRef(ref, workspace, flavour = (external_node_path_default())) {
    const match = /^([^/]+\/[^/]+)\/(.+?)@/.exec(ref);
    if (!match)
        throw new errors/* KeylessError */.FM('INPUT_INVALID', 'GITHUB_WORKFLOW_REF is not set, so the running workflow is unknown', { hint: 'run inside GitHub Actions, or use pin-scope: repository' });
    const [, repo = '', file = ''] = match;
    const parts = plainPath(file, 'GITHUB_WORKFLOW_REF does not name a plain path in the repository, so the running workflow is unknown', 'an earlier step may have changed GITHUB_WORKFLOW_REF; or use pin-scope: repository');
    return { repo, file, local: flavour.join(workspace, ...parts) };
}
/** The workflow file this run executes: from the checkout, else from the GitHub contents API at GITHUB_SHA. */
async function runningWorkflow(deps, token) {
    const { repo, file, local } = workflowFromRef(deps.runner.env.GITHUB_WORKFLOW_REF ?? '', deps.workspace);
    if ((0,external_node_fs_.existsSync)(local) && deps.runner.env.GITHUB_REPOSITORY === repo)
        return [{ file, text: readWorkflowFile(local) }];
    return [{ file, text: await contents(deps, token, repo, file), api: repo }];
}
async function contents(deps, token, repo, file) {
    const api = (0,http_url/* parseEndpoint */.Bk)(deps.runner.env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL');
    const url = new URL(`${api.pathname.replace(/\/$/, '')}/repos/${repo}/contents/${file}`, api);
    url.searchParams.set('ref', deps.runner.env.GITHUB_SHA ?? '');
    const response = await deps.http.request({
        method: 'GET',
        url,
        what: 'GitHub contents API',
        headers: { accept: 'application/vnd.github.raw', 'x-github-api-version': '2022-11-28', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    if (response.status !== 200) {
        throw new errors/* KeylessError */.FM('HTTP_STATUS', `reading ${file} at ${deps.runner.env.GITHUB_SHA ?? '?'} through the GitHub API answered HTTP ${response.status}`, {
            hint: 'check out the repository before Keyless (actions/checkout), or give github-token contents: read',
        });
    }
    return response.body;
}


/***/ })

};
;