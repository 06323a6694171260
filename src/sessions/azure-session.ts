import { lstatSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { CleanupRecord } from '../audit/record.js';
import { KeylessError, renderError } from '../errors.js';
import type { Minted } from '../exchange.js';
import { isObject } from '../http/json.js';
import { realFolderProblem } from '../os/private-file.js';
import { readRegularFile } from '../os/regular-file.js';
import { findTool, type Tool } from '../os/tool.js';
import { CLOUDS } from '../providers/azure-clouds.js';
import { exactOwnedPath, ownedPath } from '../runner/owned-path.js';
import type { Runner } from '../runner/runner.js';
import type { CleanupItem, CleanupRecorder } from '../runner/state.js';
import type { Delivery } from '../sinks/deliver.js';
import { azSignIn, azSignOut, type ToolDeps } from './az.js';
import { azPsSignIn, azPsSignOut } from './azps.js';
import type { AzureLogin, AzureSessionRequest } from './azure-login.js';

/** What `keyless refresh` reads to sign the sessions in again (it knows the file by this name); its path goes in KEYLESS_REFRESH. Nothing secret. */
export const SESSION_FILE = 'azure-session.json';

interface SessionRecord extends AzureLogin {
  id: string;
  audience: string;
  /** AZURE_CONFIG_DIR, when az was signed in. */
  configDir?: string;
  powershell: boolean;
}

const toolDeps = (runner: Runner, signal?: AbortSignal): ToolDeps => ({ env: runner.env, redact: (text) => runner.redact(text), signal });

/**
 * The main step's session phase, after every exchange succeeded and every file is written, before
 * anything is handed out: signs az in, in a private folder later steps get as AZURE_CONFIG_DIR, and Az
 * PowerShell, for each azure entry that asks. What post must undo is recorded before each sign-in, so a
 * step that dies half way is still signed out. `signal` (`keyless exec` told to stop) kills a sign-in
 * rather than wait for it.
 */
export async function startAzureSessions(minted: readonly Minted[], runner: Runner, cleanup: CleanupRecorder, delivery: Delivery, signal?: AbortSignal): Promise<void> {
  const refresh: string[] = [];
  for (const { entry, credential } of minted) {
    const request = credential.session;
    if (request === undefined) continue;
    const tools = sessionTools(request, entry.exports.has('env'), runner);
    if (tools.az === undefined && tools.pwsh === undefined) continue;
    const folder = mkdtempSync(join(runner.env.RUNNER_TEMP || tmpdir(), 'keyless-azure-'));
    cleanup.record({ kind: 'path', path: folder });
    const login = loginOf(request);
    const record: SessionRecord = { ...login, id: entry.id, audience: request.audience, powershell: tools.pwsh !== undefined };
    const deps = toolDeps(runner, signal);
    const exported: string[] = [];
    if (tools.az !== undefined) {
      const configDir = join(folder, 'az');
      cleanup.record({ kind: 'session', tool: 'az', id: entry.id, path: configDir });
      mkdirSync(configDir, { mode: 0o700 });
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
    const file = join(folder, SESSION_FILE);
    writeFileSync(file, JSON.stringify(record), { mode: 0o600, flag: 'wx' });
    refresh.push(file);
    delivery.exported.set(entry.id, [...(delivery.exported.get(entry.id) ?? []), ...exported]);
  }
  if (refresh.length === 0) return;
  const existing = delivery.env.findIndex(([name]) => name === 'KEYLESS_REFRESH');
  if (existing >= 0) refresh.unshift(delivery.env.splice(existing, 1)[0]?.[1] ?? '');
  delivery.env.push(['KEYLESS_REFRESH', refresh.join(delimiter)]);
}

function loginOf(request: AzureSessionRequest): AzureLogin {
  const { clientId, tenantId, subscriptionId, allowNoSubscriptions, cloud, resourceManager } = request;
  return { clientId, tenantId, allowNoSubscriptions, cloud, ...(subscriptionId === undefined ? {} : { subscriptionId }), ...(resourceManager === undefined ? {} : { resourceManager }) };
}

/**
 * The tools an entry's sessions run with, found on PATH. `az-login: auto` signs in only where az is
 * installed; a session asked for explicitly fails the step, saying what to install, when its tool is not.
 */
function sessionTools(request: AzureSessionRequest, exportsEnv: boolean, runner: Runner): { az?: Tool; pwsh?: Tool } {
  if (!exportsEnv) {
    if (request.az !== true && !request.powershell) return {};
    throw new KeylessError('INPUT_INVALID', 'az-login and enable-AzPSSession need export: env: later steps find the session through AZURE_CONFIG_DIR', {
      hint: 'add env to the entry\'s export, or set az-login: false',
    });
  }
  const az = request.az === false ? undefined : findTool('az', runner.env);
  if (request.az === true && az === undefined) {
    throw new KeylessError('INPUT_INVALID', 'az-login: true, but az (the Azure CLI) is not on PATH', {
      hint: 'install the Azure CLI in an earlier step (GitHub-hosted runners have it), or set az-login: auto to sign in only where az is installed',
    });
  }
  const pwsh = request.powershell ? findTool('pwsh', runner.env) : undefined;
  if (request.powershell && pwsh === undefined) {
    throw new KeylessError('INPUT_INVALID', 'enable-AzPSSession: true, but pwsh (PowerShell 7) is not on PATH', {
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
function readSessionFile(file: string, temp: string): SessionRecord {
  const bad = (why: string) => new KeylessError('INPUT_INVALID', `${file} is not a session file Keyless wrote: ${why}`, { hint: 'an earlier step changed it; run the Keyless step again' });
  // Non-blocking and capped: a FIFO or a device swapped in for it is refused, never waited on.
  const bytes = readRegularFile(file, { maxBytes: 64 * 1024, noFollow: true, hint: 'an earlier step replaced it; run the Keyless step again', unreadableHint: 'run keyless refresh in the job where the Keyless step ran' });
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw bad('not JSON');
  }
  if (!isObject(raw)) throw bad('not a JSON object');
  const text = (key: string, pattern: RegExp, optional = false): string | undefined => {
    const value = raw[key];
    if (value === undefined && optional) return undefined;
    if (typeof value !== 'string' || !pattern.test(value)) throw bad(`${key} is missing or malformed`);
    return value;
  };
  const cloud = CLOUDS.find((name) => name === raw.cloud);
  if (cloud === undefined) throw bad('cloud is not one Keyless knows');
  if (typeof raw.allowNoSubscriptions !== 'boolean' || typeof raw.powershell !== 'boolean') throw bad('a flag is missing');
  const configDir = text('configDir', /^[^\0]{1,4096}$/, true);
  if (configDir !== undefined && ownedPath(configDir, temp) === undefined) throw bad('its az folder is not inside a keyless-* folder under RUNNER_TEMP');
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
export function sessionAudience(file: string, temp: string): string {
  return readSessionFile(file, temp).audience;
}

/**
 * `keyless refresh` for a session file: signs az (in the same AZURE_CONFIG_DIR) and Az PowerShell in
 * again with a fresh runner token. Both hold the federated token they signed in with and present it
 * again when their access token runs out; a token older than its few minutes is refused (AADSTS700024).
 */
export async function refreshAzureSession(file: string, token: string, runner: Runner): Promise<string[]> {
  const temp = runner.env.RUNNER_TEMP || tmpdir();
  const record = readSessionFile(file, temp);
  const deps = toolDeps(runner);
  const done: string[] = [];
  if (record.configDir !== undefined) {
    const problem = azFolderProblem(record.configDir, temp);
    if (problem !== undefined) throw new KeylessError('INPUT_INVALID', `the az session cannot be refreshed: its folder ${record.configDir} is not the one Keyless made (${problem}), so az is not signed in there`, { hint: 'a step since the Keyless step replaced it; run the Keyless step again' });
    const az = findTool('az', runner.env);
    if (az === undefined) throw new KeylessError('INPUT_INVALID', 'the az session cannot be refreshed: az is no longer on PATH', { hint: 'run keyless refresh where the Keyless step ran' });
    await azSignIn(az, record, token, record.configDir, deps, false);
    done.push(`az session in ${record.configDir}`);
  }
  if (record.powershell) {
    const pwsh = findTool('pwsh', runner.env);
    if (pwsh === undefined) throw new KeylessError('INPUT_INVALID', 'the Az PowerShell session cannot be refreshed: pwsh is no longer on PATH', { hint: 'run keyless refresh where the Keyless step ran' });
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
function azFolderProblem(dir: string, temp: string): string | undefined {
  if (exactOwnedPath(dir, temp) === undefined) return 'it, or a folder on the way to it, is a link, or it is gone';
  return realFolderProblem(dir);
}

/**
 * The post step's part: signs az out (az logout) of each session main recorded, and clears Az
 * PowerShell's saved context, before the folders are deleted. az gone from PATH is no failure: deleting
 * the folder removes everything az kept.
 */
export async function endAzureSessions(items: readonly CleanupItem[], runner: Runner, signal?: AbortSignal): Promise<CleanupRecord[]> {
  const temp = runner.env.RUNNER_TEMP || tmpdir();
  const records: CleanupRecord[] = [];
  // `keyless exec` told to stop while signing out: the sign-out is killed, and its folder still deleted.
  const deps = toolDeps(runner, signal);
  for (const item of items) {
    if (item.kind !== 'session') continue;
    const base = { id: item.id, provider: item.tool === 'az' ? 'az' : 'Az PowerShell' };
    try {
      if (item.tool === 'az') {
        const dir = item.path;
        if (dir === undefined || ownedPath(dir, temp) === undefined || lstatSync(dir, { throwIfNoEntry: false }) === undefined) continue;
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
      } else {
        const pwsh = findTool('pwsh', runner.env);
        if (pwsh === undefined) {
          records.push({ ...base, status: 'failed', detail: 'pwsh is not on PATH, so the context saved under ~/.Azure was not cleared' });
          continue;
        }
        await azPsSignOut(pwsh, deps);
        records.push({ ...base, status: 'not-revocable', detail: 'signed out (Clear-AzContext); access tokens it obtained expire on their own' });
      }
    } catch (error) {
      records.push({ ...base, status: 'failed', detail: renderError(error) });
    }
  }
  return records;
}
