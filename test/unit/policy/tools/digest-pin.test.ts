import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config/config.js';
import { KeylessError } from '../../../../src/errors.js';
import { createHttpClient } from '../../../../src/http/client.js';
import { gateTools } from '../../../../src/policy/tools/gate.js';
import { createRunner } from '../../../../src/runner/runner.js';

// A digest pin is compared in full: a file whose digest shares all but the last hex digit with the pin is
// another file. The pin is checked before the signature, so a wrong pin is refused *for that reason*;
// with the right pin the same tool fails later, on its (missing) bundle, which tells the two apart.

const workspace = mkdtempSync(join(tmpdir(), 'keyless-digest-'));
const TOOL = join(workspace, 'tool.bin');
writeFileSync(TOOL, 'the released tool, byte for byte\n');
const digest = (algorithm: 'sha256' | 'sha512') => createHash(algorithm).update('the released tool, byte for byte\n').digest('hex');

/** The digest with only its last hex digit changed. */
const lastDigitOff = (hex: string) => `${hex.slice(0, -1)}${hex.endsWith('0') ? '1' : '0'}`;

async function gate(pins: string): Promise<KeylessError> {
  const tools = `- name: tool\n  path: tool.bin\n${pins}\n  bundle: no-such-bundle.json\n  identity: https://github.com/acme/tool/.github/workflows/release.yml@refs/tags/v1\n  issuer: https://token.actions.githubusercontent.com`;
  const config = loadConfig({ tools }, workspace);
  const runner = createRunner({ RUNNER_TEMP: workspace }, () => undefined);
  const error = await gateTools(config, { runner, http: createHttpClient(), workspace }).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(KeylessError);
  expect((error as KeylessError).code).toBe('TOOL_UNVERIFIED');
  return error as KeylessError;
}

describe('a tool digest pin', () => {
  it.each(['sha256', 'sha512'] as const)('%s: refuses a pin that differs from the file only in its last hex digit', async (algorithm) => {
    const actual = digest(algorithm);
    const pin = lastDigitOff(actual);
    expect(pin.slice(0, -1)).toBe(actual.slice(0, -1));
    const error = await gate(`  ${algorithm}: ${pin}`);
    expect(error.message).toContain(`${algorithm} is ${actual}, the pin is ${pin}`);
  });

  it.each(['sha256', 'sha512'] as const)('%s: passes the exact pin on to the signature check (here: a bundle that does not exist)', async (algorithm) => {
    const error = await gate(`  ${algorithm}: ${digest(algorithm)}`);
    expect(error.message).not.toContain('the pin is');
    expect(error.message).toContain('no-such-bundle.json does not exist');
  });

  it('takes a pin in upper case as the same digest', async () => {
    const error = await gate(`  sha256: ${digest('sha256').toUpperCase()}`);
    expect(error.message).not.toContain('the pin is');
  });

  it('checks every pin given: a right sha256 does not excuse a sha512 one digit off', async () => {
    const wrong = lastDigitOff(digest('sha512'));
    const error = await gate(`  sha256: ${digest('sha256')}\n  sha512: ${wrong}`);
    expect(error.message).toContain(`sha512 is ${digest('sha512')}, the pin is ${wrong}`);
    expect(error.message).not.toContain('sha256 is');
  });
});
