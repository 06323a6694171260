import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { KeylessError } from '../../../src/errors.js';
import { readExecHandoff, writeExecHandoff } from '../../../src/exec/handoff.js';
import { selectEntries } from '../../../src/exec/settings.js';
import type { CleanupItem } from '../../../src/runner/state.js';

const workspace = mkdtempSync(join(tmpdir(), 'keyless-ws-'));
const rfc = (id: string, extra = '') => `- provider: rfc8693\n  id: ${id}\n  token-endpoint: https://sts.example.com/token${extra}`;
const gcp = '- provider: gcp\n  id: gcp\n  workload-identity-provider: projects/123456/locations/global/workloadIdentityPools/github/providers/acme';
const registry = '- provider: registry\n  kind: gar\n  host: us-docker.pkg.dev\n  from: gcp';

function messageOf(credentials: string): string {
  try {
    loadConfig({ credentials }, workspace);
  } catch (error) {
    expect(error).toBeInstanceOf(KeylessError);
    return (error as KeylessError).message;
  }
  throw new Error('expected a configuration error');
}

describe('export: exec', () => {
  it('stands alone', () => {
    expect(messageOf(rfc('a', '\n  export: [exec, env]'))).toContain('export (line 4): has exec with other targets');
  });

  it('is built on, and builds on, exec entries only', () => {
    expect(messageOf(`${gcp}\n  export: exec\n${registry}`)).toContain('"gcp" is minted only by keyless exec (export: exec), this entry at the step');
    expect(messageOf(`${gcp}\n${registry}\n  export: exec`)).toContain('"gcp" is minted at the step, this entry only by keyless exec');
    expect(loadConfig({ credentials: `${gcp}\n  export: exec\n${registry}\n  export: exec` }, workspace).credentials).toHaveLength(2);
  });

  it('hands exec the exec entries alone, with the settings they are minted with, which read back to the same entries', () => {
    const config = loadConfig({ credentials: `${rfc('job')}\n${rfc('deploy', '\n  export: exec')}`, 'require-claims': 'ref: refs/heads/main', 'pin-policy': 'enforce' }, workspace);
    expect(JSON.parse(config.execInputs?.credentials ?? '')).toEqual([{ provider: 'rfc8693', id: 'deploy', 'token-endpoint': 'https://sts.example.com/token', export: 'exec' }]);
    expect(config.execInputs).toMatchObject({ 'require-claims': 'ref: refs/heads/main', 'http-timeout': '15s' });
    expect(config.execInputs).not.toHaveProperty('pin-policy');
    const again = loadConfig(config.execInputs ?? {}, workspace, { policyFile: false });
    expect(again.credentials.map((e) => e.id)).toEqual(['deploy']);
    expect(again.claimRules).toEqual(config.claimRules);
  });

  it('a step without exec entries hands nothing', () => {
    expect(loadConfig({ credentials: rfc('a') }, workspace).execInputs).toBeUndefined();
  });
});

describe('the checked copy for keyless exec', () => {
  const temp = mkdtempSync(join(tmpdir(), 'keyless-temp-'));
  const env = { RUNNER_TEMP: temp };
  const items: CleanupItem[] = [];
  const written = writeExecHandoff({ credentials: '[]', files: 'temp' }, env, { record: (item) => items.push(item) });

  it('is written 0600 in a keyless-exec-* folder the post step deletes, and reads back', () => {
    expect(items).toEqual([{ kind: 'path', path: join(written, '..') }]);
    expect(readExecHandoff(written, env)).toEqual({ credentials: '[]', files: 'temp' });
  });

  const refusal = (path: string) => {
    try {
      readExecHandoff(path, env);
    } catch (error) {
      return (error as KeylessError).code;
    }
    return 'read';
  };
  const plant = (folder: string, content: string) => {
    mkdirSync(join(temp, folder), { recursive: true });
    writeFileSync(join(temp, folder, 'exec.json'), content);
    return join(temp, folder, 'exec.json');
  };

  it('refuses a file anywhere else, a link, and any other shape', () => {
    const outside = mkdtempSync(join(tmpdir(), 'keyless-exec-'));
    writeFileSync(join(outside, 'exec.json'), '{"version":1,"inputs":{"credentials":"[]"}}');
    expect(refusal(join(outside, 'exec.json'))).toBe('INPUT_INVALID');
    expect(refusal(plant('other', '{"version":1,"inputs":{"credentials":"[]"}}'))).toBe('INPUT_INVALID');
    // Windows lets only administrators create symbolic links.
    if (process.platform !== 'win32') {
      mkdirSync(join(temp, 'keyless-exec-link'));
      symlinkSync(written, join(temp, 'keyless-exec-link', 'exec.json'));
      expect(refusal(join(temp, 'keyless-exec-link', 'exec.json'))).toBe('INPUT_INVALID');
    }
    // Only directly under RUNNER_TEMP: not deeper in a keyless-* folder, not in the workspace's .keyless-* folders
    // (which a pull request's checkout can hold).
    const json = '{"version":1,"inputs":{"credentials":"[]"}}';
    expect(refusal(plant(join('keyless-outer', 'keyless-exec-nested'), json))).toBe('INPUT_INVALID');
    const checkout = mkdtempSync(join(tmpdir(), 'keyless-checkout-'));
    mkdirSync(join(checkout, '.keyless-x', 'keyless-exec-y'), { recursive: true });
    writeFileSync(join(checkout, '.keyless-x', 'keyless-exec-y', 'exec.json'), json);
    expect(() => readExecHandoff(join(checkout, '.keyless-x', 'keyless-exec-y', 'exec.json'), { ...env, GITHUB_WORKSPACE: checkout })).toThrow('it is not a keyless-exec-*/exec.json file under RUNNER_TEMP');
    for (const content of ['not json', '[]', '{"version":2,"inputs":{"credentials":"[]"}}', '{"version":1,"inputs":{"credentials":"[]","pin-policy":"off"}}', '{"version":1,"inputs":{"credentials":[]}}', '{"version":1,"inputs":{}}', '{"version":1,"inputs":{"credentials":"[]"},"x":1}']) {
      expect(refusal(plant('keyless-exec-bad', content)), content).toBe('INPUT_INVALID');
    }
  });
});

describe('--id', () => {
  const { credentials } = loadConfig({ credentials: `${gcp}\n  export: none\n${registry}\n${rfc('deploy')}` }, workspace);

  it('mints the entries named and those they build on, and hands out only the named', () => {
    const { mint, named } = selectEntries(credentials, ['registry']);
    expect(mint.map((e) => e.id)).toEqual(['gcp', 'registry']);
    expect(named.map((e) => e.id)).toEqual(['registry']);
    expect(selectEntries(credentials, []).named).toHaveLength(3);
  });

  it('refuses two entries that would take the same variables of the one environment the command gets', () => {
    const aws = (id: string, extra = '') => `- provider: aws\n  id: ${id}\n  role: arn:aws:iam::123456789012:role/${id}\n  region: us-east-1\n  export: exec${extra}`;
    const entries = loadConfig({ credentials: `${aws('prod')}\n${aws('staging')}` }, workspace).credentials;
    expect(() => selectEntries(entries, [])).toThrow('entries "prod" and "staging" both take the AWS variables of the environment, so one would replace the other in the command\'s environment');
    expect(selectEntries(entries, ['staging']).named.map((e) => e.id)).toEqual(['staging']);
    const profiled = loadConfig({ credentials: `${aws('prod', '\n  profile: prod')}\n${aws('staging', '\n  profile: staging')}` }, workspace).credentials;
    expect(selectEntries(profiled, []).named).toHaveLength(2);
  });

  it('names the likely entry for an unknown one', () => {
    expect(() => selectEntries(credentials, ['deplyo'])).toThrow('--id "deplyo" names no entry (did you mean "deploy"?)');
  });
});
