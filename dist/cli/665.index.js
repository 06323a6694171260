"use strict";
exports.id = 665;
exports.ids = [665];
exports.modules = {

/***/ 3665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  demo: () => (/* binding */ demo)
});

// UNUSED EXPORTS: asJobLog

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./test/fakes/runner-log.ts
// A step's stdout as actions/runner processes it, ported from its source rather than from Keyless's writer:
// src/Runner.Common/ActionCommand.cs (TryParseV2, TryParse, UnescapeData) and
// src/Runner.Worker/ActionCommandManager.cs (stop-commands, add-mask).
//
// - A line is a command when, after TrimStart, it starts `::NAME` and a second `::` follows (v2), or when it
//   holds `##[NAME…]` anywhere (v1), and NAME (case-insensitive) is a registered command.
// - `::stop-commands::TOKEN` stops all command processing until a line is the command `TOKEN`; lines in
//   between are printed as they are, `::add-mask::` included, so whatever they would have masked shows.
// - `::add-mask::DATA` masks DATA unescaped (%0D, %0A, %25), unless DATA is empty or white space; the line
//   itself is not printed.
// - `::save-state name=NAME::DATA` saves step state, as GITHUB_STATE does (which is read after the step, so wins).
const COMMANDS = ['add-mask', 'add-matcher', 'add-path', 'debug', 'echo', 'endgroup', 'error', 'group', 'notice', 'remove-matcher', 'save-state', 'set-env', 'set-output', 'stop-commands', 'warning'];
function unescapeData(text) {
    return text.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%');
}
function unescapeV1(text) {
    return text.replaceAll('%3B', ';').replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%5D', ']').replaceAll('%25', '%');
}
function unescapeProperty(text) {
    return text.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%3A', ':').replaceAll('%2C', ',').replaceAll('%25', '%');
}
/** `name=value` pairs split at `separator`, as ActionCommand does (a pair without a value is dropped). */
function properties(text, separator, unescape) {
    const pairs = text.split(separator).flatMap((pair) => {
        const equals = pair.indexOf('=');
        return equals > 0 && equals < pair.length - 1 ? [[pair.slice(0, equals).toLowerCase(), unescape(pair.slice(equals + 1))]] : [];
    });
    return Object.fromEntries(pairs);
}
function parse(line, registered) {
    const trimmed = line.trimStart();
    if (trimmed.startsWith('::')) {
        const end = trimmed.indexOf('::', 2);
        const info = end < 0 ? '' : trimmed.slice(2, end);
        const space = info.indexOf(' ');
        const name = (space < 0 ? info : info.slice(0, space)).toLowerCase();
        if (end >= 0 && registered.has(name)) {
            return { name, properties: space > 0 ? properties(info.slice(space + 1).trim(), ',', unescapeProperty) : {}, data: unescapeData(trimmed.slice(end + 2)) };
        }
    }
    const prefix = line.indexOf('##[');
    const close = prefix < 0 ? -1 : line.indexOf(']', prefix);
    if (close < 0)
        return undefined;
    const info = line.slice(prefix + 3, close);
    const space = info.indexOf(' ');
    const name = (space < 0 ? info : info.slice(0, space)).toLowerCase();
    if (!registered.has(name))
        return undefined;
    return { name, properties: space > 0 ? properties(info.slice(space + 1), ';', unescapeV1) : {}, data: unescapeV1(line.slice(close + 1)) };
}
/** What the runner prints and masks of a step's stdout lines (split as the runner splits them). */
function readRunnerLog(lines) {
    const registered = new Set(COMMANDS);
    let stopToken;
    const log = { printed: [], masks: [], state: {} };
    lines.forEach((text, index) => {
        const command = parse(text, registered);
        if (stopToken !== undefined) {
            if (command !== undefined && stopToken !== '' && command.name === stopToken) {
                registered.delete(stopToken);
                stopToken = undefined;
            }
            log.printed.push({ index, text });
        }
        else if (command?.name === 'stop-commands') {
            stopToken = command.data.toLowerCase();
            registered.add(stopToken);
            log.printed.push({ index, text });
        }
        else if (command?.name === 'add-mask') {
            if (command.data.trim() !== '')
                log.masks.push({ index, value: command.data });
        }
        else {
            if (command?.name === 'save-state' && command.properties.name)
                log.state[command.properties.name] = command.data;
            log.printed.push({ index, text });
        }
    });
    return log;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./test/fakes/action-manifest.ts



// What the runner takes from action.yml to run a JavaScript action (actions/runner,
// src/Runner.Worker/ActionManifestManager.cs): `runs.using` picks the node it runs with, `runs.main` and
// `runs.post` are paths relative to the action's folder, `runs.post-if` (default `always()`) decides whether
// the post step runs, and each input's `default` is what the step gets when the workflow sets none.
/** The JavaScript runtimes the runner knows. */
const NODE_RUNTIMES = new Set(['node12', 'node16', 'node20', 'node24']);
function manifest(actionYml) {
    return (0,dist/* parse */.qg)((0,external_node_fs_.readFileSync)(actionYml, 'utf8'));
}
/** `runs` of a JavaScript action, its entry points as absolute paths. */
function action_manifest_actionRuns(actionYml) {
    const runs = manifest(actionYml).runs ?? {};
    const using = typeof runs.using === 'string' ? runs.using.toLowerCase() : '';
    if (!NODE_RUNTIMES.has(using))
        throw new Error(`${actionYml}: runs.using is ${JSON.stringify(runs.using)}; the harness runs JavaScript actions only`);
    const entry = (key) => {
        const value = runs[key];
        if (value === undefined)
            return undefined;
        if (typeof value !== 'string' || value === '')
            throw new Error(`${actionYml}: runs.${key} is not a path`);
        return (0,external_node_path_.resolve)((0,external_node_path_.dirname)(actionYml), value);
    };
    const main = entry('main');
    if (main === undefined)
        throw new Error(`${actionYml}: runs.main is required for ${using}`);
    const post = entry('post');
    const postIf = runs['post-if'] ?? 'always()';
    if (typeof postIf !== 'string')
        throw new Error(`${actionYml}: runs.post-if is not a string`);
    return { node: Number(using.slice('node'.length)), main, ...(post === undefined ? {} : { post }), postIf };
}
/**
 * Whether the runner runs the post step, given how main ended. Only the status functions, alone, are
 * understood; any other condition is refused rather than guessed at. The job status the runner asks about
 * is taken to be main's: in these tests main is the job's only step that can fail.
 */
function action_manifest_postRuns(postIf, mainSucceeded) {
    switch (postIf.replace(/^\$\{\{\s*|\s*\}\}$/g, '').trim()) {
        case 'always()':
            return true;
        case 'success()':
            return mainSucceeded;
        case 'failure()':
            return !mainSucceeded;
        default:
            throw new Error(`the harness cannot evaluate post-if: ${postIf}`);
    }
}
/**
 * The inputs as the runner passes them when the workflow gives none: every declared input, its default
 * evaluated (`${{ github.token }}` becomes the job token), '' where it declares none.
 */
function actionDefaults(actionYml, githubToken) {
    const inputs = manifest(actionYml).inputs ?? {};
    return Object.fromEntries(Object.entries(inputs).map(([name, spec]) => [name, evaluateDefault(name, spec?.default, githubToken)]));
}
function evaluateDefault(name, value, githubToken) {
    if (value === undefined || value === null)
        return '';
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
        throw new Error(`input ${name} has a default that is no scalar`);
    const text = String(value);
    if (!text.includes('${{'))
        return text;
    if (/^\$\{\{\s*github\.token\s*\}\}$/.test(text))
        return githubToken;
    throw new Error(`the harness cannot evaluate the default of input ${name}: ${text}`);
}

;// CONCATENATED MODULE: ./test/fakes/runner-files.ts
// GITHUB_ENV, GITHUB_OUTPUT and GITHUB_STATE as actions/runner reads them, written from its source rather
// than from Keyless's writer, so a test that reads a file back checks the writer against the runner:
// src/Runner.Worker/FileCommandManager.cs, class EnvFileKeyValuePairs (actions/runner 258d6c8, 2026-08).
//
// - A line ends at LF. On Windows (`#if OS_WINDOWS` in its ReadLine) a CR right before that LF belongs
//   to the line end too; elsewhere a CR is an ordinary character.
// - Empty lines are skipped. `NAME=VALUE` when `=` comes before any `<<`; `NAME<<DELIMITER` when `<<`
//   comes first, and then the value is every line up to the first line equal to DELIMITER, exactly
//   (ordinal), taken as the raw text between them minus the last line end: inner line ends stay as written.
// - Anything else, an empty name or delimiter, a missing delimiter line, or a value line with no line end
//   at the end of the file, makes the runner throw (the step fails).
// - File.ReadAllText drops a UTF-8 byte order mark.
// A name given twice keeps its last value, as the runner's dictionaries do.
const HOST_RUNNER_OS = process.platform === 'win32' ? 'windows' : 'posix';
function readLine(text, index, os) {
    if (index >= text.length)
        return undefined;
    const lf = text.indexOf('\n', index);
    if (lf < 0)
        return { text: text.slice(index), newline: undefined, next: text.length };
    if (os === 'windows' && lf > index && text[lf - 1] === '\r')
        return { text: text.slice(index, lf - 1), newline: '\r\n', next: lf + 1 };
    return { text: text.slice(index, lf), newline: '\n', next: lf + 1 };
}
/** Every `[name, value]` record of the file, in order; throws where the runner would fail the step. */
function readRunnerFile(content, os = HOST_RUNNER_OS) {
    const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
    const records = [];
    let index = 0;
    for (let line = readLine(text, index, os); line !== undefined; line = readLine(text, index, os)) {
        index = line.next;
        if (line.text === '')
            continue;
        const equals = line.text.indexOf('=');
        const heredoc = line.text.indexOf('<<');
        if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
            records.push([line.text.slice(0, equals), line.text.slice(equals + 1)]);
        }
        else if (heredoc >= 0) {
            const name = line.text.slice(0, heredoc);
            const delimiter = line.text.slice(heredoc + 2);
            if (name === '' || delimiter === '')
                throw new Error(`Invalid format '${line.text}'. Name must not be empty and delimiter must not be empty`);
            const start = index;
            let end = index;
            let value = readLine(text, index, os);
            while (value?.text !== delimiter) {
                if (value === undefined)
                    throw new Error(`Invalid value. Matching delimiter not found '${delimiter}'`);
                if (value.newline === undefined)
                    throw new Error('Invalid value. EOF marker missing new line.');
                end = value.next - value.newline.length;
                value = readLine(text, value.next, os);
            }
            index = value.next;
            records.push([name, end > start ? text.slice(start, end) : '']);
        }
        else {
            throw new Error(`Invalid format '${line.text}'`);
        }
    }
    return records;
}
/** The file as the runner's dictionary of names to values. */
function readRunnerFileValues(content, os = HOST_RUNNER_OS) {
    return Object.fromEntries(readRunnerFile(content, os));
}

;// CONCATENATED MODULE: ./test/fakes/hosted-runner-env.ts

// What the runner gives every step of a job on a GitHub-hosted runner, before the step's own inputs and files.
/** The workflow the hosted-runner environment says is running (GITHUB_WORKFLOW_REF, the OIDC fake's claims). */
const RUNNING_WORKFLOW = '.github/workflows/release.yml';
/** `${{ github.token }}` as the runner evaluates it: the job's token, a secret every leak scan looks for. */
const JOB_GITHUB_TOKEN = 'ghs_jobTokenFromTheRunner0123456789abcd';
/** The runner's own credentials in every step's environment: Keyless must never show them. */
const RUNTIME_TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.runtime-token-for-tests.signature';
/**
 * The variables a GitHub-hosted Ubuntu runner sets for every step (docs: "Default environment variables").
 * The API URLs point at a closed loopback port: a test that forgets its fake fails fast, never on the network.
 */
function hostedRunnerEnv(job) {
    return {
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_ACTION: '__acme_keyless',
        GITHUB_ACTION_REPOSITORY: 'acme/keyless',
        GITHUB_ACTION_REF: 'v1.0.0',
        GITHUB_ACTOR: 'octocat',
        GITHUB_ACTOR_ID: '583231',
        GITHUB_API_URL: 'http://127.0.0.1:9',
        GITHUB_GRAPHQL_URL: 'http://127.0.0.1:9/graphql',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_BASE_REF: '',
        GITHUB_HEAD_REF: '',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: (0,external_node_path_.join)(job.root, 'event.json'),
        GITHUB_JOB: 'release',
        GITHUB_REF: 'refs/heads/main',
        GITHUB_REF_NAME: 'main',
        GITHUB_REF_PROTECTED: 'true',
        GITHUB_REF_TYPE: 'branch',
        GITHUB_REPOSITORY: 'acme/widget',
        GITHUB_REPOSITORY_ID: '123456',
        GITHUB_REPOSITORY_OWNER: 'acme',
        GITHUB_REPOSITORY_OWNER_ID: '654321',
        GITHUB_RETENTION_DAYS: '90',
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_RUN_ID: '9876543210',
        GITHUB_RUN_NUMBER: '42',
        GITHUB_SHA: '3f786850e387550fdab836ed7e6dc881de23001b',
        GITHUB_TRIGGERING_ACTOR: 'octocat',
        GITHUB_WORKFLOW: 'release',
        GITHUB_WORKFLOW_REF: `acme/widget/${RUNNING_WORKFLOW}@refs/heads/main`,
        GITHUB_WORKFLOW_SHA: '3f786850e387550fdab836ed7e6dc881de23001b',
        GITHUB_WORKSPACE: job.workspace,
        RUNNER_ARCH: 'X64',
        RUNNER_ENVIRONMENT: 'github-hosted',
        RUNNER_NAME: 'GitHub Actions 1000000001',
        RUNNER_OS: 'Linux',
        RUNNER_TEMP: job.temp,
        RUNNER_TOOL_CACHE: (0,external_node_path_.join)(job.root, 'hostedtoolcache'),
        RUNNER_WORKSPACE: job.root,
        ImageOS: 'ubuntu24',
        ImageVersion: '20261124.1.0',
        ACTIONS_RUNTIME_URL: 'http://127.0.0.1:9/runtime/',
        ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN,
        ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/results/',
    };
}

;// CONCATENATED MODULE: ./test/fakes/temp-tree.ts


// RUNNER_TEMP before and after a step, to hold the post step to "leave it as main found it".
/** Every entry under `dir`, relative and `/`-separated, folders ending in `/`; links are listed, never followed. */
function tempTree(dir) {
    const entries = new Set();
    const walk = (path, prefix) => {
        for (const name of (0,external_node_fs_.readdirSync)(path)) {
            const child = (0,external_node_path_.join)(path, name);
            const isDir = (0,external_node_fs_.lstatSync)(child).isDirectory();
            entries.add(`${prefix}${name}${isDir ? '/' : ''}`);
            if (isDir)
                walk(child, `${prefix}${name}/`);
        }
    };
    walk(dir, '');
    return entries;
}
/**
 * The main step's audit record: post adds the cleanup to it and leaves it for the job's later post steps
 * (an upload-artifact post, say); the runner empties RUNNER_TEMP after the job. src/cleanup.ts updateAudit.
 */
const AUDIT_RECORD = /^keyless-audit-[^/]+\.json$/;
/**
 * What the post step left of what main created (files and folders alike), plus anything post created
 * itself, except entries `mayRemain` accepts. `afterPost` is taken when post ended; entries a third step
 * created between main and post are not post's to remove and are not reported.
 */
function leftovers(main, beforePost, afterPost, mayRemain) {
    const created = [...main.after].filter((entry) => !main.before.has(entry));
    const kept = created.filter((entry) => afterPost.has(entry));
    const added = [...afterPost].filter((entry) => !beforePost.has(entry));
    return [...new Set([...kept, ...added])].filter((entry) => !mayRemain.some((pattern) => pattern.test(entry))).sort();
}

;// CONCATENATED MODULE: ./test/fakes/runner-harness.ts










/** What actions/checkout leaves: the running workflow, every reference pinned, as most jobs that mint credentials have. */
const CHECKED_OUT_WORKFLOW = `on: push
permissions:
  contents: read
  id-token: write
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - uses: acme/keyless@3f786850e387550fdab836ed7e6dc881de23001b # v1.0.0
`;
/**
 * The environment a child process needs from this one beyond what a test sets: PATH, and on Windows
 * SYSTEMROOT, without which Winsock cannot start and no socket opens. The runner passes its whole environment.
 */
function baseEnv() {
    return { PATH: process.env.PATH ?? '', ...(process.platform === 'win32' ? { SYSTEMROOT: process.env.SYSTEMROOT ?? 'C:\\Windows' } : {}) };
}
function newJob() {
    const root = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'keyless-job-'));
    const job = { root, temp: (0,external_node_path_.join)(root, 'runner-temp'), workspace: (0,external_node_path_.join)(root, 'workspace') };
    (0,external_node_fs_.mkdirSync)(job.temp);
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(job.workspace, (0,external_node_path_.dirname)(RUNNING_WORKFLOW)), { recursive: true });
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(job.workspace, RUNNING_WORKFLOW), CHECKED_OUT_WORKFLOW);
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(root, 'event.json'), '{}');
    return job;
}
/**
 * GITHUB_ENV/OUTPUT/STATE as the runner of this OS reads them (runner-files.ts, ported from actions/runner):
 * throws where the runner would fail the step on a malformed file.
 */
function parseFileCommands(text) {
    return readRunnerFileValues(text);
}
/**
 * The inputs as the runner passes them when the workflow gives none: every declared input, its default
 * evaluated (`${{ github.token }}` becomes the job token), '' where it declares none.
 */
function runner_harness_actionDefaults(actionYml) {
    return actionDefaults(actionYml, JOB_GITHUB_TOKEN);
}
/** The runner's limit on GITHUB_STEP_SUMMARY (CreateStepSummaryCommand). */
const SUMMARY_LIMIT = 128 * 1024;
/** The option objects runPost built: the only runs given STATE_*, as the runner gives them only to a post step. */
const stateFromMain = new WeakSet();
/** Every step run not yet scanned for secrets, and its job: setup.ts scans what a test left unscanned. */
const unscanned = new Map();
/** Marks runs as scanned (findLeaks does). */
function markScanned(runs) {
    for (const run of runs)
        unscanned.delete(run);
}
/** The runs since the last call that no scan saw, with their job; forgets them. */
function takeUnscanned() {
    const runs = [...unscanned];
    unscanned.clear();
    return runs;
}
/**
 * Runs one script with node as the runner runs a JavaScript action's entry: the inputs, the hosted runner's
 * variables and fresh file-command files. runMain and runPost take the entry from action.yml; this runs any
 * script (the CLI, a copy of dist/).
 */
async function runStep(script, options) {
    const { job } = options;
    const step = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(job.root, 'step-'));
    const paths = { env: (0,external_node_path_.join)(step, 'env'), outputs: (0,external_node_path_.join)(step, 'output'), state: (0,external_node_path_.join)(step, 'state'), summary: (0,external_node_path_.join)(step, 'summary'), path: (0,external_node_path_.join)(step, 'path') };
    for (const path of Object.values(paths))
        (0,external_node_fs_.writeFileSync)(path, '');
    const declared = runner_harness_actionDefaults(options.actionYml);
    // The runner only warns of an input action.yml does not declare; a test that sets one (a typo) tests nothing.
    const unknown = Object.keys(options.inputs ?? {}).filter((name) => !Object.hasOwn(declared, name));
    if (unknown.length > 0)
        throw new Error(`${options.actionYml} declares no input ${unknown.join(', ')}: the step would never read it`);
    const inputs = { ...declared, ...options.inputs };
    const env = {
        ...baseEnv(),
        // The home folder tools read their configuration from: HOME, and USERPROFILE on Windows.
        HOME: job.root,
        USERPROFILE: job.root,
        ...hostedRunnerEnv(job),
        GITHUB_ENV: paths.env,
        GITHUB_OUTPUT: paths.outputs,
        GITHUB_STATE: paths.state,
        GITHUB_STEP_SUMMARY: paths.summary,
        GITHUB_PATH: paths.path,
    };
    for (const [name, value] of Object.entries(inputs))
        env[`INPUT_${name.replaceAll(' ', '_').toUpperCase()}`] = value;
    for (const [name, value] of Object.entries(options.env ?? {})) {
        // The runner gives STATE_* only to a post step, from what main wrote to GITHUB_STATE (runPost passes it).
        if (name.startsWith('STATE_') && !stateFromMain.has(options))
            throw new Error(`${name}: a test may not set STATE_* itself; runPost passes what main wrote to GITHUB_STATE, and an earlier step's export goes in through GITHUB_ENV`);
        env[name] = value;
    }
    // An env value of undefined means "the runner does not set this variable".
    const childEnv = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
    const started = performance.now();
    const child = (0,external_node_child_process_.spawn)(process.execPath, [script, ...(options.args ?? [])], { env: childEnv, cwd: job.workspace, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    // Decoded as one stream, as the runner decodes it: a character split across two reads stays whole.
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
        stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
        stderr += chunk;
    });
    options.onSpawn?.(child, paths.state);
    const [code, signal] = await new Promise((resolve) => child.on('close', (c, s) => { resolve([c, s]); }));
    const elapsedMs = performance.now() - started;
    const lines = runnerLines(stdout);
    const files = {
        env: (0,external_node_fs_.readFileSync)(paths.env, 'utf8'),
        outputs: (0,external_node_fs_.readFileSync)(paths.outputs, 'utf8'),
        state: (0,external_node_fs_.readFileSync)(paths.state, 'utf8'),
        summary: (0,external_node_fs_.readFileSync)(paths.summary, 'utf8'),
        path: (0,external_node_fs_.readFileSync)(paths.path, 'utf8'),
    };
    // The runner does not show a summary over 128 KiB, and reports an error in the step instead.
    if (Buffer.byteLength(files.summary) > SUMMARY_LIMIT)
        throw new Error(`${script} wrote a job summary of ${Buffer.byteLength(files.summary)} bytes; the runner refuses more than ${SUMMARY_LIMIT}`);
    const run = {
        code,
        signal,
        stdout,
        lines,
        stderr,
        env: parseFileCommands(files.env),
        outputs: parseFileCommands(files.outputs),
        // The runner saves state from `::save-state::` lines as well as from GITHUB_STATE, which it reads last.
        state: { ...readRunnerLog(lines).state, ...parseFileCommands(files.state) },
        summary: files.summary,
        elapsedMs,
        files,
    };
    unscanned.set(run, job);
    return run;
}
/** Lines as the runner's process reader splits a step's output (.NET ReadLine: CR, LF or CRLF). */
function runnerLines(text) {
    return text.split(/\r\n|\r|\n/);
}
/** The cleanup items main saved, as JSON: each state record but the key is `<hmac>.<json>` (src/runner/state.ts). */
function stateItems(run) {
    return Object.entries(run.state)
        .filter(([name]) => name !== 'keyless_key')
        .map(([, value]) => JSON.parse(value.slice(value.indexOf('.') + 1)));
}
/** RUNNER_TEMP around each main step run by runMain, for its post step's check. */
const tempChanges = new WeakMap();
/** The action's main step, `runs.main` of action.yml, as the runner starts it. */
async function runMain(options) {
    const before = tempTree(options.job.temp);
    const main = await runStep(action_manifest_actionRuns(options.actionYml).main, options);
    tempChanges.set(main, { before, after: tempTree(options.job.temp) });
    return main;
}
/**
 * The post step (`runs.post`) with main's saved state and exported env, as the runner sequences them.
 * Throws when post leaves in RUNNER_TEMP anything main created, files and folders alike (or anything of
 * its own), so every job the tests run holds Keyless to leaving RUNNER_TEMP as it found it.
 */
async function runPost(options, main) {
    const { post: script } = action_manifest_actionRuns(options.actionYml);
    const change = tempChanges.get(main);
    if (script === undefined)
        throw new Error(`${options.actionYml} declares no post step`);
    if (change === undefined)
        throw new Error('runPost needs the main step as runMain ran it (it records RUNNER_TEMP around main)');
    const stateEnv = Object.fromEntries(Object.entries(main.state).map(([name, value]) => [`STATE_${name}`, value]));
    const before = tempTree(options.job.temp);
    // A test's own STATE_* here stands for an earlier step's GITHUB_ENV export: main's saved names win over it.
    const env = { ...options.env, ...main.env, ...stateEnv };
    // What main added to GITHUB_PATH comes first on PATH, the last added first, as the runner prepends it.
    const added = main.files.path.split(/\r\n|\r|\n/).filter((dir) => dir !== '').reverse();
    if (added.length > 0)
        env.PATH = [...new Set(added), env.PATH ?? baseEnv().PATH].join(external_node_path_.delimiter);
    const postOptions = { ...options, env };
    stateFromMain.add(postOptions);
    const post = await runStep(script, postOptions);
    const left = leftovers(change, before, tempTree(options.job.temp), [AUDIT_RECORD, ...(options.mayRemain ?? [])]);
    if (left.length > 0) {
        throw new Error(`the post step left in RUNNER_TEMP what the main step created: ${left.join(', ')}\n--- post stdout ---\n${post.stdout}`);
    }
    return post;
}
/** main, then post when `runs.post-if` says so (`always()`: even after a failed or killed main), as the runner sequences them. */
async function runJob(options) {
    const { onMainSpawn, ...rest } = options;
    const main = await runMain({ ...rest, ...(onMainSpawn ? { onSpawn: onMainSpawn } : {}) });
    const runs = actionRuns(options.actionYml);
    const post = runs.post !== undefined && postRuns(runs.postIf, main.code === 0) ? await runPost(rest, main) : undefined;
    return { main, post };
}

;// CONCATENATED MODULE: ./test/fakes/leaks.ts




/** Shorter forms would match ordinary text by chance; no issuer mints secrets this short. */
const MIN_FORM = 8;
/**
 * base64 (and base64url) of `secret` at each of the three byte alignments, cut to the characters that
 * depend on its bytes alone: what shows inside base64 of `user:secret`, of a docker `auth`, of a JSON file.
 */
function base64Forms(secret) {
    const bytes = Buffer.from(secret);
    return [0, 1, 2].flatMap((offset) => {
        const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
        const form = encoded.slice(offset === 0 ? 0 : offset + 1, Math.floor(((offset + bytes.length) * 8) / 6));
        return [form, form.replaceAll('+', '-').replaceAll('/', '_')];
    });
}
/** Every form a secret takes where it is written: itself, URL-encoded, JSON-escaped, and base64 of it or of anything holding it. */
function secretForms(secret) {
    const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1), ...base64Forms(secret)];
    return [...new Set(forms)].filter((form) => form.length >= MIN_FORM);
}
/**
 * Every place a secret showed up where it must not: in any form, in a line the runner prints (an
 * `::add-mask::` line the runner does not process, after `::stop-commands::`, is printed), stderr, the
 * summary, the env, output and state files, and any file under RUNNER_TEMP; and any credential handed to
 * the job (GITHUB_ENV, GITHUB_OUTPUT) that no processed `::add-mask::` of this or an earlier step masked.
 */
function findLeaks(runs, policy) {
    markScanned(runs);
    const leaks = [];
    const check = (where, text, secret) => {
        if (secretForms(secret).some((form) => text.includes(form)))
            leaks.push(`${where} contains ${secret.slice(0, 6)}…`);
    };
    const all = [...policy.never, ...policy.credentials];
    const masked = new Set();
    runs.forEach((run, i) => {
        const step = `step ${i}`;
        const log = readRunnerLog(run.lines);
        for (const { value } of log.masks)
            masked.add(value);
        const printed = log.printed.map((line) => line.text).join('\n');
        for (const secret of all) {
            check(`${step} stdout`, printed, secret);
            check(`${step} stderr`, run.stderr, secret);
            check(`${step} summary`, run.summary, secret);
        }
        for (const secret of policy.never) {
            check(`${step} GITHUB_ENV`, run.files.env, secret);
            check(`${step} GITHUB_OUTPUT`, run.files.outputs, secret);
            check(`${step} GITHUB_STATE`, run.files.state, secret);
        }
        for (const secret of policy.credentials) {
            if (!policy.allow?.env)
                check(`${step} GITHUB_ENV`, run.files.env, secret);
            if (!policy.allow?.outputs)
                check(`${step} GITHUB_OUTPUT`, run.files.outputs, secret);
            const handed = [run.files.env, run.files.outputs].some((text) => text.includes(secret));
            if (handed && !masked.has(secret))
                leaks.push(`${step} hands ${secret.slice(0, 6)}… to the job without a processed ::add-mask:: of it`);
        }
    });
    if (policy.tempDir) {
        for (const file of walk(policy.tempDir)) {
            const allowed = policy.allow?.files?.includes(file) ?? false;
            const text = (0,external_node_fs_.readFileSync)(file, 'utf8');
            for (const secret of allowed ? policy.never : all)
                check(`file ${file}`, text, secret);
            if (runs.length > 0)
                leaks.push(...unmaskedEncodings(`file ${file}`, text, policy.credentials, masked));
        }
    }
    return leaks;
}
/**
 * The base64 strings in `text` that encode a credential (a docker `auth` of `user:password`) yet no
 * processed `::add-mask::` masked whole: a later step that prints the file shows them, and a mask of the
 * credential alone does not cover its encoding.
 */
function unmaskedEncodings(where, text, credentials, masked) {
    const encoded = [...text.matchAll(/[A-Za-z0-9+/]{12,}={0,2}/g)].map(([token]) => token);
    return credentials.flatMap((secret) => {
        const forms = base64Forms(secret).filter((form) => form.length >= MIN_FORM && form !== secret);
        const shown = encoded.filter((token) => token !== secret && !masked.has(token) && forms.some((form) => token.includes(form)));
        return shown.length > 0 ? [`${where} holds base64 of ${secret.slice(0, 6)}… that no ::add-mask:: masked`] : [];
    });
}
function walk(dir) {
    return (0,external_node_fs_.readdirSync)(dir).flatMap((name) => {
        const path = (0,external_node_path_.join)(dir, name);
        return (0,external_node_fs_.statSync)(path).isDirectory() ? walk(path) : [path];
    });
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/jwks/remote.js + 1 modules
var remote = __webpack_require__(7315);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/key/generate_key_pair.js + 2 modules
var generate_key_pair = __webpack_require__(1538);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/key/export.js
var key_export = __webpack_require__(7968);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/jwt/verify.js + 1 modules
var verify = __webpack_require__(5057);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/jwt/sign.js + 1 modules
var sign = __webpack_require__(2896);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
;// CONCATENATED MODULE: ./test/fakes/http-fake.ts


/**
 * How long every fake holds each request before answering it, in ms: loopback answers in microseconds,
 * a runner's token service and a cloud's STS in tens of milliseconds. Only the bench sets it
 * (BENCH_LATENCY_MS), to see how much of a step's own work hides behind the network it waits on.
 */
let answerDelayMs = 0;
function delayAnswers(ms) {
    answerDelayMs = ms;
}
/**
 * A framework-free HTTP server on 127.0.0.1:0. Routes are keyed `METHOD /path` (or `METHOD /prefix*`); every request is recorded
 * with its body, and one that matches no route gets a 404 and lands in `unexpected`.
 */
async function startFake(routes, tls) {
    const requests = [];
    const unexpected = [];
    const filters = [];
    const tlsErrors = [];
    const listener = (req, res) => {
        const chunks = [];
        req.on('data', (chunk) => chunks.push(chunk));
        req.on('end', () => {
            if (answerDelayMs > 0)
                setTimeout(answer, answerDelayMs);
            else
                answer();
        });
        const answer = () => {
            const url = new URL(req.url ?? '/', 'http://fake');
            const recorded = {
                method: req.method ?? 'GET',
                path: url.pathname,
                query: url.searchParams,
                headers: req.headers,
                body: Buffer.concat(chunks).toString('utf8'),
                startedAt: performance.now(),
            };
            requests.push(recorded);
            res.on('close', () => {
                recorded.endedAt = performance.now();
            });
            if (filters.length > 0)
                hold(res, (answer) => filters.reduce((a, filter) => filter(a, recorded), answer));
            const exact = `${recorded.method} ${recorded.path}`;
            // A key ending in * matches by prefix (paths that carry an id, like /compare/{a}...{b}).
            const route = routes[exact] ?? Object.entries(routes).find(([k]) => k.endsWith('*') && exact.startsWith(k.slice(0, -1)))?.[1];
            if (route === undefined) {
                unexpected.push(recorded);
                json(res, 404, { error: 'not_found', error_description: `fake has no route ${recorded.method} ${recorded.path}` });
                return;
            }
            Promise.resolve(route(recorded, res)).catch((error) => {
                json(res, 500, { error: 'fake_crashed', error_description: String(error) });
            });
        };
    };
    const server = tls ? (0,external_node_https_.createServer)(tls, listener) : (0,external_node_http_.createServer)(listener);
    server.on('tlsClientError', (error) => tlsErrors.push(error.code ?? error.message));
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address();
    return {
        url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
        requests,
        unexpected,
        filters,
        tlsErrors,
        close: () => new Promise((resolve) => {
            server.closeAllConnections();
            server.close(() => { resolve(); });
        }),
    };
}
/**
 * Holds back the head a route writes until it ends the response with its body, so a filter sees and may
 * rewrite status, headers and body together. A route that streams (`write`) is sent as written.
 */
function hold(res, filter) {
    const writeHead = res.writeHead.bind(res);
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    let head;
    const flush = () => {
        if (head === undefined)
            return;
        writeHead(head.status, head.headers);
        head = undefined;
    };
    res.writeHead = (status, ...rest) => {
        const headers = rest.find((arg) => typeof arg === 'object');
        head = { status, headers: { ...headers } };
        return res;
    };
    res.write = ((...args) => {
        flush();
        return write(...args);
    });
    res.end = ((body) => {
        if (res.headersSent || typeof body === 'function') {
            flush();
            return end(body);
        }
        const held = head ?? { status: res.statusCode, headers: {} };
        head = undefined;
        const headers = { ...res.getHeaders(), ...held.headers };
        for (const name of res.getHeaderNames())
            res.removeHeader(name);
        delete headers['content-length'];
        const text = body === undefined ? '' : Buffer.isBuffer(body) ? body.toString('utf8') : body;
        const answer = filter({ status: held.status, headers, body: text });
        writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
        return end(answer.body);
    });
}
function json(res, status, body, headers = {}) {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
}
/** A hold fault: a test learns the moment a client is waiting on this request, and acts before it is answered. */
function holdOpen() {
    let arrived = () => { };
    let release = () => { };
    const held = new Promise((resolve) => { arrived = resolve; });
    const until = new Promise((resolve) => { release = resolve; });
    return { fault: { kind: 'hold', until, onHeld: arrived }, held, release };
}
/** The same fault for the next `count` requests. */
function repeat(count, fault) {
    return Array.from({ length: count }, () => fault);
}
/**
 * Every secret a fault's successful answer handed out (a test's own token in place of the fake's): the
 * fakes' `issued` lists never see these, so setup.ts scans for them from here. Cleared after each test.
 */
const faultSecrets = [];
const SECRET_KEY = /^(?:access_token|refresh_token|id_token|client_token|token|accessKeyId|secretAccessKey|sessionToken|password|secret|value)$/i;
function collectSecrets(value, key = '') {
    if (typeof value === 'string') {
        if (SECRET_KEY.test(key) && value.length >= 8)
            faultSecrets.push(value);
    }
    else if (typeof value === 'object' && value !== null) {
        for (const [k, v] of Object.entries(value))
            collectSecrets(v, Array.isArray(value) ? key : k);
    }
}
/**
 * Applies a fault; returns true when it answered (the route stops), false when the normal answer follows
 * (after a delay).
 */
async function applyFault(fault, res) {
    if (fault === undefined)
        return false;
    switch (fault.kind) {
        case 'status':
            if (fault.status < 300)
                collectSecrets(fault.body);
            json(res, fault.status, fault.body ?? {}, fault.headers);
            return true;
        case 'delay':
            await new Promise((resolve) => setTimeout(resolve, fault.ms));
            return false;
        case 'hang':
            res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
            res.write('{"access_token":');
            return true;
        case 'truncate':
            // Declares 200 bytes, sends 20, closes: the body is cut off mid-way.
            res.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
            // Cut only after the partial body is on the wire, so the client really sees a short body.
            res.write('{"access_token":"abc', () => setTimeout(() => res.socket?.destroy(), 20));
            return true;
        case 'oversize': {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(`{"pad":"${'x'.repeat(fault.bytes)}"}`);
            return true;
        }
        case 'html':
            res.writeHead(200, { 'content-type': 'text/html' });
            res.end('<html><body>Sign in</body></html>');
            return true;
        case 'malformed-json':
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end('{"access_token": ');
            return true;
        case 'hold':
            fault.onHeld();
            await fault.until;
            return false;
    }
}

;// CONCATENATED MODULE: ./test/fakes/google.ts



const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
/**
 * Google STS (`/v1/token`), IAM Credentials (`/v1/projects/-/serviceAccounts/SA:method`), the OAuth token
 * endpoint's JWT grant (`/token`, RFC 7523, for domain-wide delegation) and `/revoke`.
 */
async function startGoogle(options) {
    const jwks = (0,remote/* createRemoteJWKSet */.RD)(new URL(`${options.trustedIssuer}/.well-known/jwks`));
    const issued = [];
    const federated = new Set();
    const revoked = new Set();
    const boundaries = new Map();
    const faults = [];
    const delegations = [];
    // The key IAM signs service account JWTs with (signJwt): Google's own, which the token endpoint trusts.
    // Made on first use: most worlds (the demo, the bench) never sign.
    let signingKey;
    const signing = () => (signingKey ??= (0,generate_key_pair/* generateKeyPair */.T)('RS256').then(async (pair) => ({ pair, keyId: (await (0,key_export/* exportJWK */.JU)(pair.publicKey)).n?.slice(0, 16) ?? 'key' })));
    const mint = (prefix) => {
        const token = `${prefix}${(0,external_node_crypto_.randomBytes)(24).toString('base64url')}`;
        issued.push(token);
        return token;
    };
    const exchangeJwt = async (form, res) => {
        const expected = `//iam.googleapis.com/${options.provider}`;
        if (form.get('audience') !== expected)
            return json(res, 400, { error: 'invalid_request', error_description: `Invalid value for "audience". This value should be the full resource name of the Identity Provider.` });
        try {
            const { payload } = await (0,verify/* jwtVerify */.V)(form.get('subject_token') ?? '', jwks, { issuer: options.trustedIssuer, audience: `https://iam.googleapis.com/${options.provider}` });
            if (options.allowedRepositories && !options.allowedRepositories.includes(String(payload.repository))) {
                return json(res, 400, { error: 'unauthorized_client', error_description: 'The given credential is rejected by the attribute condition.' });
            }
        }
        catch {
            return json(res, 400, { error: 'invalid_grant', error_description: 'The audience in ID Token does not match the expected audience.' });
        }
        const token = mint('fed.');
        federated.add(token);
        json(res, 200, { access_token: token, issued_token_type: ACCESS_TOKEN_TYPE, token_type: 'Bearer', expires_in: 3599 });
    };
    const downscope = (form, res) => {
        if (!issued.includes(form.get('subject_token') ?? ''))
            return json(res, 400, { error: 'invalid_grant', error_description: 'Invalid subject token.' });
        const options = JSON.parse(form.get('options') ?? '{}');
        if (!options.accessBoundary?.accessBoundaryRules?.length)
            return json(res, 400, { error: 'invalid_request', error_description: 'An access boundary is required.' });
        const token = mint('down.');
        boundaries.set(token, options.accessBoundary);
        json(res, 200, { access_token: token, issued_token_type: ACCESS_TOKEN_TYPE, token_type: 'Bearer' });
    };
    const routes = {
        'POST /v1/token': async (req, res) => {
            if (await applyFault(faults.shift(), res))
                return;
            const form = new URLSearchParams(req.body);
            if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:token-exchange')
                return json(res, 400, { error: 'unsupported_grant_type' });
            if (form.get('subject_token_type') === ACCESS_TOKEN_TYPE)
                return downscope(form, res);
            return exchangeJwt(form, res);
        },
        'POST /token': async (req, res) => {
            if (await applyFault(faults.shift(), res))
                return;
            const form = new URLSearchParams(req.body);
            const grant = await redeemGrant(form, (await signing()).pair.publicKey, options.workspace);
            if ('error' in grant)
                return json(res, grant.status, { error: grant.error, error_description: grant.description });
            const token = mint('ya29.user.');
            delegations.push({ claims: grant.claims, token });
            json(res, 200, { access_token: token, expires_in: 3599, token_type: 'Bearer' });
        },
        'POST /revoke': (req, res) => {
            const token = new URLSearchParams(req.body).get('token') ?? '';
            if (!issued.includes(token) || revoked.has(token))
                return json(res, 400, { error: 'invalid_token', error_description: 'Token expired or revoked' });
            revoked.add(token);
            json(res, 200, {});
        },
    };
    const bound = new Set(options.serviceAccounts);
    for (const sa of [...(options.serviceAccounts ?? []), ...(options.unboundServiceAccounts ?? [])]) {
        const base = `POST /v1/projects/-/serviceAccounts/${encodeURIComponent(sa)}`;
        routes[`${base}:generateAccessToken`] = (req, res) => {
            const refusal = checkCaller(req, federated, bound.has(sa));
            if (refusal)
                return googleError(res, ...refusal);
            const body = JSON.parse(req.body);
            const lifetime = /^(\d+)s$/.exec(body.lifetime ?? '3600s');
            if (!lifetime || Number(lifetime[1]) > 3600)
                return googleError(res, 400, 'INVALID_ARGUMENT', 'The lifetime must be at most 3600s unless the organisation policy allows more.');
            if (!body.scope?.length)
                return googleError(res, 400, 'INVALID_ARGUMENT', 'Scope is required.');
            json(res, 200, { accessToken: mint('ya29.'), expireTime: new Date(Date.now() + Number(lifetime[1]) * 1000).toISOString() });
        };
        routes[`${base}:generateIdToken`] = (req, res) => {
            const refusal = checkCaller(req, federated, bound.has(sa));
            if (refusal)
                return googleError(res, ...refusal);
            json(res, 200, { token: mint('eyJhbGciOiJSUzI1NiJ9.id.') });
        };
        routes[`${base}:signJwt`] = async (req, res) => {
            const refusal = checkCaller(req, federated, tokenCreators.has(sa), 'iam.serviceAccounts.signJwt');
            if (refusal)
                return googleError(res, ...refusal);
            const payload = parsePayload(req.body);
            if (payload === undefined)
                return googleError(res, 400, 'INVALID_ARGUMENT', 'Invalid JWT payload: the payload must be a JSON object.');
            if (typeof payload.exp === 'number' && payload.exp > Date.now() / 1000 + 12 * 3600) {
                return googleError(res, 400, 'INVALID_ARGUMENT', 'The exp claim must be at most 12 hours in the future.');
            }
            const { pair, keyId } = await signing();
            const signedJwt = await new sign/* SignJWT */.P(payload).setProtectedHeader({ alg: 'RS256', kid: keyId, typ: 'JWT' }).sign(pair.privateKey);
            issued.push(signedJwt);
            json(res, 200, { keyId, signedJwt });
        };
    }
    const tokenCreators = new Set(options.tokenCreators);
    const fake = await startFake(routes);
    return { ...fake, issued, revoked, faults, boundaries, delegations };
}
function parsePayload(body) {
    try {
        const payload = JSON.parse(JSON.parse(body).payload ?? '');
        return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? payload : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The token endpoint's checks of a JWT grant, each with the answer Google documents for it
 * (developers.google.com/identity/protocols/oauth2/service-account#error-codes).
 */
async function redeemGrant(form, key, workspace) {
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
        return { status: 400, error: 'unsupported_grant_type', description: `Invalid grant_type: ${form.get('grant_type') ?? ''}` };
    }
    let claims;
    try {
        ({ payload: claims } = await (0,verify/* jwtVerify */.V)(form.get('assertion') ?? '', key, { audience: 'https://oauth2.googleapis.com/token' }));
    }
    catch {
        return { status: 400, error: 'invalid_grant', description: 'Invalid JWT Signature.' };
    }
    if (typeof claims.iat !== 'number' || typeof claims.exp !== 'number' || claims.exp - claims.iat > 3600) {
        return { status: 400, error: 'invalid_grant', description: 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.' };
    }
    const delegated = workspace?.delegated[String(claims.iss)] ?? [];
    const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
    if (scopes.length === 0 || !scopes.every((scope) => delegated.includes(scope))) {
        return { status: 401, error: 'unauthorized_client', description: 'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.' };
    }
    if (!workspace?.users.includes(String(claims.sub)))
        return { status: 400, error: 'invalid_grant', description: 'Invalid email or User ID' };
    return { claims };
}
/** IAM's answer to a caller that is not a federated principal allowed to impersonate. */
function checkCaller(req, federated, bound, permission = 'iam.serviceAccounts.getAccessToken') {
    const bearer = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!federated.has(bearer) || !bound)
        return [403, 'PERMISSION_DENIED', `Permission '${permission}' denied on resource (or it may not exist).`];
    return undefined;
}
function googleError(res, code, status, message) {
    json(res, code, { error: { code, message, status } });
}

;// CONCATENATED MODULE: ./test/fakes/oauth-server.ts



const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const oauth_server_ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
/**
 * An RFC 8693 authorization server: RFC 8414 (or OpenID) metadata, a token-exchange endpoint that really
 * verifies the subject token against the runner's JWKS, and RFC 7009 revocation. Errors use the
 * RFC 6749 §5.2 body.
 */
async function startOAuthServer(options) {
    const jwks = (0,remote/* createRemoteJWKSet */.RD)(new URL(`${options.trustedIssuer}/.well-known/jwks`));
    const issued = [];
    const revoked = new Set();
    const faults = [];
    const path = options.issuerPath ?? '';
    let issuer = '';
    const metadata = () => ({
        issuer,
        token_endpoint: `${issuer.replace(path, '')}/token`,
        grant_types_supported: [TOKEN_EXCHANGE],
        ...(options.revocation === false ? {} : { revocation_endpoint: `${issuer.replace(path, '')}/revoke` }),
    });
    /** Why the trust policy refuses the subject token, or undefined when it accepts it. */
    const verifySubject = async (subjectToken) => {
        try {
            const { payload } = await (0,verify/* jwtVerify */.V)(subjectToken, jwks, { issuer: options.trustedIssuer, audience: options.audience ?? issuer });
            const allowed = !options.allowedSubjects || options.allowedSubjects.includes(String(payload.sub));
            return allowed ? undefined : `subject ${String(payload.sub)} is not allowed by the trust policy`;
        }
        catch (error) {
            return `subject_token rejected: ${error.message}`;
        }
    };
    const routes = {
        'POST /token': async (req, res) => {
            if (await applyFault(faults.shift(), res))
                return;
            const form = new URLSearchParams(req.body);
            if (req.headers['content-type'] !== 'application/x-www-form-urlencoded') {
                json(res, 400, { error: 'invalid_request', error_description: 'expected a form-encoded body' });
                return;
            }
            if (form.get('grant_type') !== TOKEN_EXCHANGE) {
                json(res, 400, { error: 'unsupported_grant_type', error_description: `grant_type ${form.get('grant_type')} is not supported` });
                return;
            }
            const refusal = await verifySubject(form.get('subject_token') ?? '');
            if (refusal) {
                json(res, 400, { error: 'invalid_grant', error_description: refusal });
                return;
            }
            const token = `at-${(0,external_node_crypto_.randomBytes)(24).toString('base64url')}`;
            issued.push(token);
            const refresh = options.refreshTokens ? `rt-${(0,external_node_crypto_.randomBytes)(24).toString('base64url')}` : undefined;
            if (refresh)
                issued.push(refresh);
            json(res, 200, {
                access_token: token,
                issued_token_type: form.get('requested_token_type') ?? oauth_server_ACCESS_TOKEN_TYPE,
                token_type: 'Bearer',
                expires_in: options.expiresIn ?? 900,
                ...(form.get('scope') ? { scope: form.get('scope') } : {}),
                ...(refresh ? { refresh_token: refresh } : {}),
            });
        },
        'POST /revoke': async (req, res) => {
            if (await applyFault(faults.shift(), res))
                return;
            const token = new URLSearchParams(req.body).get('token') ?? '';
            if (!issued.includes(token)) {
                // RFC 7009 §2.2: an invalid token is not an error for revocation.
                res.writeHead(200).end();
                return;
            }
            revoked.add(token);
            res.writeHead(200).end();
        },
    };
    const discovery = options.discovery ?? 'oauth';
    if (discovery === 'oauth')
        routes[`GET /.well-known/oauth-authorization-server${path}`] = (_req, res) => { json(res, 200, metadata()); };
    if (discovery === 'openid')
        routes[`GET ${path}/.well-known/openid-configuration`] = (_req, res) => { json(res, 200, metadata()); };
    const fake = await startFake(routes);
    issuer = `${fake.url}${path}`;
    return { ...fake, issuer, tokenEndpoint: `${fake.url}/token`, issued, revoked, faults };
}

;// CONCATENATED MODULE: ./test/fakes/runner-oidc.ts



// One signing key per test process: every fake has its own issuer URL, so tokens still verify against
// their own fake only, and key generation (~100 ms) is not paid again by every test.
let signingKey;
/**
 * The runner's OIDC token service: GET <request url>&audience=… with the request bearer → {"value": JWT}.
 * JWTs are RS256-signed with a real key, carry GitHub's claim set, and verify against the fake's JWKS.
 */
async function startRunnerOidc(claims = {}) {
    const { privateKey, publicKey } = await (signingKey ??= (0,generate_key_pair/* generateKeyPair */.T)('RS256'));
    const jwk = { ...(await (0,key_export/* exportJWK */.JU)(publicKey)), kid: 'fake-key-1', alg: 'RS256', use: 'sig' };
    const requestToken = `ghs-request-${(0,external_node_crypto_.randomUUID)()}`;
    const issued = [];
    const faults = [];
    let issuer = '';
    const fake = await startFake({
        'GET /.well-known/openid-configuration': (_req, res) => { json(res, 200, { issuer, jwks_uri: `${issuer}/.well-known/jwks`, id_token_signing_alg_values_supported: ['RS256'] }); },
        'GET /.well-known/jwks': (_req, res) => { json(res, 200, { keys: [jwk] }); },
        'GET /_apis/idtoken': async (req, res) => {
            if (req.headers.authorization !== `Bearer ${requestToken}`) {
                json(res, 401, { message: 'Unauthorized: invalid request token' });
                return;
            }
            if (await applyFault(faults.shift(), res))
                return;
            const audience = req.query.get('audience') ?? `https://github.com/${String(state.claims.repository_owner)}`;
            const jwt = await new sign/* SignJWT */.P({ ...state.claims, jti: (0,external_node_crypto_.randomUUID)() })
                .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' })
                // A test may set claims.iss to stand for GHES or GHE.com, whose issuers are not this fake's URL.
                .setIssuer(typeof state.claims.iss === 'string' ? state.claims.iss : issuer)
                .setAudience(audience)
                .setIssuedAt()
                .setNotBefore('0s')
                .setExpirationTime('5m')
                .sign(privateKey);
            issued.push(jwt);
            json(res, 200, { count: jwt.length, value: jwt });
        },
    });
    issuer = fake.url;
    const state = {
        ...fake,
        requestUrl: `${fake.url}/_apis/idtoken?api-version=2.0`,
        requestToken,
        issuer,
        issued,
        faults,
        claims: { ...githubClaims(), ...claims },
    };
    return state;
}
/** The claim set GitHub puts in an Actions OIDC token for a push to main. */
function githubClaims() {
    return {
        sub: 'repo:acme/widget:ref:refs/heads/main',
        ref: 'refs/heads/main',
        ref_type: 'branch',
        sha: '3f786850e387550fdab836ed7e6dc881de23001b',
        repository: 'acme/widget',
        repository_id: '123456',
        repository_owner: 'acme',
        repository_owner_id: '654321',
        repository_visibility: 'private',
        run_id: '9876543210',
        run_number: '42',
        run_attempt: '1',
        actor: 'octocat',
        actor_id: '1',
        workflow: 'release',
        workflow_ref: 'acme/widget/.github/workflows/release.yml@refs/heads/main',
        workflow_sha: '3f786850e387550fdab836ed7e6dc881de23001b',
        job_workflow_ref: 'acme/widget/.github/workflows/release.yml@refs/heads/main',
        job_workflow_sha: '3f786850e387550fdab836ed7e6dc881de23001b',
        event_name: 'push',
        runner_environment: 'github-hosted',
    };
}

// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
;// CONCATENATED MODULE: ./src/cli/demo.ts









/** How the runner shows a step's stdout: commands consumed, masked values replaced by ***. */
function asJobLog(stdout, masks) {
    const lines = [];
    for (const line of runnerLines(stdout)) {
        const mask = /^::add-mask::(.*)$/.exec(line);
        if (mask) {
            masks.add(decodeURIComponent(mask[1] ?? ''));
            continue;
        }
        let shown = line
            .replace(/^::error(?: [^:]*)?::/, 'Error: ')
            .replace(/^::warning(?: [^:]*)?::/, 'Warning: ')
            .replace(/^::group::/, '▸ ')
            .replace(/^::endgroup::$/, '');
        for (const secret of [...masks].sort((a, b) => b.length - a.length))
            shown = shown.split(secret).join('***');
        if (shown !== '')
            lines.push(`  │ ${shown}`);
    }
    return `${lines.join('\n')}\n`;
}
function distDir() {
    // The bundle lives in dist/cli/; the entries it runs sit one level up.
    const here = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(require("url").pathToFileURL(__filename).href));
    return (0,external_node_fs_.existsSync)((0,external_node_path_.join)(here, 'main.js')) ? here : (0,external_node_path_.join)(here, '..');
}
/** Runs main and post of the built action against the loopback fakes, printing what a job log shows. */
async function demo(args, print) {
    if (args.length > 0)
        throw (0,cli_args/* usage */.CI)(`unexpected argument ${args[0] ?? ''}`, 'the demo takes no arguments');
    const dist = distDir();
    const actionYml = (0,external_node_path_.join)(dist, '..', 'action.yml');
    const runner = await startRunnerOidc();
    const sts = await startOAuthServer({ trustedIssuer: runner.issuer, issuerPath: '/realms/ci', refreshTokens: false });
    const pool = 'projects/123456/locations/global/workloadIdentityPools/github/providers/acme';
    const google = await startGoogle({ trustedIssuer: runner.issuer, provider: pool });
    try {
        const job = newJob();
        const credentials = [
            '- provider: rfc8693',
            '  id: deploy',
            `  issuer: ${sts.issuer}`,
            '  audience: https://deploy.example.com',
            '  scope: [deploy:read, deploy:write]',
            '  export: [env, file]',
            '- provider: gcp',
            '  id: gcp',
            `  workload-identity-provider: ${pool}`,
            `  sts-endpoint: ${google.url}/v1/token`,
            `  revoke-endpoint: ${google.url}/revoke`,
            '  export: none',
            '- provider: registry',
            '  id: images',
            '  kind: gar',
            '  host: us-docker.pkg.dev',
            '  from: gcp',
        ].join('\n');
        const options = {
            job,
            actionYml,
            inputs: { credentials, 'require-claims': 'ref: refs/heads/main\nrepository: acme/*' },
            env: { ACTIONS_ID_TOKEN_REQUEST_URL: runner.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: runner.requestToken },
        };
        print(`Keyless demo — runner OIDC fake ${runner.url}, RFC 8693 server fake ${sts.issuer}, Google STS fake ${google.url}\n\n`);
        print(`with:\n  credentials: |\n${credentials.replace(/^/gm, '    ')}\n  require-claims: |\n    ref: refs/heads/main\n    repository: acme/*\n\n`);
        const masks = new Set([runner.requestToken]);
        const main = await runMain(options);
        print(`Run keyless (main step) — exit ${main.code}\n${asJobLog(main.stdout, masks)}`);
        const exported = Object.entries(main.env).map(([name, value]) => asJobLog(`${name}=${value}`, masks).trim().replace(/^│ /, ''));
        print(`\nExported to later steps (GITHUB_ENV): ${exported.join(', ')}\n`);
        const docker = main.env.DOCKER_CONFIG ? JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(main.env.DOCKER_CONFIG, 'config.json'), 'utf8')) : undefined;
        if (docker)
            print(`Docker config (DOCKER_CONFIG, 0600, deleted at post) logs in to: ${Object.keys(docker.auths ?? {}).join(', ')}\n`);
        print(`Step outputs: ${Object.entries(main.outputs).map(([k, v]) => `${k}=${v}`).join('\n              ')}\n`);
        print(`\nJob summary:\n${main.summary.replace(/^/gm, '  ')}\n`);
        const post = await runPost(options, main);
        print(`Post Run keyless (post step) — exit ${post.code}\n${asJobLog(post.stdout, masks)}`);
        print(`\nThe STS fake saw ${sts.requests.filter((r) => r.path === '/revoke').length} revocation request(s); revoked: ${sts.revoked.size}/${sts.issued.length} token(s).\n`);
        print(`The Google fake revoked ${google.revoked.size}/${google.issued.length} access token(s); the docker config ${docker && !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(main.env.DOCKER_CONFIG ?? '', 'config.json')) ? 'is gone' : 'was not written'}.\n`);
        const leaks = findLeaks([main, post], {
            never: [...runner.issued, runner.requestToken, JOB_GITHUB_TOKEN, RUNTIME_TOKEN],
            credentials: [...sts.issued, ...google.issued],
            allow: { env: true },
            tempDir: job.temp,
        });
        print(leaks.length === 0 ? 'Leak scan: no secret in any log, summary, output or file.\n' : `Leak scan FAILED:\n${leaks.join('\n')}\n`);
        return main.code === 0 && post.code === 0 && leaks.length === 0 ? 0 : 1;
    }
    finally {
        await Promise.all([runner.close(), sts.close(), google.close()]);
    }
}


/***/ })

};
;