import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { loadConfig } from '../../../../src/config/config.js';
import { KeylessError } from '../../../../src/errors.js';
import { createHttpClient } from '../../../../src/http/client.js';
import { gateTools } from '../../../../src/policy/tools/gate.js';
import { createRunner } from '../../../../src/runner/runner.js';
import type { SignedFixtures } from '../../../fakes/sigstore-fixtures.js';

/** What one call of gateTools did: its log, the folders it put on PATH, what it recorded for post, its answer. */
export interface GateRun {
  temp: string;
  lines: string[];
  paths: string[];
  recorded: string[];
  result?: Awaited<ReturnType<typeof gateTools>>;
  error?: KeylessError;
}

/** gateTools over `tools` (YAML) in the fixtures' folder, trusting the fixtures' Sigstore unless `inputs` says otherwise. */
export async function runGate(f: SignedFixtures, tools: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<GateRun> {
  const temp = mkdtempSync(join(tmpdir(), 'keyless-gate-'));
  const pathFile = join(temp, 'github-path');
  writeFileSync(pathFile, '');
  const lines: string[] = [];
  const recorded: string[] = [];
  const runner = createRunner({ RUNNER_TEMP: temp, GITHUB_PATH: pathFile, ...env }, (text) => { lines.push(text); });
  const config = loadConfig({ tools, 'trusted-root': f.trustedRoot, ...inputs }, f.dir);
  const run: GateRun = { temp, lines, recorded, paths: [] };
  try {
    run.result = await gateTools(config, { runner, http: createHttpClient({ maxAttempts: 1 }), workspace: f.dir, cleanup: { record: (item) => { recorded.push(item.path); } } });
  } catch (error) {
    expect(error).toBeInstanceOf(KeylessError);
    run.error = error as KeylessError;
  }
  run.paths = readFileSync(pathFile, 'utf8').split('\n').filter((line) => line !== '');
  return run;
}
