import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { usage } from '../cli/args.js';
import { type Config, type CredentialEntry, loadConfig, variablePlaces } from '../config/config.js';
import { DEFAULT_POLICY_FILE } from '../config/policy-file.js';
import { closest } from '../config/problems.js';
import { KeylessError } from '../errors.js';
import type { Env } from '../runner/runner.js';
import { EXEC_CONFIG_VARIABLE, readExecHandoff } from './handoff.js';

export interface ExecSource {
  credentials?: string | undefined;
  policyFile?: string | undefined;
}

/**
 * The settings `keyless exec` mints with, checked as the action checks its inputs: --credentials alone,
 * --policy-file, the checked copy a Keyless step of this job left (KEYLESS_EXEC_CONFIG), or the
 * repository's default policy file, in that order.
 */
export function execConfig(source: ExecSource, env: Env, workspace: string): Config {
  if (source.credentials !== undefined) return loadConfig({ credentials: source.credentials }, workspace, { policyFile: false });
  if (source.policyFile !== undefined) return loadConfig({ 'policy-file': source.policyFile }, workspace);
  const handoff = env[EXEC_CONFIG_VARIABLE];
  if (handoff) {
    const config = loadConfig(readExecHandoff(handoff, env), workspace, { policyFile: false });
    if (config.credentials.some((entry) => !entry.exports.has('exec'))) {
      throw new KeylessError('INPUT_INVALID', `${EXEC_CONFIG_VARIABLE} holds an entry without export: exec, which the Keyless step never writes`, {
        hint: 'an earlier step changed the file; pass --credentials or --policy-file',
      });
    }
    return config;
  }
  if (existsSync(join(workspace, DEFAULT_POLICY_FILE))) return loadConfig({}, workspace);
  throw usage('no entries to mint', `pass --credentials YAML or --policy-file FILE, or run it after a Keyless step with export: exec entries (it exports ${EXEC_CONFIG_VARIABLE})`);
}

/**
 * The entries --id names (every entry without --id), with each entry they build on (`from:`), which is
 * minted for them but handed to COMMAND only when named too.
 */
export function selectEntries(entries: readonly CredentialEntry[], ids: readonly string[]): { mint: CredentialEntry[]; named: CredentialEntry[] } {
  if (ids.length === 0) {
    refuseCollisions(entries);
    return { mint: [...entries], named: [...entries] };
  }
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const named = ids.map((id) => {
    const entry = byId.get(id);
    if (entry !== undefined) return entry;
    const guess = closest(id, [...byId.keys()]);
    throw usage(`--id ${JSON.stringify(id)} names no entry${guess ? ` (did you mean "${guess}"?)` : ''}`, `the entries are: ${[...byId.keys()].join(', ')}`);
  });
  const mint = new Set<CredentialEntry>();
  for (let entry of named) {
    for (;;) {
      if (mint.has(entry)) break;
      mint.add(entry);
      const upstream = entry.from === undefined ? undefined : byId.get(entry.from);
      if (upstream === undefined) break;
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
function refuseCollisions(handed: readonly CredentialEntry[]): void {
  const taken = new Map<string, string>();
  for (const entry of handed) {
    for (const claim of entry.provider.exclusive?.(entry.config, variablePlaces(entry.exports, true)) ?? []) {
      const other = taken.get(claim.key);
      if (other === undefined) taken.set(claim.key, entry.id);
      else throw usage(`entries "${other}" and "${entry.id}" both take ${claim.key}, so one would replace the other in the command's environment`, 'name one of them with --id in each keyless exec, or give each its own profile');
    }
  }
}
