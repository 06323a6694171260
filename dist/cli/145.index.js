"use strict";
exports.id = 145;
exports.ids = [145];
exports.modules = {

/***/ 7663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ fingerprint)
/* harmony export */ });
/**
 * First 16 hex of a token's SHA-256: lets an operator match the audit record to the issuer's logs
 * without the record holding anything usable. node:crypto loads here, not at start-up.
 */
async function fingerprint(token) {
    const { createHash } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7598, 23));
    return createHash('sha256').update(token).digest('hex').slice(0, 16);
}


/***/ }),

/***/ 1145:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  execCommand: () => (/* binding */ execCommand)
});

// UNUSED EXPORTS: parseExecArgs

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/os/fs-retry.ts
var fs_retry = __webpack_require__(608);
;// CONCATENATED MODULE: ./src/audit/record.ts





/** The GitHub OIDC claims that say who ran: read from the token, not the environment it could not vouch for. */
const IDENTITY_CLAIMS = [
    'iss', 'sub', 'repository', 'repository_id', 'repository_owner', 'ref', 'sha', 'workflow', 'job_workflow_ref',
    'event_name', 'environment', 'run_id', 'run_attempt', 'actor', 'runner_environment',
];
function identityFromClaims(claims) {
    const identity = {};
    for (const claim of IDENTITY_CLAIMS) {
        const value = claims[claim];
        if (typeof value === 'string' || typeof value === 'number')
            identity[claim] = String(value);
    }
    return identity;
}
/**
 * Creates the audit file: 0600, and only if nothing is at that path yet (never through a link an earlier
 * step planted). Every string in it passes through the log's redaction: server text can quote a token.
 */
/**
 * Where a run's audit record goes: RUNNER_TEMP, under a name with the run's id and a random part. The id
 * is used only when it is the number the runner sets: a variable is text, and `../` in it would place the
 * file elsewhere.
 */
function auditFilePath(env, prefix) {
    const run = /^\d{1,20}$/.test(env.GITHUB_RUN_ID ?? '') ? env.GITHUB_RUN_ID : 'local';
    return (0,external_node_path_.join)(env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), `${prefix}-${run ?? 'local'}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.json`);
}
/** Writes a new audit file; returns the SHA-256 of what it wrote, for the post step to know the file is still main's. */
function writeAudit(path, record, redact) {
    const text = auditText(record, redact);
    (0,external_node_fs_.writeFileSync)(path, text, { mode: 0o600, flag: 'wx' });
    return record_auditDigest(Buffer.from(text));
}
function record_auditDigest(bytes) {
    return (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
}
/**
 * Replaces the audit file whole: a fresh 0600 file beside it, renamed over it (a link at the path is
 * replaced, not followed). On Windows the rename waits a moment for a scanner that holds the file open.
 */
function record_rewriteAudit(path, record, redact) {
    const temp = `${path}.${process.pid}.tmp`;
    try {
        writeFileSync(temp, auditText(record, redact), { mode: 0o600, flag: 'wx' });
        retryBusy(() => renameSync(temp, path));
    }
    finally {
        retryBusy(() => rmSync(temp, { force: true }));
    }
}
// Redacting the JSON text is sound: every secret is masked in its JSON-escaped form too, and `***` is valid inside a string.
function auditText(record, redact) {
    return `${redact(JSON.stringify(record, null, 2))}\n`;
}

// EXTERNAL MODULE: ./src/runner/inert.ts
var inert = __webpack_require__(7474);
;// CONCATENATED MODULE: ./src/audit/summary.ts

/**
 * A table cell from text that may come from a server or a token: redacted first (an escaped secret would
 * no longer match), made one inert line, with Markdown's own characters escaped so a principal cannot
 * become a link, an image, HTML or a new table row. GitHub also links bare `scheme://…` and `www.…` text,
 * which an escape in the middle breaks (`https\://`, `www\.`), and `name@host.tld`, which it finds after
 * joining the text back: a word joiner (U+2060, invisible) after an `@` that a host name follows keeps
 * that from being an address (`setup-node@v4` stays as it is).
 */
function cell(value, redact) {
    return (0,inert/* inert */.tJ)(redact(value ?? '—'))
        .replace(/[\\`[\]<>|]/g, '\\$&')
        .replace(/:(?=\/\/)/g, '\\:')
        .replace(/(www)\./gi, '$1\\.')
        .replace(/@(?=[\w-]+\.[\w-])/g, '@\u2060');
}
function table(header, rows, redact) {
    const line = (cells) => `| ${cells.map((c) => cell(c, redact)).join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
/** The job-summary section the main step writes: who ran, and what was minted for whom. */
function mainSummary(record, redact) {
    const { identity } = record;
    const who = table(['repository', 'ref', 'sha', 'workflow', 'run'], [[identity.repository, identity.ref, identity.sha?.slice(0, 12), identity.job_workflow_ref ?? identity.workflow, identity.run_id]], redact);
    const minted = table(['entry', 'provider', 'principal / audience', 'scope', 'expires at', 'revocable'], record.credentials.map((c) => [c.id, c.from ? `${c.provider} ← ${c.from}` : c.provider, c.principal, c.scope, c.expiresAt, c.revocable ? 'at job end' : 'no (expires)']), redact);
    const tools = record.tools.length === 0
        ? ''
        : `${table(['tool', 'digest', 'signed by', 'issuer', 'log index'], record.tools.map((t) => [t.name, t.digest.slice(0, 19), t.identity ?? 'pinned key', t.issuer, t.tlogIndex]), redact)}\n\n`;
    const chained = record.credentials.filter((c) => c.chain !== undefined);
    const chains = chained.length === 0
        ? ''
        : `\n**Built on other entries** (the principal of each hop, first to last):\n\n${table(['entry', 'chain'], chained.map((c) => [c.id, (c.chain ?? []).join(' → ')]), redact)}\n`;
    const credentials = record.credentials.length === 0 ? '' : `${minted}\n${chains}`;
    const pins = record.pins.length === 0
        ? ''
        : `\n**Not pinned to an immutable digest** (${record.pins.length}):\n\n${table(['file', 'line', 'kind', 'reference'], record.pins.map((f) => [f.file, String(f.line), f.kind, f.ref]), redact)}\n`;
    const stored = record.storedSecrets ?? [];
    const secrets = stored.length === 0
        ? ''
        : `\n**Stored secrets still read** (${stored.length}; \`keyless secrets\` prints what replaces each):\n\n${table(['file', 'line', 'secret', 'kind'], stored.map((f) => [f.file, String(f.line), f.secret, f.kind]), redact)}\n`;
    const deferred = record.exchanges.filter((e) => e.outcome === 'exec');
    const exec = deferred.length === 0 ? '' : `\n**Checked for \`keyless exec\`** (minted only for its command, revoked when it exits): ${deferred.map((e) => cell(e.id, redact)).join(', ')}\n`;
    return `### Keyless\n\n${who}\n\n${tools}${credentials}${exec}${pins}${secrets}`;
}
/** The section each `keyless exec` appends: the command (its argv[0] alone), what it got, from when to when, how it ended. */
function execSummary(record, redact) {
    const status = `${record.exitStatus ?? 'not started'}${record.signal ? ` (${record.signal})` : ''}`;
    const run = table(['command', 'entries', 'minted', 'revoked / deleted', 'exit status'], [[record.command, record.entries.join(', '), record.mintedAt, record.cleanedAt, status]], redact);
    const rows = record.cleanup.map((r) => [r.id, r.provider, r.status === 'revoked' ? 'revoked' : r.status === 'failed' ? `failed: ${r.detail ?? ''}` : `not revocable: ${r.detail ?? ''}`, r.expiresAt]);
    const results = rows.length === 0 ? '' : `\n\n${table(['entry', 'provider', 'result', 'expires at'], rows, redact)}`;
    return `### Keyless exec\n\n${run}${results}\n`;
}
/** The same, as one line for stderr outside GitHub Actions. */
function execLine(record) {
    const status = `${record.exitStatus === undefined ? 'not started' : `exit ${record.exitStatus}`}${record.signal ? ` (${record.signal})` : ''}`;
    const results = record.cleanup.map((r) => `${r.id} ${r.status}`).join(', ');
    return `keyless exec: ${record.command}: ${record.entries.join(', ') || 'no entry'} minted ${record.mintedAt ?? '—'} → cleaned up ${record.cleanedAt ?? '—'}${results ? ` (${results})` : ''}; ${status}`;
}
/** The section the post step writes: what became of each credential. */
function summary_cleanupSummary(results, deleted, redact, gone = 0) {
    const rows = results.map((r) => [r.id, r.provider, r.status === 'revoked' ? 'revoked' : r.status === 'failed' ? `revocation failed: ${r.detail ?? ''}` : `not revocable: ${r.detail ?? ''}`, r.expiresAt]);
    const body = rows.length > 0 ? table(['entry', 'provider', 'result', 'expires at'], rows, redact) : 'No credential was minted.';
    const goneNote = gone > 0 ? ` ${gone} ${gone === 1 ? 'was' : 'were'} already gone: moved or deleted after Keyless wrote ${gone === 1 ? 'it' : 'them'} (the step log names ${gone === 1 ? 'it' : 'them'}).` : '';
    return `### Keyless cleanup\n\n${body}\n\n${deleted} file(s) and folder(s) deleted.${goneNote}\n`;
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/os/paths.ts
var os_paths = __webpack_require__(6186);
// EXTERNAL MODULE: ./src/os/regular-file.ts
var regular_file = __webpack_require__(7837);
;// CONCATENATED MODULE: ./src/providers/revokers.ts
/**
 * Each provider's revocation, by the name post reads from step state. The post step loads a provider's
 * module only when the job minted one of its credentials: importing the catalog would load every
 * provider's keys and exchange code (about 150 KB) to revoke, usually, one token. Each value is the very
 * function the provider declares as `revoke` (test/unit/providers/revokers.test.ts); a provider with none
 * is absent.
 */
const revokers = {
    crates: async () => (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 476))).revoke,
    gcp: async () => (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6660))).revokeOAuthToken,
    github: async () => (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 5183))).revoke,
    jfrog: async () => (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 4418))).revoke,
    rfc8693: async () => (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6660))).revokeOAuthToken,
    vault: async () => (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 2016))).revoke,
};

// EXTERNAL MODULE: ./src/runner/mask.ts
var mask = __webpack_require__(7084);
// EXTERNAL MODULE: ./src/runner/owned-path.ts
var owned_path = __webpack_require__(8871);
// EXTERNAL MODULE: ./src/http/json.ts
var json = __webpack_require__(2868);
// EXTERNAL MODULE: ./src/http/url.ts
var http_url = __webpack_require__(6697);
;// CONCATENATED MODULE: ./src/runner/state.ts





const PREFIX = 'keyless_';
const KEY = (/* unused pure expression or super */ null && (`${PREFIX}key`));
/**
 * Appends each item to GITHUB_STATE the moment it exists, so a main step that dies half way still leaves
 * the post step a complete list of what to revoke and delete. Constructing it saves the signing key, so
 * it must come before anything main could leave behind.
 */
class CleanupLog {
    runner;
    #next = 0;
    #key = randomBytes(32);
    constructor(runner) {
        this.runner = runner;
        runner.saveState(KEY, this.#key.toString('hex'));
    }
    record(item) {
        const name = `${PREFIX}${String(this.#next++).padStart(3, '0')}`;
        const json = JSON.stringify(item);
        this.runner.saveState(name, `${sign(this.#key, name, json)}.${json}`);
    }
}
function sign(key, name, json) {
    return createHmac('sha256', key).update(`${name}\n${json}`).digest('hex');
}
/** The items main saved, in the order it saved them; anything main did not sign, or that makes no sense, is ignored. */
function state_readCleanupItems(env) {
    const names = Object.keys(env).filter((name) => name.startsWith(`STATE_${PREFIX}`) && name !== `STATE_${KEY}`);
    const keyHex = env[`STATE_${KEY}`] ?? '';
    const key = /^[0-9a-f]{64}$/.test(keyHex) ? Buffer.from(keyHex, 'hex') : undefined;
    const items = [];
    for (const name of names.sort()) {
        const item = key === undefined ? undefined : verified(key, name.slice('STATE_'.length), env[name] ?? '');
        if (item !== undefined)
            items.push(item);
    }
    return { items, ignored: names.length - items.length };
}
function verified(key, name, value) {
    const dot = value.indexOf('.');
    const mac = Buffer.from(value.slice(0, dot), 'hex');
    const json = value.slice(dot + 1);
    const expected = Buffer.from(sign(key, name, json), 'hex');
    if (dot !== 64 || mac.length !== expected.length || !timingSafeEqual(mac, expected))
        return undefined;
    try {
        return parseItem(JSON.parse(json));
    }
    catch {
        return undefined;
    }
}
const TEXT = /^[^\p{Cc}\u2028\u2029]{1,300}$/u;
const SECRET = /^[\x21-\x7e]{8,16384}$/;
const NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;
function absolutePath(path) {
    return typeof path === 'string' && isAbsolute(path) && !path.includes('\0');
}
function isDigest(value) {
    return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}
function parseItem(raw) {
    if (!isObject(raw))
        return undefined;
    const optional = (key, pattern) => (raw[key] === undefined ? {} : typeof raw[key] === 'string' && pattern.test(raw[key]) ? { [key]: raw[key] } : undefined);
    switch (raw.kind) {
        case 'settings':
            return typeof raw.strictCleanup === 'boolean' ? { kind: 'settings', strictCleanup: raw.strictCleanup } : undefined;
        case 'path':
            return absolutePath(raw.path) ? { kind: 'path', path: raw.path } : undefined;
        case 'audit':
            return absolutePath(raw.path) && isDigest(raw.sha256) ? { kind: 'audit', path: raw.path, sha256: raw.sha256 } : undefined;
        case 'session':
            return parseSession(raw);
        case 'revoke':
        case 'revoke-none': {
            const expiresAt = optional('expiresAt', ISO);
            if (typeof raw.provider !== 'string' || !NAME.test(raw.provider) || typeof raw.id !== 'string' || !NAME.test(raw.id) || !expiresAt)
                return undefined;
            const base = { provider: raw.provider, id: raw.id, ...expiresAt };
            if (raw.kind === 'revoke-none') {
                const reason = optional('reason', TEXT);
                return reason ? { kind: 'revoke-none', ...base, ...reason } : undefined;
            }
            const handle = parseHandle(raw.handle);
            return handle ? { kind: 'revoke', ...base, handle } : undefined;
        }
        default:
            return undefined;
    }
}
/** az's session names its folder; Az PowerShell's lives in the user's profile and names none. */
function parseSession(raw) {
    if ((raw.tool !== 'az' && raw.tool !== 'azps') || typeof raw.id !== 'string' || !NAME.test(raw.id))
        return undefined;
    if (raw.path === undefined)
        return raw.tool === 'azps' ? { kind: 'session', tool: raw.tool, id: raw.id } : undefined;
    return absolutePath(raw.path) ? { kind: 'session', tool: raw.tool, id: raw.id, path: raw.path } : undefined;
}
/** A revocation handle as every provider's revoke() expects it: an https (or loopback) URL without userinfo, and token-shaped secrets. */
function parseHandle(raw) {
    if (!isObject(raw) || typeof raw.endpoint !== 'string' || typeof raw.token !== 'string' || !SECRET.test(raw.token))
        return undefined;
    let url;
    try {
        url = new URL(raw.endpoint);
    }
    catch {
        return undefined;
    }
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url));
    if (!secure || url.username !== '' || url.password !== '')
        return undefined;
    const fields = { refresh: SECRET, clientId: TEXT, namespace: /^[\w-]+(\/[\w-]+)*\/?$/ };
    const handle = { endpoint: url.href, token: raw.token };
    for (const [key, pattern] of Object.entries(fields)) {
        const value = raw[key];
        if (value === undefined)
            continue;
        if (typeof value !== 'string' || !pattern.test(value))
            return undefined;
        Object.assign(handle, { [key]: value });
    }
    return withTransport(handle, raw);
}
/** A handle's TLS material and gateway headers, each checked as strictly as when main read it from the entry. */
function withTransport(handle, raw) {
    if (raw.tls !== undefined) {
        if (!isObject(raw.tls))
            return undefined;
        const tls = {};
        for (const [key, value] of Object.entries(raw.tls)) {
            if ((key !== 'ca' && key !== 'cert' && key !== 'key') || typeof value !== 'string' || !PEM_TEXT.test(value))
                return undefined;
            tls[key] = value;
        }
        handle.tls = tls;
    }
    if (raw.headers !== undefined) {
        if (!isObject(raw.headers))
            return undefined;
        const entries = Object.entries(raw.headers);
        if (entries.length > 32 || entries.some(([name, value]) => !HEADER_NAME.test(name) || typeof value !== 'string' || !HEADER_VALUE.test(value)))
            return undefined;
        handle.headers = Object.fromEntries(entries);
    }
    return handle;
}

;// CONCATENATED MODULE: ./src/cleanup.ts













/**
 * The post step: revoke what main recorded, delete what it wrote, report. Works from state alone, so it
 * cleans up after a main step that crashed half way. Throws only under strict-cleanup.
 */
async function cleanup(deps) {
    const { runner } = deps;
    const { items, ignored } = readCleanupItems(runner.env);
    if (ignored > 0) {
        runner.warning(`ignored ${ignored} STATE_keyless_* entr${ignored === 1 ? 'y' : 'ies'} that this action's main step did not write — an earlier step exported them through GITHUB_ENV; check the job's earlier steps`);
    }
    const { records, deleted, gone } = await undo(items, deps);
    report(runner, records, deleted, gone);
    updateAudit(items, records, runner.env.RUNNER_TEMP || tmpdir(), runner);
    const strict = items.some((item) => item.kind === 'settings' && item.strictCleanup);
    const failures = records.filter((r) => r.status === 'failed');
    if (strict && failures.length > 0) {
        throw new KeylessError('REVOKE_FAILED', `${failures.length} credential(s) or file(s) could not be cleaned up`, {
            hint: 'see the warnings above; strict-cleanup makes this fail the job',
        });
    }
}
/**
 * Revokes, signs out of and deletes what the items name, and says what became of each: the post step's
 * work on main's items, and `keyless exec`'s on its own when the command has exited.
 */
async function undo(items, { runner, http, abandon }) {
    // Only the secrets: the endpoint stays readable so a failed revocation can say where it went.
    for (const item of items)
        if (item.kind === 'revoke')
            for (const secret of [item.handle.token, item.handle.refresh])
                if (secret)
                    runner.mask(secret);
    for (const item of items)
        if (item.kind === 'revoke')
            for (const line of (0,mask/* maskableLines */.Wi)(item.handle.tls?.key ?? ''))
                runner.mask(line);
    const roots = (0,owned_path/* ownedRoots */.F7)(runner.env, runner.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)());
    // Files first: nothing reads them any more, and a revocation server that hangs must not keep them on disk
    // until the step is killed. A session's folder stays until its sign-out, which needs it.
    const sessionDirs = items.flatMap((item) => (item.kind === 'session' && item.path !== undefined ? [item.path] : []));
    const forSession = (item) => item.kind === 'path' && sessionDirs.some((dir) => within(dir, item.path) || within(item.path, dir));
    const failedPaths = [];
    const removed = [];
    // Looked at before anything is deleted: a file moved out of a recorded folder must not pass for one that went with it.
    const gone = items.flatMap((item) => {
        if (item.kind !== 'path' || forSession(item))
            return [];
        const path = (0,owned_path/* ownedPath */.bD)(item.path, roots);
        return path !== undefined && !isPresent(path) ? [(0,os_paths/* toPosixPath */.kb)(item.path)] : [];
    });
    const paths = { failed: failedPaths, removed };
    deletePaths(items.filter((item) => !forSession(item)), paths, roots);
    const records = (await Promise.all(items.map((item) => revokeOne(item, http)))).filter((r) => r !== undefined);
    // The code loads only when there is a session.
    if (items.some((item) => item.kind === 'session'))
        records.push(...(await (await __webpack_require__.e(/* import() */ 251).then(__webpack_require__.bind(__webpack_require__, 7632))).endAzureSessions(items, runner, abandon)));
    deletePaths(items.filter(forSession), paths, roots);
    return { records: [...records, ...failedPaths], deleted: removed.length, gone };
}
/** Whether `path` is `dir` or inside it. */
function within(path, dir) {
    const rel = (0,external_node_path_.relative)(dir, path);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${external_node_path_.sep}`) && !(0,external_node_path_.isAbsolute)(rel));
}
/**
 * Deletes every file and folder main recorded inside its own folders; a failure becomes a record, not an
 * exception. A record names the path with `/`, as every report of Keyless's does.
 */
function deletePaths(items, out, roots) {
    for (const item of items) {
        if (item.kind !== 'path')
            continue;
        const path = (0,owned_path/* ownedPath */.bD)(item.path, roots);
        const id = (0,os_paths/* toPosixPath */.kb)(item.path);
        if (path === undefined) {
            if (isPresent(item.path))
                out.failed.push({ id, provider: 'file', status: 'failed', detail: 'not deleted: it is not inside a keyless-* folder under RUNNER_TEMP or a .keyless-* folder in the workspace' });
            continue;
        }
        if (!isPresent(path))
            continue;
        try {
            // On Windows a scanner may hold a file Keyless wrote for a moment; rmSync retries then.
            (0,external_node_fs_.rmSync)(path, (0,fs_retry/* removeOptions */.r)());
            out.removed.push(path);
        }
        catch (error) {
            out.failed.push({ id, provider: 'file', status: 'failed', detail: (0,errors/* renderError */.vr)(error) });
        }
    }
}
function isPresent(path) {
    try {
        (0,external_node_fs_.lstatSync)(path);
        return true;
    }
    catch {
        return false;
    }
}
function report(runner, records, deleted, gone) {
    reportLines(runner, records, deleted, gone);
    if (records.length > 0 || deleted > 0 || gone.length > 0)
        runner.appendSummary(cleanupSummary(records, deleted, (text) => runner.redact(text), gone.length));
}
/** The log lines of a cleanup: a warning for each failure, a line for each credential, the count of what was deleted. */
function reportLines(runner, records, deleted, gone) {
    for (const r of records) {
        const expiry = r.expiresAt ? ` (expires ${r.expiresAt})` : '';
        if (r.status === 'failed')
            runner.warning(`${r.provider} "${r.id}": ${r.detail ?? 'cleanup failed'}${expiry}`);
        else
            runner.info(`${r.status === 'revoked' ? '✓ revoked' : '· not revocable'} ${r.provider} "${r.id}"${r.detail ? `: ${r.detail}` : ''}${expiry}`);
    }
    for (const path of gone)
        runner.info(`· already gone: ${path} (moved or deleted after Keyless wrote it; a copy moved elsewhere is not deleted)`);
    runner.info(`Deleted ${deleted} file(s) and folder(s) Keyless wrote.`);
}
async function revokeOne(item, http) {
    if (item.kind !== 'revoke' && item.kind !== 'revoke-none')
        return undefined;
    const base = { id: item.id, provider: item.provider, ...(item.expiresAt ? { expiresAt: item.expiresAt } : {}) };
    const load = Object.hasOwn(revokers, item.provider) ? revokers[item.provider] : undefined;
    if (item.kind === 'revoke-none' || load === undefined) {
        const reason = item.kind === 'revoke-none' ? item.reason : undefined;
        return { ...base, status: 'not-revocable', detail: reason ?? 'the issuer offers no revocation; it expires on its own' };
    }
    let result;
    try {
        result = await (await load())(item.handle, { http });
    }
    catch (error) {
        result = { status: 'failed', detail: (0,errors/* renderError */.vr)(error) };
    }
    return { ...base, ...result };
}
/**
 * Adds the cleanup to main's audit record, when the file still holds the bytes main wrote. A later step
 * can rewrite a file in RUNNER_TEMP; post adding to such a file would vouch for what that step wrote.
 */
function updateAudit(items, records, temp, runner) {
    const audit = items.find((item) => item.kind === 'audit');
    const path = audit === undefined ? undefined : ownedPath(audit.path, temp);
    if (audit === undefined || path === undefined || !basename(path).startsWith('keyless-audit-'))
        return;
    let bytes;
    try {
        bytes = readRegularFile(path, { maxBytes: MAX_AUDIT_BYTES, noFollow: true, hint: '', unreadableHint: '' });
    }
    catch {
        bytes = undefined;
    }
    // A link, FIFO, folder or missing file is no more main's record than an edited one.
    if (bytes === undefined || auditDigest(bytes) !== audit.sha256) {
        runner.warning(`the audit record ${path} is not the file the main step wrote (a later step changed, replaced or deleted it): the cleanup was not added to it; the job summary holds it`);
        return;
    }
    try {
        rewriteAudit(path, { ...JSON.parse(bytes.toString('utf8')), cleanup: records }, (text) => runner.redact(text));
    }
    catch {
        // As above: the job summary holds the cleanup.
    }
}
/** Far above any record main writes: a file swapped for a huge one must not exhaust the memory of post. */
const MAX_AUDIT_BYTES = (/* unused pure expression or super */ null && (64 * 1024 * 1024));

// EXTERNAL MODULE: ./src/config/fields.ts
var config_fields = __webpack_require__(81);
;// CONCATENATED MODULE: ./src/policy/claims.ts


/**
 * `require-claims`: claim → allowed value or list of values. `*` in a value matches any run of
 * characters; everything else is literal and the whole value must match (compiled to `^(…)$`).
 */
function readClaimRules(yaml, at, problems) {
    const { value } = yaml;
    if (value === undefined || value === null)
        return [];
    if (typeof value !== 'object' || Array.isArray(value)) {
        problems.add(at, `must be a mapping of claim: allowed value(s), not ${(0,config_fields/* describe */.q0)(value)}`);
        return [];
    }
    const rules = [];
    for (const [claim, raw] of Object.entries(value)) {
        const list = Array.isArray(raw) ? raw : [raw];
        const allowed = list.filter((item) => ['string', 'number', 'boolean'].includes(typeof item)).map(String);
        if (allowed.length === 0 || allowed.length !== list.length) {
            problems.add(`${at}.${claim}`, 'must be a value or a list of values (strings, numbers or booleans)', yaml.lineOf([claim]));
            continue;
        }
        rules.push({ claim, allowed, matchers: allowed.map(globToRegExp) });
    }
    return rules;
}
function globToRegExp(glob) {
    const body = glob
        .split('*')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
        .join('.*');
    return new RegExp(`^(?:${body})$`, 's');
}
/**
 * Throws CLAIMS_REFUSED naming every claim that does not match, with its actual and allowed values.
 * `source`: where a token that is not the runner's came from (`file /var/run/…`), to name it.
 */
function checkClaims(rules, claims, source) {
    const refused = [];
    for (const rule of rules) {
        const actual = claims[rule.claim];
        const text = typeof actual === 'string' || typeof actual === 'number' || typeof actual === 'boolean' ? String(actual) : undefined;
        if (text !== undefined && rule.matchers.some((matcher) => matcher.test(text)))
            continue;
        const shown = text === undefined ? (actual === undefined ? 'absent' : 'not a scalar') : JSON.stringify(text);
        refused.push(`${rule.claim} is ${shown}, allowed: ${rule.allowed.map((v) => JSON.stringify(v)).join(', ')}`);
    }
    if (refused.length > 0) {
        const token = source === undefined ? "the job's OIDC token" : `the subject token from ${source}`;
        throw new errors/* KeylessError */.FM('CLAIMS_REFUSED', `${token} does not meet require-claims: ${refused.join('; ')}`, {
            hint: source === undefined
                ? 'no credential was requested; run from an allowed ref/workflow/environment or widen require-claims'
                : 'no credential was requested; the claims shown are that token\'s: check its issuer and subject, or widen require-claims',
        });
    }
}

// EXTERNAL MODULE: ./src/policy/pins/policy.ts
var policy = __webpack_require__(7237);
;// CONCATENATED MODULE: ./src/policy/tools/types.ts
/** Names of the GitHub certificate-extension policies a tool entry may set; kept here, off the Sigstore import path. */
const GITHUB_EXTENSION_NAMES = ['source-repository', 'source-ref', 'source-digest', 'build-signer-uri', 'runner-environment'];

;// CONCATENATED MODULE: ./src/policy/tools/config.ts


/** Default download cap: far above any CLI tool, far below what would fill a runner's disk. */
const MAX_TOOL_BYTES = 512 * 1024 * 1024;
/** Default caps on what an archive may unpack to: a Go toolchain is ~15,000 entries and ~250 MiB. */
const MAX_EXTRACTED_BYTES = 2 * 1024 * 1024 * 1024;
const MAX_ENTRIES = 50_000;
/** Default deadline of a whole download, redirects and retries included, in seconds. */
const DOWNLOAD_TIMEOUT = 300;
const config_NAME = /^[\w.-]{1,64}$/;
const REPO = /^[\w.-]+\/[\w.-]+$/;
/** `tools`: every entry pinned by digest, with signature evidence and a signer policy. */
function readTools(yaml, problems) {
    if (!Array.isArray(yaml.value) || yaml.value.length === 0) {
        problems.add('tools', `must be a non-empty YAML list of tools, not ${(0,config_fields/* describe */.q0)(yaml.value)}`);
        return [];
    }
    const specs = yaml.value.flatMap((item, index) => {
        const at = `tools[${index}]`;
        if (typeof item !== 'object' || item === null || Array.isArray(item)) {
            problems.add(at, `must be a mapping with name, path or url, and a digest pin, not ${(0,config_fields/* describe */.q0)(item)}`, yaml.lineOf([index]));
            return [];
        }
        const before = problems.items.length;
        const spec = readTool(new config_fields/* FieldReader */.U3(item, at, [index], yaml, problems));
        return spec && problems.items.length === before ? [spec] : [];
    });
    refuseDuplicates(specs, yaml, problems);
    return specs;
}
/** Two entries of one name would share a folder and race each other's downloads. */
function refuseDuplicates(specs, yaml, problems) {
    const seen = new Set();
    specs.forEach((spec, index) => {
        if (seen.has(spec.name))
            problems.add(`tools[${index}].name`, `"${spec.name}" is already the name of another tool; names must be unique`, yaml.lineOf([index, 'name']));
        seen.add(spec.name);
    });
}
function readTool(fields) {
    const name = fields.string('name', { required: true, pattern: config_NAME, expected: 'a name of letters, digits, . _ -' });
    const path = fields.string('path');
    const url = fields.url('url');
    const sha256 = fields.string('sha256', { pattern: /^[0-9a-f]{64}$/i, expected: '64 hex digits' })?.toLowerCase();
    const sha512 = fields.string('sha512', { pattern: /^[0-9a-f]{128}$/i, expected: '128 hex digits' })?.toLowerCase();
    const extract = fields.oneOf('extract', ['none', 'tar.gz', 'zip'], 'none');
    const addToPath = fields.boolean('add-to-path', fields.has('url'));
    const maxBytes = size(fields, 'max-bytes', MAX_TOOL_BYTES);
    const maxExtractedBytes = size(fields, 'max-extracted-bytes', MAX_EXTRACTED_BYTES);
    const maxEntries = size(fields, 'max-entries', MAX_ENTRIES);
    const timeoutMs = (fields.duration('timeout', 1, 3600) ?? DOWNLOAD_TIMEOUT) * 1000;
    const bundle = fields.string('bundle');
    const attestations = fields.string('attestations', { pattern: REPO, expected: 'owner/repo' });
    const identity = fields.string('identity');
    const identityRegexp = fields.string('identity-regexp');
    const issuer = fields.string('issuer');
    const key = fields.string('key');
    const builder = fields.string('builder');
    const extensions = Object.fromEntries(GITHUB_EXTENSION_NAMES.flatMap((ext) => {
        const value = fields.string(ext);
        return value === undefined ? [] : [[ext, value]];
    }));
    if (fields.has('path') === fields.has('url'))
        fields.report(undefined, 'set exactly one of path (a file on the runner) or url (downloaded and pinned)');
    if (!fields.has('sha256') && !fields.has('sha512')) {
        fields.report(undefined, 'a digest pin is required: sha256 or sha512 (a tool without one is a policy error, not a warning)');
    }
    if (!fields.has('bundle') && !fields.has('attestations'))
        fields.report(undefined, 'signature evidence is required: bundle (a Sigstore bundle) or attestations (owner/repo)');
    checkSigner(fields, identityRegexp);
    if (url === undefined)
        for (const key of ['extract', 'max-extracted-bytes', 'max-entries', 'timeout'])
            if (fields.has(key))
                fields.report(key, 'applies only to a downloaded tool (url)');
    fields.finish();
    if (name === undefined)
        return undefined;
    const optional = { path, url, sha256, sha512, bundle, attestations, identity, identityRegexp, issuer, key, builder };
    const spec = { name, extract, addToPath, maxBytes, maxExtractedBytes, maxEntries, timeoutMs, extensions };
    for (const [k, v] of Object.entries(optional))
        if (v !== undefined)
            Object.assign(spec, { [k]: v });
    return spec;
}
function size(fields, key, fallback) {
    return Number(fields.string(key, { pattern: /^[1-9]\d{0,11}$/, expected: 'a whole number' }) ?? fallback);
}
/** Exactly one signer policy: a certificate identity with its issuer (as cosign requires), or a key alone. */
function checkSigner(fields, identityRegexp) {
    if (['identity', 'identity-regexp', 'key'].filter((k) => fields.has(k)).length !== 1) {
        fields.report(undefined, 'a signer policy is required: exactly one of identity, identity-regexp or key');
    }
    if ((fields.has('identity') || fields.has('identity-regexp')) && !fields.has('issuer')) {
        fields.report('issuer', 'is required with identity and identity-regexp (e.g. https://token.actions.githubusercontent.com)');
    }
    if (fields.has('key') && fields.has('issuer'))
        fields.report('issuer', 'does not apply to a key: a key-signed bundle names no issuer');
    if (identityRegexp !== undefined)
        checkPattern(fields, identityRegexp);
}
function checkPattern(fields, pattern) {
    try {
        new RegExp(pattern);
    }
    catch {
        fields.report('identity-regexp', `is not a valid regular expression (it is matched whole, as ^(…)$)`);
    }
}

;// CONCATENATED MODULE: ./src/providers/aws-config.ts
// The keys of an `aws` entry. One reader serves both kinds of entry, so each names the keys that belong
// to the other kind with the reason, instead of calling them unknown: an entry with `from:` assumes its
// role with another aws entry's keys (AssumeRole), one without assumes it with the runner token
// (AssumeRoleWithWebIdentity).
const ROLE_ARN = /^arn:(aws|aws-us-gov|aws-cn):iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const POLICY_ARN = /^arn:(aws|aws-us-gov|aws-cn):iam::(\d{12}|aws):policy\/[\w+=,.@/-]{1,512}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const PROFILE = /^[\w.-]{1,64}$/;
const ACCOUNT = /^\d{12}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
// STS's tag alphabet: letters, digits, spaces and _ . : / = + - @ (keys 1–128, values 0–256).
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u;
const MAX_TAGS = 50;
/** AWS caps a session assumed with another role's session (role chaining) at one hour. */
const CHAINED_MAX_SECONDS = 3600;
function readAwsConfig(fields, chained) {
    const role = fields.string('role', { required: true, pattern: ROLE_ARN, expected: 'a role ARN, arn:aws:iam::123456789012:role/NAME' });
    const region = fields.string('region', { required: !chained, pattern: REGION, expected: 'an AWS region such as us-east-1' });
    const mode = fields.oneOf('mode', ['keys', 'web-identity'], 'keys');
    const webIdentity = mode === 'web-identity';
    const durationSeconds = readDuration(fields, chained, webIdentity);
    const sessionName = fields.string('session-name', { pattern: SESSION_NAME, expected: '2–64 characters of [A-Za-z0-9_+=,.@-]' });
    const { sessionPolicy, managedPolicies } = readPolicies(fields, webIdentity);
    const stsEndpoint = fields.url('sts-endpoint');
    const profile = fields.string('profile', { pattern: PROFILE, expected: 'a profile name of [A-Za-z0-9_.-]' });
    const defaultProfile = fields.boolean('default-profile', false);
    if (defaultProfile && profile === undefined)
        fields.report('default-profile', 'needs profile: it makes that profile the job\'s AWS_PROFILE');
    const maskAccountId = fields.boolean('mask-account-id', false);
    const allowedAccounts = readAllowedAccounts(fields, role);
    const from = fields.string('from', { required: chained, expected: 'the id of the aws entry whose credentials assume this role' });
    const externalId = fields.string('external-id', { pattern: EXTERNAL_ID, expected: '2–1224 characters of [A-Za-z0-9_+=,.@:/-]' });
    const sessionTags = readSessionTags(fields);
    const transitiveTagKeys = readTransitiveKeys(fields, sessionTags);
    if (chained && webIdentity) {
        fields.report('mode', 'web-identity applies to an entry without from: the SDKs assume a role from the runner token file themselves, and cannot chain from another entry\'s session; remove mode, or drop from: and trust the runner token in this role\'s trust policy');
    }
    if (!chained)
        reportChainOnly(fields);
    if (role === undefined || (!chained && region === undefined))
        return undefined;
    const common = { role, durationSeconds, managedPolicies, defaultProfile, maskAccountId };
    const optional = { sessionName, sessionPolicy, stsEndpoint, profile, allowedAccounts };
    for (const [key, value] of Object.entries(optional))
        if (value !== undefined)
            Object.assign(common, { [key]: value });
    if (!chained)
        return { ...common, region: region, mode };
    if (from === undefined)
        return undefined;
    return { ...common, from, sessionTags, transitiveTagKeys, ...(region ? { region } : {}), ...(externalId ? { externalId } : {}) };
}
function readDuration(fields, chained, webIdentity) {
    if (webIdentity && fields.has('duration')) {
        fields.report('duration', 'does not apply with mode web-identity: the SDKs choose their session length (1 hour) and renew it from the token file; remove duration');
    }
    const seconds = fields.duration('duration', 900, 43_200);
    if (chained && seconds !== undefined && seconds > CHAINED_MAX_SECONDS) {
        fields.report('duration', `is over 1 hour, which AWS refuses for a role assumed with another role's session (role chaining); at most 1h`);
        return CHAINED_MAX_SECONDS;
    }
    return seconds ?? 900;
}
function readPolicies(fields, webIdentity) {
    const policyText = fields.string('session-policy', { expected: 'an IAM policy document as JSON' });
    const managedPolicies = fields.strings('managed-session-policies') ?? [];
    managedPolicies.forEach((arn, i) => {
        if (!POLICY_ARN.test(arn))
            fields.report('managed-session-policies', `item ${i + 1} is not a policy ARN (arn:aws:iam::ACCOUNT:policy/NAME)`);
    });
    if (managedPolicies.length > 10)
        fields.report('managed-session-policies', 'AWS accepts at most 10 managed session policies');
    if (webIdentity) {
        for (const key of ['session-policy', 'managed-session-policies']) {
            if (fields.has(key))
                fields.report(key, 'does not apply with mode web-identity: the SDKs assume the role from the token file without any session policy, so their sessions would not be scoped by it; scope the role itself, or use mode keys');
        }
    }
    const sessionPolicy = policyText === undefined ? undefined : minifiedJson(policyText, fields);
    return { ...(sessionPolicy === undefined ? {} : { sessionPolicy }), managedPolicies };
}
function minifiedJson(text, fields) {
    try {
        return JSON.stringify(JSON.parse(text));
    }
    catch {
        fields.report('session-policy', 'is not valid JSON');
        return undefined;
    }
}
/** The allowed accounts; the role's own account must be one, so a mismatch fails before any request. */
function readAllowedAccounts(fields, role) {
    const raw = fields.value('allowed-account-ids');
    if (raw === undefined)
        return undefined;
    // Unquoted in YAML, an account id is a number: taken as written, but one that lost a leading zero is refused.
    const accounts = (Array.isArray(raw) ? raw : [raw]).map((item) => (typeof item === 'string' || (typeof item === 'number' && Number.isInteger(item)) ? String(item) : ''));
    const bad = accounts.filter((account) => !ACCOUNT.test(account)).length;
    if (accounts.length === 0 || bad > 0) {
        const what = accounts.length === 0 ? 'is an empty list' : bad === 1 ? 'has an item that is not a 12-digit account id' : `has ${bad} items that are not 12-digit account ids`;
        fields.report('allowed-account-ids', `${what} (quote ids that start with 0: "012345678901")`);
        return undefined;
    }
    const account = role?.split(':')[4];
    if (account !== undefined && !accounts.includes(account)) {
        fields.report('allowed-account-ids', 'does not list the account of role; add the account, or correct role');
    }
    return accounts;
}
function readSessionTags(fields) {
    const raw = fields.mapping('session-tags');
    if (raw === undefined)
        return [];
    const tags = [];
    const seen = new Map();
    // Tags are named by position, never quoted: a value pasted in the wrong place stays out of the log.
    Object.entries(raw).forEach(([key, value], i) => {
        const text = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
        const earlier = seen.get(key.toLowerCase());
        if (!TAG_KEY.test(key) || /^aws:/i.test(key)) {
            fields.report('session-tags', `tag ${i + 1} has a key that is not 1–128 letters, digits, spaces or _.:/=+-@ (and may not start with aws:)`);
        }
        else if (text === undefined || !TAG_VALUE.test(text)) {
            fields.report('session-tags', `tag ${i + 1} has a value that is not 0–256 letters, digits, spaces or _.:/=+-@`);
        }
        else if (earlier !== undefined) {
            fields.report('session-tags', `tags ${earlier} and ${i + 1} have the same key but for case, which AWS takes for one`);
        }
        else {
            seen.set(key.toLowerCase(), i + 1);
            tags.push([key, text]);
        }
    });
    if (tags.length > MAX_TAGS)
        fields.report('session-tags', `has ${tags.length} tags; AWS accepts at most ${MAX_TAGS}`);
    return tags;
}
function readTransitiveKeys(fields, tags) {
    const keys = fields.strings('transitive-tag-keys') ?? [];
    const missing = keys.filter((key) => !tags.some(([tag]) => tag === key));
    if (missing.length > 0)
        fields.report('transitive-tag-keys', `names ${missing.length === 1 ? 'a key' : 'keys'} not in session-tags; list each key in session-tags too`);
    return keys;
}
/** Keys of AssumeRole that AssumeRoleWithWebIdentity has no parameter for. */
function reportChainOnly(fields) {
    if (fields.has('session-tags')) {
        fields.report('session-tags', 'AssumeRoleWithWebIdentity takes session tags from the token, not the request; tag a role assumed with from: instead (role chaining), or tag the role itself');
    }
    for (const key of ['external-id', 'transitive-tag-keys']) {
        if (fields.has(key))
            fields.report(key, 'applies to a role assumed with another aws entry\'s keys (from:, role chaining); AssumeRoleWithWebIdentity has no such parameter');
    }
}
const ENVIRONMENT = 'the AWS variables of the environment';
/**
 * What only one entry may have: the AWS variables of the environment (a second set of keys or of
 * web-identity variables would silently replace the first, and keys there take precedence over any
 * AWS_PROFILE), and each profile name.
 */
function awsExclusive(config, places) {
    if (places.size === 0)
        return [];
    if (config.profile === undefined) {
        return [{
                key: ENVIRONMENT,
                message: (other) => `hands its AWS credentials to later steps through the environment, where ${other} already puts AWS's; the later entry would silently replace or override the earlier. Give each entry a profile (one of them default-profile: true for AWS_PROFILE), or export one as outputs or none`,
            }];
    }
    const claims = [{ key: `aws profile ${config.profile}`, field: 'profile', message: (other) => `names the profile ${config.profile ?? ''}, as ${other} does; give each entry its own profile` }];
    if (config.defaultProfile) {
        claims.push({
            key: ENVIRONMENT,
            field: 'default-profile',
            message: (other) => `sets AWS_PROFILE, where ${other} already puts AWS credentials in the environment (keys there would take precedence over any profile, and only one profile can be the default); keep one`,
        });
    }
    return claims;
}

// EXTERNAL MODULE: ./src/audit/fingerprint.ts
var fingerprint = __webpack_require__(7663);
;// CONCATENATED MODULE: ./src/sinks/formats/refuse.ts

/** The one error of every format writer: names the field and the file, never the value. */
function unwritable(field, file, expected) {
    return new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${field} cannot be written into ${file}: it is not ${expected}`, {
        hint: 'the service answered a value no client could read back from that file; report it to its operator',
    });
}

;// CONCATENATED MODULE: ./src/sinks/formats/ini.ts

// The INI dialect the AWS CLI and SDKs read for shared credentials files. Each parser differs on quotes,
// inline comments and escapes, so a value may hold none of them: only a line break could start a new
// section (`[default]` with a `credential_process` the SDK runs), but the others would be read back
// differently by one SDK or another.
// `profile NAME` is how the AWS config file names every profile but `default`.
const SECTION = /^(profile )?[\w.-]{1,64}$/;
const ini_KEY = /^[a-z][a-z0-9_]{0,63}$/;
// Printable ASCII but space and " # ' ; [ \ ].
const VALUE = /^[\x21\x24-\x26\x28-\x3a\x3c-\x5a\x5e-\x7e]{1,16384}$/;
/**
 * One `[name]` section of `key = value` lines, or an error naming the first field the format cannot hold.
 *
 * @example iniSection('deploy', { aws_access_key_id: 'ASIA…' }) // "[deploy]\naws_access_key_id = ASIA…\n"
 */
function iniSection(name, entries, file) {
    if (!SECTION.test(name))
        throw unwritable('the section name', file, '1–64 characters of [A-Za-z0-9_.-], after "profile " in a config file');
    const lines = [`[${name}]`];
    for (const [key, value] of Object.entries(entries)) {
        if (!ini_KEY.test(key))
            throw unwritable('a key', file, 'a lower-case name of [a-z0-9_]');
        if (!iniCanHold(value))
            throw unwritable(key, file, "printable ASCII without spaces, quotes, brackets, \\, ; or #, at most 16384 characters");
        lines.push(`${key} = ${value}`);
    }
    return `${lines.join('\n')}\n`;
}
/** Whether a value can be written as it is, read back alike by every AWS SDK's INI parser. */
function iniCanHold(value) {
    return VALUE.test(value);
}

;// CONCATENATED MODULE: ./src/providers/aws-credential.ts





// How an STS session reaches later steps, the same for both kinds of aws entry: key variables, or a
// profile in a shared credentials file and a config file; in web-identity mode, what the SDKs need to
// assume the role themselves from the runner token file.
const AWS_OUTPUTS = { public: ['account-id', 'arn', 'expires-at'], secret: ['access-key-id', 'secret-access-key', 'session-token'] };
const KEYS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];
/** Over AWS_PROFILE, the SDKs and the CLI prefer keys in the environment, and the CLI web-identity variables too. */
const OVER_PROFILE = [...KEYS, 'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE'];
/** Over the web-identity variables, the SDKs prefer keys in the environment and a profile (AWS_PROFILE). */
const OVER_TOKEN_FILE = [...KEYS, 'AWS_PROFILE'];
const ASSUMED_ROLE = /^arn:aws[\w-]*:sts::(\d{12}):assumed-role\//;
const TOKEN_FILE = 'aws-web-identity-token';
/**
 * The account in the assumed-role ARN STS answered, checked against allowed-account-ids (the role's own
 * account was checked before any request: this catches an STS that answered for another), and masked
 * with mask-account-id.
 */
function checkAccount(config, session, what, mask) {
    const account = ASSUMED_ROLE.exec(session.arn)?.[1];
    if (config.maskAccountId && account !== undefined)
        mask(account);
    if (config.allowedAccounts === undefined)
        return account ?? session.arn.split(':')[4] ?? '';
    if (account === undefined) {
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${what} answered an AssumedRoleUser ARN that names no account, so allowed-account-ids cannot be checked`, {
            hint: 'sts-endpoint (or AWS_ENDPOINT_URL_STS) must point at AWS STS',
        });
    }
    if (!config.allowedAccounts.includes(account)) {
        throw new errors/* KeylessError */.FM('EXCHANGE_DENIED', `${what} issued credentials for account ${account}, which allowed-account-ids does not list; they were not handed out`, {
            hint: 'the endpoint is not the STS you expect, or the role trusts more than it should: check sts-endpoint, AWS_ENDPOINT_URL_STS and role',
        });
    }
    return account;
}
/**
 * The assumed-role ARN STS answered must be the role and session asked for
 * (`arn:P:iam::A:role/path/Name` → `arn:P:sts::A:assumed-role/Name/session`): the ✓ line, the audit record
 * and the `arn` output print it, and an entry built on this one takes its session name from it. IAM role
 * names are unique regardless of case, so the name's case may differ; nothing else may.
 */
function checkAssumedRole(role, sessionName, session, what) {
    const [, partition = '', , , account = '', resource = ''] = role.split(':');
    const name = resource.split('/').pop() ?? '';
    const prefix = `arn:${partition}:sts::${account}:assumed-role/`;
    const answered = session.arn.startsWith(prefix) ? session.arn.slice(prefix.length) : undefined;
    const slash = answered?.lastIndexOf('/') ?? -1;
    const roleName = answered?.slice(0, slash) ?? '';
    // ASCII only: toLowerCase() folds some other letters (the Kelvin sign) onto ASCII ones.
    const sameRole = /^[\w+=,.@-]{1,64}$/.test(roleName) && roleName.toLowerCase() === name.toLowerCase();
    if (sameRole && answered?.slice(slash + 1) === sessionName)
        return;
    throw new errors/* KeylessError */.FM('EXCHANGE_DENIED', `${what} was asked for role ${role} with session name ${sessionName}, and answered credentials for ${(0,json/* serverText */.Tn)(session.arn, 200) ?? 'another principal'} instead (expected ${prefix}${name}/${sessionName}); they were not handed out`, { hint: 'the endpoint is not the STS you expect, or answers for another role: check sts-endpoint, AWS_ENDPOINT_URL_STS and role' });
}
/** The session's keys for later steps: variables, or a profile (with its region in the config file). */
async function keysCredential(config, session, account, endpoint) {
    const keys = { AWS_ACCESS_KEY_ID: session.accessKeyId, AWS_SECRET_ACCESS_KEY: session.secretAccessKey, AWS_SESSION_TOKEN: session.sessionToken };
    const { profile } = config;
    const files = profile === undefined
        ? []
        : [
            {
                env: 'AWS_SHARED_CREDENTIALS_FILE',
                name: 'aws-credentials',
                content: iniSection(profile, { aws_access_key_id: keys.AWS_ACCESS_KEY_ID, aws_secret_access_key: keys.AWS_SECRET_ACCESS_KEY, aws_session_token: keys.AWS_SESSION_TOKEN }, 'the AWS shared credentials file'),
            },
            { env: 'AWS_CONFIG_FILE', name: 'aws-config', content: iniSection(configSection(profile), { region: config.region }, 'the AWS config file') },
        ];
    return {
        env: profile === undefined ? keys : {},
        publicEnv: publicEnv(config),
        files,
        ...(config.defaultProfile ? { shadowedBy: OVER_PROFILE } : {}),
        secretOutputs: { 'access-key-id': keys.AWS_ACCESS_KEY_ID, 'secret-access-key': keys.AWS_SECRET_ACCESS_KEY, 'session-token': keys.AWS_SESSION_TOKEN },
        publicOutputs: { 'account-id': account, arn: session.arn, 'expires-at': session.expiresAt },
        info: {
            principal: session.arn,
            expiresAt: session.expiresAt,
            tokenType: 'AWS STS session',
            endpoint: `${endpoint.origin}${endpoint.pathname}`,
            attempts: session.attempts,
            fingerprint: await (0,fingerprint/* fingerprint */.R)(session.accessKeyId),
        },
        irrevocable: 'STS session credentials cannot be revoked one by one; they expire on their own',
        handoff: handoff(session, config.region),
    };
}
/**
 * `mode: web-identity`: no keys, but the runner token in a file and the role to assume with it, which every
 * AWS SDK and the CLI read (AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_SESSION_NAME, or the same in
 * a profile) and renew on their own. `session` is the one validating exchange: it proves the trust policy
 * here, and is what an entry built on this one uses.
 */
async function webIdentityCredential(config, session, account, endpoint, token) {
    const { profile } = config;
    const variables = { AWS_ROLE_ARN: config.role, AWS_ROLE_SESSION_NAME: token.sessionName };
    const files = profile === undefined
        ? [{ env: 'AWS_WEB_IDENTITY_TOKEN_FILE', name: TOKEN_FILE, content: token.jwt, oidcToken: true }]
        : [
            { name: TOKEN_FILE, content: token.jwt, oidcToken: true },
            {
                env: 'AWS_CONFIG_FILE',
                name: 'aws-config',
                content: (pathOf) => iniSection(configSection(profile), { role_arn: config.role, web_identity_token_file: iniPath(pathOf(TOKEN_FILE)), role_session_name: token.sessionName, region: config.region }, 'the AWS config file'),
            },
        ];
    // A custom STS endpoint is where the SDKs must assume the role too; in a profile, the AWS config file's
    // per-service endpoints would need a [services] section, so AWS_ENDPOINT_URL_STS stays the way to set it.
    const endpointVariable = profile === undefined && config.stsEndpoint ? { AWS_ENDPOINT_URL_STS: config.stsEndpoint.href } : {};
    return {
        env: {},
        publicEnv: { ...publicEnv(config), ...(profile === undefined ? { ...variables, ...endpointVariable } : {}) },
        files,
        shadowedBy: profile === undefined ? OVER_TOKEN_FILE : config.defaultProfile ? OVER_PROFILE : [],
        refreshable: true,
        secretOutputs: {},
        publicOutputs: { 'account-id': account, arn: session.arn },
        info: {
            principal: session.arn,
            tokenType: 'web identity token file for AWS SDKs',
            endpoint: `${endpoint.origin}${endpoint.pathname}`,
            attempts: session.attempts,
            fingerprint: await (0,fingerprint/* fingerprint */.R)(token.jwt),
        },
        irrevocable: 'the token file is deleted; sessions the SDKs assumed with it expire on their own (1 hour)',
        handoff: handoff(session, config.region),
    };
}
/** A profile's region goes in the config file: AWS_REGION would override every profile's. */
function publicEnv(config) {
    if (config.profile === undefined)
        return { AWS_REGION: config.region, AWS_DEFAULT_REGION: config.region };
    return config.defaultProfile ? { AWS_PROFILE: config.profile } : {};
}
/** The config file names every profile `[profile NAME]`, except `[default]`. */
function configSection(profile) {
    return profile === 'default' ? 'default' : `profile ${profile}`;
}
/** A path as the config file can hold it: `/` on Windows too (every SDK opens it), nothing INI readers disagree on. */
function iniPath(path) {
    const portable = path.split(external_node_path_.sep).join('/');
    if (iniCanHold(portable))
        return portable;
    throw new errors/* KeylessError */.FM('INPUT_INVALID', 'the folder for credential files (under RUNNER_TEMP) has a space, quote or other character the AWS config file cannot hold, so the profile cannot name its token file', {
        hint: 'drop profile: (the path then goes in AWS_WEB_IDENTITY_TOKEN_FILE), or run where RUNNER_TEMP has no such character',
    });
}
function handoff(session, region) {
    const sessionName = /\/([\w+=,.@-]{2,64})$/.exec(session.arn)?.[1];
    return { kind: 'aws', accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey, sessionToken: session.sessionToken, region, ...(sessionName ? { sessionName } : {}) };
}

;// CONCATENATED MODULE: ./src/http/xml.ts
// A reader for the XML that AWS query APIs answer (STS): elements, attributes (read and ignored), text,
// the five predefined entities and character references, comments and CDATA. Nothing else: a DOCTYPE (and
// with it any entity definition), a processing instruction after the declaration, an unknown entity,
// a mismatched tag or content after the root element make the document unreadable, never half-read.
/** Why a document was refused; the caller turns it into its own error, naming the service. */
class XmlError extends Error {
    name = 'XmlError';
}
const xml_NAME = /[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/y;
const ATTRIBUTE = /\s+[A-Za-z_][\w.:-]*\s*=\s*("[^"<]*"|'[^'<]*')/y;
const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const MAX_DEPTH = 32;
/**
 * The root element of `text`, or an XmlError saying what was not understood.
 *
 * @example parseXml('<A><B>x &amp; y</B></A>').children[0]?.text // "x & y"
 */
function parseXml(text) {
    const reader = new Reader(text.replace(/^\uFEFF/, ''));
    reader.skipProlog();
    const root = reader.element(0);
    reader.skipMisc();
    if (!reader.done())
        throw new XmlError('content after the root element');
    return root;
}
/** The first child of `element` with this local name, following each name in turn. */
function childAt(element, ...names) {
    let at = element;
    for (const name of names)
        at = at?.children.find((child) => child.name === name);
    return at;
}
class Reader {
    text;
    #at = 0;
    constructor(text) {
        this.text = text;
    }
    done() {
        return this.#at >= this.text.length;
    }
    skipProlog() {
        if (this.text.startsWith('<?xml', this.#at))
            this.#skipPast('?>', 'an unterminated XML declaration');
        this.skipMisc();
        if (this.text.startsWith('<!DOCTYPE', this.#at))
            throw new XmlError('a DOCTYPE, which AWS never sends');
    }
    /** Whitespace and comments between elements. */
    skipMisc() {
        for (;;) {
            while (/\s/.test(this.text[this.#at] ?? ''))
                this.#at++;
            if (!this.text.startsWith('<!--', this.#at))
                return;
            this.#skipPast('-->', 'an unterminated comment');
        }
    }
    element(depth) {
        if (depth > MAX_DEPTH)
            throw new XmlError(`elements nested deeper than ${MAX_DEPTH}`);
        if (this.text[this.#at] !== '<')
            throw new XmlError('text where an element was expected');
        this.#at++;
        const qualified = this.#name();
        while (this.#match(ATTRIBUTE) !== undefined)
            ;
        while (/\s/.test(this.text[this.#at] ?? ''))
            this.#at++;
        const element = { name: qualified.replace(/^[^:]*:/, ''), children: [], text: '' };
        if (this.text.startsWith('/>', this.#at)) {
            this.#at += 2;
            return element;
        }
        if (this.text[this.#at] !== '>')
            throw new XmlError(`a malformed start tag <${qualified}>`);
        this.#at++;
        this.#content(element, depth);
        if (this.#name() !== qualified)
            throw new XmlError(`</…> does not close <${qualified}>`);
        while (/\s/.test(this.text[this.#at] ?? ''))
            this.#at++;
        if (this.text[this.#at] !== '>')
            throw new XmlError(`a malformed end tag </${qualified}>`);
        this.#at++;
        return element;
    }
    /** Text, CDATA, comments and child elements, up to and including the `</` of the end tag. */
    #content(element, depth) {
        for (;;) {
            const next = this.text.indexOf('<', this.#at);
            if (next < 0)
                throw new XmlError(`<${element.name}> is never closed`);
            element.text += decode(this.text.slice(this.#at, next));
            this.#at = next;
            if (this.text.startsWith('</', this.#at)) {
                this.#at += 2;
                return;
            }
            if (this.text.startsWith('<![CDATA[', this.#at)) {
                const end = this.text.indexOf(']]>', this.#at);
                if (end < 0)
                    throw new XmlError('an unterminated CDATA section');
                element.text += this.text.slice(this.#at + 9, end);
                this.#at = end + 3;
            }
            else if (this.text.startsWith('<!--', this.#at)) {
                this.#skipPast('-->', 'an unterminated comment');
            }
            else if (this.text.startsWith('<?', this.#at) || this.text.startsWith('<!', this.#at)) {
                throw new XmlError('a processing instruction or declaration inside the document');
            }
            else {
                element.children.push(this.element(depth + 1));
            }
        }
    }
    #name() {
        const name = this.#match(xml_NAME);
        if (name === undefined)
            throw new XmlError('a tag without a valid name');
        return name;
    }
    #match(pattern) {
        pattern.lastIndex = this.#at;
        const found = pattern.exec(this.text);
        if (found === null)
            return undefined;
        this.#at = pattern.lastIndex;
        return found[0];
    }
    #skipPast(end, problem) {
        const at = this.text.indexOf(end, this.#at);
        if (at < 0)
            throw new XmlError(problem);
        this.#at = at + end.length;
    }
}
function decode(text) {
    return text.replace(/&([^;&\s]{0,10});?/g, (whole, name) => {
        if (!whole.endsWith(';'))
            throw new XmlError('a bare & in text');
        const named = ENTITIES[name];
        if (named !== undefined)
            return named;
        const code = /^#x([0-9a-f]{1,6})$/i.exec(name)?.[1] ?? /^#(\d{1,7})$/.exec(name)?.[1];
        const point = code === undefined ? Number.NaN : Number.parseInt(code, name.startsWith('#x') || name.startsWith('#X') ? 16 : 10);
        if (!Number.isInteger(point) || point < 1 || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) {
            throw new XmlError('an entity that is neither predefined nor a character reference');
        }
        return String.fromCodePoint(point);
    });
}

// EXTERNAL MODULE: ./src/providers/credential-value.ts
var credential_value = __webpack_require__(3897);
;// CONCATENATED MODULE: ./src/providers/aws-sts.ts





// AWS documents AccessKeyId as 16–128 word characters; STS issues upper-case letters and digits.
const ACCESS_KEY_ID = { pattern: /^[A-Z0-9]{16,128}$/, expected: '16–128 upper-case letters and digits' };
const XML_TYPE = /^(text|application)\/xml\b/i;
/**
 * One STS call: the session it issued (masked on arrival), or the error `refused` makes of STS's refusal.
 * Throttling (HTTP 400 `Throttling`) is retried with the client's other transient failures.
 */
async function callSts(ctx, call, refused) {
    const body = new URLSearchParams({ Action: call.action, Version: '2011-06-15' });
    for (const [name, value] of call.params)
        body.append(name, value);
    const text = body.toString();
    const headers = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: 'text/xml' };
    if (call.signWith) {
        const { sigv4Headers } = await __webpack_require__.e(/* import() */ 869).then(__webpack_require__.bind(__webpack_require__, 8869));
        Object.assign(headers, sigv4Headers({ url: call.url, service: 'sts', region: call.signWith.region, headers, body: text }, call.signWith.keys));
    }
    const response = await ctx.http.request({
        method: 'POST',
        url: call.url,
        what: 'AWS STS',
        headers,
        body: text,
        retryOn: (r) => r.status === 400 && stsError(r.body)?.code === 'Throttling',
    });
    if (response.status !== 200)
        throw refused({ status: response.status, ...stsError(response.body) });
    return readSession(response, call, (secret) => { ctx.mask(secret); });
}
function readSession(response, call, mask) {
    const what = `AWS STS ${call.url.origin}`;
    const type = response.headers['content-type'] ?? '';
    if (!XML_TYPE.test(type)) {
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${what} answered HTTP 200 with ${type === '' ? 'no content type' : type}, not XML`, {
            hint: 'sts-endpoint (or AWS_ENDPOINT_URL_STS) must point at AWS STS or a service that speaks its query API',
        });
    }
    const root = readXml(response.body, what);
    const result = root.name === `${call.action}Response` ? childAt(root, `${call.action}Result`) : undefined;
    const credentials = childAt(result, 'Credentials');
    const arn = childAt(result, 'AssumedRoleUser', 'Arn')?.text;
    const expiration = childAt(credentials, 'Expiration')?.text ?? '';
    if (credentials === undefined || !arn || Number.isNaN(Date.parse(expiration))) {
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${what} answered 200 without the documented ${call.action}Result (Credentials with an Expiration, AssumedRoleUser)`, {
            hint: 'sts-endpoint (or AWS_ENDPOINT_URL_STS) must point at AWS STS or a service that speaks its query API',
        });
    }
    const field = (name, shape) => (0,credential_value/* credentialValue */.No)(childAt(credentials, name)?.text, name, what, shape);
    const session = {
        accessKeyId: field('AccessKeyId', ACCESS_KEY_ID),
        secretAccessKey: field('SecretAccessKey'),
        sessionToken: field('SessionToken'),
    };
    for (const secret of Object.values(session))
        mask(secret);
    return { ...session, expiresAt: new Date(Date.parse(expiration)).toISOString(), arn, attempts: response.attempts };
}
function readXml(text, what) {
    try {
        return parseXml(text);
    }
    catch (error) {
        if (!(error instanceof XmlError))
            throw error;
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${what} answered XML that cannot be read: ${error.message}`, {
            hint: 'the service is misbehaving, or sts-endpoint points at something that is not STS; report it to its operator',
            cause: error,
        });
    }
}
/** The `<ErrorResponse><Error><Code/><Message/></Error>` STS sends with a 4xx or 5xx. */
function stsError(text) {
    let root;
    try {
        root = parseXml(text);
    }
    catch {
        return undefined;
    }
    const error = root.name === 'ErrorResponse' ? childAt(root, 'Error') : undefined;
    const code = (0,json/* serverText */.Tn)(childAt(error, 'Code')?.text, 80);
    if (code === undefined)
        return undefined;
    const message = (0,json/* serverText */.Tn)(childAt(error, 'Message')?.text);
    return { code, ...(message ? { message } : {}) };
}
/** `HTTP 403: AccessDenied "…"`, for an error message. */
function describeRefusal(refusal) {
    return `HTTP ${refusal.status}${refusal.code ? `: ${refusal.code}${refusal.message ? ` "${refusal.message}"` : ''}` : ''}`;
}
/** `sts-endpoint`, else AWS_ENDPOINT_URL_STS as the SDKs read it, else the region's own STS endpoint. */
function stsEndpoint(config, region, env) {
    if (config.stsEndpoint)
        return config.stsEndpoint;
    const fromSdk = env.AWS_ENDPOINT_URL_STS;
    if (fromSdk)
        return (0,http_url/* parseEndpoint */.Bk)(fromSdk, 'AWS_ENDPOINT_URL_STS');
    const suffix = config.role.startsWith('arn:aws-cn:') ? 'amazonaws.com.cn' : 'amazonaws.com';
    return new URL(`https://sts.${region}.${suffix}/`);
}
/** What to do about an STS refusal that is not about trust; shared with role chains. */
function failureHint(code) {
    if (code === 'RegionDisabledException')
        return 'activate STS in this region (IAM → Account settings) or use another region';
    if (code === 'MalformedPolicyDocument' || code === 'PackedPolicyTooLarge' || code === 'ValidationError') {
        return 'fix role, duration (at most the role maximum), session-policy, managed-session-policies or session-tags';
    }
    return 'check region and sts-endpoint; re-run if AWS is degraded';
}

;// CONCATENATED MODULE: ./src/providers/aws-chain.ts




// Role chaining: `provider: aws` with `from:` assumes its role with the session of another aws entry, by a
// SigV4-signed STS AssumeRole, the call that takes an external id and session tags. It takes no runner
// token: if the entry it builds on failed, it is not attempted.
async function exchange(config, ctx) {
    const upstream = ctx.upstream;
    if (upstream.kind !== 'aws')
        throw new errors/* KeylessError */.FM('INPUT_INVALID', `"${config.from}" minted no AWS session to assume the role with`);
    const region = config.region ?? upstream.region;
    const url = stsEndpoint(config, region, ctx.env);
    if (config.maskAccountId)
        ctx.mask(config.role.split(':')[4] ?? '');
    const params = new URLSearchParams({
        RoleArn: config.role,
        // The upstream session's name by default: CloudTrail then shows one name along the whole chain.
        RoleSessionName: config.sessionName ?? upstream.sessionName ?? 'keyless',
        DurationSeconds: String(config.durationSeconds),
    });
    if (config.externalId)
        params.set('ExternalId', config.externalId);
    if (config.sessionPolicy)
        params.set('Policy', config.sessionPolicy);
    config.managedPolicies.forEach((arn, i) => params.set(`PolicyArns.member.${i + 1}.arn`, arn));
    config.sessionTags.forEach(([key, value], i) => {
        params.set(`Tags.member.${i + 1}.Key`, key);
        params.set(`Tags.member.${i + 1}.Value`, value);
    });
    config.transitiveTagKeys.forEach((key, i) => params.set(`TransitiveTagKeys.member.${i + 1}`, key));
    const what = `AWS STS ${url.origin}`;
    const session = await callSts(ctx, { url, action: 'AssumeRole', params, signWith: { keys: upstream, region } }, (refusal) => chainFailure(refusal, what, config));
    const settled = { ...config, region };
    const account = checkAccount(settled, session, what, (secret) => { ctx.mask(secret); });
    checkAssumedRole(config.role, params.get('RoleSessionName') ?? '', session, what);
    return keysCredential(settled, session, account, url);
}
/** Refusals of the upstream session itself, or of this role's trust in it: never retried. */
const DENIED = new Set(['AccessDenied', 'SignatureDoesNotMatch', 'InvalidClientTokenId', 'ExpiredToken', 'IncompleteSignature']);
function chainFailure(refusal, what, config) {
    const message = `${what} answered ${describeRefusal(refusal)} to AssumeRole with the session of "${config.from}"`;
    if (refusal.code === undefined || !DENIED.has(refusal.code))
        return new errors/* KeylessError */.FM('EXCHANGE_FAILED', message, { hint: failureHint(refusal.code) });
    return new errors/* KeylessError */.FM('EXCHANGE_DENIED', message, { hint: DENIED_HINTS[refusal.code] ?? trustHint(config) });
}
const DENIED_HINTS = {
    SignatureDoesNotMatch: "the request was altered on the way (a proxy), or the runner's clock is off by more than 5 minutes; region must be the region of sts-endpoint",
    IncompleteSignature: 'a proxy stripped the SigV4 headers; let requests to STS through unchanged',
    InvalidClientTokenId: `STS does not accept the session of the entry in from: here: region (or sts-endpoint) must be in the same partition, and an opt-in region must be enabled for its account`,
    ExpiredToken: 'the session of the entry in from: expired before it was used; re-run the job',
};
function trustHint(config) {
    const extras = [
        config.externalId ? 'its sts:ExternalId condition must equal external-id' : '',
        config.sessionTags.length > 0 ? 'it must allow sts:TagSession too' : '',
    ].filter(Boolean);
    return `the trust policy of role must allow sts:AssumeRole for the role of "${config.from}" (the user named above)${extras.length > 0 ? `, ${extras.join(', ')}` : ''}; and that role's own policy must allow sts:AssumeRole on role`;
}
const awsChain = {
    name: 'aws',
    outputs: AWS_OUTPUTS,
    derived: true,
    read: (fields) => readAwsConfig(fields, true),
    upstream: (config) => ({ id: config.from, providers: ['aws'] }),
    exchange,
    exclusive: awsExclusive,
};

// EXTERNAL MODULE: ./src/providers/oauth-error.ts
var oauth_error = __webpack_require__(8350);
;// CONCATENATED MODULE: ./src/providers/aws.ts







/** Session names show in CloudTrail: the repository and run make every session traceable to its job. */
function defaultSessionName(claims) {
    const parts = ['keyless', claims.repository, claims.run_id, claims.run_attempt].filter((p) => typeof p === 'string' && p !== '');
    return parts.join('-').replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}
async function aws_exchange(config, ctx) {
    const url = stsEndpoint(config, config.region, ctx.env);
    // Masked before the request, so a refusal that quotes the role shows no account either.
    if (config.maskAccountId)
        ctx.mask(config.role.split(':')[4] ?? '');
    const webIdentity = config.mode === 'web-identity';
    const jwt = webIdentity ? (0,credential_value/* credentialValue */.No)(ctx.idToken.jwt, 'an OIDC token', 'the runner', credential_value/* JWT */.yl) : ctx.idToken.jwt;
    const sessionName = config.sessionName ?? defaultSessionName(ctx.idToken.claims);
    const params = new URLSearchParams({
        RoleArn: config.role,
        RoleSessionName: sessionName,
        WebIdentityToken: jwt,
        // The validating exchange of web-identity mode hands nothing out: the shortest session will do.
        DurationSeconds: String(webIdentity ? 900 : config.durationSeconds),
    });
    if (config.sessionPolicy)
        params.set('Policy', config.sessionPolicy);
    config.managedPolicies.forEach((arn, i) => params.set(`PolicyArns.member.${i + 1}.arn`, arn));
    const what = `AWS STS ${url.origin}`;
    const session = await callSts(ctx, { url, action: 'AssumeRoleWithWebIdentity', params }, (refusal) => stsFailure(refusal, what, ctx));
    const account = checkAccount(config, session, what, (secret) => { ctx.mask(secret); });
    checkAssumedRole(config.role, sessionName, session, what);
    return webIdentity ? webIdentityCredential(config, session, account, url, { jwt, sessionName }) : keysCredential(config, session, account, url);
}
const aws_DENIED = new Set(['AccessDenied', 'InvalidIdentityToken', 'IDPRejectedClaim', 'ExpiredTokenException', 'IDPCommunicationError']);
function stsFailure(refusal, what, ctx) {
    const message = `${what} answered ${describeRefusal({ ...refusal, ...(refusal.message ? { message: refusal.message.split(ctx.idToken.jwt).join('***') } : {}) })}`;
    if (refusal.code !== undefined && aws_DENIED.has(refusal.code)) {
        return new errors/* KeylessError */.FM('EXCHANGE_DENIED', `${message}. The token carried ${(0,oauth_error/* claimsForHumans */.D1)(ctx.idToken)}.`, { hint: trustPolicyHint(ctx.idToken) });
    }
    return new errors/* KeylessError */.FM('EXCHANGE_FAILED', message, { hint: failureHint(refusal.code) });
}
/** IAM names an OIDC provider, and its condition keys, by the issuer URL without its scheme. */
function trustPolicyHint(idToken) {
    const provider = (0,oauth_error/* issuerOf */.xD)(idToken)?.replace(/^https:\/\//, '') ?? 'the token issuer (iss above)';
    return `check the role's trust policy: the IAM OIDC provider for ${provider} must exist, and its conditions on ${provider}:aud and :sub must match the claims above`;
}
const aws = {
    name: 'aws',
    outputs: AWS_OUTPUTS,
    read: (fields) => readAwsConfig(fields, false),
    defaultAudience: () => 'sts.amazonaws.com',
    exchange: aws_exchange,
    exclusive: awsExclusive,
    chained: awsChain,
};

// EXTERNAL MODULE: ./src/providers/aadsts.ts
var aadsts = __webpack_require__(1738);
// EXTERNAL MODULE: ./src/providers/azure-clouds.ts
var azure_clouds = __webpack_require__(9171);
;// CONCATENATED MODULE: ./src/providers/azure.ts







// Microsoft Entra ID: OAuth 2.0 client credentials with the runner's OIDC token as a federated
// client assertion. `mode: token` hands out an access token; `mode: sdk` hands out what the Azure SDKs'
// workload identity credential reads, with no secret at all. Either way the entry may ask for az and Az
// PowerShell sessions, which the main step signs in once every exchange succeeded (src/sessions/).
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]+(\.[a-z0-9-]+)+)$/i;
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** `mode: sdk` sets neither the access token nor its expiry: it hands out no token. */
const OUTPUTS = { public: ['client-id', 'tenant-id', 'expires-at'], secret: ['access-token'] };
function read(fields) {
    const clientId = fields.string('client-id', { required: true, pattern: GUID, expected: 'the application (client) id, a GUID' });
    const tenantId = fields.string('tenant-id', { required: true, pattern: TENANT, expected: 'the directory (tenant) id or domain' });
    const subscriptionId = fields.string('subscription-id', { pattern: GUID, expected: 'a subscription id (GUID)' });
    const scope = fields.string('scope', { pattern: /^\S+$/, expected: 'a scope such as https://management.azure.com/.default' });
    const mode = fields.oneOf('mode', ['token', 'sdk'], 'token');
    const authorityHost = fields.url('authority-host');
    const cloud = readCloud(fields);
    const resourceManager = fields.url('resource-manager-endpoint');
    if (cloud === 'AzureStack' && resourceManager === undefined && !fields.has('resource-manager-endpoint')) {
        fields.report('resource-manager-endpoint', 'is required with environment: AzureStack (the stamp\'s Resource Manager URL, such as https://management.local.azurestack.external/)');
    }
    if (cloud !== 'AzureStack' && resourceManager !== undefined)
        fields.report('resource-manager-endpoint', 'is only for environment: AzureStack; the other clouds\' endpoints are known');
    const azLogin = readAzLogin(fields);
    const powershell = fields.boolean('enable-AzPSSession', false);
    const allowNoSubscriptions = fields.boolean('allow-no-subscriptions', false);
    if (clientId === undefined || tenantId === undefined || cloud === undefined)
        return undefined;
    return {
        clientId,
        tenantId,
        mode,
        cloud,
        azLogin,
        powershell,
        allowNoSubscriptions,
        ...(scope ? { scope } : {}),
        ...(authorityHost ? { authorityHost } : {}),
        ...(subscriptionId ? { subscriptionId } : {}),
        ...(resourceManager && cloud === 'AzureStack' ? { resourceManager } : {}),
    };
}
function readCloud(fields) {
    const text = fields.string('environment', { expected: `one of ${azure_clouds/* CLOUDS */.JJ.join(', ')}` });
    if (text === undefined)
        return fields.has('environment') ? undefined : 'AzureCloud';
    const cloud = (0,azure_clouds/* cloudByName */.WA)(text);
    if (cloud !== undefined)
        return cloud;
    if (text.toLowerCase() === 'azuregermancloud')
        fields.report('environment', 'AzureGermanCloud (Microsoft Cloud Deutschland) closed in October 2021; its tenants moved to AzureCloud');
    else
        fields.report('environment', `is not one of ${azure_clouds/* CLOUDS */.JJ.join(', ')}`);
    return undefined;
}
/** `az-login`: true, false (YAML booleans or strings) or auto. */
function readAzLogin(fields) {
    const value = fields.value('az-login');
    if (value === undefined || value === 'auto')
        return 'auto';
    if (value === true || value === 'true')
        return true;
    if (value === false || value === 'false')
        return false;
    fields.report('az-login', 'is not one of auto, true, false');
    return 'auto';
}
/** The authority and default scope: the entry's own, else the cloud's (Azure Stack Hub's from its metadata). */
async function endpoints(config, ctx) {
    const cloud = config.cloud === 'AzureStack' ? (config.resourceManager ? await (0,azure_clouds/* azureStackEndpoints */.Mo)(config.resourceManager, ctx.http, config.authorityHost) : undefined) : (0,azure_clouds/* publicCloud */.Tj)(config.cloud);
    const authorityHost = config.authorityHost ?? cloud?.authorityHost;
    const scope = config.scope ?? cloud?.armScope;
    if (authorityHost === undefined || scope === undefined)
        throw new errors/* KeylessError */.FM('INPUT_INVALID', 'no authority for this cloud', { hint: 'set resource-manager-endpoint' });
    return { authorityHost, scope };
}
/**
 * In both modes one client-credentials request runs: in `token` mode for the token it returns, in `sdk`
 * mode to prove the federation works here, with a clear message, rather than deep inside an SDK later.
 */
async function azure_exchange(config, ctx) {
    const { authorityHost, scope } = await endpoints(config, ctx);
    const url = new URL(`${encodeURIComponent(config.tenantId)}/oauth2/v2.0/token`, authorityHost);
    const form = new URLSearchParams({
        client_id: config.clientId,
        scope,
        grant_type: 'client_credentials',
        client_assertion_type: ASSERTION_TYPE,
        client_assertion: ctx.idToken.jwt,
    });
    const what = `Microsoft Entra ID ${url.origin}${url.pathname}`;
    const response = await ctx.http.request({
        method: 'POST',
        url,
        what: 'Microsoft Entra ID',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
    });
    if (response.status !== 200)
        throw entraError(response, what, ctx);
    const body = (0,json/* jsonBody */.J9)(response, what);
    const token = (0,credential_value/* credentialValue */.No)((0,json/* isObject */.Gv)(body) ? body.access_token : undefined, 'an access_token', what);
    ctx.mask(token);
    const expiresIn = (0,json/* isObject */.Gv)(body) && typeof body.expires_in === 'number' ? body.expires_in : undefined;
    const expiresAt = expiresIn ? new Date(ctx.now() + expiresIn * 1000).toISOString() : undefined;
    const ids = { AZURE_CLIENT_ID: config.clientId, AZURE_TENANT_ID: config.tenantId, ...(config.subscriptionId ? { AZURE_SUBSCRIPTION_ID: config.subscriptionId } : {}) };
    const sdk = config.mode === 'sdk';
    return {
        env: sdk ? {} : { AZURE_ACCESS_TOKEN: token },
        publicEnv: sdk ? { ...ids, AZURE_AUTHORITY_HOST: authorityHost.href } : ids,
        files: sdk ? [{ env: 'AZURE_FEDERATED_TOKEN_FILE', name: 'azure-federated-token', content: (0,credential_value/* credentialValue */.No)(ctx.idToken.jwt, 'an OIDC token', 'the runner', credential_value/* JWT */.yl), oidcToken: true }] : [],
        refreshable: sdk,
        secretOutputs: sdk ? {} : { 'access-token': token },
        publicOutputs: { ...(expiresAt && !sdk ? { 'expires-at': expiresAt } : {}), 'client-id': config.clientId, 'tenant-id': config.tenantId },
        info: {
            principal: `${config.clientId} in tenant ${config.tenantId}`,
            scope,
            ...(expiresAt && !sdk ? { expiresAt } : {}),
            tokenType: sdk ? 'federated token file for Azure SDKs' : 'Entra ID access token',
            endpoint: `${url.origin}${url.pathname}`,
            attempts: response.attempts,
            fingerprint: await (0,fingerprint/* fingerprint */.R)(sdk ? ctx.idToken.jwt : token),
        },
        irrevocable: sdk
            ? 'the federated token file is deleted; tokens SDKs obtained from it expire on their own'
            : 'Entra ID access tokens cannot be revoked; it expires on its own',
        // In sdk mode too: the validating exchange's token is what an ACR login builds on.
        handoff: { kind: 'bearer', provider: 'azure', token, tenant: config.tenantId },
        ...(config.azLogin === false && !config.powershell ? {} : { session: sessionRequest(config, ctx) }),
    };
}
function sessionRequest(config, ctx) {
    const { aud } = ctx.idToken.claims;
    return {
        az: config.azLogin,
        powershell: config.powershell,
        clientId: config.clientId,
        tenantId: config.tenantId,
        allowNoSubscriptions: config.allowNoSubscriptions,
        cloud: config.cloud,
        federatedToken: ctx.idToken.jwt,
        audience: (Array.isArray(aud) ? aud[0] : aud) ?? 'api://AzureADTokenExchange',
        ...(config.subscriptionId === undefined ? {} : { subscriptionId: config.subscriptionId }),
        ...(config.resourceManager === undefined ? {} : { resourceManager: config.resourceManager.href }),
    };
}
function entraError(response, what, ctx) {
    const body = (0,json/* parseLoose */.il)(response.body);
    const error = (0,json/* isObject */.Gv)(body) ? (0,json/* serverText */.Tn)(body.error, 80) : undefined;
    // error_description carries a trace and timestamp after the first sentence; the code and sentence suffice.
    const description = (0,json/* isObject */.Gv)(body) ? (0,json/* serverText */.Tn)(body.error_description, 400)?.split(/ Trace ID:/)[0] : undefined;
    const message = `${what} answered HTTP ${response.status}${error ? `: ${error}` : ''}${description ? ` "${description}"` : ''}`;
    const hint = (0,aadsts/* aadstsHint */.Y)(description ?? '');
    if (hint !== undefined || error === 'invalid_client' || error === 'unauthorized_client') {
        return new errors/* KeylessError */.FM('EXCHANGE_DENIED', `${message}. The token carried ${(0,oauth_error/* claimsForHumans */.D1)(ctx.idToken)}.`, {
            hint: hint ?? 'compare the app registration\'s federated identity credentials with these claims',
        });
    }
    return new errors/* KeylessError */.FM('EXCHANGE_FAILED', message, { hint: error === 'invalid_scope' ? 'check scope: it must end in /.default' : 'check tenant-id, client-id and authority-host' });
}
const azure = {
    name: 'azure',
    outputs: OUTPUTS,
    read,
    defaultAudience: () => 'api://AzureADTokenExchange',
    exchange: azure_exchange,
    exclusive: (config, places) => places.size > 0 && (config.azLogin !== false || config.powershell)
        ? [{ key: 'azure session', message: (other) => `signs az and Az PowerShell in for later steps, as ${other} does; a job has one AZURE_CONFIG_DIR and one current Az context, so set az-login: false (and no enable-AzPSSession) on all but one` }]
        : [],
};

// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/decode_jwt.js
var decode_jwt = __webpack_require__(7961);
// EXTERNAL MODULE: ./src/providers/docker-login.ts
var docker_login = __webpack_require__(7840);
;// CONCATENATED MODULE: ./src/providers/container-registry.ts







/** The first login's username and password; every host, comma-separated. */
const container_registry_OUTPUTS = { public: ['hosts', 'username'], secret: ['password'] };
const UPSTREAM = { gar: 'gcp', acr: 'azure', ecr: 'aws', ghcr: 'github' };
const HOST = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/;
const HOST_SHAPES = {
    gar: { pattern: /(^|[.-])docker\.pkg\.dev$|(^|\.)gcr\.io$/, expected: 'an Artifact Registry host such as us-docker.pkg.dev (or gcr.io)' },
    acr: { pattern: /^[a-z0-9]{5,50}\.azurecr\.(io|cn|us)$/, expected: 'a registry login server such as myregistry.azurecr.io' },
    ecr: { pattern: /^(\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?|public\.ecr\.aws)$/, expected: 'ACCOUNT.dkr.ecr.REGION.amazonaws.com or public.ecr.aws' },
    ghcr: undefined,
};
/** ACR's documented username for a login with a refresh token from /oauth2/exchange. */
const ACR_TOKEN_USERNAME = '00000000-0000-0000-0000-000000000000';
function container_registry_read(fields) {
    const kind = fields.string('kind', { required: true, pattern: /^(gar|acr|ecr|ghcr)$/, expected: 'gar, acr, ecr or ghcr' });
    const from = fields.string('from', { required: true, expected: `the id of the ${kind ? UPSTREAM[kind] : 'gcp, azure, aws or github'} entry whose credential logs in` });
    const hosts = fields.strings('host') ?? [];
    const endpoint = fields.url('endpoint');
    if (kind === undefined || from === undefined)
        return undefined;
    hosts.forEach((host, i) => {
        const problem = hosts.indexOf(host) < i ? `repeats ${host}` : hostProblem(kind, host);
        if (problem)
            fields.report('host', `item ${i + 1} ${problem}`);
    });
    if (hosts.length === 0 && (kind === 'gar' || kind === 'acr'))
        fields.report('host', `is required for kind ${kind}: ${HOST_SHAPES[kind]?.expected ?? ''}`);
    if (new Set(hosts.map((host) => host.startsWith('public.'))).size > 1)
        fields.report('host', 'public.ecr.aws and private ECR registries need one entry each');
    if (endpoint && (kind === 'gar' || kind === 'ghcr'))
        fields.report('endpoint', `applies to acr and ecr only; a ${kind} login needs no exchange`);
    return { kind, from, hosts, ...(endpoint ? { endpoint } : {}) };
}
function hostProblem(kind, host) {
    const shape = HOST_SHAPES[kind];
    if (!HOST.test(host))
        return 'is not a registry host (a name and optional port, no scheme or path)';
    if (shape && !shape.pattern.test(host))
        return `is not ${shape.expected}`;
    return (0,docker_login/* dockerHubProblem */.Fx)(host, 'GitHub token');
}
async function container_registry_exchange(config, ctx) {
    const logins = await loginsFor(config, ctx.upstream, ctx);
    const auths = {};
    for (const login of logins) {
        // Docker's `auth` field; its base64 form would slip past a mask of the password alone.
        const auth = Buffer.from(`${login.username}:${login.password}`).toString('base64');
        ctx.mask(login.password);
        ctx.mask(auth);
        auths[login.host] = { auth };
    }
    const [first] = logins;
    const expiries = logins.flatMap((login) => (login.expiresAt ? [login.expiresAt] : [])).sort();
    const hosts = logins.map((login) => login.host);
    return {
        env: {},
        files: [{ env: 'DOCKER_CONFIG', name: 'docker/config.json', format: 'docker-config', content: JSON.stringify({ auths }) }],
        secretOutputs: { password: first.password },
        // The username is public knowledge (oauth2accesstoken, AWS): masking it would blank it all over the log.
        publicOutputs: { hosts: hosts.join(','), username: first.username },
        info: {
            principal: `${first.username} at ${hosts.join(', ')}`,
            ...(expiries[0] ? { expiresAt: expiries[0] } : {}),
            tokenType: `${config.kind.toUpperCase()} login (docker config)`,
            endpoint: first.endpoint ?? hosts.join(', '),
            attempts: Math.max(...logins.map((login) => login.attempts)),
            fingerprint: await (0,fingerprint/* fingerprint */.R)(first.password),
        },
        irrevocable: IRREVOCABLE[config.kind],
    };
}
const IRREVOCABLE = {
    gar: 'the docker config is deleted; the access token in it is the gcp entry\'s, revoked with it',
    ghcr: 'the docker config is deleted; the token in it is the github entry\'s, revoked with it',
    acr: 'ACR refresh tokens cannot be revoked; the docker config is deleted and the token expires on its own (3 hours)',
    ecr: 'ECR authorization tokens cannot be revoked; the docker config is deleted and the token expires on its own (12 hours)',
};
async function loginsFor(config, upstream, ctx) {
    if (config.kind === 'ecr') {
        if (upstream.kind !== 'aws')
            throw mismatch(config, upstream);
        const { ecrLogins } = await __webpack_require__.e(/* import() */ 68).then(__webpack_require__.bind(__webpack_require__, 68));
        return ecrLogins(config, upstream, ctx);
    }
    if (upstream.kind !== 'bearer' || upstream.provider !== UPSTREAM[config.kind])
        throw mismatch(config, upstream);
    if (config.kind === 'acr')
        return Promise.all(config.hosts.map((host) => acrLogin(host, upstream.token, upstream.tenant, config, ctx)));
    // GHCR takes any username with a token; x-access-token is the convention for GitHub App tokens.
    const username = config.kind === 'gar' ? 'oauth2accesstoken' : 'x-access-token';
    const hosts = config.hosts.length > 0 ? config.hosts : [packagesHost(ctx.env.GITHUB_SERVER_URL)];
    return hosts.map((host) => ({ host, username, password: upstream.token, ...(upstream.expiresAt ? { expiresAt: upstream.expiresAt } : {}), attempts: 0 }));
}
/**
 * The hosts an entry logs in to, as its settings name them. A ghcr entry without `host` logs in to this
 * job's GitHub container registry, which the settings cannot name (GITHUB_SERVER_URL decides it): it, and
 * a ghcr entry naming ghcr.io or a `containers.` host, take one name for it.
 */
function claimedHosts(config) {
    if (config.kind !== 'ghcr')
        return config.hosts;
    const packages = "this job's GitHub container registry";
    if (config.hosts.length === 0)
        return [packages];
    return config.hosts.flatMap((host) => (host === 'ghcr.io' || host.startsWith('containers.') ? [host, packages] : [host]));
}
/** This job's GitHub container registry: ghcr.io, or `containers.<host>` on GHES and GHE.com. */
function packagesHost(server) {
    const host = server ? new URL(server).host : 'github.com';
    return host === 'github.com' ? 'ghcr.io' : `containers.${host}`;
}
function mismatch(config, upstream) {
    const got = upstream.kind === 'aws' ? 'aws' : upstream.provider;
    return new errors/* KeylessError */.FM('INPUT_INVALID', `kind ${config.kind} needs a ${UPSTREAM[config.kind]} entry in from:, and "${config.from}" is ${got}`);
}
/** ACR's own token service: an Entra ID access token in, a registry refresh token out. */
async function acrLogin(host, aadToken, tenant, config, ctx) {
    const base = config.endpoint ?? (0,http_url/* parseEndpoint */.Bk)(`https://${host}`, 'registry');
    const url = new URL('/oauth2/exchange', base);
    const form = new URLSearchParams({ grant_type: 'access_token', service: host, access_token: aadToken, ...(tenant ? { tenant } : {}) });
    const response = await ctx.http.request({
        method: 'POST',
        url,
        what: 'ACR token exchange',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
    });
    const where = `ACR token exchange ${url.origin}${url.pathname}`;
    if (response.status !== 200) {
        const said = acrErrors(response.body);
        const denied = response.status === 401 || response.status === 403;
        throw new errors/* KeylessError */.FM(denied ? 'EXCHANGE_DENIED' : 'EXCHANGE_FAILED', `${where} answered HTTP ${response.status}${said ? `: ${said}` : ''}`, {
            hint: denied
                ? `give the azure entry's app registration a role on ${host} that allows pull or push (AcrPull, AcrPush), and keep its scope at https://management.azure.com/.default`
                : 'check host: it must be the registry login server (NAME.azurecr.io)',
        });
    }
    const body = (0,json/* jsonBody */.J9)(response, where);
    const token = (0,credential_value/* credentialValue */.No)((0,json/* isObject */.Gv)(body) ? body.refresh_token : undefined, 'a refresh_token', where);
    ctx.mask(token);
    const exp = expiryOf(token);
    return { host, username: ACR_TOKEN_USERNAME, password: token, ...(exp ? { expiresAt: exp } : {}), endpoint: `${url.origin}${url.pathname}`, attempts: response.attempts };
}
/** The registry's `{"errors": [{"code", "message"}]}` (the distribution spec's error body). */
function acrErrors(text) {
    const body = (0,json/* parseLoose */.il)(text);
    const errors = (0,json/* isObject */.Gv)(body) && Array.isArray(body.errors) ? body.errors : [];
    const said = errors.flatMap((e) => ((0,json/* isObject */.Gv)(e) ? [[(0,json/* serverText */.Tn)(e.code, 60), (0,json/* serverText */.Tn)(e.message)].filter(Boolean).join(' ')] : []));
    return said.length > 0 ? said.join('; ') : (0,json/* serverText */.Tn)(text);
}
function expiryOf(jwt) {
    try {
        const { exp } = (0,decode_jwt/* decodeJwt */.i)(jwt);
        return typeof exp === 'number' ? new Date(exp * 1000).toISOString() : undefined;
    }
    catch {
        return undefined;
    }
}
const containerRegistry = {
    name: 'registry',
    outputs: container_registry_OUTPUTS,
    derived: true,
    read: container_registry_read,
    upstream: (config) => ({ id: config.from, providers: [UPSTREAM[config.kind]] }),
    exchange: container_registry_exchange,
    exclusive: (config, places) => (0,docker_login/* registryHostClaims */.fF)(claimedHosts(config), places, 'host'),
};

// EXTERNAL MODULE: ./src/providers/crates.ts
var crates = __webpack_require__(476);
;// CONCATENATED MODULE: ./src/providers/google-api.ts




// Google's Security Token Service (RFC 8693, plus its `options` field) and IAM Credentials API.
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const JWT_TYPE = 'urn:ietf:params:oauth:token-type:jwt';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
/** The headers of a call: the reason, when the entry gives one. */
function googleHeaders(call, headers) {
    return call.reason === undefined ? headers : { ...headers, 'x-goog-request-reason': call.reason };
}
/** One exchange at Google STS: form-encoded RFC 8693 request, RFC 8693 answer, RFC 6749 error body. */
async function stsExchange(http, url, request, idToken, deniedHint, call = {}) {
    const form = new URLSearchParams({
        grant_type: TOKEN_EXCHANGE,
        requested_token_type: ACCESS_TOKEN_TYPE,
        subject_token: request.subjectToken,
        subject_token_type: request.subjectTokenType,
    });
    if (request.audience)
        form.set('audience', request.audience);
    if (request.scope)
        form.set('scope', request.scope);
    if (request.options !== undefined)
        form.set('options', JSON.stringify(request.options));
    const what = `Google STS ${url.origin}${url.pathname}`;
    const response = await http.request({
        method: 'POST',
        url,
        what: 'Google STS',
        headers: googleHeaders(call, { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }),
        body: form.toString(),
    });
    if (response.status !== 200)
        throw (0,oauth_error/* oauthError */.YM)(response, what, idToken, deniedHint);
    const body = (0,json/* jsonBody */.J9)(response, what);
    const token = (0,credential_value/* credentialValue */.No)((0,json/* isObject */.Gv)(body) ? body.access_token : undefined, 'an access_token', what);
    const expiresIn = (0,json/* isObject */.Gv)(body) && typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : undefined;
    return { token, attempts: response.attempts, ...(expiresIn ? { expiresIn } : {}) };
}
/**
 * A POST to an IAM Credentials method with the federated token; its JSON answer, or a clear error. `role`
 * is the role a refusal says to grant: workloadIdentityUser covers generateAccessToken and
 * generateIdToken, not signJwt (serviceAccountTokenCreator).
 */
async function iamCredentials(http, url, bearer, body, idToken, serviceAccount, call = {}) {
    const what = `IAM Credentials ${url.pathname.split(':').pop() ?? ''} for ${serviceAccount}`;
    const response = await http.request({
        method: 'POST',
        url,
        what: 'IAM Credentials',
        headers: googleHeaders(call, { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', accept: 'application/json' }),
        body: JSON.stringify(body),
    });
    if (response.status !== 200)
        throw googleApiError(response, what, idToken, serviceAccount, call.role ?? 'roles/iam.workloadIdentityUser');
    const parsed = (0,json/* jsonBody */.J9)(response, what);
    if (!(0,json/* isObject */.Gv)(parsed))
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${what} answered 200 without a JSON object`);
    return { body: parsed, attempts: response.attempts };
}
/** Google's `{"error":{"code","message","status"}}`; a denial says which binding is missing. */
function googleApiError(response, what, idToken, serviceAccount, role) {
    const body = (0,json/* parseLoose */.il)(response.body);
    const error = (0,json/* isObject */.Gv)(body) && (0,json/* isObject */.Gv)(body.error) ? body.error : undefined;
    const status = (0,json/* serverText */.Tn)(error?.status, 60);
    const message = (0,json/* serverText */.Tn)(error?.message);
    const said = `${what} answered HTTP ${response.status}${status ? ` ${status}` : ''}${message ? `: ${message}` : ''}`;
    if (response.status === 403 || status === 'PERMISSION_DENIED') {
        const repository = typeof idToken.claims.repository === 'string' ? idToken.claims.repository : 'OWNER/REPO';
        return new errors/* KeylessError */.FM('EXCHANGE_DENIED', `${said}. The token carried ${(0,oauth_error/* claimsForHumans */.D1)(idToken)}.`, {
            hint: `grant ${role} on ${serviceAccount} to ` +
                `principalSet://iam.googleapis.com/<pool>/attribute.repository/${repository} (and enable the IAM Credentials API)`,
        });
    }
    return new errors/* KeylessError */.FM('EXCHANGE_FAILED', said, {
        hint: response.status === 404 ? 'check service-account: it does not exist or is in another project' : 'check the entry keys; re-run if Google is degraded',
    });
}

;// CONCATENATED MODULE: ./src/providers/gcp-adc.ts


/**
 * Where the credentials file's path goes besides GOOGLE_APPLICATION_CREDENTIALS (Application Default
 * Credentials in every client library): gcloud's override of its own credentials, and the variable
 * Google's follow-on actions (deploy-cloudrun, get-gke-credentials, setup-gcloud, …) look for first.
 */
const ADC_ALIASES = ['CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE', 'GOOGLE_GHA_CREDS_PATH'];
/** The IAM Credentials URL of a method of the service account. */
function methodUrl(config, serviceAccount, method) {
    return new URL(`v1/projects/-/serviceAccounts/${encodeURIComponent(serviceAccount)}:${method}`, config.iamEndpoint);
}
/**
 * Application Default Credentials for client libraries: an `external_account` file whose subject token is
 * a file holding this job's one-audience OIDC token. Never the runner's token-request bearer (the peer
 * writes that into the workspace, letting any reader mint tokens for any audience).
 */
function adcFiles(config, jwt) {
    const impersonation = config.serviceAccount ? methodUrl(config, config.serviceAccount, 'generateAccessToken').href : undefined;
    return [
        // google-auth reads the whole file as the token (`format: text`): a JWT, nothing else, on one line.
        { name: 'gcp-oidc-token', content: (0,credential_value/* credentialValue */.No)(jwt, 'an OIDC token', 'the runner', credential_value/* JWT */.yl), oidcToken: true },
        {
            env: 'GOOGLE_APPLICATION_CREDENTIALS',
            aliases: ADC_ALIASES,
            output: 'credentials-file-path',
            name: 'gcp-adc.json',
            content: (pathOf) => JSON.stringify({
                type: 'external_account',
                audience: `//iam.${config.universe}/${config.provider}`,
                subject_token_type: JWT_TYPE,
                token_url: config.stsEndpoint.href,
                credential_source: { file: pathOf('gcp-oidc-token'), format: { type: 'text' } },
                ...(impersonation ? { service_account_impersonation_url: impersonation } : {}),
                universe_domain: config.universe,
            }),
        },
    ];
}

;// CONCATENATED MODULE: ./src/providers/gcp-config.ts

const PROVIDER_NAME = /^projects\/\d+\/locations\/global\/workloadIdentityPools\/[a-z0-9-]{4,32}\/providers\/[a-z0-9-]{4,32}$/;
const EMAIL = /^[^@\s/]+@[^@\s/]+\.[^@\s/]+$/;
const PROJECT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const UNIVERSE = /^[a-z0-9.-]+\.[a-z]{2,}$/;
/** A user-managed service account: its domain names the project it lives in (a service agent's, gcp-sa-*, names a service). */
const PROJECT_ACCOUNT = /^[^@\s/]+@(?!gcp-sa-)([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/;
/**
 * Sent as an HTTP header: printable ASCII only, so no line break can end the header and nothing outside
 * Latin-1 makes Node refuse the request.
 */
const REASON = /^[\x20-\x7e]{1,1024}$/;
/** Google refuses a domain-wide delegation JWT whose exp is more than an hour after its iat. */
const DELEGATION_MAX_SECONDS = 3600;
/**
 * The project of `NAME@PROJECT.iam.gserviceaccount.com`. Other domains name no project: the peer takes the
 * first label of any domain, which turns the Compute default account (`N-compute@developer.gserviceaccount.com`)
 * into a project called "developer".
 */
function projectOfServiceAccount(email) {
    return email === undefined ? undefined : PROJECT_ACCOUNT.exec(email)?.[1];
}
function readGcp(fields) {
    const provider = fields.string('workload-identity-provider', {
        required: true,
        pattern: PROVIDER_NAME,
        expected: 'projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER',
    });
    const serviceAccount = fields.string('service-account', { pattern: EMAIL, expected: 'a service account email' });
    const projectId = fields.string('project-id', { pattern: PROJECT, expected: 'a project id (6–30 lower-case letters, digits and dashes)' });
    const universe = fields.string('universe', { pattern: UNIVERSE, expected: 'a domain such as googleapis.com' }) ?? 'googleapis.com';
    const scopes = fields.strings('scopes') ?? [`https://www.${universe}/auth/cloud-platform`];
    const lifetime = fields.duration('duration', 1, 43_200);
    const delegates = fields.strings('delegates') ?? [];
    const idTokenAudience = fields.string('id-token-audience');
    const accessBoundary = readBoundary(fields);
    const accessTokenSubject = fields.string('access-token-subject', { pattern: EMAIL, expected: "a Workspace user's email" });
    const requestReason = fields.string('request-reason', { pattern: REASON, expected: 'printable ASCII text of at most 1024 characters, on one line (it is sent as the X-Goog-Request-Reason header)' });
    // The ADC file hands client libraries the undownscoped identity: with a boundary, it is opt-in and refused.
    const credentialsFile = fields.boolean('credentials-file', accessBoundary === undefined);
    const stsEndpoint = fields.url('sts-endpoint') ?? new URL(`https://sts.${universe}/v1/token`);
    const iamEndpoint = fields.url('iamcredentials-endpoint') ?? new URL(`https://iamcredentials.${universe}/`);
    const oauthTokenEndpoint = fields.url('oauth-token-endpoint') ?? new URL(`https://oauth2.${universe}/token`);
    const revokeEndpoint = fields.url('revoke-endpoint') ?? new URL(`https://oauth2.${universe}/revoke`);
    for (const key of ['duration', 'delegates', 'id-token-audience', 'access-token-subject']) {
        if (fields.has(key) && serviceAccount === undefined)
            fields.report(key, 'applies only with service-account (federated tokens are not impersonated)');
    }
    checkCombinations(fields, { accessBoundary, accessTokenSubject, credentialsFile, lifetime });
    if (provider === undefined)
        return undefined;
    const config = {
        provider,
        scopes,
        lifetimeSeconds: lifetime ?? 900,
        delegates,
        credentialsFile,
        universe,
        stsEndpoint,
        iamEndpoint,
        oauthTokenEndpoint,
        revokeEndpoint,
    };
    const project = projectId ?? projectOfServiceAccount(serviceAccount);
    for (const [key, value] of Object.entries({ serviceAccount, projectId: project, idTokenAudience, accessBoundary, accessTokenSubject, requestReason })) {
        if (value !== undefined)
            Object.assign(config, { [key]: value });
    }
    return config;
}
function checkCombinations(fields, given) {
    if (given.accessBoundary !== undefined && given.credentialsFile) {
        fields.report('credentials-file', 'cannot be true with access-boundary: client libraries reading the file would mint tokens without the boundary; use the exported access token');
    }
    if (given.accessTokenSubject === undefined)
        return;
    if (given.accessBoundary !== undefined) {
        fields.report('access-boundary', "cannot downscope a domain-wide delegation token (a boundary restricts Cloud Storage; the user's token is for Workspace APIs); drop one of the two");
    }
    if (given.lifetime !== undefined && given.lifetime > DELEGATION_MAX_SECONDS) {
        fields.report('duration', 'is at most 1h with access-token-subject: Google refuses a domain-wide delegation token that lives longer');
    }
}
/** `access-boundary`: a list of `{resource, permissions, condition?}`, Google's Credential Access Boundary rules. */
function readBoundary(fields) {
    const raw = fields.list('access-boundary');
    if (raw === undefined)
        return undefined;
    const rules = [];
    for (const [i, rule] of raw.entries()) {
        const resource = isRecord(rule) ? rule.resource : undefined;
        const permissions = isRecord(rule) ? rule.permissions : undefined;
        const condition = isRecord(rule) ? rule.condition : undefined;
        const validPermissions = Array.isArray(permissions) && permissions.length > 0 && permissions.every((p) => typeof p === 'string' && p.startsWith('inRole:'));
        if (typeof resource !== 'string' || !validPermissions || (condition !== undefined && typeof condition !== 'string')) {
            fields.report('access-boundary', `rule ${i} must be {resource: //storage.googleapis.com/projects/_/buckets/NAME, permissions: [inRole:ROLE], condition?: CEL}, not ${(0,config_fields/* describe */.q0)(rule)}`);
            continue;
        }
        rules.push({ availableResource: resource, availablePermissions: permissions, ...(condition ? { availabilityCondition: { expression: condition } } : {}) });
    }
    if (rules.length > 10)
        fields.report('access-boundary', 'Google accepts at most 10 rules');
    return rules;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/providers/gcp-dwd.ts






// Domain-wide delegation, as google-github-actions/auth does it without a key: IAM Credentials signs the
// service account's JWT grant (RFC 7523) with Google's key, and Google's OAuth token endpoint trades it
// for a token of the Workspace user named in `sub`.
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** The claims of the grant: the audience is Google's token endpoint by name, whatever URL the request goes to. */
function delegationClaims(config, serviceAccount, subject, nowMs) {
    const iat = Math.floor(nowMs / 1000);
    return {
        iss: serviceAccount,
        sub: subject,
        scope: config.scopes.join(' '),
        aud: `https://oauth2.${config.universe}/token`,
        iat,
        exp: iat + config.lifetimeSeconds,
    };
}
async function delegatedToken(config, ctx, federated, serviceAccount, subject) {
    const call = config.requestReason === undefined ? {} : { reason: config.requestReason };
    const delegates = config.delegates.map((d) => `projects/-/serviceAccounts/${d}`);
    const body = { payload: JSON.stringify(delegationClaims(config, serviceAccount, subject, ctx.now())), ...(delegates.length > 0 ? { delegates } : {}) };
    const signed = await iamCredentials(ctx.http, methodUrl(config, serviceAccount, 'signJwt'), federated, body, ctx.idToken, serviceAccount, {
        ...call,
        role: 'roles/iam.serviceAccountTokenCreator',
    });
    // Whoever holds the signed grant can redeem it until it expires: masked at once, never handed on.
    const assertion = (0,credential_value/* credentialValue */.No)(signed.body.signedJwt, 'signedJwt', `IAM Credentials signJwt for ${serviceAccount}`, credential_value/* JWT */.yl);
    ctx.mask(assertion);
    const url = config.oauthTokenEndpoint;
    const what = `Google OAuth token endpoint ${url.origin}${url.pathname}`;
    const response = await ctx.http.request({
        method: 'POST',
        url,
        what: 'Google OAuth token endpoint',
        headers: googleHeaders(call, { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }),
        body: new URLSearchParams({ grant_type: JWT_BEARER, assertion }).toString(),
    });
    if (response.status !== 200) {
        const refusal = (0,json/* parseLoose */.il)(response.body);
        throw (0,oauth_error/* oauthError */.YM)(response, what, undefined, refusalHint((0,json/* isObject */.Gv)(refusal) ? refusal.error : undefined, config, serviceAccount, subject));
    }
    const answer = (0,json/* jsonBody */.J9)(response, what);
    const token = (0,credential_value/* credentialValue */.No)((0,json/* isObject */.Gv)(answer) ? answer.access_token : undefined, 'an access_token', what);
    ctx.mask(token);
    const expiresIn = (0,json/* isObject */.Gv)(answer) ? answer.expires_in : undefined;
    if (expiresIn !== undefined && (typeof expiresIn !== 'number' || !(expiresIn > 0)))
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${what} answered expires_in that is not a positive number`);
    return { token, expiresAt: expiresIn === undefined ? undefined : (0,credential_value/* expiresAfter */.Pe)(ctx.now(), expiresIn) };
}
/** What Google's refusals of a delegation grant mean in the Admin console's and IAM's terms. */
function refusalHint(code, config, serviceAccount, subject) {
    if (code === 'unauthorized_client') {
        return (`in the Google Workspace Admin console (Security > Access and data control > API controls > Domain-wide delegation), ` +
            `add ${serviceAccount}'s client ID (its unique ID) with exactly these scopes: ${config.scopes.join(',')}`);
    }
    if (code === 'invalid_grant') {
        return `check access-token-subject: ${subject} must be an active user of the Workspace domain that delegated to ${serviceAccount}, and the runner's clock must be right`;
    }
    return 'check scopes and access-token-subject against what the Workspace domain delegated';
}

// EXTERNAL MODULE: ./src/providers/oauth-revoke.ts
var oauth_revoke = __webpack_require__(6660);
;// CONCATENATED MODULE: ./src/providers/gcp.ts








/**
 * `project-id` given or derived; `credentials-file-path` set with the file (src/sinks/deliver.ts);
 * `auth-token` the federated token, as the peer's `auth_token`; `id-token` with `id-token-audience`.
 */
const gcp_OUTPUTS = { public: ['expires-at', 'project-id', 'credentials-file-path'], secret: ['access-token', 'id-token', 'auth-token'] };
/** The variables google-github-actions/auth exports the project in, each read by some tool or library. */
const PROJECT_VARIABLES = ['CLOUDSDK_CORE_PROJECT', 'CLOUDSDK_PROJECT', 'GCLOUD_PROJECT', 'GCP_PROJECT', 'GOOGLE_CLOUD_PROJECT'];
const DENIED_HINT = "check the workload identity provider's attribute condition and mapping against these claims, and that the pool and provider are enabled";
async function gcp_exchange(config, ctx) {
    const call = config.requestReason === undefined ? {} : { reason: config.requestReason };
    const audience = `//iam.${config.universe}/${config.provider}`;
    const federated = await stsExchange(ctx.http, config.stsEndpoint, { audience, scope: `https://www.${config.universe}/auth/cloud-platform`, subjectToken: ctx.idToken.jwt, subjectTokenType: JWT_TYPE }, ctx.idToken, DENIED_HINT, call);
    ctx.mask(federated.token);
    let access = { token: federated.token, expiresAt: expiry(ctx, federated.expiresIn) };
    let idToken;
    const sa = config.serviceAccount;
    if (sa && config.accessTokenSubject) {
        access = await delegatedToken(config, ctx, federated.token, sa, config.accessTokenSubject);
    }
    else if (sa) {
        access = await impersonate(config, ctx, federated.token, sa);
    }
    if (sa && config.idTokenAudience) {
        const delegates = delegatesOf(config);
        const body = { audience: config.idTokenAudience, includeEmail: true, ...(delegates.length > 0 ? { delegates } : {}) };
        const answer = (await iamCredentials(ctx.http, methodUrl(config, sa, 'generateIdToken'), federated.token, body, ctx.idToken, sa, call)).body.token;
        const minted = (0,credential_value/* credentialValue */.No)(answer, 'a token', `IAM Credentials generateIdToken for ${sa}`, credential_value/* JWT */.yl);
        ctx.mask(minted);
        idToken = minted;
    }
    if (config.accessBoundary) {
        const options = { accessBoundary: { accessBoundaryRules: config.accessBoundary } };
        const request = { subjectToken: access.token, subjectTokenType: ACCESS_TOKEN_TYPE, options };
        const downscoped = await stsExchange(ctx.http, config.stsEndpoint, request, ctx.idToken, DENIED_HINT, call);
        ctx.mask(downscoped.token);
        // Google omits expires_in for a downscoped token when it lives as long as its source.
        access = { token: downscoped.token, expiresAt: downscoped.expiresIn ? expiry(ctx, downscoped.expiresIn) : access.expiresAt };
    }
    return credential(config, ctx, { access, federated: federated.token, idToken, attempts: federated.attempts });
}
function delegatesOf(config) {
    return config.delegates.map((d) => `projects/-/serviceAccounts/${d}`);
}
/** The service account's own token through IAM Credentials `generateAccessToken`. */
async function impersonate(config, ctx, federated, sa) {
    const delegates = delegatesOf(config);
    const body = { scope: config.scopes, lifetime: `${config.lifetimeSeconds}s`, ...(delegates.length > 0 ? { delegates } : {}) };
    const call = config.requestReason === undefined ? {} : { reason: config.requestReason };
    const generated = await iamCredentials(ctx.http, methodUrl(config, sa, 'generateAccessToken'), federated, body, ctx.idToken, sa, call);
    const what = `IAM Credentials generateAccessToken for ${sa}`;
    const accessToken = (0,credential_value/* credentialValue */.No)(generated.body.accessToken, 'accessToken', what);
    const expireTime = generated.body.expireTime;
    if (typeof expireTime !== 'string' || Number.isNaN(Date.parse(expireTime)))
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${what} answered without expireTime`);
    ctx.mask(accessToken);
    return { token: accessToken, expiresAt: new Date(expireTime).toISOString() };
}
function expiry(ctx, seconds) {
    return seconds === undefined ? undefined : (0,credential_value/* expiresAfter */.Pe)(ctx.now(), seconds);
}
async function credential(config, ctx, minted) {
    const { access, idToken } = minted;
    const project = config.projectId;
    const sa = config.serviceAccount;
    const federatedPrincipal = `principal://iam.${config.universe}/${config.provider.replace(/\/providers\/.*$/, '')}/subject/${String(ctx.idToken.claims.sub)}`;
    const subject = config.accessTokenSubject;
    return {
        env: { CLOUDSDK_AUTH_ACCESS_TOKEN: access.token, GOOGLE_OAUTH_ACCESS_TOKEN: access.token },
        publicEnv: project ? Object.fromEntries(PROJECT_VARIABLES.map((name) => [name, project])) : {},
        files: config.credentialsFile ? adcFiles(config, ctx.idToken.jwt) : [],
        refreshable: config.credentialsFile,
        // The federated token is the boundary's way around: an entry with one hands out the downscoped token only.
        secretOutputs: { 'access-token': access.token, ...(config.accessBoundary ? {} : { 'auth-token': minted.federated }), ...(idToken ? { 'id-token': idToken } : {}) },
        publicOutputs: { ...(access.expiresAt ? { 'expires-at': access.expiresAt } : {}), ...(project ? { 'project-id': project } : {}) },
        info: {
            principal: sa ? (subject ? `${subject} (domain-wide delegation by ${sa})` : sa) : federatedPrincipal,
            scope: config.accessBoundary ? `${config.scopes.join(' ')} (downscoped)` : config.scopes.join(' '),
            ...(access.expiresAt ? { expiresAt: access.expiresAt } : {}),
            tokenType: subject ? 'Google Workspace user access token' : sa ? 'Google service account access token' : 'Google federated access token',
            endpoint: `${config.stsEndpoint.origin}${config.stsEndpoint.pathname}`,
            attempts: minted.attempts,
            fingerprint: await (0,fingerprint/* fingerprint */.R)(access.token),
        },
        revoke: {
            endpoint: config.revokeEndpoint.href,
            token: access.token,
            ...(config.requestReason === undefined ? {} : { headers: { 'x-goog-request-reason': config.requestReason } }),
        },
        handoff: { kind: 'bearer', provider: 'gcp', token: access.token, ...(access.expiresAt ? { expiresAt: access.expiresAt } : {}) },
        ...(sa && !project ? { notices: [`no project-id: ${sa} is not NAME@PROJECT.iam.gserviceaccount.com, so no project was derived from it; set project-id for gcloud's and the libraries' default project`] } : {}),
    };
}
/**
 * One entry's Google variables per job environment: a second would replace the first's token, project
 * and credentials file (the file would even be the two joined, which no library can read).
 */
function exclusive(_config, places) {
    if (places.size === 0)
        return [];
    return [
        {
            key: 'google environment',
            message: (other) => `hands Google credentials to later steps through the environment (CLOUDSDK_AUTH_ACCESS_TOKEN, ${['GOOGLE_APPLICATION_CREDENTIALS', ...ADC_ALIASES].join(', ')}, the project), where ${other} already puts Google's; the later entry would silently replace the earlier. Export one of them as outputs (export: outputs), or none if only a registry entry builds on it`,
        },
    ];
}
const gcp = {
    name: 'gcp',
    outputs: gcp_OUTPUTS,
    read: readGcp,
    defaultAudience: (config) => `https://iam.${config.universe}/${config.provider}`,
    exchange: gcp_exchange,
    revoke: oauth_revoke.revokeOAuthToken,
    exclusive,
};

// EXTERNAL MODULE: ./src/providers/github.ts
var github = __webpack_require__(5183);
// EXTERNAL MODULE: ./src/providers/jfrog.ts
var jfrog = __webpack_require__(4418);
;// CONCATENATED MODULE: ./src/sinks/formats/npmrc.ts

// npm reads .npmrc with the `ini` package and then expands it: a value in quotes is JSON-parsed, `;` and
// `#` start a comment, `${NAME}` is replaced by an environment variable, and a line break starts a new
// setting (`script-shell=…` runs on every npm script). A token may therefore hold none of those.
const npmrc_KEY = /^\/\/[a-z0-9.-]+(:\d{1,5})?(\/[\w.~%@+-]*)*\/:_authToken$/;
const TOKEN = /^[\w.~+/=-]{1,4096}$/;
const NPMRC_REGISTRY = 'an https:// URL whose path holds only [A-Za-z0-9_.~%@+-]';
/** Whether a registry URL can key a line of .npmrc: checked when the entry is read, before any request. */
function npmrcAccepts(registry) {
    return npmrc_KEY.test(authKey(registry));
}
function authKey(registry) {
    return `//${registry.host}${registry.pathname.replace(/\/?$/, '/')}:_authToken`;
}
/**
 * The `//host/path/:_authToken=TOKEN` line npm (and pnpm, Yarn 1) read for one registry.
 *
 * @example npmrcAuthToken(new URL('https://registry.npmjs.org/'), 'npm_…') // "//registry.npmjs.org/:_authToken=npm_…\n"
 */
function npmrcAuthToken(registry, token) {
    const key = authKey(registry);
    if (!npmrc_KEY.test(key))
        throw unwritable('the registry URL', '.npmrc', NPMRC_REGISTRY);
    if (!TOKEN.test(token))
        throw unwritable('the token', '.npmrc', 'at most 4096 characters of [A-Za-z0-9_.~+/=-]');
    return `${key}=${token}\n`;
}

// EXTERNAL MODULE: ./src/providers/json-endpoint.ts
var json_endpoint = __webpack_require__(530);
// EXTERNAL MODULE: ./src/providers/variable-claims.ts
var variable_claims = __webpack_require__(6000);
;// CONCATENATED MODULE: ./src/providers/publishing.ts







// Trusted publishing on npm, PyPI and RubyGems: the OIDC token for a publish token that lives minutes.
// None of the three offers revocation of these tokens; the post step deletes what Keyless wrote.
const SHORT_LIVED = 'a trusted-publishing token: short-lived, and not revocable by the registry';
/** PyPI and RubyGems answer an expiry; npm does not. */
const publishing_OUTPUTS = { public: ['expires-at'], secret: ['token'] };
const NPM_OUTPUTS = { public: [], secret: ['token'] };
async function publishCredential(token, endpoint, attempts, extra) {
    return {
        env: extra.env ?? {},
        ...(extra.publicEnv ? { publicEnv: extra.publicEnv } : {}),
        ...(extra.files ? { files: extra.files } : {}),
        secretOutputs: { token },
        publicOutputs: extra.expiresAt ? { 'expires-at': extra.expiresAt } : {},
        info: {
            principal: extra.principal,
            scope: 'publish',
            ...(extra.expiresAt ? { expiresAt: extra.expiresAt } : {}),
            tokenType: extra.tokenType,
            endpoint: `${endpoint.origin}${endpoint.pathname}`,
            attempts,
            fingerprint: await (0,fingerprint/* fingerprint */.R)(token),
        },
        irrevocable: SHORT_LIVED,
    };
}
const message = (body, text) => (0,json/* isObject */.Gv)(body) ? ((0,json/* serverText */.Tn)(body.message) ?? (0,json/* serverText */.Tn)(body.error) ?? (0,json/* serverText */.Tn)(body.detail)) : (0,json/* serverText */.Tn)(text, 200);
const npm = {
    name: 'npm',
    outputs: NPM_OUTPUTS,
    read(fields) {
        const name = fields.string('package', { required: true, pattern: /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/, expected: 'an npm package name such as @acme/widget' });
        const registry = fields.url('registry') ?? new URL('https://registry.npmjs.org/');
        if (!npmrcAccepts(registry))
            fields.report('registry', `is not ${NPMRC_REGISTRY}`);
        return name === undefined ? undefined : { registry, package: name };
    },
    defaultAudience: (config) => `npm:${config.registry.host}`,
    // The .npmrc holds one token per registry: npm would use the later entry's for both packages.
    exclusive: (config, places) => places.size === 0 ? [] : [{ key: `npmrc ${config.registry.href}`, message: (other) => `writes the .npmrc token for ${config.registry.href}, as ${other} does; npm reads one token per registry, so the later would silently replace the earlier: publish each package in a step of its own` }],
    async exchange(config, ctx) {
        // npm's escaped form of a scoped name: @scope%2fname.
        const escaped = config.package.replace('/', '%2f');
        const url = new URL(`-/npm/v1/oidc/token/exchange/package/${escaped}`, config.registry.href.endsWith('/') ? config.registry : `${config.registry.href}/`);
        const { body, response } = await (0,json_endpoint/* callJson */.X_)({
            http: ctx.http,
            method: 'POST',
            url,
            what: 'npm registry',
            headers: { authorization: `Bearer ${ctx.idToken.jwt}` },
            describe: message,
            denied: [401, 403, 404],
            deniedHint: `add this repository and workflow as a trusted publisher of ${config.package} on ${config.registry.host} (npm's own CLI hides this behind ENEEDAUTH)`,
            idToken: ctx.idToken,
        });
        const token = (0,credential_value/* credentialValue */.No)(body.token, 'a token', `the npm registry at ${url.origin}`);
        ctx.mask(token);
        const npmrc = { env: 'NPM_CONFIG_USERCONFIG', name: 'npmrc', format: 'npmrc', content: npmrcAuthToken(config.registry, token) };
        return publishCredential(token, url, response.attempts, { files: [npmrc], principal: config.package, tokenType: 'npm publish token' });
    },
};
const PYPI_AUDIENCES = new Map([['pypi.org', 'pypi'], ['upload.pypi.org', 'pypi'], ['test.pypi.org', 'testpypi']]);
const pypi = {
    name: 'pypi',
    outputs: publishing_OUTPUTS,
    read(fields) {
        const index = fields.url('index') ?? new URL('https://pypi.org');
        // Another index's audience is never asked of the index itself (`/_/oidc/audience`): the server the
        // token is sent to would choose where else it is valid (it answered sts.amazonaws.com once).
        if (!PYPI_AUDIENCES.has(index.host) && !fields.has('oidc-audience')) {
            fields.report('oidc-audience', 'is required for an index other than pypi.org and test.pypi.org: set it to the audience that index verifies (its operator publishes it)');
        }
        return { index };
    },
    defaultAudience: (config) => PYPI_AUDIENCES.get(config.index.host) ?? 'pypi',
    exclusive: (_config, places) => (0,variable_claims/* variableClaims */.Q)(['TWINE_PASSWORD', 'UV_PUBLISH_TOKEN'], places, 'export one of them as outputs (export: outputs) and pass it to twine or uv yourself'),
    async exchange(config, ctx) {
        const url = new URL('/_/oidc/mint-token', config.index);
        const claims = ctx.idToken.claims;
        const { body, response } = await (0,json_endpoint/* callJson */.X_)({
            http: ctx.http,
            method: 'POST',
            url,
            what: 'PyPI',
            body: { token: ctx.idToken.jwt },
            describe: (raw) => ((0,json/* isObject */.Gv)(raw) && Array.isArray(raw.errors) ? raw.errors.flatMap((e) => ((0,json/* isObject */.Gv)(e) ? [[(0,json/* serverText */.Tn)(e.code, 60), (0,json/* serverText */.Tn)(e.description)].filter(Boolean).join(': ')] : [])).join('; ') : undefined),
            denied: [401, 403, 422],
            deniedHint: `PyPI matches repository=${String(claims.repository)}, repository_owner_id=${String(claims.repository_owner_id)}, ` +
                `job_workflow_ref=${String(claims.job_workflow_ref)}, environment=${typeof claims.environment === 'string' ? claims.environment : '(none)'}; a reusable workflow must be the one registered`,
            idToken: ctx.idToken,
        });
        if (body.success === false)
            throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `PyPI at ${url.origin} answered success: false`);
        const token = (0,credential_value/* credentialValue */.No)(body.token, 'a token', `PyPI at ${url.origin}`);
        ctx.mask(token);
        const expiresAt = typeof body.expires === 'number' ? new Date(body.expires * 1000).toISOString() : undefined;
        return publishCredential(token, url, response.attempts, {
            env: { TWINE_PASSWORD: token, UV_PUBLISH_TOKEN: token },
            publicEnv: { TWINE_USERNAME: '__token__' },
            principal: `trusted publisher on ${config.index.host}`,
            tokenType: 'PyPI API token',
            ...(expiresAt ? { expiresAt } : {}),
        });
    },
};
const rubygems = {
    name: 'rubygems',
    outputs: publishing_OUTPUTS,
    read(fields) {
        const server = fields.url('gem-server') ?? new URL('https://rubygems.org');
        const role = fields.string('role', { pattern: /^[\w-]+$/, expected: 'an API key role token' });
        return { server, ...(role ? { role } : {}) };
    },
    defaultAudience: () => 'rubygems.org',
    exclusive: (_config, places) => (0,variable_claims/* variableClaims */.Q)(['GEM_HOST_API_KEY', 'RUBYGEMS_API_KEY', 'BUNDLE_GEM__PUSH_KEY'], places, 'export one of them as outputs (export: outputs) and pass it to gem push yourself'),
    async exchange(config, ctx) {
        const path = config.role ? `/api/v1/oidc/api_key_roles/${config.role}/assume_role` : '/api/v1/oidc/trusted_publisher/exchange_token';
        const url = new URL(path, config.server);
        const { body, response } = await (0,json_endpoint/* callJson */.X_)({
            http: ctx.http,
            method: 'POST',
            url,
            what: 'RubyGems',
            body: { jwt: ctx.idToken.jwt },
            describe: message,
            denied: [401, 403, 404, 422],
            deniedHint: 'register this repository and workflow as the gem\'s trusted publisher (a reusable workflow must be the one registered)',
            idToken: ctx.idToken,
        });
        const token = (0,credential_value/* credentialValue */.No)(body.rubygems_api_key, 'rubygems_api_key', `RubyGems at ${url.origin}`);
        ctx.mask(token);
        const expiresAt = typeof body.expires_at === 'string' && !Number.isNaN(Date.parse(body.expires_at)) ? new Date(body.expires_at).toISOString() : undefined;
        return publishCredential(token, url, response.attempts, {
            env: { GEM_HOST_API_KEY: token, RUBYGEMS_API_KEY: token, BUNDLE_GEM__PUSH_KEY: token },
            principal: config.role ? `API key role ${config.role}` : `trusted publisher on ${config.server.host}`,
            tokenType: `RubyGems API key (${Array.isArray(body.scopes) ? body.scopes.join(', ') : 'push_rubygem'})`,
            ...(expiresAt ? { expiresAt } : {}),
        });
    },
};

// EXTERNAL MODULE: ./src/providers/quay.ts
var quay = __webpack_require__(1552);
;// CONCATENATED MODULE: ./src/providers/oauth-metadata.ts



/**
 * Where an issuer publishes its metadata: RFC 8414 §3 inserts the well-known segment between host and
 * path; OpenID Connect Discovery appends it to the issuer.
 */
function metadataUrls(issuer) {
    const path = issuer.pathname.replace(/\/$/, '');
    return [
        new URL(`/.well-known/oauth-authorization-server${path}`, issuer),
        new URL(`${path}/.well-known/openid-configuration`, issuer),
    ];
}
/**
 * RFC 8414 discovery with the OpenID fallback; the document must name the same issuer (§3.3). The
 * endpoints it names receive the runner's token and the credential, so they must be on the issuer's own
 * origin, or on one the entry lists in `endpoint-origins`: a metadata document alone never sends a token
 * to another host.
 */
async function discover(http, issuer, otherOrigins = []) {
    const tried = [];
    for (const url of metadataUrls(issuer)) {
        const response = await http.request({ method: 'GET', url, what: 'authorization server metadata', headers: { accept: 'application/json' } });
        if (response.status !== 200) {
            tried.push(`${url.href} → HTTP ${response.status}`);
            continue;
        }
        const doc = (0,json/* jsonBody */.J9)(response, `metadata ${url.href}`);
        if (!(0,json/* isObject */.Gv)(doc) || typeof doc.token_endpoint !== 'string') {
            throw new errors/* KeylessError */.FM('DISCOVERY_FAILED', `metadata at ${url.href} has no token_endpoint`, {
                hint: 'set token-endpoint explicitly',
            });
        }
        const named = typeof doc.issuer === 'string' ? doc.issuer.replace(/\/$/, '') : undefined;
        if (named !== issuer.href.replace(/\/$/, '')) {
            throw new errors/* KeylessError */.FM('DISCOVERY_FAILED', `metadata at ${url.href} names issuer ${JSON.stringify(doc.issuer)}, not ${issuer.href}`, {
                hint: 'set issuer to exactly the value the server publishes (RFC 8414 §3.3 requires them to match)',
            });
        }
        const revocation = typeof doc.revocation_endpoint === 'string' ? doc.revocation_endpoint : undefined;
        const endpoint = (value, name) => {
            const url = (0,http_url/* parseEndpoint */.Bk)(value, `discovered ${name}`);
            if (url.origin !== issuer.origin && !otherOrigins.includes(url.origin)) {
                throw new errors/* KeylessError */.FM('DISCOVERY_FAILED', `metadata for issuer ${issuer.href} names a ${name} on ${url.origin}, not on the issuer's origin`, {
                    hint: `if that host is really the issuer's, list it on the entry: endpoint-origins: [${url.origin}]`,
                });
            }
            return url;
        };
        return {
            tokenEndpoint: endpoint(doc.token_endpoint, 'token_endpoint'),
            ...(revocation ? { revocationEndpoint: endpoint(revocation, 'revocation_endpoint') } : {}),
        };
    }
    throw new errors/* KeylessError */.FM('DISCOVERY_FAILED', `no metadata found for issuer ${issuer.href} (${tried.join('; ')})`, {
        hint: 'check the issuer URL, or set token-endpoint (and revocation-endpoint) explicitly',
    });
}

;// CONCATENATED MODULE: ./src/providers/rfc8693.ts









const GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const rfc8693_JWT_TYPE = 'urn:ietf:params:oauth:token-type:jwt';
const MAX_LIFETIME_S = 366 * 24 * 3600;
/** `expires-at` when the answer has `expires_in`. */
const rfc8693_OUTPUTS = { public: ['issued-token-type', 'expires-at'], secret: ['token'] };
function rfc8693_read(fields, id) {
    const tokenEndpoint = fields.url('token-endpoint');
    const issuer = fields.url('issuer');
    const server = tokenEndpoint && !fields.has('issuer') ? { tokenEndpoint } : issuer && !fields.has('token-endpoint') ? { issuer } : undefined;
    if (fields.has('token-endpoint') === fields.has('issuer')) {
        fields.report(undefined, 'set exactly one of token-endpoint or issuer (issuer uses RFC 8414 discovery)');
    }
    // Every key is read before giving up on the server, so that none is reported as unknown.
    const withDefaults = {
        subjectTokenType: fields.string('subject-token-type', { pattern: /^\S+$/, expected: 'a token type URI' }) ?? rfc8693_JWT_TYPE,
        resources: fields.strings('resource') ?? [],
        endpointOrigins: readOrigins(fields),
        // A refused name is reported; the entry is then dropped, so the fallback here is never exported.
        exportEnv: fields.envName('export-env', defaultEnv(id)) ?? defaultEnv(id),
    };
    const optional = {
        revocationEndpoint: fields.url('revocation-endpoint'),
        requestedTokenType: fields.string('requested-token-type', { pattern: /^\S+$/, expected: 'a token type URI' }),
        audience: fields.string('audience'),
        scope: fields.strings('scope')?.join(' '),
        clientId: fields.string('client-id'),
    };
    if (server === undefined)
        return undefined;
    const config = { server, ...withDefaults };
    for (const [key, value] of Object.entries(optional))
        if (value !== undefined)
            Object.assign(config, { [key]: value });
    return config;
}
/** `endpoint-origins`: each an https (or loopback http) origin, nothing more. */
function readOrigins(fields) {
    const origins = fields.strings('endpoint-origins') ?? [];
    if (origins.length > 0 && !fields.has('issuer'))
        fields.report('endpoint-origins', 'applies only with issuer (discovery)');
    return origins.flatMap((origin) => {
        try {
            const url = new URL(origin);
            const secure = url.protocol === 'https:' || (url.protocol === 'http:' && (0,http_url/* isLoopback */.U9)(url));
            if (secure && url.origin === origin.replace(/\/$/, ''))
                return [url.origin];
        }
        catch {
            // reported below
        }
        fields.report('endpoint-origins', 'each item must be an origin such as https://sts.example.com (https, no path)');
        return [];
    });
}
function defaultEnv(id) {
    return id === 'rfc8693' ? 'KEYLESS_TOKEN' : `${id.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}_TOKEN`;
}
/** The RFC 8693 §2.1 request body. */
function exchangeForm(config, subjectToken) {
    const form = new URLSearchParams({ grant_type: GRANT_TYPE, subject_token: subjectToken, subject_token_type: config.subjectTokenType });
    if (config.requestedTokenType)
        form.set('requested_token_type', config.requestedTokenType);
    if (config.audience)
        form.set('audience', config.audience);
    for (const resource of config.resources)
        form.append('resource', resource);
    if (config.scope)
        form.set('scope', config.scope);
    if (config.clientId)
        form.set('client_id', config.clientId);
    return form;
}
async function rfc8693_exchange(config, ctx) {
    const endpoints = 'issuer' in config.server ? await discover(ctx.http, config.server.issuer, config.endpointOrigins) : config.server;
    const { tokenEndpoint } = endpoints;
    const what = `token endpoint ${tokenEndpoint.origin}${tokenEndpoint.pathname}`;
    const response = await ctx.http.request({
        method: 'POST',
        url: tokenEndpoint,
        what: 'token endpoint',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: exchangeForm(config, ctx.idToken.jwt).toString(),
    });
    if (response.status !== 200)
        throw (0,oauth_error/* oauthError */.YM)(response, what, ctx.idToken);
    const { token, refresh, ...issued } = readIssued((0,json/* jsonBody */.J9)(response, what), what, (secret) => ctx.mask(secret));
    const expiresAt = issued.expiresIn === undefined ? undefined : new Date(ctx.now() + issued.expiresIn * 1000).toISOString();
    const revocation = config.revocationEndpoint ?? endpoints.revocationEndpoint;
    const scope = issued.scope ?? config.scope;
    return {
        env: { [config.exportEnv]: token },
        secretOutputs: { token },
        publicOutputs: { 'issued-token-type': issued.issuedTokenType, ...(expiresAt ? { 'expires-at': expiresAt } : {}) },
        info: {
            principal: config.audience ?? config.resources[0] ?? tokenEndpoint.host,
            ...(scope ? { scope } : {}),
            ...(expiresAt ? { expiresAt } : {}),
            tokenType: issued.issuedTokenType,
            endpoint: `${tokenEndpoint.origin}${tokenEndpoint.pathname}`,
            attempts: response.attempts,
            fingerprint: await (0,fingerprint/* fingerprint */.R)(token),
        },
        ...(revocation
            ? { revoke: { endpoint: revocation.href, token, ...(refresh ? { refresh } : {}), ...(config.clientId ? { clientId: config.clientId } : {}) } }
            : {}),
    };
}
/**
 * RFC 8693 §2.2.1: access_token, issued_token_type and token_type are required; expires_in is seconds
 * when present. Tokens are masked the moment they are found, before anything else reads them.
 */
function readIssued(body, what, mask) {
    const raw = (0,json/* isObject */.Gv)(body) ? body.access_token : undefined;
    if (raw === undefined || raw === '' || !(0,json/* isObject */.Gv)(body)) {
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${what} answered 200 without an access_token (RFC 8693 §2.2.1)`, {
            hint: 'the endpoint is not an RFC 8693 token exchange endpoint, or it is misconfigured',
        });
    }
    const token = (0,credential_value/* credentialValue */.No)(raw, 'access_token', what);
    mask(token);
    const refresh = body.refresh_token === undefined || body.refresh_token === '' ? undefined : (0,credential_value/* credentialValue */.No)(body.refresh_token, 'refresh_token', what);
    if (refresh)
        mask(refresh);
    const issuedTokenType = body.issued_token_type;
    const tokenType = body.token_type;
    const expiresIn = body.expires_in;
    const wrong = [];
    if (typeof issuedTokenType !== 'string' || issuedTokenType === '')
        wrong.push('issued_token_type is missing');
    if (typeof tokenType !== 'string' || tokenType === '')
        wrong.push('token_type is missing');
    // Bounded so that a nonsense lifetime is reported, not turned into an invalid date later.
    if (expiresIn !== undefined && !(typeof expiresIn === 'number' && expiresIn > 0 && expiresIn <= MAX_LIFETIME_S)) {
        wrong.push(`expires_in is not a number of seconds between 1 and ${MAX_LIFETIME_S}`);
    }
    if (wrong.length > 0) {
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `${what} answered with an invalid RFC 8693 response: ${wrong.join(', ')}`, {
            hint: 'the endpoint does not implement RFC 8693 §2.2.1; report it to its operator',
        });
    }
    return {
        token,
        refresh,
        issuedTokenType: issuedTokenType,
        expiresIn: expiresIn === undefined ? undefined : Math.round(expiresIn),
        scope: (0,json/* serverText */.Tn)(body.scope),
    };
}
const rfc8693 = {
    name: 'rfc8693',
    outputs: rfc8693_OUTPUTS,
    read: rfc8693_read,
    // The STS is the relying party of the runner token, so by default the token is addressed to it.
    defaultAudience: ({ server }) => ('issuer' in server ? server.issuer.href.replace(/\/$/, '') : server.tokenEndpoint.origin),
    exchange: rfc8693_exchange,
    revoke: oauth_revoke.revokeOAuthToken,
    exclusive: (config, places) => (0,variable_claims/* variableClaims */.Q)([config.exportEnv], places, 'give each entry its own export-env'),
};

// EXTERNAL MODULE: ./src/providers/vault.ts + 4 modules
var vault = __webpack_require__(2016);
;// CONCATENATED MODULE: ./src/providers/catalog.ts











/** Every provider, by the `provider:` value that selects it. Adding one is a module and a line here. */
const providers = {
    aws: aws,
    azure: azure,
    crates: crates.crates,
    gcp: gcp,
    github: github.github,
    jfrog: jfrog.jfrog,
    npm: npm,
    pypi: pypi,
    quay: quay/* quay */.d,
    registry: containerRegistry,
    rfc8693: rfc8693,
    rubygems: rubygems,
    vault: vault.vault,
};

// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(5459);
;// CONCATENATED MODULE: ./src/config/exec-inputs.ts
/** The settings `keyless exec` mints with, besides the entries: claims, tools and how to reach and write. */
const EXEC_KEYS = ['require-claims', 'tools', 'tool-policy', 'trusted-root', 'tuf-refresh', 'tuf-mirror', 'strict-cleanup', 'files', 'http-timeout'];
/**
 * The `export: exec` entries and the settings they are minted with, as inputs (JSON is YAML), when there
 * are any: what the step hands a later `keyless exec`, which checks them again as it checks any input.
 */
function execInputsOf(credentials, text) {
    const exec = credentials.filter((entry) => entry.exports.has('exec'));
    if (exec.length === 0)
        return {};
    const inputs = { credentials: JSON.stringify(exec.map((entry) => entry.written)) };
    for (const key of EXEC_KEYS) {
        const value = text(key);
        if (value !== undefined)
            inputs[key] = value;
    }
    return { execInputs: inputs };
}

;// CONCATENATED MODULE: ./src/config/inputs.ts
/** Every input action.yml declares; a test keeps the two equal. */
const INPUT_NAMES = [
    'credentials',
    'require-claims',
    'tools',
    'tool-policy',
    'trusted-root',
    'tuf-refresh',
    'tuf-mirror',
    'github-token',
    'pin-policy',
    'pin-allow',
    'pin-scope',
    'pin-verify',
    'secrets-policy',
    'policy-file',
    'strict-cleanup',
    'files',
    'http-timeout',
];
/**
 * Defaults live here, not in action.yml: the runner sets `INPUT_*` for every input with a declared
 * default, so a default there would be indistinguishable from the workflow setting it, and would
 * conflict with the same key in the policy file on every run.
 */
const INPUT_DEFAULTS = {
    'tool-policy': 'enforce',
    'tuf-refresh': 'false',
    'pin-policy': 'warn',
    'pin-scope': 'workflow',
    'pin-verify': 'false',
    'secrets-policy': 'off',
    'strict-cleanup': 'false',
    files: 'temp',
    'http-timeout': '15s',
};
/** The runner passes input `a-b` as `INPUT_A-B`; an empty string means "not given". */
function readInputs(env) {
    const inputs = {};
    for (const name of INPUT_NAMES) {
        const value = env[`INPUT_${name.toUpperCase()}`]?.trim();
        if (value)
            inputs[name] = value;
    }
    return inputs;
}

;// CONCATENATED MODULE: ./src/config/peer-keys.ts
const STORED = { why: 'is a stored secret, which Keyless exists to remove: delete it (the runner OIDC token replaces it)' };
const EXPORT = 'export';
const AUDIENCE = 'oidc-audience';
const AWS = {
    'aws-region': 'region',
    'role-to-assume': 'role',
    'role-duration-seconds': 'duration',
    'role-session-name': 'session-name',
    'role-external-id': 'external-id',
    'role-chaining': { why: 'is written "from: ID" on the entry of the role to assume, naming the aws entry whose session assumes it (an AssumeRole signed with that session)' },
    'transitive-tag-keys': 'transitive-tag-keys',
    'custom-tags': { why: 'is written "session-tags" as a YAML mapping, on an entry with from: (AssumeRoleWithWebIdentity takes no tags but the token\'s)' },
    'role-skip-session-tagging': { why: 'is not needed: Keyless adds no session tags of its own (the peer tags every AssumeRole, which needs sts:TagSession); an entry sends only the session-tags it lists' },
    'inline-session-policy': 'session-policy',
    'managed-session-policies': 'managed-session-policies',
    audience: AUDIENCE,
    'aws-profile': 'profile',
    'overwrite-aws-profile': { why: 'is not needed: Keyless writes fresh files under RUNNER_TEMP, never ~/.aws, so there is nothing to overwrite; two entries naming one profile are refused' },
    'output-credentials': EXPORT,
    'output-env-credentials': EXPORT,
    'unset-current-credentials': {
        why: 'is automatic: keys in the environment are replaced by an entry that exports keys, and blanked where they would take precedence over what an entry hands out (default-profile: true, mode: web-identity)',
    },
    'mask-aws-account-id': 'mask-account-id',
    'allowed-account-ids': 'allowed-account-ids',
    'sts-endpoint': 'sts-endpoint',
    'http-proxy': { why: 'is not needed: Keyless honours HTTPS_PROXY, HTTP_PROXY and NO_PROXY from the environment' },
    'no-proxy': { why: 'is not needed: Keyless honours NO_PROXY from the environment' },
    'disable-retry': { why: 'is not needed: Keyless retries only what a retry can fix (Throttling, HTTP 408, 429, 5xx, network errors; at most 4 attempts) and fails at once on a refusal' },
    'retry-max-attempts': { why: 'is not needed: Keyless retries only what a retry can fix (Throttling, HTTP 408, 429, 5xx, network errors; at most 4 attempts) and fails at once on a refusal' },
    'special-characters-workaround': {
        why: 'is not needed: Keyless hands each key over byte for byte, and minting sessions until a secret has no / or + only hides a later tool that alters it (Git Bash turns a value starting with / into a Windows path); with profile: the keys stay in a file',
    },
    'use-existing-credentials': { why: 'is not supported: Keyless always mints fresh credentials from the runner token; skip the step with if: to keep earlier ones' },
    'force-skip-oidc': { why: 'is not supported: Keyless signs in with the runner OIDC token only; on a runner with an instance role, skip this step' },
    'action-timeout-s': { why: 'is not needed: every request has a timeout (the http-timeout input) and retries are bounded' },
    'aws-access-key-id': STORED,
    'aws-secret-access-key': STORED,
    'aws-session-token': STORED,
    'web-identity-token-file': { why: 'is not needed: Keyless requests the runner token itself (mode: web-identity writes one for the SDKs)' },
};
const GCP = {
    workload_identity_provider: 'workload-identity-provider',
    service_account: 'service-account',
    audience: AUDIENCE,
    project_id: 'project-id',
    access_token_lifetime: 'duration',
    access_token_scopes: 'scopes',
    access_token_subject: 'access-token-subject',
    id_token_audience: 'id-token-audience',
    id_token_include_email: { why: 'is not needed: Keyless always asks for the email and email_verified claims (includeEmail: true), which the receiving service checks' },
    delegates: 'delegates',
    universe: 'universe',
    request_reason: 'request-reason',
    create_credentials_file: 'credentials-file',
    export_environment_variables: EXPORT,
    token_format: { why: 'is implied: Keyless always mints an access token (CLOUDSDK_AUTH_ACCESS_TOKEN, output <id>-access-token), and an ID token too with id-token-audience' },
    credentials_json: STORED,
    cleanup_credentials: { why: 'is not needed: the post step always deletes what Keyless wrote' },
};
const AZURE = {
    creds: { why: 'holds a client secret, which Keyless exists to remove: delete it and use client-id, tenant-id and subscription-id (the runner OIDC token replaces the secret; its resourceManagerEndpointUrl is resource-manager-endpoint)' },
    audience: AUDIENCE,
    'auth-type': {
        why: 'is implied: Keyless signs in as the app with the runner OIDC token (SERVICE_PRINCIPAL). IDENTITY, the managed identity of the VM a self-hosted runner runs on, is out of scope: it belongs to the machine and every job on it, not to this job; run az login --identity in a step of its own',
    },
};
const VAULT = {
    method: { why: 'is implied: Keyless signs in with the JWT method and the runner OIDC token (every other method needs a stored secret)' },
    jwtGithubAudience: AUDIENCE,
    exportEnv: { why: 'is written with export: env (the default); exportEnv: false is export: outputs' },
    exportToken: 'export-token',
    outputToken: { why: 'is written export-token: true with export: outputs (the output <id>-token)' },
    secretEncodingType: 'secret-encoding-type',
    ignoreNotFound: 'ignore-not-found',
    extraHeaders: 'extra-headers',
    caCertificate: 'ca-certificate',
    clientCertificate: 'client-certificate',
    clientKey: 'client-key',
    tlsSkipVerify: { why: 'is not supported: Keyless always verifies the Vault\'s certificate; give its CA in ca-certificate' },
    pki: { why: 'is not supported: issuing a certificate is a write; set export-token: true and run vault write pki/issue/ROLE in a later step' },
    token: STORED,
    roleId: STORED,
    secretId: STORED,
    githubToken: STORED,
    username: STORED,
    password: STORED,
    authPayload: { why: 'is not needed: Keyless always sends {jwt, role} to the JWT method' },
    kubernetesTokenPath: { why: 'is not needed: on any runner, Kubernetes-hosted ones included, the runner OIDC token signs in with the JWT method' },
    jwtPrivateKey: STORED,
    jwtKeyPassword: STORED,
    jwtTtl: { why: 'is not needed: the runner OIDC token is GitHub\'s to sign; its lifetime is GitHub\'s too' },
};
const REGISTRY = {
    registry: 'host',
    username: { why: 'is not needed: the login name comes with the credential' },
    password: { why: 'is a stored secret: name the entry that mints the credential in from: instead' },
    ecr: { why: 'is written "kind: ecr", with from: naming an aws entry' },
    scope: { why: 'is not needed: it scopes a Docker Hub token, and the registries Keyless logs in to (gar, acr, ecr, ghcr) scope the credential by the upstream entry\'s role' },
    logout: { why: 'is not needed: the post step always deletes the docker config Keyless wrote' },
    'registry-auth': { why: 'is written as one registry entry per registry kind, each with its host list' },
};
/** docker/login-action's inputs for a Quay login, which a quay entry replaces with robot federation. */
const QUAY = {
    registry: { why: 'is written url: https://HOST, and only for a Quay other than quay.io (the default)' },
    username: 'robot',
    password: { why: 'is the robot\'s stored password: delete it, robot federation takes the runner OIDC token instead' },
    logout: { why: 'is not needed: the post step always deletes the docker config Keyless wrote' },
};
const UPLOAD = { why: 'is an option of the upload, not of the credential: keep the upload step (twine upload, uv publish) and give it there' };
const PYPI = {
    user: { why: 'is not needed: Keyless exports TWINE_USERNAME=__token__' },
    password: STORED,
    'repository-url': { why: 'is two things: index (where Keyless mints the token, https://test.pypi.org for TestPyPI) and the upload URL of the upload step (twine upload --repository-url, uv publish --publish-url)' },
    repository_url: { why: 'is two things: index (where Keyless mints the token, https://test.pypi.org for TestPyPI) and the upload URL of the upload step (twine upload --repository-url, uv publish --publish-url)' },
    'packages-dir': UPLOAD,
    packages_dir: UPLOAD,
    'verify-metadata': UPLOAD,
    verify_metadata: UPLOAD,
    'skip-existing': UPLOAD,
    skip_existing: UPLOAD,
    verbose: UPLOAD,
    'print-hash': UPLOAD,
    print_hash: UPLOAD,
    attestations: { why: 'is the upload step\'s job: PEP 740 attestations are signed over the files uploaded, so keep pypa/gh-action-pypi-publish for the upload (it mints its own token) or sign them before twine upload --attestations' },
};
const CRATES = {
    url: 'registry',
};
const RUBYGEMS = {
    audience: AUDIENCE,
    'role-to-assume': 'role',
    'api-token': STORED,
    'trusted-publisher': { why: 'is implied: without role, Keyless uses trusted publishing' },
};
const GITHUB = {
    domain: { why: 'is written "sts-url: https://DOMAIN": a URL, the audience being its host' },
};
/** What jfrog/setup-jfrog-cli does besides the sign-in: installing and configuring the JFrog CLI, which it still does after Keyless. */
const JFROG_CLI = { why: 'configures the JFrog CLI, which Keyless does not install: keep jfrog/setup-jfrog-cli for it, without oidc-provider-name, in a step after Keyless (it reads JF_URL and JF_ACCESS_TOKEN)' };
const JFROG = {
    'oidc-provider-name': 'provider-name',
    version: JFROG_CLI,
    'download-repository': JFROG_CLI,
    'disable-job-summary': JFROG_CLI,
    'disable-auto-build-publish': JFROG_CLI,
    'disable-auto-evidence-collection': JFROG_CLI,
    'custom-server-id': JFROG_CLI,
    'ghe-base-url': JFROG_CLI,
    ghe_base_url: JFROG_CLI,
    'enable-package-alias': JFROG_CLI,
    'package-alias-tools': JFROG_CLI,
};
/** Each provider's peer action and its inputs; a unit test checks every Keyless key named here exists. */
const PEERS = {
    aws: { action: 'aws-actions/configure-aws-credentials', keys: AWS },
    gcp: { action: 'google-github-actions/auth', keys: GCP },
    azure: { action: 'azure/login', keys: AZURE },
    vault: { action: 'hashicorp/vault-action', keys: VAULT },
    registry: { action: 'docker/login-action', keys: REGISTRY },
    pypi: { action: 'pypa/gh-action-pypi-publish', keys: PYPI },
    crates: { action: 'rust-lang/crates-io-auth-action', keys: CRATES },
    rubygems: { action: 'rubygems/configure-rubygems-credentials', keys: RUBYGEMS },
    github: { action: 'octo-sts/action', keys: GITHUB },
    jfrog: { action: 'jfrog/setup-jfrog-cli', keys: JFROG },
    quay: { action: 'docker/login-action', keys: QUAY },
};
/** What to tell a user who wrote a peer action's input `key` in a `provider` entry, if it is one. */
function peerKeyHint(provider, key) {
    const peer = PEERS[provider];
    if (peer === undefined || !Object.hasOwn(peer.keys, key))
        return undefined;
    const hint = peer.keys[key];
    if (hint === undefined)
        return undefined;
    return typeof hint === 'string' ? `is ${peer.action}'s input; Keyless calls it "${hint}"` : `(${peer.action}'s input) ${hint.why}`;
}

// EXTERNAL MODULE: ./src/config/problems.ts
var config_problems = __webpack_require__(4968);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/config/yaml.ts


/**
 * Parses one YAML document, keeping positions so validation can name the line of a bad value.
 * `lineOffset`: lines before the text in the file the user edits (a block scalar inside the policy file).
 */
function loadYaml(text, source, lineOffset = 0) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    const first = doc.errors[0];
    if (first !== undefined) {
        const line = lineCounter.linePos(first.pos[0]).line + lineOffset;
        // The parser's code, not its message: messages quote the offending text, which may be a secret.
        const reason = first.code.toLowerCase().replace(/_/g, ' ');
        throw new errors/* KeylessError */.FM('INPUT_INVALID', `${source} (line ${line}): malformed YAML (${reason})`, {
            hint: 'check indentation and quoting; a value with ": " or "#" needs quotes',
        });
    }
    let value;
    try {
        value = doc.toJS({ maxAliasCount: 100 });
    }
    catch (error) {
        // Unresolved aliases and alias bombs surface only when the document is turned into values.
        throw new errors/* KeylessError */.FM('INPUT_INVALID', `${source}: malformed YAML: an alias is undefined or expands too far`, {
            hint: 'define every *alias with an &anchor before it, and avoid deeply nested aliases',
            cause: error,
        });
    }
    const lineAt = (offset) => lineCounter.linePos(offset).line + lineOffset;
    return {
        value,
        source,
        lineOf(path) {
            const node = doc.getIn(path, true);
            const offset = (0,dist/* isNode */.Ll)(node) ? node.range?.[0] : undefined;
            return offset === undefined ? undefined : lineAt(offset);
        },
        keyLineOf(path) {
            const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
            const pair = (0,dist/* isMap */.jh)(parent) ? parent.items.find((item) => (0,dist/* isScalar */.jn)(item.key) && item.key.value === path.at(-1)) : undefined;
            const offset = (0,dist/* isNode */.Ll)(pair?.key) ? pair.key.range?.[0] : undefined;
            return offset === undefined ? undefined : lineAt(offset);
        },
        textOffsetOf(path) {
            const node = doc.getIn(path, true);
            if (!(0,dist/* isScalar */.jn)(node) || !node.range)
                return undefined;
            // A block scalar's text starts on the line after its `|` or `>` header.
            const block = node.type === dist/* Scalar */.X5.BLOCK_LITERAL || node.type === dist/* Scalar */.X5.BLOCK_FOLDED;
            return lineAt(node.range[0]) - (block ? 0 : 1);
        },
    };
}
/** The part of a document under one key, its lines still those of the whole document. */
function yamlAt(yaml, key) {
    const value = yaml.value[key];
    return {
        value,
        source: `${yaml.source}: ${key}`,
        lineOf: (path) => yaml.lineOf([key, ...path]),
        keyLineOf: (path) => yaml.keyLineOf([key, ...path]),
        textOffsetOf: (path) => yaml.textOffsetOf([key, ...path]),
    };
}

;// CONCATENATED MODULE: ./src/config/policy-file.ts








const DEFAULT_POLICY_FILE = '.github/keyless.yml';
/** A policy file may hold every input but itself and the token (a secret never belongs in a file). */
const POLICY_KEYS = INPUT_NAMES.filter((name) => name !== 'policy-file' && name !== 'github-token');
/** The policy file holds the same keys as the inputs, each kept with its place in the file. */
function readPolicyFile(input, workspace) {
    const full = (0,external_node_path_.resolve)(workspace, input ?? DEFAULT_POLICY_FILE);
    if (!(0,external_node_fs_.existsSync)(full)) {
        if (input === undefined)
            return undefined;
        throw new errors/* KeylessError */.FM('INPUT_INVALID', 'policy-file does not exist in the workspace', {
            hint: 'check out the repository first (actions/checkout) or fix the path (relative to GITHUB_WORKSPACE)',
        });
    }
    const real = insideWorkspace(full, workspace);
    const path = (0,os_paths/* repoPath */.qN)((0,external_node_fs_.realpathSync)(workspace), real);
    // The path is the user's, and named in every message about the file: shown only when plainly a path.
    const shown = /^[\w./-]{1,200}$/.test(path) ? path : 'policy-file';
    const yaml = loadYaml((0,external_node_fs_.readFileSync)(real, 'utf8'), shown);
    if (typeof yaml.value !== 'object' || yaml.value === null || Array.isArray(yaml.value)) {
        throw new errors/* KeylessError */.FM('INPUT_INVALID', `${shown} must be a YAML mapping of ${POLICY_KEYS.join(', ')}`);
    }
    const values = {};
    const problems = new config_problems/* Problems */.Z();
    let listed = false;
    for (const [key, value] of Object.entries(yaml.value)) {
        if (!POLICY_KEYS.includes(key)) {
            const guess = (0,config_problems/* closest */.k)(key, POLICY_KEYS);
            const where = (0,config_fields/* looksLikeKey */.zC)(key) ? `${shown}: ${key}` : `${shown}: a key that is no key name`;
            problems.add(where, `unknown key${guess ? ` (did you mean "${guess}"?)` : ''}${listed ? '' : `; known keys: ${POLICY_KEYS.join(', ')}`}`, yaml.keyLineOf([key]));
            listed = true;
        }
        else {
            values[key] = policyValue(yaml, key, value);
        }
    }
    problems.throwIfAny();
    return { path: shown, values };
}
function policyValue(file, key, value) {
    const line = file.keyLineOf([key]);
    if (typeof value !== 'string')
        return { text: JSON.stringify(value), line, yaml: () => yamlAt(file, key) };
    // `credentials: |` holds YAML as text, as the input does: parsed with its lines counted from the file's.
    return { text: value, line, yaml: () => loadYaml(value, `${file.source}: ${key}`, file.textOffsetOf([key]) ?? 0) };
}
/**
 * The policy file's real path, symlinks followed, when it is a file inside the real workspace: the
 * repository's reviewed policy, never a file an earlier step left elsewhere on the runner (`../../…`).
 */
function insideWorkspace(full, workspace) {
    const real = (0,external_node_fs_.realpathSync)(full);
    const rel = (0,os_paths/* inside */.nx)((0,external_node_fs_.realpathSync)(workspace), real);
    if (rel === undefined || rel === '' || !(0,external_node_fs_.statSync)(real).isFile()) {
        throw new errors/* KeylessError */.FM('INPUT_INVALID', 'policy-file is not a file inside the workspace (GITHUB_WORKSPACE), once symlinks are followed', {
            hint: 'keep the policy file in the repository and give its path relative to the workspace; a symlink may not point outside it',
        });
    }
    if ((0,external_node_fs_.statSync)(real).size > 1 << 20)
        throw new errors/* KeylessError */.FM('INPUT_INVALID', 'policy-file is larger than 1 MiB', { hint: 'a policy file holds a few keys' });
    return real;
}

;// CONCATENATED MODULE: ./src/config/references.ts

/**
 * `from:` must name another entry of a kind the provider builds on, without a cycle: checked here, so a
 * wrong reference fails before any token is requested.
 */
function checkReferences(entries, kinds, yaml, problems) {
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    for (const entry of entries) {
        if (!entry.provider.derived || entry.from === undefined)
            continue;
        const at = `credentials[${entry.index}].from`;
        const line = yaml.lineOf([entry.index, 'from']);
        const { providers: allowed } = entry.provider.upstream(entry.config);
        const kind = kinds.get(entry.from);
        if (kind === undefined) {
            const guess = (0,config_problems/* closest */.k)(entry.from, [...kinds.keys()].filter((id) => id !== entry.id));
            problems.add(at, `is not the id of any entry${guess ? ` (did you mean "${guess}"?)` : ''}; ids: ${[...kinds.keys()].join(', ')}`, line);
            continue;
        }
        const cycle = cycleFrom(entry, byId);
        const upstream = byId.get(entry.from);
        if (cycle)
            problems.add(at, `forms a cycle: ${cycle.join(' → ')}; an entry cannot build on itself`, line);
        else if (!allowed.includes(kind))
            problems.add(at, `"${entry.from}" is ${article(kind)} ${kind} entry; this ${entry.provider.name} entry builds on ${allowed.join(' or ')}`, line);
        // Both are minted at the step, or both by `keyless exec`: the step's copy for exec holds only exec entries.
        else if (upstream !== undefined && upstream.exports.has('exec') !== entry.exports.has('exec'))
            problems.add(at, `"${entry.from}" is minted ${upstream.exports.has('exec') ? 'only by keyless exec (export: exec), this entry at the step' : 'at the step, this entry only by keyless exec'}; give both export: exec, or neither`, line);
    }
}
function article(word) {
    return /^[aeiou]/.test(word) ? 'an' : 'a';
}
function cycleFrom(start, byId) {
    const path = [start.id];
    for (let at = byId.get(start.from ?? ''); at !== undefined; at = byId.get(at.from ?? '')) {
        path.push(at.id);
        if (at.id === start.id)
            return path;
        if (path.length > byId.size + 1)
            return undefined;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/config/subject-token.ts
var subject_token = __webpack_require__(70);
;// CONCATENATED MODULE: ./src/config/config.ts















const EXPORT_TARGETS = ['env', 'outputs', 'file', 'exec'];
const ID = /^[a-z][a-z0-9-]{0,39}$/;
/**
 * Inputs (and the policy file) to one frozen, checked Config. Every problem is reported at once,
 * before any network call.
 */
function loadConfig(inputs, workspace, { policyFile = true } = {}) {
    const problems = new config_problems/* Problems */.Z();
    // `keyless exec --credentials` and the step's checked copy name every setting themselves.
    const policy = policyFile ? readPolicyFile(inputs['policy-file'], workspace) : undefined;
    const settings = mergeSettings(inputs, policy, problems);
    const credentials = settings.credentials ? readCredentials(settings.credentials.yaml(), settings.credentials.problems, workspace) : [];
    const tools = settings.tools ? readTools(settings.tools.yaml(), settings.tools.problems) : [];
    if (!settings.credentials && !settings.tools)
        problems.add('credentials', 'is required (or tools): a YAML list of entries, each with a provider');
    const toolPolicy = readChoice(settings, 'tool-policy', ['enforce', 'warn']);
    const claimRules = settings['require-claims'] ? readClaimRules(settings['require-claims'].yaml(), 'require-claims', settings['require-claims'].problems) : [];
    const strictCleanup = readBoolean(settings, 'strict-cleanup');
    const files = readChoice(settings, 'files', ['temp', 'workspace']);
    const timeout = readTimeout(settings);
    const tufRefresh = readBoolean(settings, 'tuf-refresh');
    const pinPolicy = readChoice(settings, 'pin-policy', ['off', 'warn', 'enforce']);
    const pinAllow = readPinAllow(settings['pin-allow']);
    const pinVerify = readBoolean(settings, 'pin-verify');
    const pinScope = readChoice(settings, 'pin-scope', ['workflow', 'repository']);
    const secretsPolicy = readChoice(settings, 'secrets-policy', ['off', 'warn', 'enforce']);
    // Everything is read before this line, so every problem is reported in one go.
    problems.throwIfAny();
    return Object.freeze({
        credentials,
        tools,
        toolPolicy,
        ...(settings['trusted-root'] ? { trustedRoot: settings['trusted-root'].text } : {}),
        tufRefresh,
        pinPolicy,
        pinAllow,
        pinScope,
        pinVerify,
        secretsPolicy,
        ...(settings['tuf-mirror'] ? { tufMirror: settings['tuf-mirror'].text } : {}),
        ...(inputs['github-token'] ? { githubToken: inputs['github-token'] } : {}),
        claimRules,
        strictCleanup,
        files,
        httpTimeoutMs: timeout * 1000,
        ...(policy ? { policyFile: { path: policy.path, keys: Object.keys(policy.values) } } : {}),
        ...execInputsOf(credentials, (key) => settings[key]?.text),
    });
}
function readCredentials(yaml, problems, workspace) {
    if (!Array.isArray(yaml.value) || yaml.value.length === 0) {
        problems.add('credentials', `must be a non-empty YAML list of entries, not ${(0,config_fields/* describe */.q0)(yaml.value)}`);
        return [];
    }
    const entries = [];
    const ids = new Map();
    const kinds = new Map();
    const claims = new Map();
    yaml.value.forEach((item, index) => {
        const at = `credentials[${index}]`;
        if (typeof item !== 'object' || item === null || Array.isArray(item)) {
            problems.add(at, `must be a mapping with a provider key, not ${(0,config_fields/* describe */.q0)(item)}`, yaml.lineOf([index]));
            return;
        }
        const fields = new config_fields/* FieldReader */.U3(item, at, [index], yaml, problems);
        const name = fields.string('provider', { required: true, expected: `one of ${Object.keys(providers).join(', ')}` });
        const id = fields.string('id', { pattern: ID, expected: 'a lower-case name of letters, digits and -' }) ?? name ?? '';
        const audience = fields.string('oidc-audience');
        const exports = readExports(fields);
        if (name === undefined)
            return;
        const named = providers[name];
        if (named === undefined) {
            const guess = (0,config_problems/* closest */.k)(name, Object.keys(providers));
            fields.report('provider', `is not a known provider${guess ? ` (did you mean "${guess}"?)` : ''}; known: ${Object.keys(providers).join(', ')}`);
            return;
        }
        // `provider: aws` with `from:` is a role assumed with another aws entry's keys, not with the runner token.
        const provider = !named.derived && named.chained && fields.has('from') ? named.chained : named;
        const subjectToken = readTokenSource(provider, name, audience, fields, workspace);
        const before = problems.items.length;
        const config = provider.read(fields, id);
        fields.finish((key) => peerKeyHint(name, key));
        const valid = problems.items.length === before;
        const previous = ids.get(id);
        if (previous !== undefined) {
            fields.report('id', `"${id}" is also the id of credentials[${previous}]; give each entry its own id`);
        }
        ids.set(id, index);
        kinds.set(id, name);
        if (config === undefined || !valid)
            return;
        checkExclusive(provider, config, exports, claims, index, fields);
        const written = item; // kept for the copy `keyless exec` reads back
        if (provider.derived) {
            entries.push({ index, id, provider, config, from: provider.upstream(config).id, exports, written });
        }
        else {
            if (subjectToken === undefined)
                return;
            entries.push({ index, id, provider, config, oidcAudience: audience ?? provider.defaultAudience(config), subjectToken, exports, written });
        }
    });
    checkReferences(entries, kinds, yaml, problems);
    return entries;
}
/** Where the entry's subject token comes from; an entry built on another takes none, so its token keys are errors. */
function readTokenSource(provider, name, audience, fields, workspace) {
    if (!provider.derived)
        return (0,subject_token/* readSubjectToken */.kB)(fields, workspace);
    const noToken = `${article(name)} ${name} entry with from: takes no OIDC token: it builds on the entry named there`;
    if (audience !== undefined)
        fields.report('oidc-audience', noToken);
    (0,subject_token/* refuseSubjectToken */.GI)(fields, noToken);
    return undefined;
}
/** What an entry takes that an earlier one already took (`claims`: by key, the index of the entry that took it). */
function checkExclusive(provider, config, exports, claims, index, fields) {
    for (const claim of provider.exclusive?.(config, variablePlaces(exports)) ?? []) {
        const other = claims.get(claim.key);
        if (other === undefined)
            claims.set(claim.key, index);
        else
            fields.report(claim.field, claim.message(`credentials[${other}]`));
    }
}
/** Where an entry's values go as variables: `exec` and `outputs` entries reach COMMAND's environment as env. */
function variablePlaces(exports, forCommand = false) {
    const places = new Set();
    if (exports.has('file'))
        places.add('file');
    if (exports.has('env') || (forCommand && (exports.has('exec') || exports.has('outputs'))))
        places.add('env');
    return places;
}
function readExports(fields) {
    const list = fields.strings('export') ?? ['env'];
    // `none`: an entry only another builds on (a cloud token used just for a registry login).
    if (list.length === 1 && list[0] === 'none')
        return new Set();
    // `exec` hands the credential to one command, never to the job: mixing it with a job-wide target would undo that.
    if (list.includes('exec') && list.length > 1)
        fields.report('export', 'has exec with other targets; exec stands alone (the entry is minted only by keyless exec, for its command)');
    const bad = list.filter((item) => !EXPORT_TARGETS.includes(item));
    if (bad.length > 0)
        fields.report('export', `has ${bad.length === 1 ? 'an item' : 'items'} not one of ${EXPORT_TARGETS.join(', ')} (or none, alone)`);
    return new Set(list.filter((item) => EXPORT_TARGETS.includes(item)));
}
/**
 * Each key from the input or the policy file, never both: two sources for one setting is an error.
 * action.yml declares no defaults for these keys (the runner would set every one as an input), so an
 * input here is one the workflow gave.
 */
function mergeSettings(inputs, policy, problems) {
    const settings = {};
    const inFile = problems.in(policy?.path);
    for (const key of POLICY_KEYS) {
        const fromInput = inputs[key];
        const fromPolicy = policy?.values[key];
        if (fromInput !== undefined && fromPolicy !== undefined) {
            problems.add(key, `is set both as an input (the step's with:) and in ${policy?.path ?? ''}${fromPolicy.line === undefined ? '' : ` (line ${fromPolicy.line})`}; keep one`);
        }
        if (fromInput !== undefined)
            settings[key] = { text: fromInput, yaml: () => loadYaml(fromInput, `input ${key}`), problems };
        else if (fromPolicy !== undefined)
            settings[key] = { text: fromPolicy.text, yaml: () => fromPolicy.yaml(), problems: inFile, line: fromPolicy.line };
        else if (INPUT_DEFAULTS[key] !== undefined)
            settings[key] = { text: INPUT_DEFAULTS[key], yaml: () => loadYaml(INPUT_DEFAULTS[key] ?? '', key), problems };
    }
    return settings;
}
function readTimeout(settings) {
    const setting = settings['http-timeout'];
    const seconds = (0,duration/* parseDuration */.E)(setting?.text ?? '');
    if (seconds !== undefined && seconds >= 1 && seconds <= 300)
        return seconds;
    setting?.problems.add('http-timeout', 'is not a duration between 1s and 5m (e.g. 15s)', setting.line);
    return 15;
}
/** One of `values`; the first stands in for a wrong one so reading goes on and every problem is reported. */
function readChoice(settings, key, values) {
    const setting = settings[key];
    const text = setting?.text ?? INPUT_DEFAULTS[key];
    if (values.includes(text ?? ''))
        return text;
    setting?.problems.add(key, `is not one of ${values.join(', ')}`, setting.line);
    return values[0];
}
/** `pin-allow`: a YAML list of `PATTERN` / `PATTERN=POLICY`, or a mapping PATTERN: POLICY. */
function readPinAllow(setting) {
    if (setting === undefined)
        return [];
    const { value } = setting.yaml();
    const rules = Array.isArray(value) ? value.map(String) : value && typeof value === 'object' ? Object.entries(value).map(([p, v]) => `${p}=${String(v)}`) : [String(value)];
    rules.forEach((rule, i) => {
        try {
            (0,policy/* parseRule */.iT)(rule);
        }
        catch (error) {
            // parseRule quotes the rule; only its advice is passed on.
            const hint = error instanceof errors/* KeylessError */.FM ? error.hint : undefined;
            setting.problems.add('pin-allow', `rule ${i + 1} is not PATTERN or PATTERN=any|ref-pin|hash-pin${hint ? ` (${hint})` : ''}`, setting.line);
        }
    });
    return rules;
}
function readBoolean(settings, key) {
    const setting = settings[key];
    if (setting === undefined || /^(false|False|FALSE)$/.test(setting.text))
        return false;
    if (/^(true|True|TRUE)$/.test(setting.text))
        return true;
    setting.problems.add(key, 'is not true or false', setting.line);
    return false;
}

// EXTERNAL MODULE: ./src/oidc/subject-token.ts + 1 modules
var oidc_subject_token = __webpack_require__(2438);
;// CONCATENATED MODULE: ./src/exchange.ts




/**
 * Fetches one subject token per distinct source and audience (concurrently), checks require-claims on each
 * before any exchange, then runs the exchanges of `mint` (every entry unless told; `export: exec` entries
 * are only checked at the step) concurrently; an entry built on another (`from:`) waits for
 * that one only. Each credential is masked on arrival and its revocation recorded at once, so a later
 * failure or crash still gets it revoked.
 */
async function mintAll(entries, rules, deps, mint = entries) {
    const audienceOf = new Map(entries.flatMap((entry) => (entry.oidcAudience === undefined ? [] : [[entry.id, entry.oidcAudience]])));
    // One token per distinct (source, audience): entries that agree on both share a request (or a read).
    const wanted = new Map();
    const keyOf = new Map();
    for (const entry of entries) {
        if (entry.oidcAudience === undefined)
            continue;
        const source = entry.subjectToken ?? oidc_subject_token/* RUNNER_SOURCE */.jt;
        const key = (0,oidc_subject_token/* sourceKey */.Zt)(source, entry.oidcAudience);
        wanted.set(key, { source, audience: entry.oidcAudience });
        keyOf.set(entry.id, key);
    }
    const fetched = await Promise.all([...wanted].map(async ([key, { source, audience }]) => [key, await (0,oidc_subject_token/* fetchSubjectToken */.GR)(source, audience, deps)]));
    const tokens = new Map(fetched);
    for (const [key, token] of tokens) {
        const { source, audience } = wanted.get(key);
        const { iss, sub, job_workflow_ref: workflow } = token.claims;
        if (source.kind === 'runner')
            deps.runner.info(`Runner OIDC token for audience "${audience}" from ${String(iss)}: sub=${String(sub)}, job_workflow_ref=${String(workflow)}`);
        else
            deps.runner.info(`Subject token from ${(0,oidc_subject_token/* describeSource */.B6)(source)} for audience "${audience}" from ${String(iss)}: sub=${String(sub)}`);
        checkClaims(rules, token.claims, source.kind === 'runner' ? undefined : (0,oidc_subject_token/* describeSource */.B6)(source));
    }
    const running = new Map();
    const start = (entry) => {
        let minting = running.get(entry.id);
        if (minting === undefined) {
            minting = mintOne(entry, tokens.get(keyOf.get(entry.id) ?? ''), (id) => start(entries.find((e) => e.id === id)), deps);
            running.set(entry.id, minting);
        }
        return minting;
    };
    const settled = await Promise.allSettled(mint.map(start));
    const outcome = { minted: [], failed: [], tokens, audiences: audienceOf };
    settled.forEach((result, i) => {
        const entry = mint[i];
        if (result.status === 'fulfilled')
            outcome.minted.push(result.value);
        else if (result.reason instanceof errors/* KeylessError */.FM)
            outcome.failed.push({ entry, error: result.reason });
        else
            throw result.reason;
    });
    return outcome;
}
/**
 * Node's own refusals of a server's values (a date past the year 275760, a URL or header value that
 * does not parse) reach here when a provider used such a value: they are bad answers, not Keyless bugs.
 */
function asKeylessError(error) {
    if (error instanceof errors/* KeylessError */.FM)
        return error;
    const code = error?.code;
    if (error instanceof RangeError || code === 'ERR_INVALID_URL' || code === 'ERR_INVALID_CHAR' || code === 'ERR_HTTP_INVALID_HEADER_VALUE') {
        return new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `the service answered with a value that cannot be used (${error instanceof Error ? error.message : String(error)})`, {
            hint: 'the service is misbehaving or is not what the entry says it is; report it to its operator',
            cause: error,
        });
    }
    return error;
}
/**
 * The credential with every non-secret text it shows (principal, scope, token type, public outputs and
 * variables) made displayable, and redacted: a server may echo the secret it just issued into a "public"
 * field (`issued_token_type`), which is written to GITHUB_OUTPUT, where no mask applies.
 */
function displayable(credential, redact) {
    const show = (text) => (0,inert/* displayText */.WV)(redact(text));
    const clean = (values) => Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, show(v)]));
    const { principal, scope, tokenType } = credential.info;
    return {
        ...credential,
        publicEnv: clean(credential.publicEnv),
        publicOutputs: clean(credential.publicOutputs),
        info: { ...credential.info, principal: show(principal), ...(scope === undefined ? {} : { scope: show(scope) }), ...(tokenType === undefined ? {} : { tokenType: show(tokenType) }) },
    };
}
/** Beyond any credential Keyless hands out (the same year and a day as jfrog's and rfc8693's own caps). */
const MAX_LIFETIME_MS = 366 * 24 * 3600 * 1000;
/** The form the post step reads back (src/runner/state.ts): a 4-digit year, so no date past 9999. */
const exchange_ISO = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;
/**
 * What is wrong with an issuer's expiry, if anything. It is printed, set as expires-at, recorded in the audit
 * and saved with the revocation, which the post step would drop as unreadable (and not revoke) past 9999.
 */
function expiryProblem(expiresAt, now) {
    if (expiresAt === undefined)
        return undefined;
    const at = Date.parse(expiresAt);
    if (!exchange_ISO.test(expiresAt) || Number.isNaN(at))
        return `an expiry that cannot be read (${expiresAt})`;
    if (at <= now)
        return `a credential that had expired at ${expiresAt}, before it was handed out`;
    if (at > now + MAX_LIFETIME_MS)
        return `an expiry more than a year away (${expiresAt})`;
    return undefined;
}
async function mintOne(entry, idToken, upstreamOf, deps) {
    const subject = `${entry.provider.name} "${entry.id}"`;
    const base = { http: deps.http, mask: (secret) => { deps.runner.mask(secret); }, subject, env: deps.runner.env, now: deps.now };
    let credential;
    let chain;
    try {
        if (entry.provider.derived) {
            const upstream = await upstreamOf(entry.from ?? '').catch(() => {
                throw new errors/* KeylessError */.FM('EXCHANGE_FAILED', `not attempted: it builds on "${entry.from ?? ''}", which failed`, { hint: 'fix the error reported for that entry' });
            });
            const handoff = upstream.credential.handoff;
            if (handoff === undefined)
                throw new errors/* KeylessError */.FM('INPUT_INVALID', `"${entry.from ?? ''}" minted nothing this entry can build on`);
            credential = await entry.provider.exchange(entry.config, { ...base, upstream: handoff });
            chain = upstream.credential.info.chain ?? [upstream.credential.info.principal];
        }
        else {
            if (idToken === undefined)
                throw new Error(`no runner token was requested for ${subject}`);
            credential = await entry.provider.exchange(entry.config, { ...base, idToken });
        }
    }
    catch (error) {
        const refusal = asKeylessError(error);
        throw refusal instanceof errors/* KeylessError */.FM ? (0,errors/* about */.Cv)(refusal, subject) : refusal;
    }
    credential = displayable(credential, (text) => deps.runner.redact(text));
    for (const notice of credential.notices ?? [])
        deps.runner.warning(`${subject}: ${notice}`);
    // Each hop's principal, for the summary and the audit record: the upstream's are display text already.
    if (chain !== undefined)
        credential = { ...credential, info: { ...credential.info, chain: [...chain, credential.info.principal] } };
    const badExpiry = expiryProblem(credential.info.expiresAt, deps.now());
    // A bad expiry is left out of the record: the post step would drop the whole record, and not revoke.
    const expiry = badExpiry === undefined && credential.info.expiresAt ? { expiresAt: credential.info.expiresAt } : {};
    deps.cleanup.record(credential.revoke
        ? { kind: 'revoke', provider: entry.provider.name, id: entry.id, handle: credential.revoke, ...expiry }
        : { kind: 'revoke-none', provider: entry.provider.name, id: entry.id, ...expiry, ...(credential.irrevocable ? { reason: credential.irrevocable } : {}) });
    // After the revocation is recorded, so a refusal here still revokes. Providers mask each secret on arrival;
    // these are the values handed out (files are built from them).
    try {
        for (const value of [...Object.values(credential.env), ...Object.values(credential.secretOutputs)])
            deps.runner.mask(value);
        if (badExpiry !== undefined) {
            throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `the issuer answered ${badExpiry}; the credential was not handed out`, {
                hint: "the service is misbehaving, or the runner's clock is wrong (compare date -u with the issuer's); report it to its operator",
            });
        }
    }
    catch (error) {
        throw error instanceof errors/* KeylessError */.FM ? (0,errors/* about */.Cv)(error, subject) : error;
    }
    return { entry, credential };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/exec/child.ts



/** What Keyless is told to stop with: each is passed on to COMMAND, and Keyless cleans up once COMMAND has gone. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/**
 * How long requests already sent may still bring their answer after a stop: one the server acted on is a
 * credential to revoke, not to lose. A cancelled runner sends SIGINT, SIGTERM 7.5 s later, then kills; a
 * second signal gives them up at once.
 */
const ANSWER_GRACE_MS = 3_000;
function signalStatus(signal) {
    return 128 + external_node_os_.constants.signals[signal];
}
const phase = (told, reason) => ({ stopping: new AbortController(), abandoning: new AbortController(), told, reason });
const stopped = (signal) => new Error(`told to stop (${signal})`);
const revocationStopped = (signal) => new errors/* KeylessError */.FM('REVOKE_FAILED', `given up: keyless exec was told to stop (${signal}) before it was done`, { hint: 'it lives until it expires; revoke it by hand if that is too long' });
/**
 * Holds off the stop signals from the moment `keyless exec` starts minting: a credential minted before
 * the signal still gets revoked. A signal that arrives while COMMAND runs goes to COMMAND; one that arrives
 * before means COMMAND is never started. A second one while COMMAND still runs kills it (SIGKILL): the
 * runner cancels with SIGINT, then SIGTERM, then kills Keyless too, and a COMMAND that ignores the first
 * must not keep the credentials from being revoked in between.
 */
class StopSignals {
    #received;
    #child;
    #phase = phase(false, stopped);
    #listener = (signal) => {
        const { stopping, abandoning, told: again } = this.#phase;
        this.#phase.told = true;
        this.#received ??= signal;
        const reason = this.#phase.reason(signal);
        stopping.abort(reason);
        if (again)
            abandoning.abort(reason);
        else
            setTimeout(() => { abandoning.abort(reason); }, ANSWER_GRACE_MS).unref();
        if (this.#child?.exitCode === null && this.#child.signalCode === null)
            this.#child.kill(again ? 'SIGKILL' : signal);
    };
    constructor() {
        for (const signal of STOP_SIGNALS)
            process.on(signal, this.#listener);
    }
    get received() {
        return this.#received;
    }
    /** Aborts at the first stop signal: no request starts and no wait for a retry goes on after it. */
    get signal() {
        return this.#phase.stopping.signal;
    }
    /** Aborts a few seconds after the first stop signal, or at the second: requests still unanswered are given up. */
    get abandon() {
        return this.#phase.abandoning.signal;
    }
    /**
     * From here on `signal` and `abandon` answer the cleanup's stop signals, not the minting's: revocations
     * run whole after a stop that came before them (it is why they run). A stop while they run ends their
     * retries and gives the ones sent a few seconds; when Keyless was already told to stop once, this is the
     * runner's second signal, shortly before it kills the process, and they are given up at once.
     */
    cleanupPhase() {
        this.#phase = phase(this.#received !== undefined, revocationStopped);
        return { signal: this.signal, abandon: this.abandon };
    }
    /**
     * Starts COMMAND with stdio inherited (its output reaches the log unbuffered, as if run alone) and waits
     * for it. Rejects only when it cannot be started (ENOENT, EACCES).
     */
    run(command, args, env) {
        return new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_.spawn)(command, args, { stdio: 'inherit', env });
            this.#child = child;
            child.once('error', reject);
            child.once('exit', (code, signal) => {
                resolve(signal === null ? { status: code ?? 1 } : { status: signalStatus(signal), signal });
            });
        });
    }
    /** Gives the signals back to node's defaults, so nothing keeps the process alive. */
    release() {
        for (const signal of STOP_SIGNALS)
            process.off(signal, this.#listener);
    }
}

// EXTERNAL MODULE: ./src/runner/runner.ts + 1 modules
var runner = __webpack_require__(5708);
;// CONCATENATED MODULE: ./src/runner/write-all.ts

const PAUSE = new Int32Array(new SharedArrayBuffer(4));
/**
 * Writes whole to a descriptor before returning: stdout, which the runner reads and `keyless exec`'s
 * COMMAND inherits. A full non-blocking pipe is waited out: handing the rest to the stream would leave it in a buffer a child can overtake, and writing it whole
 * again after a partial write would cut an add-mask line in two, so the runner would mask something else
 * and print the secret wherever it shows later in the job.
 */
function writeTo(fd, text) {
    const bytes = Buffer.from(text);
    let done = 0;
    while (done < bytes.length) {
        try {
            done += (0,external_node_fs_.writeSync)(fd, bytes, done);
        }
        catch (error) {
            if (error.code !== 'EAGAIN')
                throw error;
            Atomics.wait(PAUSE, 0, 0, 5);
        }
    }
}

;// CONCATENATED MODULE: ./src/exec/log.ts


/**
 * The runner port for `keyless exec`. Under GitHub Actions it speaks workflow commands on stdout, as the
 * action's steps do, so every secret is masked before COMMAND starts. Elsewhere there is no log to mask:
 * an `add-mask` line would print the secret itself, so none is written, and Keyless's lines go to stderr,
 * leaving stdout to COMMAND.
 */
function execRunner(env) {
    const actions = env.GITHUB_ACTIONS === 'true';
    const write = actions
        ? (text) => { unlessGone(1, text); }
        : (text) => {
            if (text.startsWith('::add-mask::'))
                return;
            unlessGone(2, text.replace(/^::(warning|error)[^:]*::/, 'keyless exec: $1: '));
        };
    return { runner: (0,runner.createRunner)(env, write), actions };
}
/**
 * A reader that has gone (`keyless exec … | head -1`) reads nothing more, COMMAND's output included, which
 * shares the descriptor: what Keyless would say is lost, and must not stop it revoking what it minted.
 */
function unlessGone(fd, text) {
    try {
        writeTo(fd, text);
    }
    catch (error) {
        if (error.code !== 'EPIPE')
            throw error;
    }
}

// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
;// CONCATENATED MODULE: ./src/exec/handoff.ts








// The step checks `export: exec` entries and leaves their settings in a file for a later `keyless exec`.
// Any later step of the job can rewrite that file, or point the variable elsewhere: exec reads it as
// hostile input and checks it as fully as the step checked its inputs (loadConfig), never trusting it more.
/** The variable the step exports the file's path in. */
const EXEC_CONFIG_VARIABLE = 'KEYLESS_EXEC_CONFIG';
const FILE = 'exec.json';
const FOLDER = 'keyless-exec-';
const MAX_BYTES = 1 << 20;
const handoff_KEYS = ['credentials', ...EXEC_KEYS];
/** Writes the checked settings (0600, a fresh folder the post step deletes); returns the file's path. */
function writeExecHandoff(inputs, env, cleanup) {
    const dir = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), FOLDER));
    cleanup.record({ kind: 'path', path: dir });
    const path = join(dir, FILE);
    writeFileSync(path, JSON.stringify({ version: 1, inputs }), { mode: 0o600, flag: 'wx' });
    return path;
}
const refused = (why) => new errors/* KeylessError */.FM('INPUT_INVALID', `${EXEC_CONFIG_VARIABLE} does not name settings a Keyless step wrote: ${why}`, {
    hint: 'run keyless exec in a later step of the job whose Keyless step has export: exec entries (an earlier step may have changed the variable or the file), or pass --credentials or --policy-file',
});
/**
 * The settings the step left, as inputs: only from a regular file (never a link) in a keyless-exec-* folder
 * directly under RUNNER_TEMP, at most 1 MiB, of the one shape the step writes. The caller validates the
 * values themselves with loadConfig, exactly as the step did.
 */
function readExecHandoff(path, env) {
    const temp = env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
    const real = (0,owned_path/* ownedPath */.bD)(path, temp);
    if (real === undefined || (0,external_node_path_.basename)(real) !== FILE || !(0,external_node_path_.basename)((0,external_node_path_.dirname)(real)).startsWith(FOLDER) || !isDirectlyUnder((0,external_node_path_.dirname)(real), temp)) {
        throw refused('it is not a keyless-exec-*/exec.json file under RUNNER_TEMP');
    }
    let text;
    try {
        if ((0,external_node_fs_.lstatSync)(real).isSymbolicLink())
            throw new Error('a link');
        // O_NOFOLLOW (where there is one): a link swapped in after the look above is refused by the open itself.
        text = (0,regular_file/* readRegularFile */.X)(real, { maxBytes: MAX_BYTES, hint: '', unreadableHint: '', noFollow: true }).toString('utf8');
    }
    catch (error) {
        throw refused(error instanceof errors/* KeylessError */.FM && error.code === 'INPUT_TOO_LARGE' ? 'it is larger than 1 MiB' : 'it is not a regular file that can be read (a link never is)');
    }
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        throw refused('it is not JSON');
    }
    if (!(0,json/* isObject */.Gv)(raw) || raw.version !== 1 || !(0,json/* isObject */.Gv)(raw.inputs) || Object.keys(raw).length !== 2)
        throw refused('it is not {"version":1,"inputs":{…}}');
    const inputs = {};
    for (const [key, value] of Object.entries(raw.inputs)) {
        const name = handoff_KEYS.find((known) => known === key);
        if (name === undefined || typeof value !== 'string')
            throw refused('it holds a setting exec does not take');
        inputs[name] = value;
    }
    if (inputs.credentials === undefined)
        throw refused('it holds no credentials');
    return inputs;
}
/** Whether `folder` (a real path) lies directly in RUNNER_TEMP, not deeper inside one of Keyless's folders. */
function isDirectlyUnder(folder, temp) {
    try {
        return (0,external_node_path_.dirname)(folder) === (0,external_node_fs_.realpathSync)(temp);
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/exec/settings.ts








/**
 * The settings `keyless exec` mints with, checked as the action checks its inputs: --credentials alone,
 * --policy-file, the checked copy a Keyless step of this job left (KEYLESS_EXEC_CONFIG), or the
 * repository's default policy file, in that order.
 */
function execConfig(source, env, workspace) {
    if (source.credentials !== undefined)
        return loadConfig({ credentials: source.credentials }, workspace, { policyFile: false });
    if (source.policyFile !== undefined)
        return loadConfig({ 'policy-file': source.policyFile }, workspace);
    const handoff = env[EXEC_CONFIG_VARIABLE];
    if (handoff) {
        const config = loadConfig(readExecHandoff(handoff, env), workspace, { policyFile: false });
        if (config.credentials.some((entry) => !entry.exports.has('exec'))) {
            throw new errors/* KeylessError */.FM('INPUT_INVALID', `${EXEC_CONFIG_VARIABLE} holds an entry without export: exec, which the Keyless step never writes`, {
                hint: 'an earlier step changed the file; pass --credentials or --policy-file',
            });
        }
        return config;
    }
    if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(workspace, DEFAULT_POLICY_FILE)))
        return loadConfig({}, workspace);
    throw (0,cli_args/* usage */.CI)('no entries to mint', `pass --credentials YAML or --policy-file FILE, or run it after a Keyless step with export: exec entries (it exports ${EXEC_CONFIG_VARIABLE})`);
}
/**
 * The entries --id names (every entry without --id), with each entry they build on (`from:`), which is
 * minted for them but handed to COMMAND only when named too.
 */
function selectEntries(entries, ids) {
    if (ids.length === 0) {
        refuseCollisions(entries);
        return { mint: [...entries], named: [...entries] };
    }
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    const named = ids.map((id) => {
        const entry = byId.get(id);
        if (entry !== undefined)
            return entry;
        const guess = (0,config_problems/* closest */.k)(id, [...byId.keys()]);
        throw (0,cli_args/* usage */.CI)(`--id ${JSON.stringify(id)} names no entry${guess ? ` (did you mean "${guess}"?)` : ''}`, `the entries are: ${[...byId.keys()].join(', ')}`);
    });
    const mint = new Set();
    for (let entry of named) {
        for (;;) {
            if (mint.has(entry))
                break;
            mint.add(entry);
            const upstream = entry.from === undefined ? undefined : byId.get(entry.from);
            if (upstream === undefined)
                break;
            entry = upstream;
        }
    }
    const handed = entries.filter((entry) => named.includes(entry));
    refuseCollisions(handed);
    return { mint: entries.filter((entry) => mint.has(entry)), named: handed };
}
/**
 * COMMAND gets one environment: two entries that take the same part of it (two aws entries without
 * profiles, two crates entries) would silently replace each other, as they would in GITHUB_ENV, where the
 * step refuses them. An `export: none` entry reaches COMMAND only through the entries built on it.
 */
function refuseCollisions(handed) {
    const taken = new Map();
    for (const entry of handed) {
        for (const claim of entry.provider.exclusive?.(entry.config, variablePlaces(entry.exports, true)) ?? []) {
            const other = taken.get(claim.key);
            if (other === undefined)
                taken.set(claim.key, entry.id);
            else
                throw (0,cli_args/* usage */.CI)(`entries "${other}" and "${entry.id}" both take ${claim.key}, so one would replace the other in the command's environment`, 'name one of them with --id in each keyless exec, or give each its own profile');
        }
    }
}

// EXTERNAL MODULE: ./src/http/client.ts + 2 modules
var client = __webpack_require__(2357);
// EXTERNAL MODULE: ./src/os/private-file.ts
var private_file = __webpack_require__(8272);
;// CONCATENATED MODULE: ./src/os/git-exclude.ts



// Typed as always present, but Windows has neither O_NOFOLLOW nor O_NONBLOCK.
const NOFOLLOW = external_node_fs_.constants.O_NOFOLLOW ?? 0;
const NONBLOCK = external_node_fs_.constants.O_NONBLOCK ?? 0;
/**
 * Adds `pattern` to the repository's `.git/info/exclude` (not `.gitignore`, which is the user's and is
 * committed), so `git status`, `git add -A` and release tools that refuse a dirty tree never see it.
 * Best effort: no repository, a `.git` that is a file (a worktree) or a link, or an exclude file that is
 * not a plain file of the job's user leaves it alone, since the workspace is writable by every earlier step
 * and a link, soft or hard, could lead to any file the job can write. Returns whether the pattern is in place.
 */
function excludeFromGit(workspace, pattern) {
    const git = (0,external_node_path_.join)(workspace, '.git');
    try {
        if (!(0,external_node_fs_.lstatSync)(git).isDirectory())
            return false;
        const info = (0,external_node_path_.join)(git, 'info');
        (0,external_node_fs_.mkdirSync)(info, { recursive: true, mode: 0o755 });
        if (!(0,external_node_fs_.lstatSync)(info).isDirectory())
            return false;
        // One descriptor for the checks, the read and the write, so nothing can be swapped in between them:
        // O_NOFOLLOW refuses a symbolic link, O_NONBLOCK keeps a FIFO from hanging the open, and fstat refuses
        // what is not a regular file, or has a second name (a hard link to a file elsewhere), or is another user's.
        const fd = (0,external_node_fs_.openSync)((0,external_node_path_.join)(info, 'exclude'), external_node_fs_.constants.O_RDWR | external_node_fs_.constants.O_APPEND | external_node_fs_.constants.O_CREAT | NOFOLLOW | NONBLOCK, 0o644);
        try {
            if (!(0,private_file/* soleRegularFile */.Kf)((0,external_node_fs_.fstatSync)(fd)))
                return false;
            const current = (0,external_node_fs_.readFileSync)(fd, 'utf8');
            if (current.split(/\r?\n/).includes(pattern))
                return true;
            (0,external_node_fs_.writeSync)(fd, `${current === '' || current.endsWith('\n') ? '' : '\n'}# credential files of the Keyless action (files: workspace), deleted at job end\n${pattern}\n`);
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/sinks/docker-config.ts




/**
 * Every entry's `auths`, one login per host: of two for one host (two ghcr entries, a registry entry and a
 * jfrog docker-host) the later would silently replace the earlier.
 */
function joinLogins(parts) {
    const logins = {};
    const seen = new Set();
    for (const part of parts) {
        for (const [host, login] of Object.entries(JSON.parse(part).auths)) {
            if (seen.has(hostOf(host))) {
                throw new errors/* KeylessError */.FM('INPUT_INVALID', `two entries log in to ${host}; the later login would silently replace the earlier, so nothing was handed out`, {
                    hint: 'keep one entry per registry host (list several hosts in one entry\'s host:); what was minted is revoked when the job ends',
                });
            }
            seen.add(hostOf(host));
            logins[host] = login;
        }
    }
    return logins;
}
/** The keys Keyless rebuilds, folded as Go folds them. */
const REBUILT = new Set(['auths', 'credsstore', 'credhelpers', 'clipluginsextradirs']);
/** Docker refuses a config this big long before; reading it would only cost memory. */
const docker_config_MAX_BYTES = 1 << 20;
/**
 * One config.json from the logins of every registry entry (each part is `{"auths": …}`), on top of the
 * config the job had before (DOCKER_CONFIG, else ~/.docker) so its earlier logins and settings keep
 * working. A global credsStore, and any credHelpers or auths entry for a host logged in to, are dropped:
 * either would win over (or stand beside) Keyless's login. The old folder's cli-plugins stay reachable
 * (setup-buildx-action installs buildx there).
 */
function dockerConfig(parts, env, platform = process.platform) {
    const dir = earlierDockerFolder(env, platform);
    const base = readConfig((0,external_node_path_.join)(dir, 'config.json'));
    // Podman, Buildah and Skopeo read REGISTRY_AUTH_FILE (same format), which this file replaces too.
    const podman = env.REGISTRY_AUTH_FILE ? readConfig(env.REGISTRY_AUTH_FILE) : {};
    const logins = joinLogins(parts);
    const ours = new Set(Object.keys(logins).map(hostOf));
    const others = (map) => Object.entries(docker_config_isRecord(map) ? map : {}).filter(([host]) => !ours.has(hostOf(host)));
    const helpers = others(base.credHelpers).filter(([, helper]) => typeof helper === 'string' && /^[\w.-]+$/.test(helper));
    const extra = Array.isArray(base.cliPluginsExtraDirs) ? base.cliPluginsExtraDirs.filter((d) => typeof d === 'string') : [];
    return `${JSON.stringify({
        ...Object.fromEntries(Object.entries(base).filter(([key]) => !REBUILT.has(fold(key)))),
        auths: Object.fromEntries([...others(podman.auths), ...others(base.auths), ...Object.entries(logins)]),
        ...(docker_config_isRecord(base.credHelpers) ? { credHelpers: Object.fromEntries(helpers) } : {}),
        cliPluginsExtraDirs: [...extra, (0,external_node_path_.join)(dir, 'cli-plugins')],
    }, null, 2)}\n`;
}
/** The folder of the config the job had before: DOCKER_CONFIG, else `.docker` in the Docker CLI's home. */
function earlierDockerFolder(env, platform = process.platform) {
    // The Docker CLI's home is USERPROFILE on Windows and HOME elsewhere (Go's os.UserHomeDir).
    const home = platform === 'win32' ? env.USERPROFILE : env.HOME;
    return env.DOCKER_CONFIG || (0,external_node_path_.join)(home || (0,external_node_os_.homedir)(), '.docker');
}
/**
 * The variables that hand out a docker config: its folder and its file, and, unless the job chose one,
 * where buildx keeps its builders. buildx looks for them beside config.json; moved to Keyless's folder, it
 * would lose the builder setup-buildx-action created and selected, and build with the plain docker driver.
 */
function dockerVariables(variable, path, env) {
    const buildx = env.BUILDX_CONFIG ? [] : [['BUILDX_CONFIG', (0,external_node_path_.join)(earlierDockerFolder(env), 'buildx')]];
    return [[variable, (0,external_node_path_.dirname)(path)], ['REGISTRY_AUTH_FILE', path], ...buildx];
}
/** How Go's encoding/json compares keys: case-insensitively, `ſ` as `s` and the Kelvin sign as `k`. */
function fold(key) {
    return key.normalize('NFKC').toLowerCase();
}
/** The registry host a key of `auths` or `credHelpers` stands for, as Docker normalises it. */
function hostOf(key) {
    return fold(key.replace(/^https?:\/\//i, '').split('/')[0] ?? '');
}
function docker_config_isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function readConfig(path) {
    try {
        // Only a regular file, opened non-blocking (a FIFO planted there cannot hang the step), and read no further
        // than the limit (not /dev/zero, nor a size-0 file that never ends), checked on what was opened.
        const parsed = JSON.parse((0,regular_file/* readRegularFile */.X)(path, { maxBytes: docker_config_MAX_BYTES, hint: '', unreadableHint: '' }).toString('utf8'));
        // Nesting deep enough to overflow the stack parses, but would throw when written back.
        JSON.stringify(parsed);
        return docker_config_isRecord(parsed) ? parsed : {};
    }
    catch {
        // Missing, unreadable or malformed: Docker itself would refuse it; starting empty loses nothing it could have used.
        return {};
    }
}

;// CONCATENATED MODULE: ./src/sinks/npmrc-config.ts



// npm (pnpm and Yarn 1 too) reads one user config: NPM_CONFIG_USERCONFIG, else ~/.npmrc. Pointing the
// variable at Keyless's file hides the job's own, and with it what a runner's owner or setup-node put there:
// `ignore-scripts=true`, a `registry=` mirror, the `@scope:registry=` that keeps a private scope off the
// public registry. So the earlier file is carried over, as the docker config is. Its text is what npm would
// have read anyway; only lines about a registry host Keyless logs in to are dropped, since the `ini`
// package npm uses lets the last of two equal keys win, and a more specific `//host/path/` key wins over
// ours for the packages under it.
/** npm would refuse a user config this big long before; reading it would only cost memory. */
const npmrc_config_MAX_BYTES = 1 << 20;
/**
 * One .npmrc: each entry's `//host/path/:_authToken=…` line, then the job's earlier user config without
 * its lines for those hosts. Ours come first: a `[section]` in the earlier file would swallow every line
 * after it, and npm reads the auth keys only at the top level.
 */
function npmrcConfig(parts, env, platform = process.platform) {
    const hosts = parts.flatMap((part) => /^\/\/([^/]+)\//.exec(part)?.[1] ?? []).map((host) => host.toLowerCase());
    const ours = (line) => {
        const key = (line.split('=', 1)[0] ?? '').trim().replace(/^(["'])(.*)\1$/, '$2').toLowerCase();
        return hosts.some((host) => key.includes(`//${host}`));
    };
    // The `ini` package's own line breaks: a lone CR ends a line too.
    const kept = earlierConfig(env, platform)
        .split(/[\r\n]+/)
        .filter((line) => line.trim() !== '' && !ours(line));
    return `${parts.join('')}${kept.map((line) => `${line}\n`).join('')}`;
}
/** The user config npm would have read, or nothing when there is none it could read. */
function earlierConfig(env, platform) {
    // npm takes npm_config_* in any case; an empty value is no setting.
    const named = Object.entries(env).findLast(([name, value]) => name.toLowerCase() === 'npm_config_userconfig' && value)?.[1];
    const home = (platform === 'win32' ? env.USERPROFILE : env.HOME) || (0,external_node_os_.homedir)();
    const file = named === undefined ? (0,external_node_path_.join)(home, '.npmrc') : (0,external_node_path_.resolve)(named.replace(/^~(?=[\\/])/, home));
    try {
        // Only a regular file, opened non-blocking (a FIFO cannot hang the step), read no further than the limit.
        return (0,regular_file/* readRegularFile */.X)(file, { maxBytes: npmrc_config_MAX_BYTES, hint: '', unreadableHint: '' }).toString('utf8');
    }
    catch {
        // Missing, unreadable or not a file: npm would have had nothing from it either.
        return '';
    }
}

;// CONCATENATED MODULE: ./src/sinks/deliver.ts









/**
 * Writes every credential file (0600, in a private folder under RUNNER_TEMP or, with `files: workspace`, in
 * the workspace) and returns what to export.
 * It exports nothing itself: a write that fails here leaves the job without a single variable pointing at
 * a half-written set of files.
 */
function writeDelivery(minted, runner, cleanup, place = 'temp') {
    const secretDir = secretDirectory(runner, cleanup, place);
    const delivery = { env: [], outputs: [], exported: new Map() };
    const note = (id, ...labels) => delivery.exported.set(id, [...(delivery.exported.get(id) ?? []), ...labels]);
    writeSharedFiles(minted, runner, cleanup, secretDir, delivery, note);
    for (const { entry, credential } of minted) {
        if (entry.exports.has('file')) {
            for (const [name, value] of Object.entries(credential.env)) {
                const path = (0,external_node_path_.join)(secretDir(), `${entry.id}-${name}`);
                writeSecret(path, value, cleanup);
                delivery.env.push([`${name}_FILE`, path]);
                note(entry.id, `env ${name}_FILE (file)`);
            }
        }
        if (entry.exports.has('env')) {
            for (const [name, value] of Object.entries({ ...credential.env, ...credential.publicEnv })) {
                delivery.env.push([name, value]);
                note(entry.id, `env ${name}`);
            }
        }
        if (entry.exports.has('outputs')) {
            for (const [name, value] of Object.entries(credential.secretOutputs)) {
                delivery.outputs.push([`${entry.id}-${name}`, value]);
                note(entry.id, `output ${entry.id}-${name}`);
            }
        }
        for (const [name, value] of Object.entries(credential.publicOutputs))
            delivery.outputs.push([`${entry.id}-${name}`, value]);
        delivery.outputs.push([`${entry.id}-principal`, credential.info.principal]);
    }
    blankShadows(minted, runner, delivery, note);
    refuseSharedVariables(delivery);
    return delivery;
}
/**
 * The job, or the command `keyless exec` starts, gets one environment: of two entries that set the same
 * variable, the later would silently replace the earlier's value. Providers claim their fixed names before
 * anything is minted (config.ts); this catches what only the answers name (the variables a Vault `*` makes
 * of a secret's keys) or one provider's fixed name beside another's `export-env`, before anything is handed out. What was minted stays recorded, so the post step revokes it.
 */
function refuseSharedVariables(delivery) {
    const seen = new Set();
    for (const [name] of delivery.env) {
        const key = name.toUpperCase();
        if (!seen.has(key)) {
            seen.add(key);
            continue;
        }
        const ids = settersOf(delivery, name).map((id) => JSON.stringify(id));
        throw new errors/* KeylessError */.FM('INPUT_INVALID', `entries ${ids.join(' and ')} both set ${name}, so the later would silently replace the earlier; nothing was handed out`, {
            hint: 'give each entry its own variable names (export-env, the names of its secrets), or export one of them as outputs; what was minted is revoked when the job ends',
        });
    }
}
/**
 * Variables an earlier step set that would take precedence over what an entry hands out (AWS keys over a
 * token file or AWS_PROFILE) are exported empty, which the SDKs and CLIs read as unset; never one that an
 * entry of this step sets, and only for an entry that exports to the environment.
 */
function blankShadows(minted, runner, delivery, note) {
    const set = new Set(delivery.env.map(([name]) => name.toUpperCase()));
    for (const { entry, credential } of minted) {
        if (!entry.exports.has('env') && !entry.exports.has('file'))
            continue;
        for (const name of credential.shadowedBy ?? []) {
            // Another entry of this step setting it would win over this one just as silently as an earlier step.
            const other = settersOf(delivery, name).find((id) => id !== entry.id);
            if (other !== undefined) {
                throw new errors/* KeylessError */.FM('INPUT_INVALID', `entry ${JSON.stringify(other)} sets ${name}, which would take precedence over what ${JSON.stringify(entry.id)} hands out; nothing was handed out`, {
                    hint: 'give that entry another variable name, or export one of them as outputs; what was minted is revoked when the job ends',
                });
            }
            if (set.has(name.toUpperCase()) || !runner.env[name])
                continue;
            set.add(name.toUpperCase());
            delivery.env.push([name, '']);
            note(entry.id, `env ${name} (blanked: an earlier step set it, and it would take precedence)`);
        }
    }
}
/** The entries that set `name` (any case) to a value, as their labels in `exported` say; blanking is no value. */
function settersOf(delivery, name) {
    const key = `ENV ${name.toUpperCase()}`;
    const sets = (label) => label.toUpperCase() === key || (label.toUpperCase().startsWith(`${key} `) && !label.includes('(blanked'));
    return [...delivery.exported].filter(([, labels]) => labels.some(sets)).map(([id]) => id);
}
/**
 * The files providers asked for, one file per variable: contents that name the same variable are joined
 * (several AWS profiles in one shared credentials file).
 */
function writeSharedFiles(minted, runner, cleanup, secretDir, delivery, note) {
    const byVariable = new Map();
    const tokenFiles = [];
    for (const { entry, credential } of minted) {
        // A provider's own files reach later steps through variables: only an entry exported to them writes
        // any (`export: none` is an entry only another builds on; `outputs` alone hands out outputs alone).
        if (!entry.exports.has('env') && !entry.exports.has('file'))
            continue;
        const pathOf = (name) => (0,external_node_path_.join)(secretDir(), `${entry.id}-${name}`);
        for (const file of credential.files ?? []) {
            const content = typeof file.content === 'string' ? file.content : file.content(pathOf);
            if (file.env === undefined) {
                writeSecret(pathOf(file.name), content, cleanup);
                if (file.oidcToken)
                    tokenFiles.push(pathOf(file.name));
                continue;
            }
            const group = byVariable.get(file.env) ?? { file, parts: [], ids: [] };
            group.parts.push(content);
            group.ids.push(entry.id);
            byVariable.set(file.env, group);
        }
    }
    for (const [variable, { file, parts, ids }] of byVariable) {
        const path = (0,external_node_path_.join)(secretDir(), file.name);
        if ((0,external_node_path_.dirname)(path) !== secretDir())
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { mode: 0o700 });
        const docker = file.format === 'docker-config';
        writeSecret(path, joined(file, parts, runner), cleanup);
        if (file.oidcToken)
            tokenFiles.push(path);
        const variables = docker ? dockerVariables(variable, path, runner.env) : [variable, ...(file.aliases ?? [])].map((name) => [name, path]);
        delivery.env.push(...variables);
        for (const id of ids)
            note(id, ...variables.map(([name]) => `env ${name} (file)`));
        if (file.output !== undefined)
            for (const id of ids)
                delivery.outputs.push([`${id}-${file.output}`, path]);
    }
    // Paths only, never a token: what `keyless refresh` renews in a later step of a long job.
    if (tokenFiles.length > 0)
        delivery.env.push(['KEYLESS_REFRESH', tokenFiles.join(external_node_path_.delimiter)]);
}
/** The one file of every entry's part for a variable, merged with what the job had where the format needs it. */
function joined(file, parts, runner) {
    if (file.format === 'docker-config')
        return dockerConfig(parts, runner.env);
    if (file.format === 'npmrc')
        return npmrcConfig(parts, runner.env);
    return parts.join('\n');
}
/**
 * Records the path for the post step first, then writes: a crash in between still gets it deleted. The
 * exclusive create alone is retried while Windows reports the folder busy (a scanner): when it fails it
 * created nothing, so a retry cannot meet a file of its own.
 */
function writeSecret(path, content, cleanup) {
    cleanup.record({ kind: 'path', path });
    const fd = (0,fs_retry/* retryBusy */.O)(() => (0,external_node_fs_.openSync)(path, 'wx', 0o600));
    try {
        (0,external_node_fs_.writeFileSync)(fd, content);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/**
 * A private directory for credential files, created on first use: under RUNNER_TEMP (emptied by the runner
 * after the job), never the workspace, where files end up in artifacts and images, unless the workflow
 * chose `files: workspace` for Docker container actions, which see the workspace but not RUNNER_TEMP. Its
 * `keyless-` (`.keyless-`) name is what the post step checks before deleting anything.
 */
function secretDirectory(runner, cleanup, place) {
    let dir;
    return () => {
        if (dir === undefined) {
            if (place === 'workspace') {
                const workspace = runner.env.GITHUB_WORKSPACE;
                if (!workspace)
                    throw new errors/* KeylessError */.FM('INPUT_INVALID', 'files: workspace needs GITHUB_WORKSPACE, which this runner did not set', { hint: 'drop files: workspace, or run in a job with a workspace' });
                dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(workspace, '.keyless-'));
                cleanup.record({ kind: 'path', path: dir });
                if (!excludeFromGit(workspace, GIT_EXCLUDE))
                    runner.warning(`could not add ${GIT_EXCLUDE} to .git/info/exclude: git sees ${(0,os_paths/* toPosixPath */.kb)(dir)} until the post step deletes it; keep it out of commits, artifacts and docker build contexts`);
            }
            else {
                dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(runner.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'keyless-'));
                cleanup.record({ kind: 'path', path: dir });
            }
        }
        return dir;
    };
}
/** What `files: workspace` adds to `.git/info/exclude`: Keyless's folders at the top of the workspace. */
const GIT_EXCLUDE = '/.keyless-*/';

;// CONCATENATED MODULE: ./src/cli/exec.ts












/** `keyless exec [--credentials YAML | --policy-file FILE] [--id ENTRY]... -- COMMAND [ARGS...]`. */
function parseExecArgs(args) {
    const end = args.indexOf('--');
    if (end === -1)
        throw (0,cli_args/* usage */.CI)('the command must follow --', 'e.g. keyless exec --id deploy -- ./deploy.sh');
    const [command, ...commandArgs] = args.slice(end + 1);
    if (command === undefined || command === '')
        throw (0,cli_args/* usage */.CI)('no command after --', 'name the program to run with the credentials, e.g. -- ./deploy.sh');
    const { values } = (0,cli_args/* parseFlags */.bQ)(joinCredentials(args.slice(0, end)), { credentials: { type: 'string' }, 'policy-file': { type: 'string' }, id: { type: 'string', multiple: true } });
    if (values.credentials !== undefined && values['policy-file'] !== undefined)
        throw (0,cli_args/* usage */.CI)('--credentials and --policy-file are alternatives', 'give one of them');
    return { source: { credentials: values.credentials, policyFile: values['policy-file'] }, ids: values.id ?? [], command, commandArgs };
}
/** A YAML list starts with `- `, which parseArgs takes for a flag: `--credentials VALUE` is read as `--credentials=VALUE`. */
function joinCredentials(flags) {
    const joined = [];
    for (let i = 0; i < flags.length; i++) {
        const flag = flags[i] ?? '';
        const value = flags[i + 1];
        if (flag === '--credentials' && value !== undefined) {
            joined.push(`${flag}=${value}`);
            i++;
        }
        else
            joined.push(flag);
    }
    return joined;
}
/**
 * Mints the entries for COMMAND alone: they reach its environment and files, never GITHUB_ENV or step
 * outputs. Whatever ends COMMAND (its exit, a signal, Keyless being told to stop), Keyless then revokes what
 * it minted and deletes what it wrote, and exits with COMMAND's status.
 */
async function execCommand(args, env) {
    const { source, ids, command, commandArgs } = parseExecArgs(args);
    const { runner, actions } = execRunner(env);
    const config = execConfig(source, env, env.GITHUB_WORKSPACE || process.cwd());
    const { mint, named } = selectEntries(config.credentials, ids);
    const items = [];
    const record = { version: 1, command, identity: {}, tools: [], entries: named.map((e) => e.id), exchanges: [], credentials: [], cleanup: [] };
    const stop = new StopSignals();
    let status;
    try {
        // Minting starts nothing after a stop signal and gives up unanswered requests soon after; the cleanup
        // below has a client of its own, answering only the stops that come while it runs.
        const minting = (0,client/* createHttpClient */.uT)({ timeoutMs: config.httpTimeoutMs, signal: stop.signal, abandon: stop.abandon });
        const childEnv = await prepare(config, mint, named, { runner, http: minting, stopping: stop.signal, items, record, actions });
        if (stop.received !== undefined)
            throw stop.signal.reason;
        const exit = await stop.run(command, commandArgs, { ...env, ...childEnv });
        status = exit.status;
        record.exitStatus = exit.status;
        if (exit.signal !== undefined)
            record.signal = exit.signal;
    }
    catch (error) {
        // Told to stop before COMMAND started, what failed is only the request the stop abandoned.
        const signal = stop.received;
        status = signal === undefined ? (startFailure(error) ?? 1) : signalStatus(signal);
        if (signal !== undefined)
            record.signal = signal;
        // Reporting must not stand between a mint and its revocation: a log that cannot be written (a closed
        // descriptor) is given up, the cleanup below still runs.
        try {
            if (signal === undefined)
                runner.error((0,errors/* renderError */.vr)(outsideActions(error, env)));
            else
                runner.warning(`told to stop (${signal}) before ${command} started; it was not started`);
        }
        catch {
            // nothing more can be said where the log went
        }
    }
    try {
        const stops = stop.cleanupPhase();
        const http = (0,client/* createHttpClient */.uT)({ timeoutMs: config.httpTimeoutMs, ...stops, stopsUndo: true });
        const { records, deleted, gone } = await undo(items, { runner, http, abandon: stops.abandon });
        reportLines(runner, records, deleted, gone);
        record.cleanup = records;
        record.cleanedAt = new Date().toISOString();
        exec_report(runner, record, actions);
        // strict-cleanup turns a command that succeeded into a failure when its credentials outlive it.
        if (config.strictCleanup && status === 0 && records.some((r) => r.status === 'failed')) {
            runner.error((0,errors/* renderError */.vr)(new errors/* KeylessError */.FM('REVOKE_FAILED', 'the command succeeded, but what was minted for it could not all be cleaned up', { hint: 'see the warnings above; strict-cleanup makes this fail' })));
            status = 1;
        }
    }
    finally {
        stop.release();
    }
    return status;
}
/** Gate, mint and write files; the variables COMMAND gets. Throws before COMMAND starts when anything fails. */
async function prepare(config, mint, named, deps) {
    const { runner, http, items, record } = deps;
    const cleanup = { record: (item) => { items.push(item); } };
    const workspace = runner.env.GITHUB_WORKSPACE || process.cwd();
    // The tool gate exactly as the step runs it; its Sigstore code loads only when there are tools.
    if (config.tools.length > 0)
        record.tools = await (await Promise.all(/* import() */[__webpack_require__.e(669), __webpack_require__.e(770)]).then(__webpack_require__.bind(__webpack_require__, 1770))).gateTools(config, { runner, http, workspace, cleanup });
    const outcome = await mintAll(mint, config.claimRules, { runner, http, cleanup, now: Date.now });
    recordExchanges(record, mint, outcome);
    const [failure] = outcome.failed;
    if (failure !== undefined) {
        for (const { error } of outcome.failed.slice(1))
            runner.error((0,errors/* renderError */.vr)(error));
        throw failure.error;
    }
    const handed = outcome.minted.filter(({ entry }) => named.includes(entry)).map(({ entry, credential }) => ({ entry: { ...entry, exports: forCommand(entry) }, credential }));
    const delivery = writeDelivery(handed, runner, cleanup, config.files);
    if (handed.some(({ credential }) => credential.session !== undefined)) {
        await (await __webpack_require__.e(/* import() */ 251).then(__webpack_require__.bind(__webpack_require__, 7632))).startAzureSessions(handed, runner, cleanup, delivery, deps.stopping);
    }
    record.mintedAt = new Date().toISOString();
    for (const { entry, credential } of handed) {
        const exported = delivery.exported.get(entry.id) ?? [];
        record.credentials.push({ id: entry.id, provider: entry.provider.name, ...credential.info, exported, revocable: credential.revoke !== undefined });
        runner.info(`✓ ${entry.provider.name} "${entry.id}": ${credential.info.tokenType ?? 'credential'} for ${credential.info.principal} → the command only (${exported.join(', ') || 'nothing'})`);
    }
    return Object.fromEntries(delivery.env);
}
/** Where an entry's credential goes in COMMAND's world: its files with `file`, its variables otherwise; `none` builds others only. */
function forCommand(entry) {
    return variablePlaces(entry.exports, true);
}
function recordExchanges(record, mint, outcome) {
    const anyToken = outcome.tokens.values().next().value;
    if (anyToken)
        record.identity = identityFromClaims(anyToken.claims);
    record.exchanges = mint.map((entry) => {
        const failure = outcome.failed.find((f) => f.entry === entry);
        const audience = outcome.audiences.get(entry.id);
        return { id: entry.id, provider: entry.provider.name, ...(audience === undefined ? {} : { audience }), outcome: failure ? 'failed' : 'issued', ...(failure ? { error: failure.error.code } : {}) };
    });
}
/** A shell's status for a command it could not start: 127 not found, 126 not executable. */
function startFailure(error) {
    const code = error?.code;
    return code === 'ENOENT' ? 127 : code === 'EACCES' ? 126 : undefined;
}
/** Outside GitHub Actions there is no runner token: say what to set instead of asking for id-token: write. */
function outsideActions(error, env) {
    const code = startFailure(error);
    if (code !== undefined) {
        return new errors/* KeylessError */.FM('INPUT_INVALID', `the command could not be started (${code === 127 ? 'not found' : 'not executable'})`, { hint: 'check its name and PATH; the credentials were revoked' });
    }
    if (!(error instanceof errors/* KeylessError */.FM) || error.code !== 'OIDC_PERMISSION_MISSING' || env.GITHUB_ACTIONS === 'true')
        return error;
    return new errors/* KeylessError */.FM('OIDC_PERMISSION_MISSING', 'no subject token: keyless exec runs outside GitHub Actions, where there is no runner OIDC token', {
        hint: 'give each entry a subject-token-source (file, env or spiffe) that names where its token comes from, or set ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN to a token service',
    });
}
/** Under Actions a job-summary section and an audit record of this exec; elsewhere one line on stderr. */
function exec_report(runner, record, actions) {
    if (!actions) {
        runner.info(execLine(record));
        return;
    }
    try {
        runner.appendSummary(execSummary(record, (text) => runner.redact(text)));
    }
    catch (error) {
        runner.warning(`the job summary could not be written: ${(0,errors/* renderError */.vr)(error)}`);
    }
    const path = auditFilePath(runner.env, 'keyless-exec-audit');
    try {
        writeAudit(path, record, (text) => runner.redact(text));
        runner.info(`Audit record of this exec: ${path}`);
    }
    catch (error) {
        runner.warning(`the audit record could not be written to ${path}: ${(0,errors/* renderError */.vr)(error)}`);
    }
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


/***/ }),

/***/ 1738:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ aadstsHint)
/* harmony export */ });
/* unused harmony export AADSTS_HINTS */
/** What to do about the AADSTS codes that federation setups hit. */
const AADSTS_HINTS = {
    '700213': 'add a federated identity credential to the app registration whose issuer, subject and audience are exactly the token\'s iss, sub and aud above (audience api://AzureADTokenExchange by default)',
    '70021': 'the federated identity credential must match the token\'s issuer (no trailing slash), subject and audience exactly',
    '700024': 'the OIDC token expired before it was used; run `keyless refresh` before long steps (mode: sdk, or an az or Az PowerShell session)',
    '700016': 'client-id names no application in this tenant; check client-id and tenant-id',
    '90002': 'tenant-id names no tenant; check it, and environment (or authority-host) for sovereign clouds',
    '7000215': 'the app expects a client secret: it has no federated identity credential for this token',
};
/** The hint for the first AADSTS code in `text`, if Keyless knows one. */
function aadstsHint(text) {
    const code = /AADSTS(\d+)/.exec(text)?.[1];
    return code === undefined ? undefined : AADSTS_HINTS[code];
}


/***/ }),

/***/ 9171:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JJ: () => (/* binding */ CLOUDS),
/* harmony export */   Mo: () => (/* binding */ azureStackEndpoints),
/* harmony export */   Tj: () => (/* binding */ publicCloud),
/* harmony export */   WA: () => (/* binding */ cloudByName)
/* harmony export */ });
/* unused harmony export METADATA_API_VERSION */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _http_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2868);
/* harmony import */ var _http_url_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6697);



/**
 * The Azure clouds azure/login's `environment` names, by the name `az cloud` and Connect-AzAccount use:
 * each sets the Entra ID authority and the Resource Manager audience together. Azure Stack Hub has no
 * fixed endpoints: they come from its Resource Manager's metadata endpoint.
 */
const CLOUDS = ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud', 'AzureStack'];
const PUBLIC = {
    AzureCloud: { authority: 'https://login.microsoftonline.com/', arm: 'https://management.azure.com/' },
    AzureUSGovernment: { authority: 'https://login.microsoftonline.us/', arm: 'https://management.usgovcloudapi.net/' },
    AzureChinaCloud: { authority: 'https://login.chinacloudapi.cn/', arm: 'https://management.chinacloudapi.cn/' },
};
/** The peer's names, any case; AzureGermanCloud closed in 2021 and is refused with that reason. */
function cloudByName(text) {
    return CLOUDS.find((name) => name.toLowerCase() === text.toLowerCase());
}
function publicCloud(name) {
    const { authority, arm } = PUBLIC[name];
    return { authorityHost: new URL(authority), armScope: `${arm}.default` };
}
/** The api-version Azure Stack Hub's metadata endpoint answers, as `az cloud register` asks for it. */
const METADATA_API_VERSION = '2015-01-01';
/**
 * Azure Stack Hub's endpoints from `GET {arm}/metadata/endpoints`: `authentication.loginEndpoint` is the
 * authority, `authentication.audiences[0]` Resource Manager's audience. A stamp that signs in with AD FS
 * cannot accept a federated token from GitHub: refused here with that reason.
 */
async function azureStackEndpoints(arm, http, authorityHost) {
    const url = new URL('metadata/endpoints', arm.href.endsWith('/') ? arm : new URL(`${arm.href}/`));
    url.searchParams.set('api-version', METADATA_API_VERSION);
    const what = `Azure Stack Hub metadata ${url.origin}${url.pathname}`;
    const response = await http.request({ method: 'GET', url, what: 'Azure Stack Hub metadata', headers: { accept: 'application/json' } });
    if (response.status !== 200) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('DISCOVERY_FAILED', `${what} answered HTTP ${response.status}`, { hint: 'check resource-manager-endpoint: it is the stamp\'s Resource Manager URL, such as https://management.local.azurestack.external/' });
    }
    const body = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .jsonBody */ .J9)(response, what);
    const auth = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(body) && (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(body.authentication) ? body.authentication : undefined;
    const login = typeof auth?.loginEndpoint === 'string' ? auth.loginEndpoint : undefined;
    const audience = Array.isArray(auth?.audiences) && typeof auth.audiences[0] === 'string' ? auth.audiences[0] : undefined;
    if (login === undefined || audience === undefined || !/^https:\/\/\S+$/.test(audience)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('DISCOVERY_FAILED', `${what} answered without authentication.loginEndpoint and authentication.audiences`, {
            hint: 'resource-manager-endpoint must be an Azure Stack Hub Resource Manager',
        });
    }
    let named;
    try {
        named = (0,_http_url_js__WEBPACK_IMPORTED_MODULE_2__/* .parseEndpoint */ .Bk)(login, 'authentication.loginEndpoint');
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('DISCOVERY_FAILED', `${what} named a login endpoint that is not https: ${(0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .serverText */ .Tn)(login, 200) ?? ''}`, { cause: error });
    }
    if (/\/adfs\/?$/i.test(named.pathname)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('EXCHANGE_FAILED', `${what} says this stamp signs in with AD FS (${named.origin}${named.pathname}), which accepts no federated token from GitHub`, {
            hint: 'only an Azure Stack Hub that uses Microsoft Entra ID as its identity provider can federate the runner token',
        });
    }
    checkAuthority(named.origin, authorityHost, what);
    if (!named.pathname.endsWith('/'))
        named.pathname += '/';
    return { authorityHost: named, armScope: `${audience.replace(/\/?$/, '/')}.default` };
}
/** Microsoft Entra ID's own authorities (login.windows.net is the one Azure Stack Hub stamps often name). */
const ENTRA_ORIGINS = new Set([...Object.values(PUBLIC).map((cloud) => new URL(cloud.authority).origin), 'https://login.windows.net', 'https://login.partner.microsoftonline.cn']);
/**
 * The runner token goes to the login endpoint a stamp's metadata names (az sends it there too), so the
 * metadata alone may not name any host: only Entra ID's own, or the one authority-host names.
 */
function checkAuthority(origin, authorityHost, what) {
    if (ENTRA_ORIGINS.has(origin) || origin === authorityHost?.origin)
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('DISCOVERY_FAILED', `${what} names the login endpoint ${origin}, which is not Microsoft Entra ID's; the runner token was not sent there`, {
        hint: `if the stamp really signs in there, name it in authority-host: ${origin}/; otherwise check resource-manager-endpoint`,
    });
}


/***/ }),

/***/ 476:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   crates: () => (/* binding */ crates),
/* harmony export */   revoke: () => (/* binding */ revoke)
/* harmony export */ });
/* harmony import */ var _audit_fingerprint_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7663);
/* harmony import */ var _http_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2868);
/* harmony import */ var _credential_value_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3897);
/* harmony import */ var _json_endpoint_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(530);
/* harmony import */ var _variable_claims_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6000);





// crates.io trusted publishing: the OIDC token for a short-lived publish token, deleted at job end.
/** crates.io answers no expiry (its tokens last 30 minutes). */
const OUTPUTS = { public: [], secret: ['token'] };
function read(fields) {
    return { registry: fields.url('registry') ?? new URL('https://crates.io') };
}
const cratesErrors = (body) => (0,_http_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(body) && Array.isArray(body.errors) ? body.errors.flatMap((e) => ((0,_http_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(e) && typeof e.detail === 'string' ? [e.detail] : [])).join('; ') : undefined;
async function exchange(config, ctx) {
    const url = new URL('/api/v1/trusted_publishing/tokens', config.registry);
    const { body, response } = await (0,_json_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .callJson */ .X_)({
        http: ctx.http,
        method: 'POST',
        url,
        what: 'crates.io',
        body: { jwt: ctx.idToken.jwt },
        // The JWT is single-use (crates.io records its jti): a request that reached the server is never repeated.
        idempotent: false,
        describe: cratesErrors,
        denied: [400, 401, 403],
        deniedHint: "compare the crate's trusted publisher (repository owner, repository, workflow file, environment) with these claims",
        idToken: ctx.idToken,
    });
    const token = (0,_credential_value_js__WEBPACK_IMPORTED_MODULE_1__/* .credentialValue */ .No)(body.token, 'a token', `crates.io at ${url.origin}`);
    ctx.mask(token);
    return {
        env: { CARGO_REGISTRY_TOKEN: token },
        secretOutputs: { token },
        publicOutputs: {},
        info: {
            principal: `trusted publisher on ${config.registry.host}`,
            scope: 'publish',
            tokenType: 'crates.io trusted-publishing token (30 min)',
            endpoint: `${url.origin}${url.pathname}`,
            attempts: response.attempts,
            fingerprint: await (0,_audit_fingerprint_js__WEBPACK_IMPORTED_MODULE_3__/* .fingerprint */ .R)(token),
        },
        revoke: { endpoint: config.registry.href, token },
    };
}
async function revoke(handle, ctx) {
    const { endpoint, token } = handle;
    await (0,_json_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .callJson */ .X_)({
        http: ctx.http,
        method: 'DELETE',
        url: new URL('/api/v1/trusted_publishing/tokens', endpoint),
        what: 'crates.io token revocation',
        headers: { authorization: `Bearer ${token}` },
        describe: cratesErrors,
        deniedHint: 'the token had already expired or been revoked',
    });
    return { status: 'revoked' };
}
const crates = {
    name: 'crates',
    outputs: OUTPUTS,
    read,
    defaultAudience: (config) => config.registry.host,
    exchange,
    revoke,
    // Cargo reads one CARGO_REGISTRY_TOKEN: a job publishes to one registry per step.
    exclusive: (_config, places) => (0,_variable_claims_js__WEBPACK_IMPORTED_MODULE_4__/* .variableClaims */ .Q)(['CARGO_REGISTRY_TOKEN'], places, 'export one of them as outputs (export: outputs) and hand it to cargo publish --token'),
};


/***/ }),

/***/ 3897:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EW: () => (/* binding */ BASE64),
/* harmony export */   No: () => (/* binding */ credentialValue),
/* harmony export */   Pe: () => (/* binding */ expiresAfter),
/* harmony export */   yl: () => (/* binding */ JWT)
/* harmony export */ });
/* unused harmony export TOKEN */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/**
 * Any token: printable ASCII, no space or control character, bounded. Every token format Keyless hands
 * out (JWTs, base64 and base64url, `ghs_`, `hvs.`, `ya29.`, `npm_`, `pypi-`) fits, and nothing that could
 * end a line, a record or a quoted string in a file or a variable does.
 */
const TOKEN = { pattern: /^[\x21-\x7e]{1,16384}$/, expected: 'printable ASCII without spaces, at most 16384 characters' };
/** A compact JWS (header.payload.signature), as the runner's OIDC token and ACR refresh tokens are. */
const JWT = { pattern: /^[\w-]{1,8192}\.[\w-]{1,16384}\.[\w-]{0,8192}$/, expected: 'a compact JWT (three base64url parts)' };
/** Standard base64 (`+`, `/`, `=` padding), for secrets AWS documents as base64-encoded. */
const BASE64 = { pattern: /^[A-Za-z0-9+/]{1,16384}={0,2}$/, expected: 'base64, at most 16384 characters' };
/**
 * Checks a credential the moment it arrives, before it is masked, used or written anywhere: a value a
 * server could shape into a second line of a file or a variable is refused, not handed on. The error
 * names the service and the field, never the value.
 *
 * @example credentialValue(body.token, 'token', `crates.io at ${url.origin}`)
 */
function credentialValue(value, field, what, shape = TOKEN) {
    if (typeof value === 'string' && shape.pattern.test(value))
        return value;
    const missing = value === undefined || value === null || value === '';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('HTTP_BAD_RESPONSE', missing ? `${what} answered without ${field}` : `${what} answered ${field} in a form that is not ${shape.expected}; it was not used`, { hint: 'the service is misbehaving, or the URL points at something that is not this service; report it to its operator' });
}
/**
 * The ISO date `seconds` after `now`; for a lifetime past any date JavaScript can hold, a text the exchange
 * refuses as unreadable (src/exchange.ts) once the credential's revocation is recorded, where throwing
 * here, before that, would leave a revocable token unrevoked.
 */
function expiresAfter(now, seconds) {
    const at = new Date(now + seconds * 1000);
    return Number.isNaN(at.getTime()) ? `in ${String(seconds)} s` : at.toISOString();
}


/***/ }),

/***/ 7840:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fx: () => (/* binding */ dockerHubProblem),
/* harmony export */   Tg: () => (/* binding */ dockerLogins),
/* harmony export */   cU: () => (/* binding */ DOCKER_USERNAME),
/* harmony export */   fF: () => (/* binding */ registryHostClaims),
/* harmony export */   zv: () => (/* binding */ REGISTRY_HOST)
/* harmony export */ });
// A docker login as a provider hands it to the sink (src/sinks/docker-config.ts): one `auths` part of the
// shared config.json, merged there with every other entry's logins and the job's earlier config.
/** A registry host as Docker keys `auths`: a lower-case name and optional port, no scheme or path. */
const REGISTRY_HOST = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/;
// Docker's own names for Docker Hub; the CLI keys its login https://index.docker.io/v1/, so a login
// under any of these would sit beside, not replace, one made by `docker login`.
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com', 'hub.docker.com']);
/** Why a host cannot take this login: Docker Hub takes no token Keyless mints, under any of its names. */
function dockerHubProblem(host, loginOf) {
    if (!DOCKER_HUB.has(host.replace(/:443$/, '')))
        return undefined;
    return `is Docker Hub, which takes no ${loginOf}: name the registry that issued it, and log in to Docker Hub with docker/login-action`;
}
/** What `user:password` may hold for the login to stay one `auth` value: no colon in the user, nothing unprintable. */
const DOCKER_USERNAME = { pattern: /^[\x21-\x39\x3b-\x7e]{1,255}$/, expected: 'printable ASCII without spaces or colons, at most 255 characters' };
/**
 * The docker config part that logs in to each host with one username and password. The base64 `auth`
 * is masked as well: it would slip past a mask of the password alone.
 */
function dockerLogins(hosts, username, password, mask) {
    const auth = Buffer.from(`${username}:${password}`).toString('base64');
    mask(auth);
    const auths = Object.fromEntries(hosts.map((host) => [host, { auth }]));
    return { env: 'DOCKER_CONFIG', name: 'docker/config.json', format: 'docker-config', content: JSON.stringify({ auths }) };
}
/**
 * Each host an entry logs in to, taken in the one docker config the job (or `keyless exec`'s command)
 * gets: of two logins to one host the later would silently replace the earlier. Claimed with the
 * settings, so two entries naming one host are refused before either is minted; hosts only an answer
 * names (ECR without `host`) are caught when the config is written.
 */
function registryHostClaims(hosts, places, field) {
    if (places.size === 0)
        return [];
    return [...new Set(hosts)].map((host) => ({
        key: `registry host ${host}`,
        field,
        message: (other) => `logs in to ${host}, as ${other} does; the later login would silently replace the earlier: keep one entry per registry host (one entry's ${field} may list several)`,
    }));
}


/***/ }),

/***/ 5183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   github: () => (/* binding */ github),
/* harmony export */   revoke: () => (/* binding */ revoke)
/* harmony export */ });
/* harmony import */ var _audit_fingerprint_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7663);
/* harmony import */ var _http_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2868);
/* harmony import */ var _http_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6697);
/* harmony import */ var _credential_value_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3897);
/* harmony import */ var _json_endpoint_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(530);
/* harmony import */ var _variable_claims_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6000);






// A scoped GitHub installation token from an octo-sts–compatible Security Token Service, in place of a
// PAT; revoked at job end on this job's GitHub (GHES included: the peer hard-codes api.github.com).
/** The STS answers no expiry (installation tokens last an hour). */
const OUTPUTS = { public: [], secret: ['token'] };
function read(fields) {
    const sts = fields.url('sts-url') ?? new URL('https://octo-sts.dev');
    const scope = fields.string('scope', { required: true, pattern: /^[\w.-]+(\/[\w.-]+)?$/, expected: 'owner or owner/repo' });
    const identity = fields.string('identity', { required: true, pattern: /^[\w.-]+$/, expected: 'the trust policy name (.github/chainguard/<identity>.sts.yaml)' });
    const exportEnv = fields.envName('export-env', 'GH_TOKEN');
    if (scope === undefined || identity === undefined || exportEnv === undefined)
        return undefined;
    return { sts, scope, identity, exportEnv };
}
/** octo-sts answers with gRPC-gateway errors: `{"code": 7, "message": "trust policy: …"}`. */
const grpcError = (body) => ((0,_http_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(body) ? (0,_http_json_js__WEBPACK_IMPORTED_MODULE_0__/* .serverText */ .Tn)(body.message) : undefined);
async function exchange(config, ctx) {
    const url = new URL('/sts/exchange', config.sts);
    url.searchParams.set('scope', config.scope);
    url.searchParams.set('identity', config.identity);
    const { body, response } = await (0,_json_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .callJson */ .X_)({
        http: ctx.http,
        method: 'GET',
        url,
        what: 'GitHub token STS',
        headers: { authorization: `Bearer ${ctx.idToken.jwt}` },
        describe: grpcError,
        denied: [401, 403, 404],
        deniedHint: `check .github/chainguard/${config.identity}.sts.yaml in the scope's repository (the org's .github repository for an org scope): its issuer, subject and claim patterns must match these claims`,
        idToken: ctx.idToken,
    });
    const token = (0,_credential_value_js__WEBPACK_IMPORTED_MODULE_2__/* .credentialValue */ .No)(body.token, 'a token', `the STS at ${url.origin}`);
    ctx.mask(token);
    const api = (0,_http_url_js__WEBPACK_IMPORTED_MODULE_1__/* .parseEndpoint */ .Bk)(ctx.env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL');
    return {
        env: { [config.exportEnv]: token },
        secretOutputs: { token },
        publicOutputs: {},
        info: {
            principal: `${config.scope} (policy ${config.identity})`,
            scope: config.scope,
            tokenType: 'GitHub installation token',
            endpoint: `${url.origin}${url.pathname}`,
            attempts: response.attempts,
            fingerprint: await (0,_audit_fingerprint_js__WEBPACK_IMPORTED_MODULE_4__/* .fingerprint */ .R)(token),
        },
        revoke: { endpoint: api.href, token },
        handoff: { kind: 'bearer', provider: 'github', token },
    };
}
async function revoke(handle, ctx) {
    const base = new URL(handle.endpoint);
    const { token } = handle;
    await (0,_json_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .callJson */ .X_)({
        http: ctx.http,
        method: 'DELETE',
        url: new URL(`${base.pathname.replace(/\/$/, '')}/installation/token`, base),
        what: 'GitHub installation token revocation',
        headers: { authorization: `Bearer ${token}`, 'x-github-api-version': '2022-11-28' },
        describe: grpcError,
        deniedHint: 'the token had already expired or been revoked',
    });
    return { status: 'revoked' };
}
const github = {
    name: 'github',
    outputs: OUTPUTS,
    read,
    defaultAudience: (config) => config.sts.host,
    exchange,
    revoke,
    exclusive: (config, places) => (0,_variable_claims_js__WEBPACK_IMPORTED_MODULE_5__/* .variableClaims */ .Q)([config.exportEnv], places, 'give each entry its own export-env'),
};


/***/ }),

/***/ 4418:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   accessErrors: () => (/* binding */ accessErrors),
/* harmony export */   jfrog: () => (/* binding */ jfrog),
/* harmony export */   revoke: () => (/* binding */ revoke)
/* harmony export */ });
/* harmony import */ var jose_jwt_decode__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7961);
/* harmony import */ var _audit_fingerprint_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7663);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _http_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2868);
/* harmony import */ var _credential_value_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3897);
/* harmony import */ var _docker_login_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7840);
/* harmony import */ var _json_endpoint_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(530);







// JFrog Platform (Artifactory, Xray, …) OIDC token exchange: the runner token for a JFrog access token, in
// place of a stored JF_ACCESS_TOKEN or Artifactory docker password. The wire format is Access's
// (`POST /access/api/v1/oidc/token`), as jfrog/setup-jfrog-cli sends it, without its usage-tracking fields.
const OUTPUTS = { public: ['username', 'expires-at'], secret: ['access-token'] };
const MAX_LIFETIME_S = 366 * 24 * 3600;
function read(fields) {
    const url = fields.url('url', { required: true });
    const providerName = fields.string('provider-name', {
        required: true,
        pattern: /^[A-Za-z0-9][\w.-]{0,127}$/,
        expected: 'the Provider Name of the OIDC integration in the JFrog Platform (letters, digits, ., _ and -)',
    });
    const project = fields.string('project', { pattern: /^[a-z][a-z0-9-]{1,31}$/, expected: 'a JFrog project key (2 to 32 lower-case letters, digits and -, starting with a letter)' });
    const dockerHosts = fields.strings('docker-hosts') ?? [];
    dockerHosts.forEach((host, i) => {
        const problem = dockerHosts.indexOf(host) < i
            ? `repeats ${host}`
            : _docker_login_js__WEBPACK_IMPORTED_MODULE_3__/* .REGISTRY_HOST */ .zv.test(host)
                ? (0,_docker_login_js__WEBPACK_IMPORTED_MODULE_3__/* .dockerHubProblem */ .Fx)(host, 'JFrog access token')
                : 'is not a registry host (a lower-case name and optional port, no scheme or path)';
        if (problem)
            fields.report('docker-hosts', `item ${i + 1} ${problem}`);
    });
    if (url && (url.search !== '' || url.hash !== ''))
        fields.report('url', 'has a query or fragment: give the JFrog Platform URL alone, e.g. https://acme.jfrog.io');
    // The usual mistake: Access answers under the platform root, not under Artifactory's context path.
    if (url && /\/artifactory\/?$/.test(url.pathname))
        fields.report('url', 'is the Artifactory URL: give the JFrog Platform URL, without /artifactory');
    if (url === undefined || providerName === undefined)
        return undefined;
    const base = new URL(url.href.endsWith('/') ? url.href : `${url.href}/`);
    return { url: base, providerName, ...(project ? { project } : {}), dockerHosts };
}
/** Access answers `{"errors": [{"code", "message"}]}`; some of its endpoints a flat `{"code", "message", "detail"}`. */
function accessErrors(body, text) {
    if (!(0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(body))
        return (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .serverText */ .Tn)(text, 200);
    const one = (e) => ((0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(e) ? [(0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .serverText */ .Tn)(e.code, 60), (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .serverText */ .Tn)(e.message), (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .serverText */ .Tn)(e.detail)].filter(Boolean).join(' ') : '');
    const said = Array.isArray(body.errors) ? body.errors.map(one).filter(Boolean) : [one(body)].filter(Boolean);
    return said.length > 0 ? said.join('; ') : undefined;
}
async function exchange(config, ctx) {
    const url = new URL('access/api/v1/oidc/token', config.url);
    const call = {
        http: ctx.http,
        method: 'POST',
        url,
        what: 'JFrog Access',
        body: {
            grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
            subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
            subject_token: ctx.idToken.jwt,
            provider_name: config.providerName,
            ...(config.project ? { project_key: config.project } : {}),
        },
        describe: accessErrors,
        denied: [401, 403],
        deniedHint: deniedHint(config, ctx.idToken),
        idToken: ctx.idToken,
    };
    const response = await (0,_json_endpoint_js__WEBPACK_IMPORTED_MODULE_4__/* .sendJson */ .jD)(call);
    let body;
    try {
        ({ body } = (0,_json_endpoint_js__WEBPACK_IMPORTED_MODULE_4__/* .jsonAnswer */ .tQ)(call, response));
    }
    catch (error) {
        throw withHint(error, hintFor(response.status, accessErrors((0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseLoose */ .il)(response.body), response.body) ?? '', config));
    }
    const where = `JFrog Access at ${url.origin}`;
    const token = (0,_credential_value_js__WEBPACK_IMPORTED_MODULE_2__/* .credentialValue */ .No)(body.access_token, 'an access_token', where);
    ctx.mask(token);
    const given = body.username === undefined || body.username === null || body.username === '' ? undefined : body.username;
    const username = given === undefined
        ? (0,_credential_value_js__WEBPACK_IMPORTED_MODULE_2__/* .credentialValue */ .No)(usernameOf(token), 'a username, nor an access token whose sub names one', where, _docker_login_js__WEBPACK_IMPORTED_MODULE_3__/* .DOCKER_USERNAME */ .cU)
        : (0,_credential_value_js__WEBPACK_IMPORTED_MODULE_2__/* .credentialValue */ .No)(given, 'username', where, _docker_login_js__WEBPACK_IMPORTED_MODULE_3__/* .DOCKER_USERNAME */ .cU);
    const expiresAt = expiryOf(body.expires_in, where, ctx.now());
    const scope = typeof body.scope === 'string' ? body.scope : undefined;
    const files = config.dockerHosts.length > 0 ? [(0,_docker_login_js__WEBPACK_IMPORTED_MODULE_3__/* .dockerLogins */ .Tg)(config.dockerHosts, username, token, (secret) => { ctx.mask(secret); })] : [];
    return {
        env: { JF_ACCESS_TOKEN: token },
        publicEnv: { JF_URL: config.url.href },
        ...(files.length > 0 ? { files } : {}),
        secretOutputs: { 'access-token': token },
        // Not masked, unlike the peer: the name is the identity mapping's, not a secret, and masking a short one
        // (`ci`, `deploy`) would blank that word in every later line of the log.
        publicOutputs: { username, ...(expiresAt ? { 'expires-at': expiresAt } : {}) },
        info: {
            principal: `${username} on ${config.url.host}${config.project ? ` (project ${config.project})` : ''}`,
            ...(scope ? { scope } : {}),
            ...(expiresAt ? { expiresAt } : {}),
            tokenType: `JFrog access token${config.dockerHosts.length > 0 ? ` (docker login: ${config.dockerHosts.join(', ')})` : ''}`,
            endpoint: `${url.origin}${url.pathname}`,
            attempts: response.attempts,
            fingerprint: await (0,_audit_fingerprint_js__WEBPACK_IMPORTED_MODULE_5__/* .fingerprint */ .R)(token),
        },
        revoke: { endpoint: config.url.href, token },
    };
}
/** The claims JFrog identity mappings usually match on, beyond the ones every refusal prints. */
function deniedHint(config, idToken) {
    const { repository, repository_owner: owner, actor } = idToken.claims;
    return (`no identity mapping of the OIDC integration "${config.providerName}" matches this token: compare each mapping's Claims JSON ` +
        `(Administration → General Management → Integrations) with these claims and repository=${JSON.stringify(repository)}, ` +
        `repository_owner=${JSON.stringify(owner)}, actor=${JSON.stringify(actor)}; every claim a mapping lists must match, ` +
        "and the integration's Provider URL must be the token's iss");
}
function hintFor(status, said, config) {
    if (status === 404) {
        return `there is no OIDC integration named "${config.providerName}" on ${config.url.host} (provider-name is its Provider Name), or its Access is older than 7.73 and has no OIDC token exchange; check that url is the JFrog Platform URL`;
    }
    if (status === 400 && /audience/i.test(said)) {
        return "set oidc-audience to the Audience of the OIDC integration (setup-jfrog-cli's oidc-audience, if the workflow gave one)";
    }
    if (status === 400 && /project/i.test(said))
        return `check project: the key of a JFrog project the identity mapping may issue tokens for`;
    return undefined;
}
function withHint(error, hint) {
    if (hint === undefined || !(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM))
        return error;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM(error.code, error.message, { hint, cause: error.cause });
}
/**
 * The login name when Access leaves `username` out: the last segment of the token's `sub` for a user
 * (`jfac@<id>/users/<name>`, `jfrt@…`), else the whole `sub`, as setup-jfrog-cli derives it. The token is
 * decoded for this alone; nothing else in it is trusted.
 */
function usernameOf(token) {
    let sub;
    try {
        ({ sub } = (0,jose_jwt_decode__WEBPACK_IMPORTED_MODULE_6__/* .decodeJwt */ .i)(token));
    }
    catch {
        return undefined;
    }
    if (typeof sub !== 'string')
        return undefined;
    return sub.startsWith('jfrt@') || sub.includes('/users/') ? sub.slice(sub.lastIndexOf('/') + 1) : sub;
}
function expiryOf(expiresIn, where, now) {
    if (expiresIn === undefined || expiresIn === null || expiresIn === 0)
        return undefined;
    if (typeof expiresIn !== 'number' || !Number.isInteger(expiresIn) || expiresIn < 0 || expiresIn > MAX_LIFETIME_S) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('HTTP_BAD_RESPONSE', `${where} answered expires_in that is not a number of seconds between 1 and ${MAX_LIFETIME_S}; the token was not used`, {
            hint: 'the service is misbehaving, or the URL points at something that is not JFrog Access; report it to its operator',
        });
    }
    return new Date(now + expiresIn * 1000).toISOString();
}
/**
 * `DELETE /access/api/v1/tokens/me` with the token itself (Artifactory 7.53.1 and later). Access keeps no
 * revocable record of a token that lives less than its revocable-expiry-threshold (6 hours by default,
 * longer than most identity mappings' token expiry), and says so: reported as not revocable, not as a failure.
 */
async function revoke(handle, ctx) {
    const url = new URL('access/api/v1/tokens/me', handle.endpoint);
    const call = {
        http: ctx.http,
        method: 'DELETE',
        url,
        what: 'JFrog token revocation',
        headers: { authorization: `Bearer ${handle.token}` },
        describe: accessErrors,
        deniedHint: 'the token had already expired or been revoked',
    };
    const response = await (0,_json_endpoint_js__WEBPACK_IMPORTED_MODULE_4__/* .sendJson */ .jD)(call);
    if (response.status === 204)
        return { status: 'revoked', detail: 'Access says it was already revoked' };
    const said = accessErrors((0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseLoose */ .il)(response.body), response.body) ?? '';
    if (response.status === 400 && /not revocable/i.test(said)) {
        return {
            status: 'not-revocable',
            detail: "JFrog keeps no revocable record of a token that lives less than Access's revocable-expiry-threshold (6 hours by default); it expires on its own",
        };
    }
    (0,_json_endpoint_js__WEBPACK_IMPORTED_MODULE_4__/* .jsonAnswer */ .tQ)(call, response);
    return { status: 'revoked' };
}
/** JF_URL and JF_ACCESS_TOKEN are one platform's, and each docker host one login: a second entry taking either would silently replace the first's. */
function exclusive(config, places) {
    if (places.size === 0)
        return [];
    return [
        { key: 'jfrog environment', message: (other) => `exports JF_URL and JF_ACCESS_TOKEN, as ${other} does; the later would silently replace the earlier: give one export: outputs` },
        ...(0,_docker_login_js__WEBPACK_IMPORTED_MODULE_3__/* .registryHostClaims */ .fF)(config.dockerHosts, places, 'docker-hosts'),
    ];
}
const jfrog = {
    name: 'jfrog',
    outputs: OUTPUTS,
    read,
    // The platform's origin, so the token is good for this platform only; GitHub's default audience (what the
    // peer asks for when its oidc-audience is empty) is shared by every relying party that takes it.
    defaultAudience: (config) => config.url.origin,
    exchange,
    revoke,
    exclusive,
};


/***/ }),

/***/ 530:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X_: () => (/* binding */ callJson),
/* harmony export */   jD: () => (/* binding */ sendJson),
/* harmony export */   tQ: () => (/* binding */ jsonAnswer)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _http_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2868);
/* harmony import */ var _oauth_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8350);



/** A JSON request to a token service: the JSON answer on 2xx, else one clear error quoting the service. */
async function callJson(call) {
    return jsonAnswer(call, await sendJson(call));
}
/** Sends the request of a JSON call, for a caller that looks at the status first (Vault's 404 for a missing secret). */
function sendJson(call) {
    return call.http.request({
        method: call.method,
        url: call.url,
        what: call.what,
        headers: { accept: 'application/json', ...(call.body === undefined ? {} : { 'content-type': 'application/json' }), ...call.headers },
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
        ...(call.idempotent === false ? { idempotent: false } : {}),
        ...(call.tls ? { tls: call.tls } : {}),
        ...(call.retryOn ? { retryOn: call.retryOn } : {}),
        ...(call.undo ? { undo: true } : {}),
    });
}
/** The JSON answer of a 2xx response, else one clear error quoting the service. */
function jsonAnswer(call, response) {
    const where = `${call.what} ${call.url.origin}${call.url.pathname}`;
    if (response.status < 200 || response.status >= 300) {
        const said = call.describe((0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseLoose */ .il)(response.body), response.body);
        const text = `${where} answered HTTP ${response.status}${said ? `: ${call.idToken ? said.split(call.idToken.jwt).join('***') : said}` : ''}`;
        if ((call.denied ?? [401, 403]).includes(response.status)) {
            const claims = call.idToken ? ` The token carried ${(0,_oauth_error_js__WEBPACK_IMPORTED_MODULE_2__/* .claimsForHumans */ .D1)(call.idToken)}.` : '';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('EXCHANGE_DENIED', `${text}.${claims}`, { hint: call.deniedHint });
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('EXCHANGE_FAILED', text, { hint: response.status >= 500 ? 're-run later; the service is failing' : 'check the entry keys' });
    }
    if (response.status === 204 || response.body === '')
        return { body: {}, response };
    const body = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .jsonBody */ .J9)(response, where);
    if (!(0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(body))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('HTTP_BAD_RESPONSE', `${where} answered with JSON that is not an object`);
    return { body, response };
}


/***/ }),

/***/ 8350:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D1: () => (/* binding */ claimsForHumans),
/* harmony export */   YM: () => (/* binding */ oauthError),
/* harmony export */   xD: () => (/* binding */ issuerOf)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _http_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2868);


/** RFC 6749 §5.2 codes that mean "you may not", as opposed to "you asked wrongly" or "I am broken". */
const DENIED = new Set(['invalid_grant', 'unauthorized_client', 'access_denied', 'invalid_target', 'invalid_scope', 'invalid_client']);
/**
 * The claims relying parties match trust policies on; none is secret. `iss` first: on GitHub Enterprise
 * Server and GHE.com it is not token.actions.githubusercontent.com, the usual mismatch there.
 */
function claimsForHumans(idToken) {
    const { iss, sub, aud, job_workflow_ref: workflow, environment } = idToken.claims;
    const pairs = [['iss', iss], ['sub', sub], ['aud', aud], ['job_workflow_ref', workflow], ['environment', environment]];
    return pairs
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
        .join(' ');
}
/**
 * The token's issuer as a trust policy names it (an https URL, no trailing slash), for setup hints:
 * never a hard-coded github.com issuer, which is wrong on GHES and GHE.com.
 */
function issuerOf(idToken) {
    const { iss } = idToken.claims;
    if (typeof iss !== 'string' || iss.length > 200 || !URL.canParse(iss))
        return undefined;
    return new URL(iss).protocol === 'https:' ? iss.replace(/\/$/, '') : undefined;
}
/**
 * The error for a failed token request: RFC 6749 §5.2 / RFC 8693 §2.2.2 bodies (`error`,
 * `error_description`, `error_uri`) are quoted; a denial prints the claims the policy was matched against.
 */
function oauthError(response, what, idToken, deniedHint = "compare these claims with the issuer's trust policy for this workload (subject, audience, workflow)") {
    const body = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseLoose */ .il)(response.body);
    const code = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(body) ? (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .serverText */ .Tn)(body.error, 80) : undefined;
    const description = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(body) ? (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .serverText */ .Tn)(body.error_description) : undefined;
    const uri = (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(body) ? (0,_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .serverText */ .Tn)(body.error_uri, 200) : undefined;
    const said = code === undefined ? '' : `: ${code}${description ? ` "${description}"` : ''}${uri ? ` (${uri})` : ''}`;
    // A server may echo the request back; the subject token must not travel on in our message.
    const message = `${what} answered HTTP ${response.status}${idToken ? said.split(idToken.jwt).join('***') : said}`;
    if (code !== undefined && DENIED.has(code)) {
        const claims = idToken === undefined ? '' : ` The token carried ${claimsForHumans(idToken)}.`;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('EXCHANGE_DENIED', `${message}.${claims}`, { hint: deniedHint });
    }
    const hint = code === 'invalid_request' || code === 'unsupported_grant_type'
        ? 'the server does not accept this request; check the entry keys against its documentation'
        : response.status >= 500 || response.status === 429
            ? 'the service is failing or throttling; re-run the job later'
            : 'check the endpoint URL and the entry keys';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .KeylessError */ .FM('EXCHANGE_FAILED', message, { hint });
}


/***/ }),

/***/ 6660:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   revokeOAuthToken: () => (/* binding */ revokeOAuthToken)
/* harmony export */ });
/* harmony import */ var _oauth_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8350);

/**
 * RFC 7009 revocation of the handle's token (and refresh token first, when there is one): 200 means
 * revoked or already invalid; `unsupported_token_type` means the issuer cannot revoke it.
 */
async function revokeOAuthToken(handle, ctx) {
    const { endpoint, token, refresh, clientId } = handle;
    const url = new URL(endpoint);
    for (const [value, hint] of [[refresh, 'refresh_token'], [token, 'access_token']]) {
        if (!value)
            continue;
        const form = new URLSearchParams({ token: value, token_type_hint: hint });
        if (clientId)
            form.set('client_id', clientId);
        const response = await ctx.http.request({
            method: 'POST',
            url,
            what: 'revocation endpoint',
            // The handle's headers first: they may not replace the content type the body is sent as.
            headers: { ...handle.headers, 'content-type': 'application/x-www-form-urlencoded' },
            body: form.toString(),
        });
        if (response.status === 200)
            continue;
        const error = (0,_oauth_error_js__WEBPACK_IMPORTED_MODULE_0__/* .oauthError */ .YM)(response, `revocation endpoint ${url.origin}${url.pathname}`, undefined);
        // RFC 7009's `unsupported_token_type`, and Google's `invalid_token` for tokens it will not revoke.
        if (/: (unsupported_token_type|invalid_token)\b/.test(error.message))
            return { status: 'not-revocable', detail: 'the issuer does not revoke this token type' };
        return { status: 'failed', detail: error.message };
    }
    return { status: 'revoked' };
}


/***/ }),

/***/ 1552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ QUAY_ROBOT),
/* harmony export */   d: () => (/* binding */ quay)
/* harmony export */ });
/* harmony import */ var jose_jwt_decode__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7961);
/* harmony import */ var _audit_fingerprint_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7663);
/* harmony import */ var _http_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2868);
/* harmony import */ var _credential_value_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3897);
/* harmony import */ var _docker_login_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7840);
/* harmony import */ var _json_endpoint_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(530);






// Quay robot account federation (quay.io, and Red Hat Quay 3.13 and later): the runner token, presented
// as the password of a robot account whose federation lists its issuer and subject, for a short-lived
// robot token that `docker login` takes in place of the robot's stored password.
// `GET /oauth2/federation/robot/token` with Basic auth; `{"token"}` on success, `{"error"}` with 401.
const OUTPUTS = { public: ['username', 'host', 'expires-at'], secret: ['password'] };
/** A Quay robot username: the organisation or user namespace, `+`, the robot's short name. */
const QUAY_ROBOT = /^(?=.{4,255}$)[a-z0-9]+(?:[._-][a-z0-9]+)*\+[a-z][a-z0-9_]{1,254}$/;
/** Beyond this the answer is not a temporary robot token (Quay's last one hour). */
const MAX_LIFETIME_MS = 24 * 3600_000;
function read(fields) {
    const url = fields.url('url') ?? new URL('https://quay.io');
    const robot = fields.string('robot', {
        required: true,
        pattern: QUAY_ROBOT,
        expected: 'a robot account as Quay names it, NAMESPACE+ROBOT (e.g. acme+github_ci)',
    });
    if (url.pathname !== '/' || url.search !== '' || url.hash !== '')
        fields.report('url', 'has a path, query or fragment: give the Quay origin alone, e.g. https://quay.io');
    const hub = (0,_docker_login_js__WEBPACK_IMPORTED_MODULE_2__/* .dockerHubProblem */ .Fx)(url.hostname, 'Quay robot token');
    if (hub)
        fields.report('url', hub);
    if (robot === undefined)
        return undefined;
    return { url: new URL(url.origin), robot };
}
/** Quay answers `{"error": "..."}` to a refused federation; anything else is quoted, bounded. */
function quayError(body, text) {
    return (0,_http_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(body) ? (0,_http_json_js__WEBPACK_IMPORTED_MODULE_0__/* .serverText */ .Tn)(body.error) : (0,_http_json_js__WEBPACK_IMPORTED_MODULE_0__/* .serverText */ .Tn)(text, 200);
}
async function exchange(config, ctx) {
    const url = new URL('oauth2/federation/robot/token', config.url);
    // The runner token as a password: its Basic form would slip past a mask of the token alone.
    const basic = Buffer.from(`${config.robot}:${ctx.idToken.jwt}`).toString('base64');
    ctx.mask(basic);
    const call = {
        http: ctx.http,
        method: 'GET',
        url,
        what: 'Quay robot federation',
        headers: { authorization: `Basic ${basic}` },
        describe: quayError,
        denied: [401, 403],
        deniedHint: deniedHint(config, ctx.idToken),
        idToken: ctx.idToken,
    };
    const response = await (0,_json_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .sendJson */ .jD)(call);
    const { body } = (0,_json_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .jsonAnswer */ .tQ)(call, response);
    const where = `Quay at ${url.origin}`;
    // Quay's temporary robot tokens are JWTs it signs; the shape is all Keyless checks of one.
    const token = (0,_credential_value_js__WEBPACK_IMPORTED_MODULE_1__/* .credentialValue */ .No)(body.token, 'a token', where, _credential_value_js__WEBPACK_IMPORTED_MODULE_1__/* .JWT */ .yl);
    ctx.mask(token);
    const expiresAt = expiryOf(token, ctx.now());
    const host = config.url.host;
    return {
        env: {},
        files: [(0,_docker_login_js__WEBPACK_IMPORTED_MODULE_2__/* .dockerLogins */ .Tg)([host], config.robot, token, (secret) => { ctx.mask(secret); })],
        secretOutputs: { password: token },
        // The robot's name is on every push it makes, not a secret; masking it would blank it all over the log.
        publicOutputs: { username: config.robot, host, ...(expiresAt ? { 'expires-at': expiresAt } : {}) },
        info: {
            principal: `${config.robot} at ${host}`,
            ...(expiresAt ? { expiresAt } : {}),
            tokenType: 'Quay robot token (docker config)',
            endpoint: `${url.origin}${url.pathname}`,
            attempts: response.attempts,
            fingerprint: await (0,_audit_fingerprint_js__WEBPACK_IMPORTED_MODULE_4__/* .fingerprint */ .R)(token),
        },
        irrevocable: 'Quay offers no revocation of a federated robot token; the docker config is deleted and the token expires on its own (1 hour)',
    };
}
/** The token's own `exp`, for the report and `expires-at` only: read, not trusted, and left out when absurd. */
function expiryOf(token, now) {
    let exp;
    try {
        ({ exp } = (0,jose_jwt_decode__WEBPACK_IMPORTED_MODULE_5__/* .decodeJwt */ .i)(token));
    }
    catch {
        return undefined;
    }
    if (typeof exp !== 'number' || !Number.isFinite(exp) || exp * 1000 <= now || exp * 1000 - now > MAX_LIFETIME_MS)
        return undefined;
    return new Date(exp * 1000).toISOString();
}
/** Quay matches the token's `iss` and `sub` exactly against the robot's federation entries. */
function deniedHint(config, idToken) {
    const { iss, sub } = idToken.claims;
    return (`in Quay, open the robot account ${config.robot} → Set robot federation, and add an entry with issuer ${JSON.stringify(iss)} and ` +
        `subject ${JSON.stringify(sub)}: Quay compares both exactly (no wildcards), so a job on another branch or environment needs its own entry`);
}
/** One login per registry host in the job's docker config: a second entry for the same Quay would silently replace the first. */
function exclusive(config, places) {
    return (0,_docker_login_js__WEBPACK_IMPORTED_MODULE_2__/* .registryHostClaims */ .fF)([config.url.host], places, 'url');
}
const quay = {
    name: 'quay',
    outputs: OUTPUTS,
    read,
    // Quay does not check the audience; the instance's origin keeps the token good for nothing else that does.
    defaultAudience: (config) => config.url.origin,
    exchange,
    exclusive,
};


/***/ }),

/***/ 6000:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ variableClaims)
/* harmony export */ });
/**
 * An entry that hands its token to later steps under a fixed variable name takes that name (`export: env`)
 * or NAME_FILE (`export: file`): a second entry taking the same (two crates entries, an rfc8693 and a
 * github entry both on GH_TOKEN) would silently replace the first's token in the job, or in the one
 * environment `keyless exec` gives COMMAND. Names compare upper-cased, as Windows runners read them.
 */
function variableClaims(names, places, remedy) {
    const first = (names[0] ?? '').toUpperCase();
    return [...places].map((place) => {
        const taken = place === 'env' ? names.join(', ') : names.map((name) => `${name}_FILE`).join(', ');
        return { key: `variable ${first}${place === 'env' ? '' : '_FILE'}`, message: (other) => `exports ${taken}, as ${other} does; the later token would silently replace the earlier: ${remedy}` };
    });
}


/***/ }),

/***/ 2016:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  revoke: () => (/* binding */ revoke),
  vault: () => (/* binding */ vault)
});

// EXTERNAL MODULE: ./src/audit/fingerprint.ts
var fingerprint = __webpack_require__(7663);
// EXTERNAL MODULE: ./src/http/json.ts
var json = __webpack_require__(2868);
// EXTERNAL MODULE: ./src/runner/mask.ts
var mask = __webpack_require__(7084);
// EXTERNAL MODULE: ./src/providers/json-endpoint.ts
var json_endpoint = __webpack_require__(530);
// EXTERNAL MODULE: ./src/providers/credential-value.ts
var credential_value = __webpack_require__(3897);
// EXTERNAL MODULE: ./src/config/env-names.ts
var env_names = __webpack_require__(1572);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/providers/vault-secrets.ts





/** At most this many values from wildcards: each becomes a variable of every later step. */
const MAX_VALUES = 100;
async function readSecrets(requests, ctx) {
    const paths = [...new Set(requests.map((r) => r.path))];
    const settled = await Promise.allSettled(paths.map((path) => fetchSecret(path, ctx)));
    const answers = new Map();
    // The first failure in the order the paths were written, whichever came back first.
    for (const [i, result] of settled.entries()) {
        if (result.status === 'rejected')
            throw result.reason;
        answers.set(paths[i] ?? '', result.value);
    }
    const out = { values: {}, reads: [], notices: [] };
    for (const request of requests) {
        const answer = answers.get(request.path);
        if (answer === undefined) {
            out.notices.push(`no secret at ${request.path} (HTTP 404): ${request.pick.kind === 'all' ? 'its keys were' : `${request.name} was`} not exported (ignore-not-found)`);
            continue;
        }
        for (const [key, raw] of picked(request, answer)) {
            const name = request.pick.kind === 'all' ? wildcardName(request, key) : request.name;
            const value = secretValue(raw, request, key, ctx);
            if (request.pick.kind === 'all')
                checkName(name, out.values, request.path);
            out.values[name] = value;
            out.reads.push({ path: request.path, key: request.pick.kind === 'all' ? ((0,json/* serverText */.Tn)(key, 100) ?? '') : label(request.pick), name });
            if (Object.keys(out.values).length > MAX_VALUES) {
                throw new errors/* KeylessError */.FM('EXCHANGE_FAILED', `the secrets of this entry make more than ${MAX_VALUES} variables`, { hint: 'list the keys you need instead of * or **' });
            }
        }
    }
    return out;
}
/** The answer for one path; undefined for a 404 when ignore-not-found allows it. */
async function fetchSecret(path, ctx) {
    const url = new URL(`v1/${path.split('/').map(encodeURIComponent).join('/')}`, ctx.base);
    const call = {
        http: ctx.http,
        method: 'GET',
        url,
        what: 'Vault secret read',
        headers: ctx.headers,
        describe: (body) => ((0,json/* isObject */.Gv)(body) && Array.isArray(body.errors) ? body.errors.filter((e) => typeof e === 'string').join('; ') : undefined),
        denied: [403],
        deniedHint: `the role's token policies (${ctx.policies || 'none'}) must grant read on ${path}: path "${path}" { capabilities = ["read"] } (a KV v2 policy names the data/ path)`,
        // 412: a performance standby that has not yet seen the token (Vault documents retrying it).
        retryOn: (response) => response.status === 412,
        ...(ctx.tls ? { tls: ctx.tls } : {}),
    };
    const response = await (0,json_endpoint/* sendJson */.jD)(call);
    if (response.status === 404) {
        if (ctx.ignoreNotFound)
            return undefined;
        throw new errors/* KeylessError */.FM('EXCHANGE_FAILED', `Vault has no secret at ${path} (HTTP 404 from ${url.origin}${url.pathname})`, {
            hint: 'check the path: a KV v2 secret is read at MOUNT/data/PATH (the "Secret Path" vault kv get prints); or set ignore-not-found: true to skip it',
        });
    }
    const { body } = (0,json_endpoint/* jsonAnswer */.tQ)(call, response);
    if (!(0,json/* isObject */.Gv)(body.data)) {
        throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `Vault answered the read of ${path} without a data object`, { hint: 'the path is not a secret that can be read (a list or a write endpoint?); check it' });
    }
    return body;
}
/** KV v2 wraps the secret in `data.data` beside `data.metadata`; KV v1 and other engines answer it in `data`. */
function secretData(answer) {
    const data = answer.data;
    return (0,json/* isObject */.Gv)(data.data) && (0,json/* isObject */.Gv)(data.metadata) ? data.data : data;
}
/** The values a request takes from an answer, with the key each came from. */
function picked(request, answer) {
    const { pick } = request;
    if (pick.kind === 'all')
        return Object.entries(secretData(answer));
    const start = pick.kind === 'field' ? secretData(answer) : answer;
    let at = start;
    for (const step of pick.steps) {
        const next = Array.isArray(at) && /^\d+$/.test(step) ? at[Number(step)] : (0,json/* isObject */.Gv)(at) && Object.hasOwn(at, step) ? at[step] : undefined;
        if (next === undefined || next === null)
            throw missingKey(request, at);
        at = next;
    }
    return [[label(pick), at]];
}
function missingKey(request, at) {
    // Key names are not values; the first few say what the secret holds, made printable.
    const keys = (0,json/* isObject */.Gv)(at) ? Object.keys(at).slice(0, 20).map((k) => (0,json/* serverText */.Tn)(k, 60) ?? '').join(', ') : '';
    return new errors/* KeylessError */.FM('EXCHANGE_FAILED', `the secret at ${request.path} has no ${request.pick.kind === 'select' ? 'value at' : 'key'} ${label(request.pick)}${keys ? ` (it has: ${keys})` : ''}`, {
        hint: request.pick.kind === 'select' ? 'select is a path from the top of the answer, e.g. data.data.password for KV v2' : 'check the key\'s spelling; use select for a value elsewhere in the answer',
    });
}
function label(pick) {
    if (pick.kind === 'all')
        return pick.upper ? '*' : '**';
    return pick.kind === 'select' ? `select ${pick.steps.join('.')}` : pick.steps.join('.');
}
/** A wildcard's variable name for one key, as vault-action makes it. */
function wildcardName(request, key) {
    const part = key.replaceAll('.', '__').replace(/[^A-Za-z0-9_]/g, '');
    const name = `${request.name}${part}`;
    return request.pick.kind === 'all' && request.pick.upper ? name.toUpperCase() : name;
}
/** A name a wildcard made from the server's keys gets the checks config.ts gives a written one. */
function checkName(name, taken, path) {
    const refusal = (0,env_names/* serverNameProblem */.Oi)(name) ?? (Object.keys(taken).some((other) => other.toUpperCase() === name.toUpperCase()) ? 'another secret of this entry has that name' : undefined);
    if (refusal === undefined && !/^(TOKEN|PRINCIPAL|VAULT_TOKEN|VAULT_ADDR|VAULT_NAMESPACE)$/i.test(name))
        return;
    const shown = /^[A-Za-z0-9_]{1,128}$/.test(name) ? name : 'a name';
    throw new errors/* KeylessError */.FM('EXCHANGE_FAILED', `a key of the secret at ${path} makes the variable ${shown}, which cannot be exported: ${refusal ?? 'the entry sets it itself'}`, {
        hint: 'list the keys you need with their names instead of * or **, or give the request a name prefix of your own (name: APP_); or rename that key in Vault',
    });
}
/** The value as text: decoded, free of what a variable cannot hold, long enough to mask, and masked. */
function secretValue(raw, request, key, ctx) {
    const what = `the value of ${request.pick.kind === 'all' ? `key ${(0,json/* serverText */.Tn)(key, 60) ?? ''}` : request.name} from ${request.path}`;
    const fail = (problem, hint) => new errors/* KeylessError */.FM('EXCHANGE_FAILED', `${what} ${problem}; it was not used`, { hint });
    // JSON values other than strings are handed out as their JSON text, as vault-action does.
    const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
    if (!mask/* SecretSet */.rE.unmaskable(text))
        ctx.mask(text);
    // A later step reads one field of that JSON (jq .password) and prints it: each string in it is a secret of its own.
    for (const leaf of typeof raw === 'string' ? [] : leafStrings(raw))
        if (!mask/* SecretSet */.rE.unmaskable(leaf))
            ctx.mask(leaf);
    const encoding = request.encoding ?? ctx.encoding;
    const value = typeof raw === 'string' && encoding !== undefined ? decode(text, encoding) : text;
    if (value === undefined)
        throw fail(`is not ${encoding ?? ''} text that decodes to UTF-8`, 'check secret-encoding-type (or the request\'s encoding) against how the value is stored');
    if (value.includes('\0'))
        throw fail('holds a NUL character, which no variable or output can', 'store it encoded (base64) and decode it in the step that uses it');
    if (mask/* SecretSet */.rE.unmaskable(value)) {
        throw fail(`is shorter than ${mask/* MIN_SECRET_LENGTH */.vb} characters, or has a line that short, so it cannot be masked in the log`, `store a value of ${mask/* MIN_SECRET_LENGTH */.vb} or more characters per line (a PEM key whose last line is short: store it base64-encoded on one line and decode it where it is used); a value that is not secret belongs in a repository variable`);
    }
    ctx.mask(value);
    return value;
}
function leafStrings(value) {
    if (typeof value === 'string')
        return [value];
    return typeof value === 'object' && value !== null ? Object.values(value).flatMap(leafStrings) : [];
}
function decode(text, encoding) {
    if (encoding === 'utf8')
        return text;
    const compact = text.replace(/\s+/g, '');
    const valid = encoding === 'base64' ? /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact) : /^(?:[0-9a-fA-F]{2})*$/.test(compact);
    if (!valid)
        return undefined;
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(compact, encoding));
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/config/fields.ts
var config_fields = __webpack_require__(81);
;// CONCATENATED MODULE: ./src/providers/vault-secrets-config.ts


// A Vault entry's `secrets`: a list of mappings {path, key | select, name?, encoding?}, or the lines of
// hashicorp/vault-action (`PATH SELECTOR [| NAME]`, separated by `;` or line breaks) as a string or as list
// items, so a migrating workflow keeps its block as it is. Every request is checked here, before any
// network call; what a request becomes at run time is in vault-secrets.ts.
const ENCODINGS = ['base64', 'hex', 'utf8'];
/** At most this many requests per entry: one variable each, and Vault reads run concurrently. */
const MAX_REQUESTS = 100;
const SEGMENT = /^[A-Za-z0-9_.@+=,:~-]{1,200}$/;
const STEP = /^[A-Za-z0-9_@:+~-]{1,200}$/;
const QUOTED = /^(["`])([^"`]{1,200})\1$/;
const PREFIX = /^([A-Za-z_][A-Za-z0-9_]{0,100})?$/;
/** Names an entry already gives its own outputs and variables (`<id>-token`, `<id>-principal`, VAULT_TOKEN, …). */
const TAKEN = new Set(['TOKEN', 'PRINCIPAL', 'VAULT_TOKEN', 'VAULT_ADDR', 'VAULT_NAMESPACE']);
/** The API path without a leading `/`, or undefined when a segment is empty, `.`, `..` or holds what a URL path would not keep. */
function secretPath(text) {
    const path = text.replace(/^\//, '');
    const segments = path.split('/');
    return segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..') ? path : undefined;
}
/** vault-action's default name for a selector: dots become `__`, anything but letters, digits and `_` goes, upper-cased. */
function defaultName(selector) {
    return selector.replaceAll('.', '__').replace(/[^A-Za-z0-9_]/g, '').toUpperCase();
}
/** A peer line, or why it is not one. Never quotes the line: a secret pasted in the wrong place would reach the log. */
function parsePeerLine(line) {
    const bar = line.lastIndexOf('|');
    const spec = (bar < 0 ? line : line.slice(0, bar)).trim();
    const named = bar < 0 ? undefined : line.slice(bar + 1).trim();
    if (named === '')
        return 'has "|" with no name after it; write PATH KEY | NAME';
    const parts = spec.split(/\s+/).filter((part) => part !== '');
    if (parts.length !== 2)
        return `is not PATH KEY [| NAME] (it has ${parts.length} word(s) before the name)`;
    const [rawPath = '', selector = ''] = parts;
    const path = secretPath(rawPath);
    if (path === undefined)
        return 'has a path that is not segments of letters, digits and _.@+=,:~- separated by /';
    if (selector === '*' || selector === '**')
        return { path, pick: { kind: 'all', upper: selector === '*' }, name: named ?? '' };
    const quoted = QUOTED.exec(selector)?.[2];
    const steps = quoted === undefined ? selector.split('.') : [quoted];
    if (!steps.every((step) => quoted !== undefined || STEP.test(step))) {
        return 'has a selector that is neither a key nor a dotted path of keys: Keyless does not evaluate JSONata expressions; use select: in a mapping for a value deeper in the answer';
    }
    return { path, pick: { kind: 'field', steps }, name: named ?? defaultName(quoted ?? selector) };
}
/** Splits the peer's `secrets` text into its requests. */
function peerLines(text) {
    return text.split(/[;\r\n]+/).map((line) => line.trim()).filter((line) => line !== '');
}
/** The `secrets` key: undefined when absent, else the requests (reported problems leave theirs out). */
function readSecretRequests(fields) {
    const raw = fields.value('secrets');
    if (raw === undefined)
        return undefined;
    const requests = [];
    const add = (request, report) => {
        if (request === undefined)
            return;
        const problem = nameProblem(request, requests);
        if (problem === undefined)
            requests.push(request);
        else
            report(problem);
    };
    if (typeof raw === 'string') {
        const lines = peerLines(raw);
        if (lines.length === 0)
            fields.report('secrets', 'is empty; give PATH KEY [| NAME] lines, or a list');
        lines.forEach((line, i) => {
            const parsed = parsePeerLine(line);
            const report = (message) => { fields.report('secrets', `request ${i + 1} ${message}`); };
            if (typeof parsed === 'string')
                report(parsed);
            else
                add(parsed, report);
        });
    }
    else if (Array.isArray(raw) && raw.length > 0) {
        raw.forEach((item, i) => {
            const reader = fields.item('secrets', i, typeof item === 'object' && item !== null && !Array.isArray(item) ? item : {});
            const report = (message) => { reader.report(undefined, message); };
            if (typeof item === 'string') {
                const lines = peerLines(item);
                if (lines.length === 0)
                    report('is empty; write PATH KEY [| NAME]');
                lines.forEach((line, n) => {
                    const parsed = parsePeerLine(line);
                    const at = (message) => { report(lines.length > 1 ? `request ${n + 1} ${message}` : message); };
                    if (typeof parsed === 'string')
                        at(parsed);
                    else
                        add(parsed, at);
                });
            }
            else if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
                add(readMapping(reader), report);
            }
            else {
                report(`must be a mapping {path, key, name} or a line PATH KEY [| NAME], not ${(0,config_fields/* describe */.q0)(item)}`);
            }
        });
    }
    else {
        fields.report('secrets', `must be a non-empty list, or vault-action's PATH KEY [| NAME] lines, not ${(0,config_fields/* describe */.q0)(raw)}`);
    }
    if (requests.length > MAX_REQUESTS)
        fields.report('secrets', `has ${requests.length} requests; at most ${MAX_REQUESTS} per entry`);
    return requests;
}
function readMapping(item) {
    const rawPath = item.string('path', { required: true, expected: 'the API path after /v1/, e.g. secret/data/ci' });
    const key = item.string('key', { expected: 'a key of the secret, * or **' });
    const select = item.string('select', { pattern: /^[A-Za-z0-9_@:+~-]{1,200}(\.[A-Za-z0-9_@:+~-]{1,200}){0,20}$/, expected: 'a dotted path into the answer, e.g. data.data.password' });
    const name = item.string('name', { expected: 'a variable name' });
    const encodingText = item.string('encoding', { pattern: /^(base64|hex|utf8)$/, expected: `one of ${ENCODINGS.join(', ')}` });
    item.finish();
    if (key !== undefined && select !== undefined)
        item.report('select', 'cannot be given with key: key picks a field of the secret, select a path in the whole answer');
    if (key === undefined && select === undefined && !item.has('key') && !item.has('select'))
        item.report(undefined, 'needs key (a field of the secret) or select (a path in the answer)');
    const path = rawPath === undefined ? undefined : secretPath(rawPath);
    if (rawPath !== undefined && path === undefined)
        item.report('path', 'is not segments of letters, digits and _.@+=,:~- separated by /');
    if (path === undefined || (key === undefined) === (select === undefined))
        return undefined;
    const encoding = encodingText;
    return { path, ...(encoding ? { encoding } : {}), ...picking(key, select, name) };
}
/** What a mapping's key or select takes, and the name it goes by: given, or vault-action's default. */
function picking(key, select, name) {
    if (key === '*' || key === '**')
        return { pick: { kind: 'all', upper: key === '*' }, name: name ?? '' };
    if (key !== undefined)
        return { pick: { kind: 'field', steps: [key] }, name: name ?? defaultName(key) };
    const steps = (select ?? '').split('.');
    return { pick: { kind: 'select', steps }, name: name ?? defaultName(steps.at(-1) ?? '') };
}
/** Why a request's name cannot be used: its form, a variable later steps depend on, or a name already taken. */
function nameProblem(request, earlier) {
    const { name } = request;
    if (request.pick.kind === 'all') {
        return PREFIX.test(name) ? undefined : 'has a name prefix that is not letters, digits and _ (not starting with a digit)';
    }
    if (name === '')
        return 'makes no variable name from its key; give one (name:, or | NAME)';
    const refusal = (0,env_names/* envNameProblem */.qd)(name);
    if (refusal !== undefined)
        return `may not be named ${ENV_SAFE.test(name) ? name : 'so'}: ${refusal}`;
    if (TAKEN.has(name.toUpperCase()))
        return `may not be named ${name}: the entry sets ${name.toUpperCase() === 'TOKEN' || name.toUpperCase() === 'PRINCIPAL' ? `the output <id>-${name.toLowerCase()}` : 'that variable'} itself`;
    const same = earlier.find((other) => other.pick.kind !== 'all' && other.name.toUpperCase() === name.toUpperCase());
    // Step outputs are read case-insensitively, so names that differ only in case would be one output.
    if (same !== undefined)
        return `is named ${name}, as an earlier request is${same.name === name ? '' : ' (in another case)'}; give each its own name`;
    return undefined;
}
const ENV_SAFE = /^[A-Za-z0-9_]{1,128}$/;

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/http/headers.ts
// What a header a user or step state supplies may look like: a token for the name (RFC 9110 §5.1) and
// visible ASCII or spaces for the value, so neither can end the header or start another.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
const HEADER_VALUE = /^[\x20-\x7e]{0,8192}$/;
/** PEM text as it is stored in step state: armoured blocks, bounded, no control character but line breaks. */
const PEM_TEXT = /^-----BEGIN [A-Z0-9 ]{1,40}-----[A-Za-z0-9+/=:,\- \r\n]{1,65536}-----END [A-Z0-9 ]{1,40}-----\s*$/;

;// CONCATENATED MODULE: ./src/providers/vault-transport.ts




/** Step state holds PEM up to this size (src/runner/state.ts); a larger bundle is refused here, not lost at post. */
const MAX_PEM = 60_000;
const MAX_HEADERS = 32;
/** Headers Keyless sets itself, or that would change what Vault does with the request, and why each is refused. */
const RESERVED = {
    'x-vault-token': 'Keyless sends the token it logged in with',
    'x-vault-namespace': 'use the namespace key',
    authorization: 'Vault reads a bearer token from it, which would compete with the token Keyless logged in with',
    'x-vault-wrap-ttl': 'Vault would answer with a wrapped response instead of the token and secrets',
    host: 'it is set from url',
    'content-type': 'Keyless sends JSON',
    accept: 'Keyless asks for JSON, the only answer it reads',
    'content-length': 'it is computed',
    'transfer-encoding': 'it is set by the HTTP client',
    connection: 'it is set by the HTTP client',
};
/**
 * The entry's TLS and header keys. `tls-skip-verify` is read only to refuse `true`: the runner's OIDC token
 * and the Vault token cross this connection, so the server is always verified.
 */
function readTransport(fields, url) {
    const ca = readCertificates(fields, 'ca-certificate');
    const cert = readCertificates(fields, 'client-certificate');
    const key = readKey(fields, 'client-key');
    if (fields.boolean('tls-skip-verify', false)) {
        fields.report('tls-skip-verify', 'is not supported: Keyless always verifies the Vault\'s certificate, since the runner\'s OIDC token and the Vault token cross that connection; give the CA that signed it in ca-certificate');
    }
    const headers = readHeaders(fields);
    if (fields.has('client-certificate') !== fields.has('client-key')) {
        fields.report(fields.has('client-key') ? 'client-key' : 'client-certificate', 'needs client-certificate and client-key together (mutual TLS)');
    }
    const leaf = cert?.[0];
    if (leaf !== undefined && key !== undefined && !leaf.checkPrivateKey(key))
        fields.report('client-key', 'is not the private key of client-certificate');
    const anyTls = ['ca-certificate', 'client-certificate', 'client-key'].some((name) => fields.has(name));
    if (anyTls && url !== undefined && url.protocol !== 'https:')
        fields.report('url', 'must be https:// for ca-certificate, client-certificate and client-key to apply');
    const tls = {
        ...(ca ? { ca: armour(ca) } : {}),
        ...(cert && key ? { cert: armour(cert), key: key.export({ type: 'pkcs8', format: 'pem' }).toString() } : {}),
    };
    return { ...(Object.keys(tls).length > 0 ? { tls } : {}), headers };
}
function armour(certificates) {
    return certificates.map((c) => c.toString()).join('');
}
/** PEM text as written, or vault-action's base64 of it; undefined (reported) when it is neither. */
function pemText(fields, key, what) {
    const value = fields.string(key, { expected: `${what} in PEM (or base64 of the PEM, as vault-action takes it)` });
    if (value === undefined)
        return undefined;
    if (value.includes('-----BEGIN '))
        return value;
    const compact = value.replace(/\s+/g, '');
    const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(compact) ? Buffer.from(compact, 'base64').toString('utf8') : '';
    if (decoded.includes('-----BEGIN '))
        return decoded;
    fields.report(key, `is not ${what} in PEM, nor base64 of one`);
    return undefined;
}
function readCertificates(fields, key) {
    const pem = pemText(fields, key, 'a certificate');
    if (pem === undefined)
        return undefined;
    const blocks = pem.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? [];
    const certificates = [];
    for (const [i, block] of blocks.entries()) {
        try {
            certificates.push(new external_node_crypto_.X509Certificate(block));
        }
        catch {
            fields.report(key, `certificate ${i + 1} of ${blocks.length} is not an X.509 certificate`);
            return undefined;
        }
    }
    if (certificates.length === 0)
        fields.report(key, 'holds no -----BEGIN CERTIFICATE----- block');
    else if (armour(certificates).length > MAX_PEM)
        fields.report(key, `is over ${MAX_PEM} characters; give only the certificates this Vault needs`);
    else
        return certificates;
    return undefined;
}
function readKey(fields, key) {
    const pem = pemText(fields, key, 'a private key');
    if (pem === undefined)
        return undefined;
    try {
        return (0,external_node_crypto_.createPrivateKey)({ key: pem, format: 'pem' });
    }
    catch {
        // PKCS#8 `ENCRYPTED PRIVATE KEY`, or OpenSSL's `Proc-Type: 4,ENCRYPTED` header: Node's error for either varies by OpenSSL version.
        const encrypted = /^-----BEGIN ENCRYPTED PRIVATE KEY-----|^Proc-Type: 4,ENCRYPTED/m.test(pem);
        // Never the reason Node gives: it can quote the text it could not read.
        fields.report(key, encrypted ? 'is encrypted; give the key unencrypted (from a repository secret)' : 'is not a PEM private key (PKCS#8, PKCS#1 or SEC1)');
        return undefined;
    }
}
/** A mapping `Name: value`, or vault-action's `Name: value` lines; names are matched case-insensitively. */
function readHeaders(fields) {
    const raw = fields.value('extra-headers');
    if (raw === undefined)
        return {};
    let pairs;
    if (typeof raw === 'string') {
        pairs = raw.split(/\r?\n/).filter((line) => line.trim() !== '').map((line) => {
            const colon = line.indexOf(':');
            return colon < 0 ? [line.trim(), undefined] : [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
        });
    }
    else if ((0,json/* isObject */.Gv)(raw)) {
        pairs = Object.entries(raw);
    }
    else {
        fields.report('extra-headers', `must be a mapping of header names to values, or "Name: value" lines, not ${(0,config_fields/* describe */.q0)(raw)}`);
        return {};
    }
    const headers = {};
    for (const [i, [name, value]] of pairs.entries()) {
        const lower = name.toLowerCase();
        const text = typeof value === 'number' ? String(value) : value;
        // Header names are quoted only once they are known to be a token; values never (they are often secrets).
        if (!HEADER_NAME.test(name))
            fields.report('extra-headers', `header ${i + 1} has no name of letters, digits and !#$%&'*+.^_\`|~- (write "Name: value")`);
        else if (Object.hasOwn(RESERVED, lower))
            fields.report('extra-headers', `may not set ${name}: ${RESERVED[lower] ?? ''}`);
        else if (typeof text !== 'string' || !HEADER_VALUE.test(text))
            fields.report('extra-headers', `${name} must have a value of printable ASCII on one line`);
        // vault-action joins a repeated header's values, as HTTP allows.
        else
            headers[lower] = headers[lower] === undefined ? text : `${headers[lower]}, ${text}`;
    }
    if (Object.keys(headers).length > MAX_HEADERS)
        fields.report('extra-headers', `has more than ${MAX_HEADERS} headers`);
    return headers;
}

// EXTERNAL MODULE: ./src/providers/variable-claims.ts
var variable_claims = __webpack_require__(6000);
;// CONCATENATED MODULE: ./src/providers/vault.ts









// HashiCorp Vault / OpenBao JWT auth: POST /v1/auth/<path>/login {jwt, role}, then the entry's secrets read
// with that token (vault-action's main job). The token is revoked at job end with auth/token/revoke-self,
// which no peer action does; Vault revokes the leases of dynamic secrets read with it at the same time.
const OUTPUTS = { public: ['expires-at'], secret: ['token'], named: '<NAME>' };
function read(fields) {
    const url = fields.url('url', { required: true });
    const role = fields.string('role', { required: true });
    const path = fields.string('path', { pattern: /^[\w-]+(\/[\w-]+)*$/, expected: 'an auth mount path such as jwt' }) ?? 'jwt';
    const namespace = fields.string('namespace', { pattern: /^[\w-]+(\/[\w-]+)*\/?$/, expected: 'a namespace such as admin/ci' });
    const secrets = readSecretRequests(fields);
    // vault-action hands out the secrets, not the token, unless asked; an entry without secrets is for its token.
    const exportToken = fields.boolean('export-token', secrets === undefined);
    const ignoreNotFound = fields.boolean('ignore-not-found', false);
    const encoding = fields.string('secret-encoding-type', { pattern: /^(base64|hex|utf8)$/, expected: `one of ${ENCODINGS.join(', ')}` });
    const transport = readTransport(fields, url);
    if (secrets === undefined) {
        if (!exportToken)
            fields.report('export-token', 'is false and the entry reads no secrets, so it would hand out nothing; add secrets, or drop export-token');
        for (const key of ['ignore-not-found', 'secret-encoding-type'])
            if (fields.has(key))
                fields.report(key, 'applies to secrets, and this entry reads none');
    }
    if (url === undefined || role === undefined)
        return undefined;
    return {
        url,
        role,
        path,
        ...(namespace ? { namespace } : {}),
        secrets: secrets ?? [],
        exportToken,
        ignoreNotFound,
        ...(encoding ? { encoding } : {}),
        transport,
    };
}
/** Vault's `errors`; else the text of an answer that is not Vault's (a gateway in front of it refusing the request). */
const vaultErrors = (body, text) => (0,json/* isObject */.Gv)(body) && Array.isArray(body.errors) ? body.errors.filter((e) => typeof e === 'string').join('; ') : (0,json/* serverText */.Tn)(text, 200);
async function exchange(config, ctx) {
    for (const line of (0,mask/* maskableLines */.Wi)(config.transport.tls?.key ?? ''))
        ctx.mask(line);
    const login = await logIn(config, ctx);
    const secrets = await readAll(config, ctx, login);
    const { token, expiresAt, policies } = login;
    const { values } = secrets;
    const tokenEnv = config.exportToken ? { VAULT_TOKEN: token } : {};
    const publicEnv = { VAULT_ADDR: config.url.href.replace(/\/$/, ''), ...(config.namespace ? { VAULT_NAMESPACE: config.namespace } : {}) };
    return {
        env: { ...values, ...tokenEnv },
        ...(config.exportToken ? { publicEnv } : {}),
        secretOutputs: { ...values, ...(config.exportToken ? { token } : {}) },
        publicOutputs: expiresAt ? { 'expires-at': expiresAt } : {},
        info: {
            principal: `role ${config.role}${policies ? ` (policies ${policies})` : ''}`,
            ...(policies ? { scope: policies } : {}),
            ...(expiresAt ? { expiresAt } : {}),
            tokenType: config.secrets.length > 0 ? `Vault token and ${Object.keys(values).length} secret(s)` : 'Vault token',
            endpoint: login.endpoint,
            attempts: login.attempts,
            fingerprint: await (0,fingerprint/* fingerprint */.R)(token),
            ...(config.secrets.length > 0 ? { secrets: secrets.reads } : {}),
        },
        revoke: login.handle,
        ...(secrets.notices.length > 0 ? { notices: secrets.notices } : {}),
    };
}
async function logIn(config, ctx) {
    const { tls, headers } = config.transport;
    const url = new URL(`v1/auth/${config.path}/login`, withSlash(config.url));
    const namespace = config.namespace ? { 'x-vault-namespace': config.namespace } : {};
    const { body, response } = await (0,json_endpoint/* callJson */.X_)({
        http: ctx.http,
        method: 'POST',
        url,
        what: 'Vault',
        headers: { ...headers, ...namespace },
        body: { jwt: ctx.idToken.jwt, role: config.role },
        describe: vaultErrors,
        denied: [400, 403],
        deniedHint: "compare the role's bound_audiences, bound_subject and bound_claims with these claims (Vault ≥ 1.16.3 requires bound_audiences)",
        idToken: ctx.idToken,
        ...(tls ? { tls } : {}),
    });
    const auth = (0,json/* isObject */.Gv)(body.auth) ? body.auth : undefined;
    const token = (0,credential_value/* credentialValue */.No)(auth?.client_token, 'auth.client_token', `Vault login at ${url.origin}`);
    ctx.mask(token);
    const lease = typeof auth?.lease_duration === 'number' && auth.lease_duration > 0 ? auth.lease_duration : undefined;
    return {
        token,
        handle: { endpoint: config.url.href, token, ...(config.namespace ? { namespace: config.namespace } : {}), ...(tls ? { tls } : {}), ...(Object.keys(headers).length > 0 ? { headers } : {}) },
        policies: Array.isArray(auth?.policies) ? auth.policies.filter((p) => typeof p === 'string').join(', ') : '',
        ...(lease ? { expiresAt: (0,credential_value/* expiresAfter */.Pe)(ctx.now(), lease) } : {}),
        endpoint: `${url.origin}${url.pathname}`,
        attempts: response.attempts,
        readHeaders: { ...headers, ...namespace, 'x-vault-token': token },
    };
}
/**
 * The entry's secrets, read with the new token. The token is not handed out when a read fails, and the
 * post step only learns of credentials an exchange returned, so it is revoked here and now.
 */
async function readAll(config, ctx, login) {
    if (config.secrets.length === 0)
        return { values: {}, reads: [], notices: [] };
    const { tls } = config.transport;
    try {
        return await readSecrets(config.secrets, {
            http: ctx.http,
            base: withSlash(config.url),
            headers: login.readHeaders,
            policies: login.policies,
            ignoreNotFound: config.ignoreNotFound,
            mask: (secret) => { ctx.mask(secret); },
            ...(tls ? { tls } : {}),
            ...(config.encoding ? { encoding: config.encoding } : {}),
        });
    }
    catch (error) {
        await revoke(login.handle, { http: ctx.http }).catch(() => undefined);
        throw error;
    }
}
async function revoke(handle, ctx) {
    const { endpoint, token, namespace, tls, headers } = handle;
    await (0,json_endpoint/* callJson */.X_)({
        http: ctx.http,
        method: 'POST',
        url: new URL('v1/auth/token/revoke-self', withSlash(new URL(endpoint))),
        what: 'Vault revoke-self',
        headers: { ...headers, 'x-vault-token': token, ...(namespace ? { 'x-vault-namespace': namespace } : {}) },
        describe: vaultErrors,
        deniedHint: 'the token had already expired or been revoked',
        ...(tls ? { tls } : {}),
        undo: true,
    });
    return { status: 'revoked' };
}
function withSlash(url) {
    return new URL(url.href.endsWith('/') ? url.href : `${url.href}/`);
}
/**
 * The token's variables (VAULT_ADDR goes with it to env only: export: file writes the token alone) and each
 * secret's written name. The names a `*` or `**` makes are known only after the read, and checked then.
 */
function exclusive(config, places) {
    const token = config.exportToken ? [...places].flatMap((place) => (0,variable_claims/* variableClaims */.Q)(place === 'env' ? ['VAULT_TOKEN', 'VAULT_ADDR'] : ['VAULT_TOKEN'], new Set([place]), 'set export-token: false on all but one')) : [];
    const named = config.secrets.filter((request) => request.pick.kind !== 'all');
    return [...token, ...named.flatMap((request) => (0,variable_claims/* variableClaims */.Q)([request.name], places, 'give the secret another name in one of them'))];
}
const vault = {
    name: 'vault',
    outputs: OUTPUTS,
    read,
    defaultAudience: (config) => config.url.origin,
    exchange,
    revoke,
    exclusive,
};


/***/ }),

/***/ 7084:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wi: () => (/* binding */ maskableLines),
/* harmony export */   rE: () => (/* binding */ SecretSet),
/* harmony export */   vb: () => (/* binding */ MIN_SECRET_LENGTH)
/* harmony export */ });
/**
 * The set of secret strings this run has seen. Every one is announced to the runner with `add-mask`
 * before it is used anywhere, and `redact` removes them from text the runner does not mask itself
 * (the job summary, files, error messages built from server replies).
 */
/**
 * The shortest secret, and the shortest line of a multi-line one, that can be masked: the runner blanks
 * every occurrence of a masked string, so a short one would blank common text, and a short line of a
 * multi-line secret would show in the log. No issuer mints credentials this short.
 */
const MIN_SECRET_LENGTH = 8;
class SecretSet {
    #values = new Set();
    /** The forms to mask for one secret: itself, each of its lines, and its URL- and JSON-escaped forms. */
    static forms(secret) {
        const forms = new Set([secret]);
        for (const line of secret.split(/\r\n|\r|\n/))
            if (line.trim() !== '')
                forms.add(line);
        forms.add(encodeURIComponent(secret));
        forms.add(JSON.stringify(secret).slice(1, -1));
        return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
    }
    /** True when the secret, or a line of it, is too short to be masked (see MIN_SECRET_LENGTH). */
    static unmaskable(secret) {
        return secret.split(/\r\n|\r|\n/).some((line) => line.trim().length < MIN_SECRET_LENGTH && (line.trim() !== '' || secret.trim() === ''));
    }
    /** Adds the secret; returns the forms that were new, which the caller must announce. */
    add(secret) {
        const added = SecretSet.forms(secret).filter((form) => !this.#values.has(form));
        for (const form of added)
            this.#values.add(form);
        return added;
    }
    redact(text) {
        let out = text;
        // Longest first, so a secret that contains another is replaced whole.
        for (const value of [...this.#values].sort((a, b) => b.length - a.length))
            out = out.split(value).join('***');
        return out;
    }
}
/**
 * The lines of a PEM private key (or any multi-line secret that is configuration, not a credential handed
 * out) that can be masked on their own: each long enough, armour lines left out, since those are the same
 * in every key. A short last line of base64 stays unmasked: it is never printed, and masking it would
 * blank ordinary log text.
 */
function maskableLines(text) {
    return text.split(/\r\n|\r|\n/).map((line) => line.trim()).filter((line) => line.length >= MIN_SECRET_LENGTH && !line.startsWith('-----'));
}


/***/ }),

/***/ 5708:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createRunner: () => (/* binding */ createRunner)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/os/fs-retry.ts
var fs_retry = __webpack_require__(608);
// EXTERNAL MODULE: ./src/os/paths.ts
var paths = __webpack_require__(6186);
;// CONCATENATED MODULE: ./src/runner/commands.ts
// The runner's workflow-command and environment-file protocols, as documented by GitHub
// ("Workflow commands for GitHub Actions"). Written here rather than imported from @actions/core,
// whose import alone costs more start-up than the whole exchange.
function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function command(name, message, properties = {}) {
    const props = Object.entries(properties)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
        .join(',');
    return `::${name}${props === '' ? '' : ` ${props}`}::${escapeData(message)}\n`;
}
/**
 * One `name<<delimiter` record of GITHUB_ENV/OUTPUT/STATE. The delimiter is random per record, so a
 * value cannot end the record early and inject another variable. Refuses what a runner would read back
 * differently (actions/runner FileCommandManager): a name it would split at another `=` or `<<`, and a
 * value ending in CR, which a Windows runner takes as part of the record's LF line end and drops.
 */
function fileRecord(name, value, delimiter) {
    if (name === '' || /[\r\n=]|<</.test(name) || value.includes(delimiter)) {
        throw new Error(`refusing to write ${name}: its name is empty or holds a line break, = or <<, or its value contains the record delimiter`);
    }
    if (value.endsWith('\r'))
        throw new Error(`refusing to write ${name}: its value ends in CR, which a Windows runner would drop`);
    return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

// EXTERNAL MODULE: ./src/runner/inert.ts
var inert = __webpack_require__(7474);
// EXTERNAL MODULE: ./src/runner/mask.ts
var mask = __webpack_require__(7084);
;// CONCATENATED MODULE: ./src/runner/runner.ts







/**
 * A record delimiter. fileRecord refuses any value that contains it, so it need not be unpredictable,
 * only unlikely to collide; that keeps node:crypto off the start path.
 */
function delimiter() {
    return `ghadelimiter_${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
}
/** The longest line Keyless prints; runners and log viewers handle far more, but no message of Keyless's needs it. */
const MAX_LINE = 4000;
/**
 * Appends to one of the runner's files. Only the open is retried while Windows reports the file busy (a
 * scanner holding it): a failed open wrote nothing, where a retried append could write a record twice.
 */
function append(file, text) {
    const fd = (0,fs_retry/* retryBusy */.O)(() => (0,external_node_fs_.openSync)(file, 'a'));
    try {
        (0,external_node_fs_.writeFileSync)(fd, text);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function createRunner(env, write) {
    const secrets = new mask/* SecretSet */.rE();
    const appendTo = (variable, name, value) => {
        const file = env[variable];
        if (file === undefined || file === '') {
            throw new errors/* KeylessError */.FM('INPUT_INVALID', `${variable} is not set, so ${name} cannot be handed to the job`, {
                hint: 'run Keyless as a GitHub Actions step (or set the runner file variables when testing locally)',
            });
        }
        append(file, fileRecord(name, value, delimiter()));
    };
    // Every line Keyless prints: secrets removed first (a masked form may span what inert would flatten), then made inert.
    // Bounded too: a server that answers with megabytes must not flood the job log.
    const line = (text) => {
        const flat = (0,inert/* inert */.tJ)(secrets.redact(text));
        return flat.length > MAX_LINE ? `${flat.slice(0, MAX_LINE)}… (${flat.length - MAX_LINE} more characters)` : flat;
    };
    // `file=` names a file of the repository as GitHub does, with `/`: a Windows path would not place the annotation.
    const annotate = (name, message, properties = {}) => {
        const props = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, typeof value !== 'string' ? value : line(key === 'file' ? (0,paths/* toPosixPath */.kb)(value) : value)]));
        write(command(name, line(message), props));
    };
    return {
        env,
        mask(secret) {
            if (mask/* SecretSet */.rE.unmaskable(secret)) {
                throw new errors/* KeylessError */.FM('HTTP_BAD_RESPONSE', `a secret value of ${secret.length} character(s) (or with a line that short) cannot be masked in the log, so it is refused`, {
                    hint: `the service answered with a credential shorter than ${mask/* MIN_SECRET_LENGTH */.vb} characters; report it to its operator`,
                });
            }
            for (const form of secrets.add(secret))
                write(`::add-mask::${escapeData(form)}\n`);
        },
        redact: (text) => secrets.redact(text),
        exportVariable: (name, value) => { appendTo('GITHUB_ENV', name, value); },
        setOutput: (name, value) => { appendTo('GITHUB_OUTPUT', name, value); },
        saveState: (name, value) => { appendTo('GITHUB_STATE', name, value); },
        addPath(dir) {
            // GITHUB_PATH is one folder a line: a line break in a folder's name would add a second, chosen by whoever named it.
            if (/[\r\n\0]/.test(dir)) {
                throw new errors/* KeylessError */.FM('INPUT_INVALID', 'a folder to add to PATH has a line break or NUL in its name', {
                    hint: 'keep tools in folders whose names hold no control characters',
                });
            }
            const file = env.GITHUB_PATH;
            if (file)
                append(file, `${dir}\n`);
        },
        appendSummary(markdown) {
            const file = env.GITHUB_STEP_SUMMARY;
            if (file)
                append(file, `${secrets.redact(markdown)}\n`);
        },
        info: (message) => { write(`${line(message)}\n`); },
        warning: (message, properties) => { annotate('warning', message, properties); },
        error: (message, properties) => { annotate('error', message, properties); },
        group: (title) => { write(`::group::${escapeData(line(title))}\n`); },
        endGroup: () => { write('::endgroup::\n'); },
    };
}


/***/ })

};
;