import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { KeylessError } from '../errors.js';
import { inside, repoPath } from '../os/paths.js';
import { looksLikeKey } from './fields.js';
import { INPUT_NAMES } from './inputs.js';
import { closest, Problems } from './problems.js';
import { type LoadedYaml, loadYaml, yamlAt } from './yaml.js';

export const DEFAULT_POLICY_FILE = '.github/keyless.yml';

/** A policy file may hold every input but itself and the token (a secret never belongs in a file). */
export const POLICY_KEYS = INPUT_NAMES.filter((name) => name !== 'policy-file' && name !== 'github-token');

export interface PolicyFile {
  path: string;
  values: Partial<Record<string, PolicyValue>>;
}

/** One key of the policy file: its value as an input would hold it, and as YAML with the file's own lines. */
export interface PolicyValue {
  text: string;
  /** The line of the value in the file. */
  line: number | undefined;
  /** The value as a YAML document: the parsed node itself, or a string's text parsed where it stands. */
  yaml(): LoadedYaml;
}

/** The policy file holds the same keys as the inputs, each kept with its place in the file. */
export function readPolicyFile(input: string | undefined, workspace: string): PolicyFile | undefined {
  const full = resolve(workspace, input ?? DEFAULT_POLICY_FILE);
  if (!existsSync(full)) {
    if (input === undefined) return undefined;
    throw new KeylessError('INPUT_INVALID', 'policy-file does not exist in the workspace', {
      hint: 'check out the repository first (actions/checkout) or fix the path (relative to GITHUB_WORKSPACE)',
    });
  }
  const real = insideWorkspace(full, workspace);
  const path = repoPath(realpathSync(workspace), real);
  // The path is the user's, and named in every message about the file: shown only when plainly a path.
  const shown = /^[\w./-]{1,200}$/.test(path) ? path : 'policy-file';
  const yaml = loadYaml(readFileSync(real, 'utf8'), shown);
  if (typeof yaml.value !== 'object' || yaml.value === null || Array.isArray(yaml.value)) {
    throw new KeylessError('INPUT_INVALID', `${shown} must be a YAML mapping of ${POLICY_KEYS.join(', ')}`);
  }
  const values: Partial<Record<string, PolicyValue>> = {};
  const problems = new Problems();
  let listed = false;
  for (const [key, value] of Object.entries(yaml.value)) {
    if (!(POLICY_KEYS as readonly string[]).includes(key)) {
      const guess = closest(key, POLICY_KEYS);
      const where = looksLikeKey(key) ? `${shown}: ${key}` : `${shown}: a key that is no key name`;
      problems.add(where, `unknown key${guess ? ` (did you mean "${guess}"?)` : ''}${listed ? '' : `; known keys: ${POLICY_KEYS.join(', ')}`}`, yaml.keyLineOf([key]));
      listed = true;
    } else {
      values[key] = policyValue(yaml, key, value);
    }
  }
  problems.throwIfAny();
  return { path: shown, values };
}

function policyValue(file: LoadedYaml, key: string, value: unknown): PolicyValue {
  const line = file.keyLineOf([key]);
  if (typeof value !== 'string') return { text: JSON.stringify(value), line, yaml: () => yamlAt(file, key) };
  // `credentials: |` holds YAML as text, as the input does: parsed with its lines counted from the file's.
  return { text: value, line, yaml: () => loadYaml(value, `${file.source}: ${key}`, file.textOffsetOf([key]) ?? 0) };
}

/**
 * The policy file's real path, symlinks followed, when it is a file inside the real workspace: the
 * repository's reviewed policy, never a file an earlier step left elsewhere on the runner (`../../…`).
 */
function insideWorkspace(full: string, workspace: string): string {
  const real = realpathSync(full);
  const rel = inside(realpathSync(workspace), real);
  if (rel === undefined || rel === '' || !statSync(real).isFile()) {
    throw new KeylessError('INPUT_INVALID', 'policy-file is not a file inside the workspace (GITHUB_WORKSPACE), once symlinks are followed', {
      hint: 'keep the policy file in the repository and give its path relative to the workspace; a symlink may not point outside it',
    });
  }
  if (statSync(real).size > 1 << 20) throw new KeylessError('INPUT_INVALID', 'policy-file is larger than 1 MiB', { hint: 'a policy file holds a few keys' });
  return real;
}
