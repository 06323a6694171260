import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { readInputs } from '../../../src/config/inputs.js';
import { KeylessError } from '../../../src/errors.js';

const SECRET = 'ghp_R3alLook1ngT0kenValue0123456789abcdEF';
const entry = '- provider: rfc8693\n  token-endpoint: https://sts.example.com/token';

/** A job's root with a workspace inside it and a file outside it, as an earlier step could leave one. */
function layout() {
  const root = mkdtempSync(join(tmpdir(), 'keyless-job-'));
  const workspace = join(root, 'workspace');
  mkdirSync(join(workspace, '.github'), { recursive: true });
  writeFileSync(join(root, 'outside.yml'), `credentials: |\n  ${entry.replace('\n', '\n  ')}\n`);
  return { root, workspace };
}

function refusal(fn: () => unknown): KeylessError {
  try {
    fn();
  } catch (error) {
    if (error instanceof KeylessError) return error;
    throw error;
  }
  throw new Error('expected a configuration error');
}

describe('policy-file', () => {
  it('refuses a path that climbs out of the workspace', () => {
    const { workspace } = layout();
    const error = refusal(() => loadConfig({ 'policy-file': '../outside.yml' }, workspace));
    expect(error.code).toBe('INPUT_INVALID');
    expect(error.message).toContain('policy-file is not a file inside the workspace');
    expect(refusal(() => loadConfig({ 'policy-file': join(workspace, '..', 'outside.yml') }, workspace)).code).toBe('INPUT_INVALID');
  });

  it('refuses a symlink in the workspace that points outside it, the default path included', () => {
    const { root, workspace } = layout();
    symlinkSync(join(root, 'outside.yml'), join(workspace, 'policy.yml'));
    expect(refusal(() => loadConfig({ 'policy-file': 'policy.yml' }, workspace)).message).toContain('not a file inside the workspace');
    symlinkSync(join(root, 'outside.yml'), join(workspace, '.github', 'keyless.yml'));
    expect(refusal(() => loadConfig({}, workspace)).code).toBe('INPUT_INVALID');
  });

  it('follows a symlink that stays inside, and a workspace reached through a symlink', () => {
    const { root, workspace } = layout();
    writeFileSync(join(workspace, 'real.yml'), 'http-timeout: 30s\n');
    symlinkSync(join(workspace, 'real.yml'), join(workspace, 'policy.yml'));
    symlinkSync(workspace, join(root, 'linked'));
    const config = loadConfig({ 'policy-file': 'policy.yml', credentials: entry }, join(root, 'linked'));
    expect(config.httpTimeoutMs).toBe(30_000);
    expect(config.policyFile).toEqual({ path: 'real.yml', keys: ['http-timeout'] });
  });

  it('refuses a folder', () => {
    const { workspace } = layout();
    expect(refusal(() => loadConfig({ 'policy-file': '.github' }, workspace)).code).toBe('INPUT_INVALID');
  });

  it('names an unknown key but never its value, and hides a key that looks like a secret', () => {
    const { workspace } = layout();
    writeFileSync(join(workspace, 'p.yml'), `credentials: |\n  - provider: rfc8693\n    token-endpoint: https://sts.example.com/token\nnpm-token: ${SECRET}\n${SECRET}: x\n`);
    const error = refusal(() => loadConfig({ 'policy-file': 'p.yml' }, workspace));
    expect(error.message).toContain('p.yml: npm-token (line 4): unknown key');
    expect(error.message).toContain('p.yml: a key that is no key name (line 5): unknown key');
    expect(error.message).not.toContain(SECRET);
  });

  it('never quotes a bad value back, from the file or from an input', () => {
    const { workspace } = layout();
    const values = ['pin-policy', 'tool-policy', 'pin-scope', 'http-timeout', 'strict-cleanup', 'tuf-refresh', 'pin-verify', 'pin-allow'];
    writeFileSync(join(workspace, 'p.yml'), values.map((key) => `${key}: ${SECRET}`).join('\n'));
    const fromFile = refusal(() => loadConfig({ 'policy-file': 'p.yml', credentials: entry }, workspace));
    for (const key of values) expect(fromFile.message).toContain(key);
    expect(fromFile.message).not.toContain(SECRET);
    const credentials = `- provider: aws\n  role: ${SECRET}\n  region: ${SECRET}\n  session-policy: '{"a": "${SECRET}'\n  managed-session-policies: [${SECRET}]\n  sts-endpoint: ${SECRET}\n  export: [${SECRET}]\n- provider: ${SECRET}\n- provider: registry\n  kind: ecr\n  from: ${SECRET.toLowerCase()}\n  host: ${SECRET}`;
    const fromInput = refusal(() => loadConfig({ credentials }, workspace));
    expect(fromInput.message).toContain('credentials[0].role');
    expect(fromInput.message).not.toContain(SECRET);
    expect(fromInput.message.toLowerCase()).not.toContain(SECRET.toLowerCase());
    const yaml = refusal(() => loadConfig({ credentials: `- provider: aws\n  role: "${SECRET}\\q"` }, workspace));
    expect(yaml.message).toContain('malformed YAML');
    expect(yaml.message).not.toContain(SECRET);
  });

  it('points at the line in the file, whether a value is YAML or YAML text', () => {
    const { workspace } = layout();
    const text = [
      '# policy',
      'pin-policy: sometimes',
      'tools:',
      '  - name: x',
      'credentials: |',
      '  - provider: rfc8693',
      '    token-endpoint: https://sts.example.com/token',
      '    scope: { a: 1 }',
      'require-claims:',
      '  ref: [{ bad: 1 }]',
      '',
    ].join('\n');
    writeFileSync(join(workspace, 'p.yml'), text);
    const { message } = refusal(() => loadConfig({ 'policy-file': 'p.yml' }, workspace));
    expect(message).toContain('p.yml: pin-policy (line 2): is not one of off, warn, enforce');
    expect(message).toMatch(/p\.yml: tools\[0\]\S* \(line 4\)/);
    expect(message).toContain('p.yml: credentials[0].scope (line 8)');
    expect(message).toContain('p.yml: require-claims.ref (line 10)');
  });

  it('counts the lines of malformed YAML text from the top of the file', () => {
    const { workspace } = layout();
    writeFileSync(join(workspace, 'p.yml'), 'http-timeout: 30s\ncredentials: |\n  - provider: rfc8693\n    token-endpoint: [unclosed\n');
    expect(refusal(() => loadConfig({ 'policy-file': 'p.yml' }, workspace)).message).toMatch(/^p\.yml: credentials \(line [45]\): malformed YAML/);
  });

  it('is not in conflict with inputs the workflow did not set, though the runner passes every input', () => {
    const { workspace } = layout();
    writeFileSync(join(workspace, '.github', 'keyless.yml'), `pin-policy: enforce\nstrict-cleanup: true\nhttp-timeout: 1m\ncredentials:\n  - provider: rfc8693\n    token-endpoint: https://sts.example.com/token\n`);
    const action = parse(readFileSync(join(import.meta.dirname, '../../../action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
    const env = Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [`INPUT_${name.toUpperCase()}`, spec.default === '${{ github.token }}' ? 'ghs_job' : (spec.default ?? '')]));
    const config = loadConfig(readInputs(env), workspace);
    expect(config).toMatchObject({ pinPolicy: 'enforce', strictCleanup: true, httpTimeoutMs: 60_000, toolPolicy: 'enforce', pinScope: 'workflow' });
  });
});
