import type { CredentialEntry } from './config.js';
import type { InputName, RawInputs } from './inputs.js';

/** The settings `keyless exec` mints with, besides the entries: claims, tools and how to reach and write. */
export const EXEC_KEYS = ['require-claims', 'tools', 'tool-policy', 'trusted-root', 'tuf-refresh', 'tuf-mirror', 'strict-cleanup', 'files', 'http-timeout'] as const satisfies readonly InputName[];

/**
 * The `export: exec` entries and the settings they are minted with, as inputs (JSON is YAML), when there
 * are any: what the step hands a later `keyless exec`, which checks them again as it checks any input.
 */
export function execInputsOf(credentials: readonly CredentialEntry[], text: (key: InputName) => string | undefined): { execInputs?: RawInputs } {
  const exec = credentials.filter((entry) => entry.exports.has('exec'));
  if (exec.length === 0) return {};
  const inputs: Partial<Record<InputName, string>> = { credentials: JSON.stringify(exec.map((entry) => entry.written)) };
  for (const key of EXEC_KEYS) {
    const value = text(key);
    if (value !== undefined) inputs[key] = value;
  }
  return { execInputs: inputs };
}
