import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CredentialEntry, ExportTarget } from '../../../src/config/config.js';
import type { Minted } from '../../../src/exchange.js';
import { providers } from '../../../src/providers/catalog.js';
import type { Credential } from '../../../src/providers/types.js';
import { createRunner } from '../../../src/runner/runner.js';
import { type CleanupItem, CleanupLog, readCleanupItems } from '../../../src/runner/state.js';
import { writeDelivery } from '../../../src/sinks/deliver.js';
import { expectMode } from '../../fakes/host.js';
import { readRunnerFileValues } from '../../fakes/runner-files.js';

// writeDelivery writes every credential file and returns what the commit phase exports; it exports nothing
// itself. Each path is recorded for the post step before anything is written at it.

function minted(id: string, exports: ExportTarget[], credential: Partial<Credential>): Minted {
  const entry: CredentialEntry = { index: 0, id, provider: providers.rfc8693 as CredentialEntry['provider'], config: {}, exports: new Set(exports) };
  return {
    entry,
    credential: {
      env: {},
      secretOutputs: {},
      publicOutputs: {},
      info: { principal: `principal-of-${id}`, endpoint: 'https://sts.example.com/token', attempts: 1, fingerprint: '0'.repeat(16) },
      ...credential,
    },
  };
}

function setUp(env: Record<string, string> = {}) {
  const temp = realpathSync(mkdtempSync(join(tmpdir(), 'keyless-temp-')));
  const state = join(temp, '..', `${temp.split(/[\\/]/).pop() ?? ''}-state`);
  writeFileSync(state, '');
  const runner = createRunner({ RUNNER_TEMP: temp, GITHUB_STATE: state, HOME: temp, ...env }, () => undefined);
  const cleanup = new CleanupLog(runner);
  const recorded = (): string[] => {
    const saved = readRunnerFileValues(readFileSync(state, 'utf8'));
    const { items } = readCleanupItems(Object.fromEntries(Object.entries(saved).map(([k, v]) => [`STATE_${k}`, v])));
    return items.flatMap((item: CleanupItem) => (item.kind === 'path' ? [item.path] : []));
  };
  return { temp, runner, cleanup, recorded };
}

describe('writeDelivery', () => {
  it('export: file writes each secret to a 0600 file in one private keyless-* folder and exports only its path', () => {
    const { temp, runner, cleanup, recorded } = setUp();
    const delivery = writeDelivery([minted('vault', ['file'], { env: { VAULT_TOKEN: 'hvs.secret-value' } })], runner, cleanup);
    const [folder = ''] = readdirSync(temp);
    expect(folder).toMatch(/^keyless-/);
    const path = join(temp, folder, 'vault-VAULT_TOKEN');
    expect(delivery.env).toEqual([['VAULT_TOKEN_FILE', path]]);
    expect(readFileSync(path, 'utf8')).toBe('hvs.secret-value');
    expectMode(path, 0o600);
    expect(recorded()).toEqual([join(temp, folder), path]);
    expect(delivery.exported.get('vault')).toEqual(['env VAULT_TOKEN_FILE (file)']);
  });

  it('export: env hands out secret and public variables; outputs only with export: outputs; principal always', () => {
    const { temp, runner, cleanup } = setUp();
    const credential = { env: { TOKEN: 'secret-1234567' }, publicEnv: { REGION: 'eu' }, secretOutputs: { token: 'secret-1234567' }, publicOutputs: { 'expires-at': 'soon' } };
    const delivery = writeDelivery([minted('a', ['env'], credential), minted('b', ['outputs'], credential)], runner, cleanup);
    expect(delivery.env).toEqual([['TOKEN', 'secret-1234567'], ['REGION', 'eu']]);
    expect(delivery.outputs).toEqual([
      ['a-expires-at', 'soon'],
      ['a-principal', 'principal-of-a'],
      ['b-token', 'secret-1234567'],
      ['b-expires-at', 'soon'],
      ['b-principal', 'principal-of-b'],
    ]);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('joins the files that name one variable into one file, and gives an entry exported to neither env nor file none', () => {
    const { temp, runner, cleanup } = setUp();
    const profile = (name: string) => ({ env: 'AWS_SHARED_CREDENTIALS_FILE', name: 'aws-credentials', content: `[${name}]\nkey = ${name}-secret` });
    const delivery = writeDelivery(
      [minted('one', ['env'], { files: [profile('one')] }), minted('two', ['file'], { files: [profile('two')] }), minted('three', ['outputs'], { files: [profile('three')] })],
      runner,
      cleanup,
    );
    expect(delivery.env.map(([name]) => name)).toEqual(['AWS_SHARED_CREDENTIALS_FILE']);
    const path = delivery.env[0]?.[1] ?? '';
    expect(dirname(path)).toBe(join(temp, readdirSync(temp)[0] ?? ''));
    expect(readFileSync(path, 'utf8')).toBe('[one]\nkey = one-secret\n[two]\nkey = two-secret');
    expect(delivery.exported.get('three')).toBeUndefined();
  });

  it('writes a docker config in its own folder, exported as DOCKER_CONFIG (the folder) and REGISTRY_AUTH_FILE', () => {
    const { temp, runner, cleanup, recorded } = setUp();
    const login = (host: string) => ({ env: 'DOCKER_CONFIG', name: 'docker/config.json', content: JSON.stringify({ auths: { [host]: { auth: 'dXNlcjpwYXNz' } } }), format: 'docker-config' as const });
    const delivery = writeDelivery([minted('gar', ['env'], { files: [login('us-docker.pkg.dev')] }), minted('ghcr', ['env'], { files: [login('ghcr.io')] })], runner, cleanup);
    const env = Object.fromEntries(delivery.env);
    expect(env.REGISTRY_AUTH_FILE).toBe(join(env.DOCKER_CONFIG ?? '', 'config.json'));
    const config = JSON.parse(readFileSync(env.REGISTRY_AUTH_FILE ?? '', 'utf8')) as { auths: Record<string, unknown> };
    expect(Object.keys(config.auths).sort()).toEqual(['ghcr.io', 'us-docker.pkg.dev']);
    expect(recorded()).toContain(env.REGISTRY_AUTH_FILE);
    expect(delivery.exported.get('gar')).toEqual(['env DOCKER_CONFIG (file)', 'env REGISTRY_AUTH_FILE (file)', 'env BUILDX_CONFIG (file)']);
    // buildx's builders stay where setup-buildx-action put them: beside the job's own config.json.
    expect(env.BUILDX_CONFIG).toBe(join(process.platform === 'win32' ? homedir() : temp, '.docker', 'buildx'));
  });

  it('leaves BUILDX_CONFIG to the job when it set one', () => {
    const { runner, cleanup } = setUp({ BUILDX_CONFIG: '/opt/buildx' });
    const login = { env: 'DOCKER_CONFIG', name: 'docker/config.json', content: JSON.stringify({ auths: { 'ghcr.io': { auth: 'dXNlcjpwYXNz' } } }), format: 'docker-config' as const };
    expect(writeDelivery([minted('ghcr', ['env'], { files: [login] })], runner, cleanup).env.map(([name]) => name)).toEqual(['DOCKER_CONFIG', 'REGISTRY_AUTH_FILE']);
  });

  it('exports a file under its aliases too, and its path as the output it names, with env or file only', () => {
    const { runner, cleanup } = setUp();
    const adc = { env: 'GOOGLE_APPLICATION_CREDENTIALS', aliases: ['GOOGLE_GHA_CREDS_PATH'], output: 'credentials-file-path', name: 'gcp-adc.json', content: '{}' };
    const delivery = writeDelivery([minted('g', ['file'], { files: [adc] }), minted('h', ['outputs'], { files: [adc] })], runner, cleanup);
    const path = delivery.env[0]?.[1] ?? '';
    expect(delivery.env).toEqual([
      ['GOOGLE_APPLICATION_CREDENTIALS', path],
      ['GOOGLE_GHA_CREDS_PATH', path],
    ]);
    expect(delivery.outputs).toEqual([
      ['g-credentials-file-path', path],
      ['g-principal', 'principal-of-g'],
      ['h-principal', 'principal-of-h'],
    ]);
    expect(delivery.exported.get('g')).toEqual(['env GOOGLE_APPLICATION_CREDENTIALS (file)', 'env GOOGLE_GHA_CREDS_PATH (file)']);
  });

  it('lists every file holding a runner token in KEYLESS_REFRESH, paths only', () => {
    const { runner, cleanup } = setUp();
    const delivery = writeDelivery(
      [
        minted('az', ['env'], { files: [{ env: 'AZURE_FEDERATED_TOKEN_FILE', name: 'azure-federated-token', content: 'eyJ.jwt.one', oidcToken: true }] }),
        minted('gcp', ['env'], { files: [{ name: 'gcp-oidc-token', content: 'eyJ.jwt.two', oidcToken: true }] }),
      ],
      runner,
      cleanup,
    );
    const env = Object.fromEntries(delivery.env);
    const paths = (env.KEYLESS_REFRESH ?? '').split(delimiter);
    expect(paths).toHaveLength(2);
    expect(paths.map((p) => readFileSync(p, 'utf8')).sort()).toEqual(['eyJ.jwt.one', 'eyJ.jwt.two']);
    expect(env.KEYLESS_REFRESH).not.toContain('eyJ');
  });

  it('records a path before writing it: a write that fails still leaves it for post to delete', () => {
    const { runner, cleanup, recorded } = setUp();
    // The entry's own file and its export: file copy would share a name: the second exclusive create fails.
    const clash = minted('x', ['env', 'file'], { env: { T: 'secret-value-1' }, files: [{ name: 'T', content: 'first' }] });
    expect(() => writeDelivery([clash], runner, cleanup)).toThrow(/EEXIST/);
    const paths = recorded();
    expect(paths.filter((path) => path.endsWith('x-T'))).toHaveLength(2);
    expect(paths.every((path) => existsSync(path))).toBe(true);
  });
});
