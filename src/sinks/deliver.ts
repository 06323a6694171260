import { closeSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import type { FilePlace } from '../config/config.js';
import { KeylessError } from '../errors.js';
import type { Minted } from '../exchange.js';
import { excludeFromGit } from '../os/git-exclude.js';
import { toPosixPath } from '../os/paths.js';
import { retryBusy } from '../os/fs-retry.js';
import type { CredentialFile } from '../providers/types.js';
import type { Runner } from '../runner/runner.js';
import type { CleanupRecorder } from '../runner/state.js';
import { dockerConfig, dockerVariables } from './docker-config.js';
import { npmrcConfig } from './npmrc-config.js';

/** What the commit phase hands to the job once every file is on disk. Names, never values, in `exported`. */
export interface Delivery {
  env: [name: string, value: string][];
  outputs: [name: string, value: string][];
  /** Per entry id, what it handed out: `env NAME`, `output NAME`, `env NAME (file)`. */
  exported: Map<string, string[]>;
}

/**
 * Writes every credential file (0600, in a private folder under RUNNER_TEMP or, with `files: workspace`, in
 * the workspace) and returns what to export.
 * It exports nothing itself: a write that fails here leaves the job without a single variable pointing at
 * a half-written set of files.
 */
export function writeDelivery(minted: readonly Minted[], runner: Runner, cleanup: CleanupRecorder, place: FilePlace = 'temp'): Delivery {
  const secretDir = secretDirectory(runner, cleanup, place);
  const delivery: Delivery = { env: [], outputs: [], exported: new Map() };
  const note = (id: string, ...labels: string[]) => delivery.exported.set(id, [...(delivery.exported.get(id) ?? []), ...labels]);
  writeSharedFiles(minted, runner, cleanup, secretDir, delivery, note);
  for (const { entry, credential } of minted) {
    if (entry.exports.has('file')) {
      for (const [name, value] of Object.entries(credential.env)) {
        const path = join(secretDir(), `${entry.id}-${name}`);
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
    for (const [name, value] of Object.entries(credential.publicOutputs)) delivery.outputs.push([`${entry.id}-${name}`, value]);
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
function refuseSharedVariables(delivery: Delivery): void {
  const seen = new Set<string>();
  for (const [name] of delivery.env) {
    const key = name.toUpperCase();
    if (!seen.has(key)) {
      seen.add(key);
      continue;
    }
    const ids = settersOf(delivery, name).map((id) => JSON.stringify(id));
    throw new KeylessError('INPUT_INVALID', `entries ${ids.join(' and ')} both set ${name}, so the later would silently replace the earlier; nothing was handed out`, {
      hint: 'give each entry its own variable names (export-env, the names of its secrets), or export one of them as outputs; what was minted is revoked when the job ends',
    });
  }
}

/**
 * Variables an earlier step set that would take precedence over what an entry hands out (AWS keys over a
 * token file or AWS_PROFILE) are exported empty, which the SDKs and CLIs read as unset; never one that an
 * entry of this step sets, and only for an entry that exports to the environment.
 */
function blankShadows(minted: readonly Minted[], runner: Runner, delivery: Delivery, note: (id: string, ...labels: string[]) => void): void {
  const set = new Set(delivery.env.map(([name]) => name.toUpperCase()));
  for (const { entry, credential } of minted) {
    if (!entry.exports.has('env') && !entry.exports.has('file')) continue;
    for (const name of credential.shadowedBy ?? []) {
      // Another entry of this step setting it would win over this one just as silently as an earlier step.
      const other = settersOf(delivery, name).find((id) => id !== entry.id);
      if (other !== undefined) {
        throw new KeylessError('INPUT_INVALID', `entry ${JSON.stringify(other)} sets ${name}, which would take precedence over what ${JSON.stringify(entry.id)} hands out; nothing was handed out`, {
          hint: 'give that entry another variable name, or export one of them as outputs; what was minted is revoked when the job ends',
        });
      }
      if (set.has(name.toUpperCase()) || !runner.env[name]) continue;
      set.add(name.toUpperCase());
      delivery.env.push([name, '']);
      note(entry.id, `env ${name} (blanked: an earlier step set it, and it would take precedence)`);
    }
  }
}

/** The entries that set `name` (any case) to a value, as their labels in `exported` say; blanking is no value. */
function settersOf(delivery: Delivery, name: string): string[] {
  const key = `ENV ${name.toUpperCase()}`;
  const sets = (label: string) => label.toUpperCase() === key || (label.toUpperCase().startsWith(`${key} `) && !label.includes('(blanked'));
  return [...delivery.exported].filter(([, labels]) => labels.some(sets)).map(([id]) => id);
}

/**
 * The files providers asked for, one file per variable: contents that name the same variable are joined
 * (several AWS profiles in one shared credentials file).
 */
function writeSharedFiles(
  minted: readonly Minted[],
  runner: Runner,
  cleanup: CleanupRecorder,
  secretDir: () => string,
  delivery: Delivery,
  note: (id: string, ...labels: string[]) => void,
): void {
  const byVariable = new Map<string, { file: CredentialFile; parts: string[]; ids: string[] }>();
  const tokenFiles: string[] = [];
  for (const { entry, credential } of minted) {
    // A provider's own files reach later steps through variables: only an entry exported to them writes
    // any (`export: none` is an entry only another builds on; `outputs` alone hands out outputs alone).
    if (!entry.exports.has('env') && !entry.exports.has('file')) continue;
    const pathOf = (name: string) => join(secretDir(), `${entry.id}-${name}`);
    for (const file of credential.files ?? []) {
      const content = typeof file.content === 'string' ? file.content : file.content(pathOf);
      if (file.env === undefined) {
        writeSecret(pathOf(file.name), content, cleanup);
        if (file.oidcToken) tokenFiles.push(pathOf(file.name));
        continue;
      }
      const group = byVariable.get(file.env) ?? { file, parts: [], ids: [] };
      group.parts.push(content);
      group.ids.push(entry.id);
      byVariable.set(file.env, group);
    }
  }
  for (const [variable, { file, parts, ids }] of byVariable) {
    const path = join(secretDir(), file.name);
    if (dirname(path) !== secretDir()) mkdirSync(dirname(path), { mode: 0o700 });
    const docker = file.format === 'docker-config';
    writeSecret(path, joined(file, parts, runner), cleanup);
    if (file.oidcToken) tokenFiles.push(path);
    const variables: [string, string][] = docker ? dockerVariables(variable, path, runner.env) : [variable, ...(file.aliases ?? [])].map((name) => [name, path]);
    delivery.env.push(...variables);
    for (const id of ids) note(id, ...variables.map(([name]) => `env ${name} (file)`));
    if (file.output !== undefined) for (const id of ids) delivery.outputs.push([`${id}-${file.output}`, path]);
  }
  // Paths only, never a token: what `keyless refresh` renews in a later step of a long job.
  if (tokenFiles.length > 0) delivery.env.push(['KEYLESS_REFRESH', tokenFiles.join(delimiter)]);
}

/** The one file of every entry's part for a variable, merged with what the job had where the format needs it. */
function joined(file: CredentialFile, parts: string[], runner: Runner): string {
  if (file.format === 'docker-config') return dockerConfig(parts, runner.env);
  if (file.format === 'npmrc') return npmrcConfig(parts, runner.env);
  return parts.join('\n');
}

/**
 * Records the path for the post step first, then writes: a crash in between still gets it deleted. The
 * exclusive create alone is retried while Windows reports the folder busy (a scanner): when it fails it
 * created nothing, so a retry cannot meet a file of its own.
 */
function writeSecret(path: string, content: string, cleanup: CleanupRecorder): void {
  cleanup.record({ kind: 'path', path });
  const fd = retryBusy(() => openSync(path, 'wx', 0o600));
  try {
    writeFileSync(fd, content);
  } finally {
    closeSync(fd);
  }
}

/**
 * A private directory for credential files, created on first use: under RUNNER_TEMP (emptied by the runner
 * after the job), never the workspace, where files end up in artifacts and images, unless the workflow
 * chose `files: workspace` for Docker container actions, which see the workspace but not RUNNER_TEMP. Its
 * `keyless-` (`.keyless-`) name is what the post step checks before deleting anything.
 */
function secretDirectory(runner: Runner, cleanup: CleanupRecorder, place: FilePlace): () => string {
  let dir: string | undefined;
  return () => {
    if (dir === undefined) {
      if (place === 'workspace') {
        const workspace = runner.env.GITHUB_WORKSPACE;
        if (!workspace) throw new KeylessError('INPUT_INVALID', 'files: workspace needs GITHUB_WORKSPACE, which this runner did not set', { hint: 'drop files: workspace, or run in a job with a workspace' });
        dir = mkdtempSync(join(workspace, '.keyless-'));
        cleanup.record({ kind: 'path', path: dir });
        if (!excludeFromGit(workspace, GIT_EXCLUDE)) runner.warning(`could not add ${GIT_EXCLUDE} to .git/info/exclude: git sees ${toPosixPath(dir)} until the post step deletes it; keep it out of commits, artifacts and docker build contexts`);
      } else {
        dir = mkdtempSync(join(runner.env.RUNNER_TEMP || tmpdir(), 'keyless-'));
        cleanup.record({ kind: 'path', path: dir });
      }
    }
    return dir;
  };
}

/** What `files: workspace` adds to `.git/info/exclude`: Keyless's folders at the top of the workspace. */
export const GIT_EXCLUDE = '/.keyless-*/';
