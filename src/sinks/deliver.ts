import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import type { CredentialEntry } from '../config/config.js';
import type { Credential, CredentialFile } from '../providers/types.js';
import type { Runner } from '../runner/runner.js';
import type { CleanupLog } from '../runner/state.js';
import { dockerConfig } from './docker-config.js';

export interface Delivered {
  /** Names of variables, outputs and files handed to the job (never their values). */
  exported: string[];
}

/**
 * Hands one checked credential to the job. Called only after every exchange of the step succeeded, so a
 * failed step exports nothing. Every value was masked when it arrived.
 */
export function deliver(entry: CredentialEntry, credential: Credential, runner: Runner, cleanup: CleanupLog, secretDir: () => string): Delivered {
  const exported: string[] = [];
  if (entry.exports.has('file')) {
    for (const [name, value] of Object.entries(credential.env)) {
      const path = join(secretDir(), `${entry.id}-${name}`);
      writeSecret(path, value, cleanup);
      runner.exportVariable(`${name}_FILE`, path);
      exported.push(`env ${name}_FILE (file)`);
    }
  }
  if (entry.exports.has('env')) {
    for (const [name, value] of Object.entries({ ...credential.env, ...credential.publicEnv })) {
      runner.exportVariable(name, value);
      exported.push(`env ${name}`);
    }
  }
  if (entry.exports.has('outputs')) {
    for (const [name, value] of Object.entries(credential.secretOutputs)) {
      runner.setOutput(`${entry.id}-${name}`, value);
      exported.push(`output ${entry.id}-${name}`);
    }
  }
  for (const [name, value] of Object.entries(credential.publicOutputs)) runner.setOutput(`${entry.id}-${name}`, value);
  runner.setOutput(`${entry.id}-principal`, credential.info.principal);
  return { exported };
}

/**
 * Writes every credential file the providers asked for, one file per variable: contents that name the
 * same variable are joined (several AWS profiles in one shared credentials file). Returns, per entry id,
 * what it exported.
 */
export function writeCredentialFiles(
  minted: readonly { entry: CredentialEntry; credential: Credential }[],
  runner: Runner,
  cleanup: CleanupLog,
  secretDir: () => string,
): Map<string, string[]> {
  const byVariable = new Map<string, { file: CredentialFile; parts: string[]; ids: string[] }>();
  const tokenFiles: string[] = [];
  for (const { entry, credential } of minted) {
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
  const exported = new Map<string, string[]>();
  for (const [variable, { file, parts, ids }] of byVariable) {
    const path = join(secretDir(), file.name);
    if (dirname(path) !== secretDir()) mkdirSync(dirname(path), { mode: 0o700 });
    const docker = file.format === 'docker-config';
    writeSecret(path, docker ? dockerConfig(parts, runner.env) : parts.join('\n'), cleanup);
    runner.exportVariable(variable, docker ? dirname(path) : path);
    if (docker) runner.exportVariable('REGISTRY_AUTH_FILE', path);
    if (file.oidcToken) tokenFiles.push(path);
    const names = docker ? [variable, 'REGISTRY_AUTH_FILE'] : [variable];
    for (const id of ids) exported.set(id, [...(exported.get(id) ?? []), ...names.map((name) => `env ${name} (file)`)]);
  }
  // Paths only, never a token: what `keyless refresh` renews in a later step of a long job.
  if (tokenFiles.length > 0) runner.exportVariable('KEYLESS_REFRESH', tokenFiles.join(delimiter));
  return exported;
}

/** Records the path for the post step first, then writes: a crash in between still gets it deleted. */
function writeSecret(path: string, content: string, cleanup: CleanupLog): void {
  cleanup.record({ kind: 'path', path });
  writeFileSync(path, content, { mode: 0o600, flag: 'wx' });
}

/**
 * A private directory for credential files, created on first use: under RUNNER_TEMP (emptied by the runner
 * after the job), never the workspace, where files end up in artifacts and images.
 */
export function secretDirectory(runner: Runner, cleanup: CleanupLog): () => string {
  let dir: string | undefined;
  return () => {
    if (dir === undefined) {
      dir = mkdtempSync(join(runner.env.RUNNER_TEMP || tmpdir(), 'keyless-'));
      cleanup.record({ kind: 'path', path: dir });
    }
    return dir;
  };
}
