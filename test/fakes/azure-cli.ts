import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

// Fake `az` and `pwsh` for end-to-end tests: small node scripts written at test time into a bin folder
// put first on PATH. Each records its arguments, AZURE_CONFIG_DIR (and that folder's mode), the
// KEYLESS_AZ_* variables and its stdin to a log outside RUNNER_TEMP, and keeps state where the real tool
// does: az writes azureProfile.json, service_principal_entries.json (with the federated token, as az
// does) and its cloud config into AZURE_CONFIG_DIR; pwsh writes ~/.Azure/AzureRmContext.json.
// A control file says how to fail, as the real tools fail (their messages on stderr, exit 1).

export interface AzCall {
  tool: 'az' | 'pwsh';
  argv: string[];
  configDir?: string;
  /** The config folder's permission bits, when it exists (POSIX). */
  configMode?: number;
  stdin: string;
  /** pwsh: the KEYLESS_AZ_* variables and PSModulePath it was started with. */
  env?: Record<string, string>;
}

export interface AzControl {
  /** az login writes this to stderr and exits 1 (an AADSTS error as az prints it); `{token}` becomes the token it got. */
  loginError?: string;
  /** The app has a role on no subscription: az login without --allow-no-subscriptions fails as az does. */
  noSubscriptions?: boolean;
  /** Subscriptions the app has roles on (default: one, the tests' SUBSCRIPTION). */
  subscriptions?: string[];
  /** pwsh: Az.Accounts is not installed (the script's exit code 3), or Connect-AzAccount fails with this message. */
  pwshNoModule?: boolean;
  pwshError?: string;
  /** az logout fails with this message. */
  logoutError?: string;
  /** az login never ends (a network that does not answer): only a kill stops it. */
  loginHangs?: boolean;
  /** az logout never ends. */
  logoutHangs?: boolean;
}

export interface AzureCliFake {
  bin: string;
  /** PATH with the fakes first. */
  path: string;
  calls(): AzCall[];
  control(control: AzControl): void;
}

const AZ = String.raw`
const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');
const here = __dirname;
const control = JSON.parse(fs.readFileSync(path.join(here, 'control.json'), 'utf8'));
const argv = process.argv.slice(2);
const dir = process.env.AZURE_CONFIG_DIR;
const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const fail = (message) => { process.stderr.write(message + '\n'); process.exit(1); };
const read = (file, fallback) => { try { return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')); } catch { return fallback; } };
const write = (file, value) => fs.writeFileSync(path.join(dir, file), JSON.stringify(value));
async function main() {
  let stdin = '';
  if (argv.includes('@-')) for await (const chunk of process.stdin) stdin += chunk;
  let mode;
  try { mode = fs.statSync(dir).mode & 0o777; } catch {}
  fs.appendFileSync(path.join(here, 'calls.log'), JSON.stringify({ tool: 'az', argv, configDir: dir, configMode: mode, stdin }) + '\n');
  if (!dir) fail('ERROR: the fake az expects AZURE_CONFIG_DIR');
  fs.mkdirSync(dir, { recursive: true });
  const config = read('clouds.json', { current: 'AzureCloud', registered: {} });
  const known = ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud', ...Object.keys(config.registered)];
  const [group, command] = argv;
  if (group === 'login') {
    const client = opt('--username');
    const tenant = opt('--tenant');
    let token = opt('--federated-token');
    if (token === '@-') token = stdin.replace(/\r?\n$/, '');
    if (!argv.includes('--service-principal') || !client || !tenant || !token) fail('ERROR: usage error: --service-principal --username --tenant --federated-token');
    if (token.split('.').length !== 3) fail('ERROR: AADSTS50027: JWT token is invalid or malformed.');
    if (control.loginError) fail(control.loginError.replace('{token}', token));
    if (control.loginHangs) return new Promise(() => setInterval(() => {}, 60000));
    const subscriptions = control.noSubscriptions ? [] : (control.subscriptions || ['11111111-2222-4333-8444-555555555555']);
    if (subscriptions.length === 0 && !argv.includes('--allow-no-subscriptions')) fail("ERROR: No subscriptions found for " + client + ".");
    const entries = subscriptions.length > 0
      ? subscriptions.map((id, i) => ({ id, name: 'Subscription ' + i, state: 'Enabled', user: { name: client, type: 'servicePrincipal' }, isDefault: i === 0, tenantId: tenant, environmentName: config.current }))
      : [{ id: tenant, name: 'N/A(tenant level account)', state: 'Enabled', user: { name: client, type: 'servicePrincipal' }, isDefault: true, tenantId: tenant, environmentName: config.current }];
    write('azureProfile.json', { installationId: 'fake', subscriptions: entries });
    write('service_principal_entries.json', [{ client_id: client, tenant, client_assertion: token }]);
    return;
  }
  if (group === 'account' && command === 'set') {
    const id = opt('--subscription');
    const profile = read('azureProfile.json', { subscriptions: [] });
    if (!profile.subscriptions.some((s) => s.id === id)) fail("ERROR: The subscription of '" + id + "' doesn't exist in cloud '" + config.current + "'.");
    for (const s of profile.subscriptions) s.isDefault = s.id === id;
    write('azureProfile.json', profile);
    return;
  }
  if (group === 'account' && command === 'show') {
    const profile = read('azureProfile.json', { subscriptions: [] });
    const current = profile.subscriptions.find((s) => s.isDefault);
    if (!current) fail("ERROR: Please run 'az login' to setup account.");
    process.stdout.write(JSON.stringify(current) + '\n');
    return;
  }
  if (group === 'cloud' && command === 'set') {
    const name = opt('--name');
    if (!known.includes(name)) fail("ERROR: The cloud '" + name + "' is not registered.");
    config.current = name;
    write('clouds.json', config);
    return;
  }
  if (group === 'cloud' && command === 'register') {
    const arm = opt('--endpoint-resource-manager');
    // The real az reads the stamp's endpoints from its metadata endpoint.
    const url = new URL('metadata/endpoints?api-version=2015-01-01', arm.endsWith('/') ? arm : arm + '/');
    const body = await new Promise((resolve, reject) => http.get(url, (res) => { let t = ''; res.on('data', (c) => { t += c; }); res.on('end', () => resolve(t)); }).on('error', reject));
    const meta = JSON.parse(body);
    config.registered[opt('--name')] = { arm, login: meta.authentication.loginEndpoint, audience: meta.authentication.audiences[0], keyvault: opt('--suffix-keyvault-dns'), storage: opt('--suffix-storage-endpoint'), profile: opt('--profile') };
    write('clouds.json', config);
    return;
  }
  if (group === 'logout') {
    if (control.logoutError) fail(control.logoutError);
    if (control.logoutHangs) return new Promise(() => setInterval(() => {}, 60000));
    write('azureProfile.json', { installationId: 'fake', subscriptions: [] });
    write('service_principal_entries.json', []);
    return;
  }
  fail('ERROR: the fake az does not know: ' + argv.join(' '));
}
main().catch((e) => fail('ERROR: ' + e.message));
`;

const PWSH = String.raw`
const fs = require('node:fs');
const path = require('node:path');
const here = __dirname;
const control = JSON.parse(fs.readFileSync(path.join(here, 'control.json'), 'utf8'));
const argv = process.argv.slice(2);
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('KEYLESS_AZ_') || k === 'PSModulePath'));
fs.appendFileSync(path.join(here, 'calls.log'), JSON.stringify({ tool: 'pwsh', argv, env, stdin: '' }) + '\n');
const script = argv[argv.indexOf('-Command') + 1] || '';
if (control.pwshNoModule) { process.stderr.write('Az.Accounts is not installed\n'); process.exit(3); }
const home = path.join(process.env.HOME || process.env.USERPROFILE, '.Azure');
const context = path.join(home, 'AzureRmContext.json');
if (script.includes('Connect-AzAccount')) {
  if (control.pwshError) { process.stderr.write(control.pwshError + '\n'); process.exit(1); }
  if (!process.env.KEYLESS_AZ_FEDERATED_TOKEN) { process.stderr.write('Connect-AzAccount: -FederatedToken is empty\n'); process.exit(1); }
  fs.mkdirSync(home, { recursive: true });
  fs.writeFileSync(context, JSON.stringify({ DefaultContextKey: process.env.KEYLESS_AZ_CLIENT_ID, Environment: process.env.KEYLESS_AZ_ENVIRONMENT, Subscription: process.env.KEYLESS_AZ_SUBSCRIPTION_ID || null }));
} else if (script.includes('Clear-AzContext')) {
  fs.rmSync(context, { force: true });
}
`;

/** The fakes in a fresh bin folder; `PATH` puts them first, `base` after them (the runner's own PATH by default). */
export function startAzureCli(options: { base?: string; pwsh?: boolean } = {}): AzureCliFake {
  const bin = mkdtempSync(join(tmpdir(), 'fake-az-bin-'));
  const control = (value: AzControl) => writeFileSync(join(bin, 'control.json'), JSON.stringify(value));
  control({});
  install(bin, 'az', AZ);
  if (options.pwsh ?? true) install(bin, 'pwsh', PWSH);
  const log = join(bin, 'calls.log');
  return {
    bin,
    path: [bin, options.base ?? process.env.PATH ?? ''].filter(Boolean).join(delimiter),
    control,
    calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as AzCall) : []),
  };
}

/** A node script run as `name`: with a shebang on POSIX, through a .cmd launcher on Windows (as az.cmd is). */
function install(bin: string, name: string, source: string): void {
  const script = join(bin, `${name}.js`);
  writeFileSync(script, source);
  if (process.platform === 'win32') {
    writeFileSync(join(bin, `${name}.cmd`), `@"${process.execPath}" "%~dp0${name}.js" %*\r\n`);
  } else {
    writeFileSync(join(bin, name), `#!${process.execPath}\nrequire(${JSON.stringify(script)});\n`);
    chmodSync(join(bin, name), 0o755);
  }
}
