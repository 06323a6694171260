import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { KeylessError } from '../errors.js';
import { inside, repoPath } from '../os/paths.js';
import { looksLikeKey } from './fields.js';
import { INPUT_NAMES } from './inputs.js';
import { closest, Problems } from './problems.js';
import { loadYaml } from './yaml.js';

export const DEFAULT_POLICY_FILE = '.github/keyless.yml';

/** A policy file may hold every input but itself and the token (a secret never belongs in a file). */
export const POLICY_KEYS = INPUT_NAMES.filter((name) => name !== 'policy-file' && name !== 'github-token');

export interface PolicyFile {
  path: string;
  values: Partial<Record<string, string>>;
}

/** The policy file holds the same keys as the inputs; YAML values are handed on as YAML text. */
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
  const values: Partial<Record<string, string>> = {};
  const problems = new Problems();
  for (const [key, value] of Object.entries(yaml.value)) {
    if (!(POLICY_KEYS as readonly string[]).includes(key)) {
      const guess = closest(key, POLICY_KEYS);
      const where = looksLikeKey(key) ? `${shown}: ${key}` : `${shown}: a key that is no key name`;
      problems.add(where, `unknown key${guess ? ` (did you mean "${guess}"?)` : ''}; known keys: ${POLICY_KEYS.join(', ')}`, yaml.lineOf([key]));
    } else {
      values[key] = typeof value === 'string' ? value : JSON.stringify(value);
    }
  }
  problems.throwIfAny();
  return { path: shown, values };
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
