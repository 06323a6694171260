import { delimiter } from 'node:path';
import { KeylessError } from '../errors.js';
import { type Tool, runTool } from '../os/tool.js';
import { aadstsHint } from '../providers/aadsts.js';
import { type ToolDeps, toolMessage } from './az.js';
import { type AzureLogin, TOOL_TIMEOUT_MS } from './azure-login.js';

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

export const SIGN_IN_SCRIPT = `$token = $env:KEYLESS_AZ_FEDERATED_TOKEN
Remove-Item -Path Env:KEYLESS_AZ_FEDERATED_TOKEN
${IMPORT}
if ($env:KEYLESS_AZ_ARM_ENDPOINT) { Add-AzEnvironment -Name $env:KEYLESS_AZ_ENVIRONMENT -ARMEndpoint $env:KEYLESS_AZ_ARM_ENDPOINT | Out-Null }
$connect = @{ ServicePrincipal = $true; ApplicationId = $env:KEYLESS_AZ_CLIENT_ID; Tenant = $env:KEYLESS_AZ_TENANT_ID; FederatedToken = $token; Environment = $env:KEYLESS_AZ_ENVIRONMENT; Scope = 'CurrentUser' }
if ($env:KEYLESS_AZ_SUBSCRIPTION_ID) { $connect.Subscription = $env:KEYLESS_AZ_SUBSCRIPTION_ID }
Connect-AzAccount @connect -InformationAction Ignore | Out-Null`;

export const SIGN_OUT_SCRIPT = `${IMPORT}
Clear-AzContext -Scope CurrentUser -Force`;

const ARGS = ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command'];

/**
 * Where GitHub's runner images keep the Az modules, which pwsh's default module path misses; azure/login
 * adds the same folder.
 */
function modulePath(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const os = (env.RUNNER_OS ?? process.platform).toLowerCase();
  const images = os === 'linux' ? '/usr/share' : os === 'windows' || os === 'win32' ? 'C:\\Modules' : undefined;
  const current = env.PSModulePath;
  if (images === undefined) return current;
  return current ? `${images}${delimiter}${current}` : images;
}

/**
 * Connect-AzAccount with the federated token, saved for the user (`-Scope CurrentUser`), as azure/login
 * does: Az PowerShell keeps its contexts under ~/.Azure and offers no other folder, so later steps' pwsh
 * find the session there, and the post step clears it (Clear-AzContext).
 */
export async function azPsSignIn(pwsh: Tool, login: AzureLogin, token: string, deps: ToolDeps): Promise<void> {
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

export async function azPsSignOut(pwsh: Tool, deps: ToolDeps): Promise<void> {
  const psPath = modulePath(deps.env);
  await psRun(pwsh, 'Clear-AzContext', SIGN_OUT_SCRIPT, { ...deps.env, ...(psPath === undefined ? {} : { PSModulePath: psPath }) }, deps);
}

async function psRun(pwsh: Tool, step: string, script: string, env: Readonly<Record<string, string | undefined>>, deps: ToolDeps): Promise<void> {
  const timeoutMs = deps.timeoutMs ?? TOOL_TIMEOUT_MS;
  const result = await runTool(pwsh, [...ARGS, script], { env, timeoutMs, signal: deps.signal });
  if (result.code === 0) return;
  if (result.code === NO_MODULE) {
    throw new KeylessError('INPUT_INVALID', `enable-AzPSSession: the Az.Accounts PowerShell module is not installed for ${pwsh.path}`, {
      hint: 'install it in an earlier step (pwsh -Command "Install-Module Az.Accounts -Scope CurrentUser -Force"), or use a GitHub-hosted runner image, which has it',
    });
  }
  if (result.timedOut) throw new KeylessError('EXCHANGE_FAILED', `${step} did not finish within ${timeoutMs / 1000}s`, { hint: 'check that this runner reaches the cloud\'s endpoints' });
  const said = toolMessage(result.stderr || result.stdout, (text) => deps.redact(text));
  throw new KeylessError('EXCHANGE_FAILED', `${step} failed (exit ${result.code ?? 'signal'})${said ? `: ${said}` : ''}`, {
    hint: aadstsHint(said) ?? 'Connect-AzAccount -FederatedToken needs Az.Accounts 2.x or later; check the output above',
  });
}
