import type { Env } from '../runner/runner.js';

/** Every input action.yml declares; a test keeps the two equal. */
export const INPUT_NAMES = [
  'credentials',
  'require-claims',
  'tools',
  'tool-policy',
  'trusted-root',
  'tuf-refresh',
  'tuf-mirror',
  'github-token',
  'pin-policy',
  'pin-allow',
  'pin-scope',
  'pin-verify',
  'secrets-policy',
  'policy-file',
  'strict-cleanup',
  'files',
  'http-timeout',
] as const;

/**
 * Defaults live here, not in action.yml: the runner sets `INPUT_*` for every input with a declared
 * default, so a default there would be indistinguishable from the workflow setting it, and would
 * conflict with the same key in the policy file on every run.
 */
export const INPUT_DEFAULTS: Readonly<Partial<Record<InputName, string>>> = {
  'tool-policy': 'enforce',
  'tuf-refresh': 'false',
  'pin-policy': 'warn',
  'pin-scope': 'workflow',
  'pin-verify': 'false',
  'secrets-policy': 'off',
  'strict-cleanup': 'false',
  files: 'temp',
  'http-timeout': '15s',
};

export type InputName = (typeof INPUT_NAMES)[number];
export type RawInputs = Readonly<Partial<Record<InputName, string>>>;

/** The runner passes input `a-b` as `INPUT_A-B`; an empty string means "not given". */
export function readInputs(env: Env): RawInputs {
  const inputs: Partial<Record<InputName, string>> = {};
  for (const name of INPUT_NAMES) {
    const value = env[`INPUT_${name.toUpperCase()}`]?.trim();
    if (value) inputs[name] = value;
  }
  return inputs;
}
