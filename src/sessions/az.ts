import { KeylessError } from '../errors.js';
import { displayText } from '../runner/inert.js';
import { type Tool, runTool } from '../os/tool.js';
import { aadstsHint } from '../providers/aadsts.js';
import { type AzureLogin, TOOL_TIMEOUT_MS } from './azure-login.js';

export interface ToolDeps {
  /** The environment the tool starts with (the step's own). */
  env: Readonly<Record<string, string | undefined>>;
  /** Masks every secret the step knows in the tool's messages. */
  redact(text: string): string;
  timeoutMs?: number;
  /** `keyless exec` told to stop: the tool is killed rather than waited for. */
  signal?: AbortSignal | undefined;
}

/** The profile azure/login registers Azure Stack Hub with: the API versions a Hub stamp serves. */
const STACK_PROFILE = '2019-03-01-hybrid';

/**
 * Signs az in to the entry's app in `configDir`, the folder later steps get as AZURE_CONFIG_DIR. The
 * federated token goes to az on stdin (`--federated-token @-`, az's own "value from a file or stdin"
 * form), never on the command line, where every process of the machine could read it. `setup` also
 * selects the cloud, which az keeps in the folder, so a refresh signs in again without it.
 */
export async function azSignIn(az: Tool, login: AzureLogin, token: string, configDir: string, deps: ToolDeps, setup: boolean): Promise<void> {
  const run = (step: string, args: string[], stdin?: string) => azRun(az, step, args, configDir, deps, stdin);
  if (setup && login.cloud === 'AzureStack' && login.resourceManager !== undefined) {
    const arm = new URL(login.resourceManager);
    // As azure/login derives them: Key Vault and Storage live under the ARM host's domain.
    const domain = arm.hostname.slice(arm.hostname.indexOf('.') + 1);
    await run('az cloud register', ['cloud', 'register', '--name', 'AzureStack', '--endpoint-resource-manager', login.resourceManager, '--suffix-keyvault-dns', `.vault.${domain}`, '--suffix-storage-endpoint', domain, '--profile', STACK_PROFILE]);
  }
  // A fresh config folder is in AzureCloud already.
  if (setup && login.cloud !== 'AzureCloud') await run('az cloud set', ['cloud', 'set', '--name', login.cloud]);
  const args = ['login', '--service-principal', '--username', login.clientId, '--tenant', login.tenantId, '--federated-token', '@-'];
  if (login.allowNoSubscriptions) args.push('--allow-no-subscriptions');
  await run('az login', [...args, '--output', 'none'], token);
  if (login.subscriptionId !== undefined) await run('az account set', ['account', 'set', '--subscription', login.subscriptionId, '--output', 'none']);
}

/** Signs az out of the session in `configDir` (az logout), before the post step deletes the folder. */
export async function azSignOut(az: Tool, configDir: string, deps: ToolDeps): Promise<void> {
  await azRun(az, 'az logout', ['logout', '--output', 'none'], configDir, deps);
}

async function azRun(az: Tool, step: string, args: string[], configDir: string, deps: ToolDeps, stdin?: string): Promise<void> {
  const timeoutMs = deps.timeoutMs ?? TOOL_TIMEOUT_MS;
  // No prompt, no telemetry upload from a CI job, no colour codes in the messages Keyless repeats.
  const env = { ...deps.env, AZURE_CONFIG_DIR: configDir, AZURE_CORE_COLLECT_TELEMETRY: 'false', AZURE_CORE_NO_COLOR: 'true', AZURE_CORE_ONLY_SHOW_ERRORS: 'true' };
  const result = await runTool(az, args, { env, timeoutMs, signal: deps.signal, ...(stdin === undefined ? {} : { stdin }) });
  if (result.code === 0) return;
  const said = toolMessage(result.stderr || result.stdout, (text) => deps.redact(text));
  if (result.timedOut) {
    throw new KeylessError('EXCHANGE_FAILED', `${step} did not finish within ${timeoutMs / 1000}s`, { hint: 'az may be waiting on the network; check that this runner reaches the cloud\'s endpoints' });
  }
  throw new KeylessError('EXCHANGE_FAILED', `${step} failed (exit ${result.code ?? 'signal'})${said ? `: ${said}` : ''}`, { hint: azHint(step, said) });
}

function azHint(step: string, said: string): string {
  if (/no subscriptions found/i.test(said)) return 'give the app a role on a subscription, or set allow-no-subscriptions: true to sign in to the tenant alone';
  if (step === 'az account set') return 'check subscription-id, and that the app has a role on that subscription';
  if (step.startsWith('az cloud')) return 'check environment and resource-manager-endpoint; `az cloud list` shows the clouds this az knows';
  return aadstsHint(said) ?? 'the token exchange worked for Keyless itself, so check the az version (2.30 or later signs in with --federated-token) and the output above';
}

/**
 * What a tool printed, as one bounded, inert line with every known secret masked. Its first lines carry
 * the reason; a stack trace after them adds nothing.
 */
export function toolMessage(text: string, redact: (text: string) => string): string {
  const lines = redact(text).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return displayText(lines.slice(0, 6).join(' '), 600);
}
