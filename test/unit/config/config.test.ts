import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../../src/config/config.js';
import { INPUT_DEFAULTS, INPUT_NAMES, readInputs } from '../../../src/config/inputs.js';
import { POLICY_KEYS } from '../../../src/config/policy-file.js';
import { KeylessError } from '../../../src/errors.js';

const workspace = mkdtempSync(join(tmpdir(), 'keyless-ws-'));
const entry = '- provider: rfc8693\n  token-endpoint: https://sts.example.com/token';

function problem(inputs: Record<string, string>, at = workspace): KeylessError {
  try {
    loadConfig(inputs, at);
  } catch (error) {
    expect(error).toBeInstanceOf(KeylessError);
    expect((error as KeylessError).code).toBe('INPUT_INVALID');
    return error as KeylessError;
  }
  throw new Error('expected a configuration error');
}

describe('loadConfig', () => {
  it('reads an entry with its defaults', () => {
    const config = loadConfig({ credentials: entry }, workspace);
    expect(config.credentials).toHaveLength(1);
    expect(config.credentials[0]).toMatchObject({ id: 'rfc8693', oidcAudience: 'https://sts.example.com' });
    expect([...(config.credentials[0]?.exports ?? [])]).toEqual(['env']);
    expect(config.httpTimeoutMs).toBe(15_000);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('requires credentials', () => {
    expect(problem({}).message).toContain('credentials: is required');
  });

  it('rejects two entries with the same id', () => {
    expect(problem({ credentials: `${entry}\n${entry}` }).message).toContain('"rfc8693" is also the id of credentials[0]');
  });

  it('rejects an export target it does not know', () => {
    expect(problem({ credentials: `${entry}\n  export: [env, disk]` }).message).toContain('export (line 3): has an item not one of env, outputs, file, exec');
  });

  it('reports an rfc8693 entry without an endpoint once, and checks its other keys rather than calling them unknown', () => {
    const message = problem({ credentials: '- provider: rfc8693\n  scope: deploy\n  audience: https://api.example.com\n  resource: ""' }).message;
    expect(message).toContain('credentials[0] (line 1): set exactly one of token-endpoint or issuer');
    expect(message).toContain('credentials[0].resource (line 4): must be a non-empty string');
    expect(message).not.toContain('unknown key');
  });

  it('reads the policy file, and refuses a key set in both places', () => {
    const ws = mkdtempSync(join(tmpdir(), 'keyless-ws-'));
    mkdirSync(join(ws, '.github'));
    writeFileSync(join(ws, '.github/keyless.yml'), `credentials:\n  - provider: rfc8693\n    issuer: https://sts.example.com\nhttp-timeout: 30s\n`);
    const config = loadConfig({}, ws);
    expect(config.policyFile).toEqual({ path: '.github/keyless.yml', keys: ['credentials', 'http-timeout'] });
    expect(config.httpTimeoutMs).toBe(30_000);
    expect(config.credentials[0]?.oidcAudience).toBe('https://sts.example.com');
    expect(problem({ credentials: entry }, ws).message).toContain("credentials: is set both as an input (the step's with:) and in .github/keyless.yml (line 1); keep one");
  });

  it('fails on a named policy file that does not exist', () => {
    expect(() => loadConfig({ 'policy-file': 'nope.yml', credentials: entry }, workspace)).toThrow(/policy-file does not exist in the workspace/);
  });
});

describe('inputs', () => {
  it('match the inputs action.yml declares', () => {
    const action = parse(readFileSync(join(import.meta.dirname, '../../../action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort());
  });

  it('declare no default for a key the policy file may hold: the runner would pass it as if the workflow set it', () => {
    const action = parse(readFileSync(join(import.meta.dirname, '../../../action.yml'), 'utf8')) as { inputs: Record<string, { default?: string; description: string }> };
    for (const key of POLICY_KEYS) expect([undefined, ''], key).toContain(action.inputs[key]?.default);
    for (const [key, value] of Object.entries(INPUT_DEFAULTS)) {
      expect(POLICY_KEYS).toContain(key);
      expect(action.inputs[key]?.description, key).toContain(`Default: ${value}.`);
    }
  });

  it('reads INPUT_* the way the runner names them, treating blank as absent', () => {
    expect(readInputs({ 'INPUT_REQUIRE-CLAIMS': 'ref: x', INPUT_CREDENTIALS: '  ' })).toEqual({ 'require-claims': 'ref: x' });
  });
});
