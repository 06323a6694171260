"use strict";
exports.id = 130;
exports.ids = [130];
exports.modules = {

/***/ 5833:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p0: () => (/* binding */ ORG_FLAGS),
  Op: () => (/* binding */ scanOrg),
  JN: () => (/* binding */ wantsOrgScan)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/http/client.ts + 2 modules
var client = __webpack_require__(2357);
// EXTERNAL MODULE: ./src/http/url.ts
var url = __webpack_require__(6697);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/http/json.ts
var json = __webpack_require__(2868);
// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __webpack_require__(8902);
// EXTERNAL MODULE: ./src/policy/pins/files.ts
var files = __webpack_require__(7260);
;// CONCATENATED MODULE: ./src/org/repository-list.ts


/** Repositories a file of `owner/name` lines may name, and an organisation's listing may hold. */
const MAX_LISTED = 100_000;
/** `owner/name` per line (blank lines and `#` comments skipped), as `--github-repos FILE` takes them. */
function parseRepositoryList(text, source) {
    const names = text
        .split(/\r?\n/)
        .map((line) => line.replace(/#.*/, '').trim())
        .filter(Boolean);
    const bad = names.find((name) => !/^[\w.-]+\/[\w.-]+$/.test(name));
    if (bad !== undefined)
        throw new errors/* KeylessError */.FM('USAGE', `${source}: "${(0,json/* serverText */.Tn)(bad, 100) ?? ''}" is not owner/name`, { hint: 'one repository per line, e.g. acme/widget' });
    if (names.length > MAX_LISTED)
        throw new errors/* KeylessError */.FM('USAGE', `${source} names more than ${MAX_LISTED} repositories`);
    if (names.length === 0)
        throw new errors/* KeylessError */.FM('USAGE', `${source} names no repository`);
    return [...new Set(names)];
}

;// CONCATENATED MODULE: ./src/org/github-org.ts







const PAGE = 100;
const WORKFLOW = /^\.github\/workflows\/[^/]+\.ya?ml$/;
const ACTION = /(^|\/)action\.ya?ml$/;
/** Pages of a listing: a server sending short or empty pages, each with a `next`, is not followed for ever. */
const MAX_PAGES = MAX_LISTED / PAGE;
async function scanRepositories(options, scan) {
    const api = new GitHubReader(options);
    const repositories = options.repositories ? options.repositories.map((name) => ({ name })) : await api.repositoriesOf(options.org ?? '');
    const done = readCheckpoint(options.checkpoint);
    const results = repositories.flatMap((repo) => done.get(repo.name) ?? []);
    const pending = repositories.filter((repo) => !done.has(repo.name));
    const started = (options.now ?? Date.now)();
    let findings = results.reduce((sum, r) => sum + r.findings.length, 0);
    let finished = 0;
    const report = () => options.progress?.({
        done: results.length,
        total: repositories.length,
        findings,
        ...(finished > 0 ? { remainingMs: (((options.now ?? Date.now)() - started) / finished) * (repositories.length - results.length) } : {}),
        ...(api.waitingUntil > (options.now ?? Date.now)() ? { waitingUntil: api.waitingUntil } : {}),
    });
    report();
    let next = 0;
    const worker = async () => {
        while (next < pending.length) {
            const repo = pending[next++];
            if (repo === undefined)
                break;
            const result = await scanRepository(api, repo, scan);
            results.push(result);
            findings += result.findings.length;
            finished++;
            if (options.checkpoint)
                (0,external_node_fs_.appendFileSync)(options.checkpoint, `${JSON.stringify(result)}\n`, { mode: 0o600 });
            report();
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, pending.length)) }, worker));
    return results.sort((a, b) => a.repository.localeCompare(b.repository));
}
async function scanRepository(api, repo, scan) {
    const result = { repository: repo.name, findings: [], problems: [], files: 0 };
    try {
        for (const entry of await api.filesOf(repo)) {
            if (entry.size > files/* MAX_FILE_BYTES */.gZ) {
                result.problems.push(`${entry.path}: larger than ${files/* MAX_FILE_BYTES */.gZ} bytes, not scanned`);
                continue;
            }
            const text = await api.blob(repo.name, entry.sha);
            result.files++;
            try {
                result.findings.push(...scan({ repository: repo.name, path: entry.path, text }));
            }
            catch (error) {
                result.problems.push(`${entry.path}: ${error instanceof Error ? error.message : String(error)}`);
            }
        }
    }
    catch (error) {
        result.problems.push(error instanceof Error ? error.message : String(error));
    }
    return result;
}
function readCheckpoint(file) {
    const done = new Map();
    if (file === undefined || !(0,external_node_fs_.existsSync)(file))
        return done;
    for (const line of (0,external_node_fs_.readFileSync)(file, 'utf8').split('\n')) {
        // The last line of an interrupted run may be cut short: that repository is scanned again.
        let parsed;
        try {
            parsed = JSON.parse(line);
        }
        catch {
            continue;
        }
        if ((0,json/* isObject */.Gv)(parsed) && typeof parsed.repository === 'string' && Array.isArray(parsed.findings) && Array.isArray(parsed.problems)) {
            done.set(parsed.repository, parsed);
        }
    }
    return done;
}
/** GET requests to the REST API, every worker pausing together while a rate limit lasts. */
class GitHubReader {
    options;
    waitingUntil = 0;
    #sleep;
    #now;
    constructor(options) {
        this.options = options;
        this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
        this.#now = options.now ?? Date.now;
    }
    async repositoriesOf(org) {
        const repositories = [];
        // Organisations first; a name that is a user's answers 404 there, and is listed as a user's.
        let url = this.#url(`orgs/${encodeURIComponent(org)}/repos?per_page=${PAGE}&type=all`);
        let user = false;
        let pages = 0;
        let listed = 0;
        while (url !== undefined) {
            if (pages === MAX_PAGES)
                throw tooMany(org, `${MAX_PAGES} pages`);
            const response = await this.#get(url, `the repositories of ${org}`, !user);
            if (response.status === 404 && !user) {
                user = true;
                url = this.#url(`users/${encodeURIComponent(org)}/repos?per_page=${PAGE}&type=owner`);
                continue;
            }
            const page = this.#json(response, `the repositories of ${org}`);
            if (!Array.isArray(page))
                throw this.#bad(`the repositories of ${org}`, 'a list');
            pages++;
            // Archived and unreadable entries count too: the cap bounds what the server sends, not what is kept.
            listed += page.length;
            if (listed > MAX_LISTED)
                throw tooMany(org, `${MAX_LISTED} repositories`);
            for (const item of page) {
                // Archived repositories run no workflow; an empty one has no default branch to read.
                if (!(0,json/* isObject */.Gv)(item) || item.archived === true || typeof item.full_name !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(item.full_name))
                    continue;
                repositories.push({ name: item.full_name, ...(typeof item.default_branch === 'string' ? { branch: item.default_branch } : {}) });
            }
            url = nextPage(response, this.options.api);
        }
        if (repositories.length === 0)
            throw new errors/* KeylessError */.FM('INPUT_INVALID', `${org} has no repository this token can read`, { hint: 'check the name, and give GITHUB_TOKEN (or GH_TOKEN) read access to its repositories' });
        return repositories;
    }
    /** The workflow and action files at the default branch: path, blob sha and size. */
    async filesOf(repo) {
        const what = `the tree of ${repo.name}`;
        const tree = await this.#get(this.#url(`repos/${repo.name}/git/trees/${encodeURIComponent(repo.branch ?? 'HEAD')}?recursive=1`), what);
        // 409: an empty repository; 404: gone, or not readable with this token.
        if (tree.status === 409)
            return [];
        const body = this.#json(tree, what);
        if (!(0,json/* isObject */.Gv)(body) || !Array.isArray(body.tree))
            throw this.#bad(what, 'a tree');
        if (body.truncated === true)
            throw new errors/* KeylessError */.FM('INPUT_TOO_LARGE', `${what} is too large for one API answer (truncated)`, { hint: 'scan this repository from a clone: keyless pins PATH' });
        return body.tree.flatMap((entry) => {
            if (!(0,json/* isObject */.Gv)(entry) || entry.type !== 'blob' || typeof entry.path !== 'string' || typeof entry.sha !== 'string' || !/^[0-9a-f]{40,64}$/.test(entry.sha))
                return [];
            if (!WORKFLOW.test(entry.path) && !ACTION.test(entry.path))
                return [];
            // A git path may hold a newline or an escape sequence: such a name never reaches a report line, and
            // the repository is reported as not checked rather than passed.
            if (/\p{Cc}/u.test(entry.path))
                throw new errors/* KeylessError */.FM('INPUT_INVALID', 'a workflow or action file name holds control characters, so the repository was not scanned', { hint: 'rename the file' });
            return [{ path: entry.path, sha: entry.sha, size: typeof entry.size === 'number' ? entry.size : 0 }];
        });
    }
    async blob(repository, sha) {
        const what = `a file of ${repository}`;
        const body = this.#json(await this.#get(this.#url(`repos/${repository}/git/blobs/${sha}`), what), what);
        if (!(0,json/* isObject */.Gv)(body) || typeof body.content !== 'string' || body.encoding !== 'base64')
            throw this.#bad(what, 'a base64 blob');
        return Buffer.from(body.content, 'base64').toString('utf8');
    }
    #url(path) {
        return new URL(path, this.options.api.href.endsWith('/') ? this.options.api : new URL(`${this.options.api.href}/`));
    }
    async #get(url, what, allow404 = false) {
        for (let attempt = 1;; attempt++) {
            const wait = this.waitingUntil - this.#now();
            if (wait > 0)
                await this.#sleep(wait);
            const response = await this.options.http.request({
                method: 'GET',
                url,
                what: `GitHub API (${what})`,
                headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}) },
            });
            const until = this.#rateLimitedUntil(response);
            if (until === undefined || attempt >= 6) {
                if (response.status === 200 || response.status === 409 || (allow404 && response.status === 404))
                    return response;
                throw this.#refused(response, what);
            }
            if (until - this.#now() > (this.options.maxWaitMs ?? 3_600_000)) {
                throw new errors/* KeylessError */.FM('HTTP_STATUS', `GitHub API rate limit: reading ${what} would wait until ${new Date(until).toISOString()}`, { hint: 'resume later with the same --checkpoint file' });
            }
            this.waitingUntil = Math.max(this.waitingUntil, until);
        }
    }
    /**
     * When a refusal is a rate limit, the moment to try again: `retry-after` (secondary limits), else
     * `x-ratelimit-reset` when none is left (primary), else a minute, as GitHub's docs ask.
     */
    #rateLimitedUntil(response) {
        if (response.status !== 403 && response.status !== 429)
            return undefined;
        const now = this.#now();
        const retryAfter = (0,retry/* parseRetryAfter */.mu)((0,client/* headerValue */.Z)(response.headers['retry-after']), now);
        if (retryAfter !== undefined)
            return now + retryAfter;
        const reset = Number((0,client/* headerValue */.Z)(response.headers['x-ratelimit-reset']));
        if ((0,client/* headerValue */.Z)(response.headers['x-ratelimit-remaining']) === '0' && Number.isFinite(reset))
            return Math.max(now, reset * 1000);
        return /rate limit/i.test(response.body) ? now + 60_000 : undefined;
    }
    #json(response, what) {
        const body = (0,json/* parseLoose */.il)(response.body);
        if (body === undefined)
            throw this.#bad(what, 'JSON');
        return body;
    }
    #bad(what, expected) {
        return new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `GitHub API answered ${what} with something that is not ${expected}`, { hint: 'check GITHUB_API_URL (on GHES, https://HOST/api/v3)' });
    }
    #refused(response, what) {
        const body = (0,json/* parseLoose */.il)(response.body);
        const text = (0,json/* isObject */.Gv)(body) ? (0,json/* serverText */.Tn)(body.message, 200) : undefined;
        const message = text === undefined ? '' : `: ${text}`;
        const hint = response.status === 401 ? 'GITHUB_TOKEN (or GH_TOKEN) is missing, expired or not valid for this GitHub' : response.status === 404 || response.status === 403 ? 'check the name, and that the token can read it (repository contents: read)' : 'try again later';
        return new errors/* KeylessError */.FM('HTTP_STATUS', `GitHub API answered ${what} with HTTP ${response.status}${message}`, { hint });
    }
}
/** A listing past the caps: refused whole rather than scanned in part, so a report never silently covers less. */
function tooMany(org, cap) {
    return new errors/* KeylessError */.FM('INPUT_TOO_LARGE', `the repository listing of ${org} goes on past ${cap}, the most Keyless reads`, {
        hint: `scan it in parts: list the repositories in files of at most ${MAX_LISTED} owner/name lines and pass each with --github-repos FILE; if ${org} is not that large, GITHUB_API_URL (or a proxy in front of it) is misbehaving`,
    });
}
/** The `rel="next"` page of a Link header, only when it stays on the same API origin. */
function nextPage(response, api) {
    const link = (0,client/* headerValue */.Z)(response.headers.link) ?? '';
    const match = /<([^>]+)>\s*;\s*rel="next"/.exec(link);
    if (match?.[1] === undefined)
        return undefined;
    try {
        const url = new URL(match[1]);
        return url.origin === api.origin ? url : undefined;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
;// CONCATENATED MODULE: ./src/cli/org-source.ts






/** The flags `pins` and `secrets` take to scan repositories through the GitHub API instead of paths. */
const ORG_FLAGS = {
    'github-org': { type: 'string' },
    'github-repos': { type: 'string' },
    concurrency: { type: 'string' },
    checkpoint: { type: 'string' },
};
/** Whether the flags ask for a scan through the API; a usage error when they are half given. */
function wantsOrgScan(flags, positionals) {
    const org = flags['github-org'] !== undefined || flags['github-repos'] !== undefined;
    if (!org && (flags.concurrency !== undefined || flags.checkpoint !== undefined))
        throw (0,args/* usage */.CI)('--concurrency and --checkpoint go with --github-org or --github-repos');
    if (flags['github-org'] !== undefined && flags['github-repos'] !== undefined)
        throw (0,args/* usage */.CI)('give --github-org or --github-repos, not both');
    if (org && positionals.length > 0)
        throw (0,args/* usage */.CI)('give paths or --github-org/--github-repos, not both');
    return org;
}
/**
 * Every workflow and action file of the repositories the flags name, each scanned by `scan` as it
 * arrives; progress on stderr when it is a terminal. The token is GITHUB_TOKEN or GH_TOKEN; the API is
 * GITHUB_API_URL (GHES: https://HOST/api/v3).
 */
async function scanOrg(flags, env, scan, tty = process.stderr.isTTY) {
    const concurrency = flags.concurrency === undefined ? 8 : Number(flags.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
        throw (0,args/* usage */.CI)(`--concurrency must be a whole number from 1 to 64, not "${flags.concurrency ?? ''}"`);
    const token = env.GITHUB_TOKEN || env.GH_TOKEN;
    const listFile = flags['github-repos'];
    const options = {
        http: (0,client/* createHttpClient */.uT)(),
        api: (0,url/* parseEndpoint */.Bk)(env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL'),
        concurrency,
        ...(token ? { token } : {}),
        ...(listFile === undefined ? { org: orgName(flags['github-org'] ?? '') } : { repositories: parseRepositoryList(readList(listFile), listFile) }),
        ...(flags.checkpoint === undefined ? {} : { checkpoint: flags.checkpoint }),
        ...(tty ? { progress: showProgress } : {}),
    };
    const results = await scanRepositories(options, scan);
    if (tty)
        process.stderr.write('\n');
    return results;
}
function orgName(name) {
    if (!/^[\w.-]{1,100}$/.test(name))
        throw (0,args/* usage */.CI)(`--github-org "${name}" is not an organisation or user name`);
    return name;
}
function readList(file) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch {
        throw (0,args/* usage */.CI)(`cannot read --github-repos ${file}`);
    }
}
/** One line, rewritten in place: our own numbers only, so nothing in it comes from a server. */
function showProgress(p) {
    const left = p.waitingUntil !== undefined ? `, waiting for the rate limit until ${new Date(p.waitingUntil).toISOString().slice(11, 19)}Z` : p.remainingMs !== undefined ? `, about ${duration(p.remainingMs)} left` : '';
    process.stderr.write(`\r\u001b[K${p.done}/${p.total} repositories, ${p.findings} finding(s)${left}`);
}
function duration(ms) {
    const seconds = Math.round(ms / 1000);
    return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}


/***/ }),

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

/***/ 7260:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AO: () => (/* binding */ readWorkflowFile),
/* harmony export */   gZ: () => (/* binding */ MAX_FILE_BYTES),
/* harmony export */   lY: () => (/* binding */ findFiles)
/* harmony export */ });
/* unused harmony export isWorkflowFolder */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _os_paths_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6186);
/* harmony import */ var _os_regular_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7837);





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
            entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(current, { withFileTypes: true });
        }
        catch (error) {
            const shown = (0,_os_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .toPosixPath */ .kb)(current);
            skipped(shown, unreadable(shown, error));
            return;
        }
        const workflows = isWorkflowFolder(current);
        for (const entry of entries) {
            const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(current, entry.name);
            if (entry.isDirectory()) {
                if (entry.name !== 'node_modules' && entry.name !== '.git')
                    visit(file);
            }
            else if (/^action\.ya?ml$/.test(entry.name) || (workflows && /\.ya?ml$/.test(entry.name))) {
                found.push((0,_os_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .toPosixPath */ .kb)(file));
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
function isWorkflowFolder(dir, flavour = (node_path__WEBPACK_IMPORTED_MODULE_1___default())) {
    return /(^|\/)\.github\/workflows$/.test((0,_os_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .toPosixPath */ .kb)(flavour.resolve(dir), flavour));
}
function rethrow(_path, error) {
    throw error;
}
/**
 * The text of a workflow or action file, refusing what is not a regular file of at most MAX_FILE_BYTES:
 * a link to /dev/zero, a FIFO or a directory.
 */
function readWorkflowFile(path) {
    return (0,_os_regular_file_js__WEBPACK_IMPORTED_MODULE_4__/* .readRegularFile */ .X)(path, {
        maxBytes: MAX_FILE_BYTES,
        hint: 'workflow and action files must be regular files of at most 1 MiB; larger ones are refused unread',
        unreadableHint: 'a dangling link or an unreadable file cannot be checked: fix or remove it',
    }).toString('utf8');
}
function unreadable(path, error) {
    const reason = error.code ?? (error instanceof Error ? error.message : String(error));
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .KeylessError */ .FM('INPUT_INVALID', `cannot read ${path} (${reason})`, { hint: 'a dangling link or an unreadable file cannot be checked: fix or remove it', cause: error });
}


/***/ })

};
;