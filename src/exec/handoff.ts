import { lstatSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { EXEC_KEYS } from '../config/exec-inputs.js';
import type { InputName, RawInputs } from '../config/inputs.js';
import { KeylessError } from '../errors.js';
import { isObject } from '../http/json.js';
import { readRegularFile } from '../os/regular-file.js';
import { ownedPath } from '../runner/owned-path.js';
import type { Env } from '../runner/runner.js';
import type { CleanupRecorder } from '../runner/state.js';

// The step checks `export: exec` entries and leaves their settings in a file for a later `keyless exec`.
// Any later step of the job can rewrite that file, or point the variable elsewhere: exec reads it as
// hostile input and checks it as fully as the step checked its inputs (loadConfig), never trusting it more.

/** The variable the step exports the file's path in. */
export const EXEC_CONFIG_VARIABLE = 'KEYLESS_EXEC_CONFIG';
const FILE = 'exec.json';
const FOLDER = 'keyless-exec-';
const MAX_BYTES = 1 << 20;
const KEYS: readonly InputName[] = ['credentials', ...EXEC_KEYS];

/** Writes the checked settings (0600, a fresh folder the post step deletes); returns the file's path. */
export function writeExecHandoff(inputs: RawInputs, env: Env, cleanup: CleanupRecorder): string {
  const dir = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), FOLDER));
  cleanup.record({ kind: 'path', path: dir });
  const path = join(dir, FILE);
  writeFileSync(path, JSON.stringify({ version: 1, inputs }), { mode: 0o600, flag: 'wx' });
  return path;
}

const refused = (why: string) =>
  new KeylessError('INPUT_INVALID', `${EXEC_CONFIG_VARIABLE} does not name settings a Keyless step wrote: ${why}`, {
    hint: 'run keyless exec in a later step of the job whose Keyless step has export: exec entries (an earlier step may have changed the variable or the file), or pass --credentials or --policy-file',
  });

/**
 * The settings the step left, as inputs: only from a regular file (never a link) in a keyless-exec-* folder
 * directly under RUNNER_TEMP, at most 1 MiB, of the one shape the step writes. The caller validates the
 * values themselves with loadConfig, exactly as the step did.
 */
export function readExecHandoff(path: string, env: Env): RawInputs {
  const temp = env.RUNNER_TEMP || tmpdir();
  const real = ownedPath(path, temp);
  if (real === undefined || basename(real) !== FILE || !basename(dirname(real)).startsWith(FOLDER) || !isDirectlyUnder(dirname(real), temp)) {
    throw refused('it is not a keyless-exec-*/exec.json file under RUNNER_TEMP');
  }
  let text: string;
  try {
    if (lstatSync(real).isSymbolicLink()) throw new Error('a link');
    // O_NOFOLLOW (where there is one): a link swapped in after the look above is refused by the open itself.
    text = readRegularFile(real, { maxBytes: MAX_BYTES, hint: '', unreadableHint: '', noFollow: true }).toString('utf8');
  } catch (error) {
    throw refused(error instanceof KeylessError && error.code === 'INPUT_TOO_LARGE' ? 'it is larger than 1 MiB' : 'it is not a regular file that can be read (a link never is)');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw refused('it is not JSON');
  }
  if (!isObject(raw) || raw.version !== 1 || !isObject(raw.inputs) || Object.keys(raw).length !== 2) throw refused('it is not {"version":1,"inputs":{…}}');
  const inputs: Partial<Record<InputName, string>> = {};
  for (const [key, value] of Object.entries(raw.inputs)) {
    const name = KEYS.find((known) => known === key);
    if (name === undefined || typeof value !== 'string') throw refused('it holds a setting exec does not take');
    inputs[name] = value;
  }
  if (inputs.credentials === undefined) throw refused('it holds no credentials');
  return inputs;
}

/** Whether `folder` (a real path) lies directly in RUNNER_TEMP, not deeper inside one of Keyless's folders. */
function isDirectlyUnder(folder: string, temp: string): boolean {
  try {
    return dirname(folder) === realpathSync(temp);
  } catch {
    return false;
  }
}
