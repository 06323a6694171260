"use strict";
exports.id = 251;
exports.ids = [251];
exports.modules = {

/***/ 7632:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SESSION_FILE: () => (/* binding */ SESSION_FILE),
  endAzureSessions: () => (/* binding */ endAzureSessions),
  refreshAzureSession: () => (/* binding */ refreshAzureSession),
  sessionAudience: () => (/* binding */ sessionAudience),
  startAzureSessions: () => (/* binding */ startAzureSessions)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/http/json.ts
var json = __webpack_require__(2868);
// EXTERNAL MODULE: ./src/os/private-file.ts
var private_file = __webpack_require__(8272);
// EXTERNAL MODULE: ./src/os/regular-file.ts
var regular_file = __webpack_require__(7837);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/os/tool.ts




function isFile(file) {
    try {
        return (0,external_node_fs_.statSync)(file).isFile();
    }
    catch {
        return false;
    }
}
/** A variable by name, as Windows matches names: without regard to case (`Path`, `PATH`). */
function variable(env, name, platform) {
    if (platform !== 'win32')
        return env[name];
    const key = Object.keys(env).find((k) => k.toUpperCase() === name);
    return key === undefined ? undefined : env[key];
}
/** The first `name` on PATH, with Windows' PATHEXT, as a shell would find it; undefined when there is none. */
function findOnPath(name, env, options = {}) {
    const platform = options.platform ?? process.platform;
    const flavour = platform === 'win32' ? (external_node_path_default()).win32 : (external_node_path_default()).posix;
    const exists = options.isFile ?? isFile;
    // A relative entry would find a file of the workspace, which any pull request can add.
    const dirs = (variable(env, 'PATH', platform) ?? '')
        .split(platform === 'win32' ? ';' : ':')
        .map((dir) => (platform === 'win32' ? dir.replace(/^"(.*)"$/, '$1') : dir))
        .filter((dir) => dir !== '' && flavour.isAbsolute(dir));
    const extensions = platform === 'win32' ? (variable(env, 'PATHEXT', platform) ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean) : [''];
    for (const dir of dirs) {
        for (const ext of extensions) {
            const candidate = flavour.join(dir, `${name}${ext.toLowerCase()}`);
            if (exists(candidate))
                return candidate;
        }
    }
    return undefined;
}
/**
 * `name` found on PATH as something execFile can start without a shell. On Windows `az` is az.cmd, a
 * batch file, which Node runs only through cmd.exe; the Azure CLI's installer puts the Python that
 * az.cmd runs one folder up (`…\CLI2\python.exe -IBm azure.cli`), so that is started directly. Any
 * other batch file goes through cmd.exe, and only with arguments cmd.exe gives no meaning to.
 */
function findTool(name, env, options = {}) {
    const platform = options.platform ?? process.platform;
    const found = findOnPath(name, env, options);
    if (found === undefined)
        return undefined;
    if (platform !== 'win32' || !/\.(cmd|bat)$/i.test(found))
        return { name, path: found, file: found, prefix: [] };
    const python = external_node_path_default().win32.join(external_node_path_default().win32.dirname(found), '..', 'python.exe');
    if (name === 'az' && (options.isFile ?? isFile)(python))
        return { name, path: found, file: python, prefix: ['-IBm', 'azure.cli'], env: { AZ_INSTALLER: 'MSI' } };
    return { name, path: found, file: variable(env, 'COMSPEC', platform) ?? 'cmd.exe', prefix: [], viaCmd: true };
}
/** cmd.exe gives none of these characters a meaning: no quoting, no expansion, no second command. */
const CMD_SAFE = /^[\w@.:/\\=+,-]+$/;
/** The program and arguments to start, with the cmd.exe command line for a batch file. */
function commandLine(tool, args) {
    if (!tool.viaCmd)
        return { file: tool.file, args: [...tool.prefix, ...args], verbatim: false };
    const unsafe = args.find((arg) => !CMD_SAFE.test(arg));
    if (unsafe !== undefined || /["%^&|<>()!]/.test(tool.path)) {
        throw new errors/* KeylessError */.FM('INPUT_INVALID', `${tool.path} is a batch file, and cmd.exe would read special characters in its arguments or path`, {
            hint: `install ${tool.name} so that an .exe is found on PATH first, or set the entry's ${tool.name}-login: false`,
        });
    }
    return { file: tool.file, args: ['/d', '/s', '/c', `""${tool.path}" ${args.join(' ')}"`], verbatim: true };
}
/**
 * Runs a tool without a shell and waits for it, at most `timeoutMs`. Never throws for the tool's own
 * failure: the caller reads its exit code and output. Throws when it could not be started at all.
 */
function runTool(tool, args, options) {
    const command = commandLine(tool, args);
    const env = Object.fromEntries(Object.entries({ ...options.env, ...tool.env }).filter((e) => e[1] !== undefined));
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.execFile)(command.file, command.args, { env, timeout: options.timeoutMs, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024, windowsHide: true, windowsVerbatimArguments: command.verbatim, encoding: 'utf8', ...(options.signal ? { signal: options.signal } : {}) }, (error, stdout, stderr) => {
            const failure = error;
            const code = failure?.code;
            if (failure === null)
                resolve({ code: 0, stdout, stderr, timedOut: false });
            else if (options.signal?.aborted === true)
                reject(options.signal.reason);
            else if (typeof code === 'number')
                resolve({ code, stdout, stderr, timedOut: false });
            else if (failure.killed === true || code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
                resolve({ code: null, stdout, stderr, timedOut: failure.killed === true && code !== 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER' });
            else
                reject(new errors/* KeylessError */.FM('INPUT_INVALID', `${tool.name} could not be started from ${tool.path} (${typeof code === 'string' ? code : 'no exit code'})`, { hint: `check the ${tool.name} installation on this runner` }));
        });
        // A tool that exits before reading its input closes the pipe: that is its answer, not an error of ours.
        child.stdin?.on('error', () => undefined);
        child.stdin?.end(options.stdin ?? '');
    });
}

// EXTERNAL MODULE: ./src/providers/azure-clouds.ts
var azure_clouds = __webpack_require__(9171);
// EXTERNAL MODULE: ./src/runner/owned-path.ts
var owned_path = __webpack_require__(8871);
// EXTERNAL MODULE: ./src/runner/inert.ts
var inert = __webpack_require__(7474);
// EXTERNAL MODULE: ./src/providers/aadsts.ts
var aadsts = __webpack_require__(1738);
;// CONCATENATED MODULE: ./src/sessions/azure-login.ts
/** How long one az or pwsh command may take: az login alone takes seconds, a cold pwsh with Az longer. */
const TOOL_TIMEOUT_MS = 120_000;

;// CONCATENATED MODULE: ./src/sessions/az.ts





/** The profile azure/login registers Azure Stack Hub with: the API versions a Hub stamp serves. */
const STACK_PROFILE = '2019-03-01-hybrid';
/**
 * Signs az in to the entry's app in `configDir`, the folder later steps get as AZURE_CONFIG_DIR. The
 * federated token goes to az on stdin (`--federated-token @-`, az's own "value from a file or stdin"
 * form), never on the command line, where every process of the machine could read it. `setup` also
 * selects the cloud, which az keeps in the folder, so a refresh signs in again without it.
 */
async function azSignIn(az, login, token, configDir, deps, setup) {
    const run = (step, args, stdin) => azRun(az, step, args, configDir, deps, stdin);
    if (setup && login.cloud === 'AzureStack' && login.resourceManager !== undefined) {
        const arm = new URL(login.resourceManager);
        // As azure/login derives them: Key Vault and Storage live under the ARM host's domain.
        const domain = arm.hostname.slice(arm.hostname.indexOf('.') + 1);
        await run('az cloud register', ['cloud', 'register', '--name', 'AzureStack', '--endpoint-resource-manager', login.resourceManager, '--suffix-keyvault-dns', `.vault.${domain}`, '--suffix-storage-endpoint', domain, '--profile', STACK_PROFILE]);
    }
    // A fresh config folder is in AzureCloud already.
    if (setup && login.cloud !== 'AzureCloud')
        await run('az cloud set', ['cloud', 'set', '--name', login.cloud]);
    const args = ['login', '--service-principal', '--username', login.clientId, '--tenant', login.tenantId, '--federated-token', '@-'];
    if (login.allowNoSubscriptions)
        args.push('--allow-no-subscriptions');
    await run('az login', [...args, '--output', 'none'], token);
    if (login.subscriptionId !== undefined)
        await run('az account set', ['account', 'set', '--subscription', login.subscriptionId, '--output', 'none']);
}
/** Signs az out of the session in `configDir` (az logout), before the post step deletes the folder. */
async function azSignOut(az, configDir, deps) {
    await azRun(az, 'az logout', ['logout', '--output', 'none'], configDir, deps);
}
async function azRun(az, step, args, configDir, deps, stdin) {
    const timeoutMs = deps.timeoutMs ?? TOOL_TIMEOUT_MS;
    // No prompt, no telemetry upload from a CI job, no colour codes in the messages Keyless repeats.
    const env = { ...deps.env, AZURE_CONFIG_DIR: configDir, AZURE_CORE_COLLECT_TELEMETRY: 'false', AZURE_CORE_NO_COLOR: 'true', AZURE_CORE_ONLY_SHOW_ERRORS: 'true' };
    const result = await runTool(az, args, { env, timeoutMs, signal: deps.signal, ...(stdin === undefined ? {} : { stdin }) });
    if (result.code === 0)
        return;
    const said = toolMessage(result.stderr || result.stdout, (text) => deps.redact(text));
    if (result.timedOut) {
        throw new errors/* KeylessError */.FM('EXCHANGE_FAILED', `${step} did not finish within ${timeoutMs / 1000}s`, { hint: 'az may be waiting on the network; check that this runner reaches the cloud\'s endpoints' });
    }
    throw new errors/* KeylessError */.FM('EXCHANGE_FAILED', `${step} failed (exit ${result.code ?? 'signal'})${said ? `: ${said}` : ''}`, { hint: azHint(step, said) });
}
function azHint(step, said) {
    if (/no subscriptions found/i.test(said))
        return 'give the app a role on a subscription, or set allow-no-subscriptions: true to sign in to the tenant alone';
    if (step === 'az account set')
        return 'check subscription-id, and that the app has a role on that subscription';
    if (step.startsWith('az cloud'))
        return 'check environment and resource-manager-endpoint; `az cloud list` shows the clouds this az knows';
    return (0,aadsts/* aadstsHint */.Y)(said) ?? 'the token exchange worked for Keyless itself, so check the az version (2.30 or later signs in with --federated-token) and the output above';
}
/**
 * What a tool printed, as one bounded, inert line with every known secret masked. Its first lines carry
 * the reason; a stack trace after them adds nothing.
 */
function toolMessage(text, redact) {
    const lines = redact(text).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    return (0,inert/* displayText */.WV)(lines.slice(0, 6).join(' '), 600);
}

;// CONCATENATED MODULE: ./src/sessions/azps.ts






/** The exit code the script ends with when Az.Accounts is not installed. */
const NO_MODULE = 3;
// The script is a constant: every value reaches it in a variable of pwsh's own environment, so nothing is
// quoted into PowerShell code, and the federated token is on no command line (any process of the machine
// can read those). The script takes the token out of its environment before it runs anything else.
const IMPORT = `$ErrorActionPreference = 'Stop'
$WarningPreference = 'SilentlyContinue'
$module = Get-Module -Name Az.Accounts -ListAvailable | Sort-Object Version -Descending | Select-Object -First 1
if (-not $module) { [Console]::Error.WriteLine('Az.Accounts is not installed'); exit ${NO_MODULE} }
Import-Module -Name $module.Path`;
const SIGN_IN_SCRIPT = `$token = $env:KEYLESS_AZ_FEDERATED_TOKEN
Remove-Item -Path Env:KEYLESS_AZ_FEDERATED_TOKEN
${IMPORT}
if ($env:KEYLESS_AZ_ARM_ENDPOINT) { Add-AzEnvironment -Name $env:KEYLESS_AZ_ENVIRONMENT -ARMEndpoint $env:KEYLESS_AZ_ARM_ENDPOINT | Out-Null }
$connect = @{ ServicePrincipal = $true; ApplicationId = $env:KEYLESS_AZ_CLIENT_ID; Tenant = $env:KEYLESS_AZ_TENANT_ID; FederatedToken = $token; Environment = $env:KEYLESS_AZ_ENVIRONMENT; Scope = 'CurrentUser' }
if ($env:KEYLESS_AZ_SUBSCRIPTION_ID) { $connect.Subscription = $env:KEYLESS_AZ_SUBSCRIPTION_ID }
Connect-AzAccount @connect -InformationAction Ignore | Out-Null`;
const SIGN_OUT_SCRIPT = `${IMPORT}
Clear-AzContext -Scope CurrentUser -Force`;
const ARGS = ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command'];
/**
 * Where GitHub's runner images keep the Az modules, which pwsh's default module path misses; azure/login
 * adds the same folder.
 */
function modulePath(env) {
    const os = (env.RUNNER_OS ?? process.platform).toLowerCase();
    const images = os === 'linux' ? '/usr/share' : os === 'windows' || os === 'win32' ? 'C:\\Modules' : undefined;
    const current = env.PSModulePath;
    if (images === undefined)
        return current;
    return current ? `${images}${external_node_path_.delimiter}${current}` : images;
}
/**
 * Connect-AzAccount with the federated token, saved for the user (`-Scope CurrentUser`), as azure/login
 * does: Az PowerShell keeps its contexts under ~/.Azure and offers no other folder, so later steps' pwsh
 * find the session there, and the post step clears it (Clear-AzContext).
 */
async function azPsSignIn(pwsh, login, token, deps) {
    const psPath = modulePath(deps.env);
    const env = {
        ...deps.env,
        ...(psPath === undefined ? {} : { PSModulePath: psPath }),
        KEYLESS_AZ_FEDERATED_TOKEN: token,
        KEYLESS_AZ_CLIENT_ID: login.clientId,
        KEYLESS_AZ_TENANT_ID: login.tenantId,
        KEYLESS_AZ_ENVIRONMENT: login.cloud,
        KEYLESS_AZ_SUBSCRIPTION_ID: login.subscriptionId,
        KEYLESS_AZ_ARM_ENDPOINT: login.cloud === 'AzureStack' ? login.resourceManager : undefined,
    };
    await psRun(pwsh, 'Connect-AzAccount', SIGN_IN_SCRIPT, env, deps);
}
async function azPsSignOut(pwsh, deps) {
    const psPath = modulePath(deps.env);
    await psRun(pwsh, 'Clear-AzContext', SIGN_OUT_SCRIPT, { ...deps.env, ...(psPath === undefined ? {} : { PSModulePath: psPath }) }, deps);
}
async function psRun(pwsh, step, script, env, deps) {
    const timeoutMs = deps.timeoutMs ?? TOOL_TIMEOUT_MS;
    const result = await runTool(pwsh, [...ARGS, script], { env, timeoutMs, signal: deps.signal });
    if (result.code === 0)
        return;
    if (result.code === NO_MODULE) {
        throw new errors/* KeylessError */.FM('INPUT_INVALID', `enable-AzPSSession: the Az.Accounts PowerShell module is not installed for ${pwsh.path}`, {
            hint: 'install it in an earlier step (pwsh -Command "Install-Module Az.Accounts -Scope CurrentUser -Force"), or use a GitHub-hosted runner image, which has it',
        });
    }
    if (result.timedOut)
        throw new errors/* KeylessError */.FM('EXCHANGE_FAILED', `${step} did not finish within ${timeoutMs / 1000}s`, { hint: 'check that this runner reaches the cloud\'s endpoints' });
    const said = toolMessage(result.stderr || result.stdout, (text) => deps.redact(text));
    throw new errors/* KeylessError */.FM('EXCHANGE_FAILED', `${step} failed (exit ${result.code ?? 'signal'})${said ? `: ${said}` : ''}`, {
        hint: (0,aadsts/* aadstsHint */.Y)(said) ?? 'Connect-AzAccount -FederatedToken needs Az.Accounts 2.x or later; check the output above',
    });
}

;// CONCATENATED MODULE: ./src/sessions/azure-session.ts












/** What `keyless refresh` reads to sign the sessions in again (it knows the file by this name); its path goes in KEYLESS_REFRESH. Nothing secret. */
const SESSION_FILE = 'azure-session.json';
const toolDeps = (runner, signal) => ({ env: runner.env, redact: (text) => runner.redact(text), signal });
/**
 * The main step's session phase, after every exchange succeeded and every file is written, before
 * anything is handed out: signs az in, in a private folder later steps get as AZURE_CONFIG_DIR, and Az
 * PowerShell, for each azure entry that asks. What post must undo is recorded before each sign-in, so a
 * step that dies half way is still signed out. `signal` (`keyless exec` told to stop) kills a sign-in
 * rather than wait for it.
 */
async function startAzureSessions(minted, runner, cleanup, delivery, signal) {
    const refresh = [];
    for (const { entry, credential } of minted) {
        const request = credential.session;
        if (request === undefined)
            continue;
        const tools = sessionTools(request, entry.exports.has('env'), runner);
        if (tools.az === undefined && tools.pwsh === undefined)
            continue;
        const folder = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(runner.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'keyless-azure-'));
        cleanup.record({ kind: 'path', path: folder });
        const login = loginOf(request);
        const record = { ...login, id: entry.id, audience: request.audience, powershell: tools.pwsh !== undefined };
        const deps = toolDeps(runner, signal);
        const exported = [];
        if (tools.az !== undefined) {
            const configDir = (0,external_node_path_.join)(folder, 'az');
            cleanup.record({ kind: 'session', tool: 'az', id: entry.id, path: configDir });
            (0,external_node_fs_.mkdirSync)(configDir, { mode: 0o700 });
            await azSignIn(tools.az, login, request.federatedToken, configDir, deps, true);
            runner.info(`Signed az in as ${login.clientId} (${login.cloud}${login.subscriptionId ? `, subscription ${login.subscriptionId}` : ''}) in ${configDir}.`);
            record.configDir = configDir;
            delivery.env.push(['AZURE_CONFIG_DIR', configDir]);
            exported.push('env AZURE_CONFIG_DIR (az session)');
        }
        if (tools.pwsh !== undefined) {
            cleanup.record({ kind: 'session', tool: 'azps', id: entry.id });
            await azPsSignIn(tools.pwsh, login, request.federatedToken, deps);
            runner.info(`Signed Az PowerShell in as ${login.clientId} (${login.cloud}).`);
            exported.push('Az PowerShell context (~/.Azure)');
        }
        const file = (0,external_node_path_.join)(folder, SESSION_FILE);
        (0,external_node_fs_.writeFileSync)(file, JSON.stringify(record), { mode: 0o600, flag: 'wx' });
        refresh.push(file);
        delivery.exported.set(entry.id, [...(delivery.exported.get(entry.id) ?? []), ...exported]);
    }
    if (refresh.length === 0)
        return;
    const existing = delivery.env.findIndex(([name]) => name === 'KEYLESS_REFRESH');
    if (existing >= 0)
        refresh.unshift(delivery.env.splice(existing, 1)[0]?.[1] ?? '');
    delivery.env.push(['KEYLESS_REFRESH', refresh.join(external_node_path_.delimiter)]);
}
function loginOf(request) {
    const { clientId, tenantId, subscriptionId, allowNoSubscriptions, cloud, resourceManager } = request;
    return { clientId, tenantId, allowNoSubscriptions, cloud, ...(subscriptionId === undefined ? {} : { subscriptionId }), ...(resourceManager === undefined ? {} : { resourceManager }) };
}
/**
 * The tools an entry's sessions run with, found on PATH. `az-login: auto` signs in only where az is
 * installed; a session asked for explicitly fails the step, saying what to install, when its tool is not.
 */
function sessionTools(request, exportsEnv, runner) {
    if (!exportsEnv) {
        if (request.az !== true && !request.powershell)
            return {};
        throw new errors/* KeylessError */.FM('INPUT_INVALID', 'az-login and enable-AzPSSession need export: env: later steps find the session through AZURE_CONFIG_DIR', {
            hint: 'add env to the entry\'s export, or set az-login: false',
        });
    }
    const az = request.az === false ? undefined : findTool('az', runner.env);
    if (request.az === true && az === undefined) {
        throw new errors/* KeylessError */.FM('INPUT_INVALID', 'az-login: true, but az (the Azure CLI) is not on PATH', {
            hint: 'install the Azure CLI in an earlier step (GitHub-hosted runners have it), or set az-login: auto to sign in only where az is installed',
        });
    }
    const pwsh = request.powershell ? findTool('pwsh', runner.env) : undefined;
    if (request.powershell && pwsh === undefined) {
        throw new errors/* KeylessError */.FM('INPUT_INVALID', 'enable-AzPSSession: true, but pwsh (PowerShell 7) is not on PATH', {
            hint: 'install PowerShell 7 and the Az.Accounts module in an earlier step (GitHub-hosted runners have both), or remove enable-AzPSSession',
        });
    }
    return { ...(az === undefined ? {} : { az }), ...(pwsh === undefined ? {} : { pwsh }) };
}
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT = /^([0-9a-f-]{36}|[a-z0-9-]+(\.[a-z0-9-]+)+)$/i;
/**
 * A session file as main wrote it. It is read in a later step, after any step of the job could have
 * changed it, so every value is checked as strictly as main checked the entry's keys.
 */
function readSessionFile(file, temp) {
    const bad = (why) => new errors/* KeylessError */.FM('INPUT_INVALID', `${file} is not a session file Keyless wrote: ${why}`, { hint: 'an earlier step changed it; run the Keyless step again' });
    // Non-blocking and capped: a FIFO or a device swapped in for it is refused, never waited on.
    const bytes = (0,regular_file/* readRegularFile */.X)(file, { maxBytes: 64 * 1024, noFollow: true, hint: 'an earlier step replaced it; run the Keyless step again', unreadableHint: 'run keyless refresh in the job where the Keyless step ran' });
    let raw;
    try {
        raw = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        throw bad('not JSON');
    }
    if (!(0,json/* isObject */.Gv)(raw))
        throw bad('not a JSON object');
    const text = (key, pattern, optional = false) => {
        const value = raw[key];
        if (value === undefined && optional)
            return undefined;
        if (typeof value !== 'string' || !pattern.test(value))
            throw bad(`${key} is missing or malformed`);
        return value;
    };
    const cloud = azure_clouds/* CLOUDS */.JJ.find((name) => name === raw.cloud);
    if (cloud === undefined)
        throw bad('cloud is not one Keyless knows');
    if (typeof raw.allowNoSubscriptions !== 'boolean' || typeof raw.powershell !== 'boolean')
        throw bad('a flag is missing');
    const configDir = text('configDir', /^[^\0]{1,4096}$/, true);
    if (configDir !== undefined && (0,owned_path/* ownedPath */.bD)(configDir, temp) === undefined)
        throw bad('its az folder is not inside a keyless-* folder under RUNNER_TEMP');
    const subscriptionId = text('subscriptionId', GUID, true);
    const resourceManager = text('resourceManager', /^https:\/\/[^\s"%^&|<>()!]{1,2000}$/, true);
    return {
        id: text('id', /^[A-Za-z0-9_.-]{1,64}$/) ?? '',
        clientId: text('clientId', GUID) ?? '',
        tenantId: text('tenantId', TENANT) ?? '',
        audience: text('audience', /^[\x21-\x7e]{1,512}$/) ?? '',
        cloud,
        allowNoSubscriptions: raw.allowNoSubscriptions,
        powershell: raw.powershell,
        ...(subscriptionId === undefined ? {} : { subscriptionId }),
        ...(resourceManager === undefined ? {} : { resourceManager }),
        ...(configDir === undefined ? {} : { configDir }),
    };
}
/** The audience of the runner token a session file's sessions sign in with. */
function sessionAudience(file, temp) {
    return readSessionFile(file, temp).audience;
}
/**
 * `keyless refresh` for a session file: signs az (in the same AZURE_CONFIG_DIR) and Az PowerShell in
 * again with a fresh runner token. Both hold the federated token they signed in with and present it
 * again when their access token runs out; a token older than its few minutes is refused (AADSTS700024).
 */
async function refreshAzureSession(file, token, runner) {
    const temp = runner.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
    const record = readSessionFile(file, temp);
    const deps = toolDeps(runner);
    const done = [];
    if (record.configDir !== undefined) {
        const problem = azFolderProblem(record.configDir, temp);
        if (problem !== undefined)
            throw new errors/* KeylessError */.FM('INPUT_INVALID', `the az session cannot be refreshed: its folder ${record.configDir} is not the one Keyless made (${problem}), so az is not signed in there`, { hint: 'a step since the Keyless step replaced it; run the Keyless step again' });
        const az = findTool('az', runner.env);
        if (az === undefined)
            throw new errors/* KeylessError */.FM('INPUT_INVALID', 'the az session cannot be refreshed: az is no longer on PATH', { hint: 'run keyless refresh where the Keyless step ran' });
        await azSignIn(az, record, token, record.configDir, deps, false);
        done.push(`az session in ${record.configDir}`);
    }
    if (record.powershell) {
        const pwsh = findTool('pwsh', runner.env);
        if (pwsh === undefined)
            throw new errors/* KeylessError */.FM('INPUT_INVALID', 'the Az PowerShell session cannot be refreshed: pwsh is no longer on PATH', { hint: 'run keyless refresh where the Keyless step ran' });
        await azPsSignIn(pwsh, record, token, deps);
        done.push('Az PowerShell session');
    }
    return done;
}
/**
 * Why az must not run with `dir` as AZURE_CONFIG_DIR, or undefined. az follows links and rewrites the
 * profile it finds: a later step that swapped the folder for a link to ~/.azure (a self-hosted runner's
 * own sign-in) would have `az logout` or `az login` rewrite that. Only the real folder main made, at the
 * place it recorded, the current user's.
 */
function azFolderProblem(dir, temp) {
    if ((0,owned_path/* exactOwnedPath */.SP)(dir, temp) === undefined)
        return 'it, or a folder on the way to it, is a link, or it is gone';
    return (0,private_file/* realFolderProblem */.I7)(dir);
}
/**
 * The post step's part: signs az out (az logout) of each session main recorded, and clears Az
 * PowerShell's saved context, before the folders are deleted. az gone from PATH is no failure: deleting
 * the folder removes everything az kept.
 */
async function endAzureSessions(items, runner, signal) {
    const temp = runner.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
    const records = [];
    // `keyless exec` told to stop while signing out: the sign-out is killed, and its folder still deleted.
    const deps = toolDeps(runner, signal);
    for (const item of items) {
        if (item.kind !== 'session')
            continue;
        const base = { id: item.id, provider: item.tool === 'az' ? 'az' : 'Az PowerShell' };
        try {
            if (item.tool === 'az') {
                const dir = item.path;
                if (dir === undefined || (0,owned_path/* ownedPath */.bD)(dir, temp) === undefined || (0,external_node_fs_.lstatSync)(dir, { throwIfNoEntry: false }) === undefined)
                    continue;
                const problem = azFolderProblem(dir, temp);
                if (problem !== undefined) {
                    records.push({ ...base, status: 'failed', detail: `az logout was not run: its folder is not the one Keyless made (${problem}); a step since the Keyless step replaced it, so check what later steps did with AZURE_CONFIG_DIR. The folder Keyless made is deleted, which removes the session` });
                    continue;
                }
                const az = findTool('az', runner.env);
                if (az === undefined) {
                    records.push({ ...base, status: 'not-revocable', detail: 'az is not on PATH to sign out; its folder is deleted, which removes the session' });
                    continue;
                }
                await azSignOut(az, dir, deps);
                records.push({ ...base, status: 'not-revocable', detail: 'signed out (az logout) and its folder deleted; access tokens az obtained expire on their own' });
            }
            else {
                const pwsh = findTool('pwsh', runner.env);
                if (pwsh === undefined) {
                    records.push({ ...base, status: 'failed', detail: 'pwsh is not on PATH, so the context saved under ~/.Azure was not cleared' });
                    continue;
                }
                await azPsSignOut(pwsh, deps);
                records.push({ ...base, status: 'not-revocable', detail: 'signed out (Clear-AzContext); access tokens it obtained expire on their own' });
            }
        }
        catch (error) {
            records.push({ ...base, status: 'failed', detail: (0,errors/* renderError */.vr)(error) });
        }
    }
    return records;
}


/***/ })

};
;