import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type CredentialEntry, loadConfig } from '../../../src/config/config.js';
import { KeylessError } from '../../../src/errors.js';
import { selectEntries } from '../../../src/exec/settings.js';
import type { SecretFinding } from '../../../src/policy/secrets/inventory.js';
import { keylessStep } from '../../../src/policy/secrets/step.js';
import { configProblems } from './problems.js';
import type { Minted } from '../../../src/exchange.js';
import { providers } from '../../../src/providers/catalog.js';
import { createRunner } from '../../../src/runner/runner.js';
import { CleanupLog } from '../../../src/runner/state.js';
import { writeDelivery } from '../../../src/sinks/deliver.js';

// A job (or the command keyless exec starts) has one environment: two entries that set one variable would
// leave the later's value and silently drop the earlier's. Fixed names are refused with the settings, before
// any request; names only an answer gives (Vault's secrets) when the credentials are written, before any
// is handed out.

const workspace = mkdtempSync(join(tmpdir(), 'keyless-ws-'));
const crates = (id: string, extra = '') => `- provider: crates\n  id: ${id}${extra}`;
const rfc = (id: string, extra = '') => `- provider: rfc8693\n  id: ${id}\n  token-endpoint: https://sts.example.com/token${extra}`;
const github = (id: string, extra = '') => `- provider: github\n  id: ${id}\n  sts-url: https://sts.example.com\n  scope: acme/app\n  identity: deploy${extra}`;
const pypi = (id: string, extra = '') => `- provider: pypi\n  id: ${id}${extra}`;
const rubygems = (id: string, extra = '') => `- provider: rubygems\n  id: ${id}${extra}`;
const secret = (name: string) => `\n  export-token: false\n  secrets:\n    - path: kv/data/ci\n      key: password\n      name: ${name}`;
const vault = (id: string, extra = '') => `- provider: vault\n  id: ${id}\n  url: https://vault.example.com\n  role: ci${extra}`;

const problems = (credentials: string) => configProblems(credentials, workspace);
const gcp = '- provider: gcp\n  id: gcp\n  workload-identity-provider: projects/1/locations/global/workloadIdentityPools/pool/providers/prov\n  export: none';
const gar = (id: string, hosts: string, extra = '') => `- provider: registry\n  id: ${id}\n  kind: gar\n  from: gcp\n  host: ${hosts}${extra}`;
const gh = (id: string) => `- provider: github\n  id: ${id}\n  sts-url: https://sts.example.com\n  scope: acme/${id}\n  identity: deploy\n  export: none`;
const ghcr = (from: string, host?: string) => `- provider: registry\n  id: ghcr-${from}\n  kind: ghcr\n  from: ${from}${host ? `\n  host: ${host}` : ''}`;
const jfrogDocker = (id: string, hosts: string) => `- provider: jfrog\n  id: ${id}\n  url: https://acme.jfrog.io\n  provider-name: github\n  docker-hosts: [${hosts}]`;

describe('two entries exporting one variable', () => {
  it.each([
    ['two crates entries', `${crates('a')}\n${crates('b')}`, 'exports CARGO_REGISTRY_TOKEN, as credentials[0] does'],
    ['an rfc8693 and a github entry on GH_TOKEN', `${rfc('a', '\n  export-env: GH_TOKEN')}\n${github('b')}`, 'exports GH_TOKEN, as credentials[0] does'],
    ['two github entries with the default variable', `${github('a')}\n${github('b')}`, 'exports GH_TOKEN, as credentials[0] does'],
    ['names that differ only in case (Windows reads them as one)', `${rfc('a', '\n  export-env: deploy_token')}\n${rfc('b', '\n  export-env: DEPLOY_TOKEN')}`, 'exports DEPLOY_TOKEN, as credentials[0] does'],
    ['two pypi entries', `${pypi('a')}\n${pypi('b', '\n  index: https://test.pypi.org')}`, 'exports TWINE_PASSWORD, UV_PUBLISH_TOKEN, as credentials[0] does'],
    ['two rubygems entries', `${rubygems('a')}\n${rubygems('b')}`, 'exports GEM_HOST_API_KEY'],
    ['two vault entries that both export their token', `${vault('a')}\n${vault('b')}`, 'exports VAULT_TOKEN, VAULT_ADDR, as credentials[0] does'],
    ['two crates entries with export: file', `${crates('a', '\n  export: file')}\n${crates('b', '\n  export: [env, file]')}`, 'exports CARGO_REGISTRY_TOKEN_FILE, as credentials[0] does'],
    ['two vault entries reading secrets under one name', `${vault('a', secret('DB_PASSWORD'))}\n${vault('b', secret('db_password'))}`, 'exports db_password, as credentials[0] does'],
    ['two npm entries for one registry (one .npmrc token each)', `- provider: npm\n  id: a\n  package: pkg-a\n- provider: npm\n  id: b\n  package: pkg-b`, 'npm reads one token per registry'],
    ['two registry entries logging in to one host', `${gcp}\n${gar('a', 'us-docker.pkg.dev')}\n${gar('b', '[europe-docker.pkg.dev, us-docker.pkg.dev]')}`, 'logs in to us-docker.pkg.dev, as credentials[1] does'],
    ['a jfrog docker host that a registry entry logs in to', `- provider: github\n  id: gh\n  sts-url: https://sts.example.com\n  scope: acme/app\n  identity: deploy\n  export: none\n- provider: registry\n  id: a\n  kind: ghcr\n  from: gh\n  host: acme.example.com\n${jfrogDocker('b', 'acme.example.com')}`, 'credentials[2].docker-hosts (line 16): logs in to acme.example.com, as credentials[1] does'],
    ['two ghcr entries without host (both log in to this job\'s GitHub container registry)', `${gh('a')}\n${ghcr('a')}\n${gh('b')}\n${ghcr('b')}`, "logs in to this job's GitHub container registry, as credentials[1] does"],
    ['a ghcr entry naming ghcr.io beside one without host', `${gh('a')}\n${ghcr('a', 'ghcr.io')}\n${gh('b')}\n${ghcr('b')}`, "logs in to this job's GitHub container registry, as credentials[1] does"],
  ])('%s: refused before any request', (_what, credentials, message) => {
    const text = problems(credentials);
    expect(text).toContain(message);
    expect(text).toContain('credentials[1]');
  });

  it.each([
    ['one of them exported as outputs', `${crates('a')}\n${crates('b', '\n  export: outputs')}`],
    ['one only built on (export: none)', `${rfc('a', '\n  export-env: TOKEN')}\n${rfc('b', '\n  export-env: TOKEN\n  export: none')}`],
    ['each its own export-env', `${github('a')}\n${github('b', '\n  export-env: RELEASE_TOKEN')}`],
    ['export: file beside export: env (NAME_FILE and NAME)', `${github('a', '\n  export: file')}\n${github('b')}`],
    ['vault export: file beside export: env (VAULT_TOKEN_FILE; VAULT_TOKEN, VAULT_ADDR)', `${vault('a', '\n  export: file')}\n${vault('b')}`],
    ['two registry entries on one host, one of them exported as outputs (no docker config)', `${gcp}\n${gar('a', 'us-docker.pkg.dev')}\n${gar('b', 'us-docker.pkg.dev', '\n  export: outputs')}`],
    ['two registry entries on different hosts', `${gcp}\n${gar('a', 'us-docker.pkg.dev')}\n${gar('b', 'europe-docker.pkg.dev')}`],
    ['a vault entry that reads secrets without exporting its token', `${vault('a')}\n${vault('b', '\n  export-token: false\n  secrets:\n    - path: kv/data/ci\n      key: password\n      name: DB_PASSWORD')}`],
  ])('accepted with %s', (_what, credentials) => {
    expect(loadConfig({ credentials }, workspace).credentials.filter((entry) => entry.id !== 'gcp')).toHaveLength(2);
  });

  it('refuses a host listed twice in one entry', () => {
    expect(problems(`${gcp}\n${gar('a', '[us-docker.pkg.dev, us-docker.pkg.dev]')}`)).toContain('item 2 repeats us-docker.pkg.dev');
    expect(problems(jfrogDocker('a', 'docker.example.com, docker.example.com'))).toContain('docker-hosts (line 5): item 2 repeats docker.example.com');
  });

  it('refuses the variables Keyless sets for its own commands as export-env', () => {
    expect(problems(rfc('a', '\n  export-env: KEYLESS_EXEC_CONFIG'))).toContain('Keyless sets it for its own commands');
    expect(problems(rfc('a', '\n  export-env: AZURE_CONFIG_DIR'))).toContain('Keyless sets it for its own commands');
  });
});

describe('keyless exec: one environment for the command', () => {
  const entries = (credentials: string): readonly CredentialEntry[] => loadConfig({ credentials }, workspace, { policyFile: false }).credentials;

  it('refuses two exec entries that set one variable, and takes each alone with --id', () => {
    const both = entries(`${crates('a', '\n  export: exec')}\n${crates('b', '\n  export: exec')}`);
    expect(() => selectEntries(both, [])).toThrow('entries "a" and "b" both take variable CARGO_REGISTRY_TOKEN');
    expect(selectEntries(both, ['b']).named.map((e) => e.id)).toEqual(['b']);
  });

  it('does not count an export: none entry (--credentials), which reaches the command only through the entries built on it', () => {
    const aws = (id: string, extra: string) => `- provider: aws\n  id: ${id}\n  role: arn:aws:iam::123456789012:role/${id}\n  region: us-east-1${extra}`;
    const chained = entries(`${aws('base', '\n  export: none')}\n${aws('deploy', '\n  from: base')}`);
    expect(selectEntries(chained, []).named.map((e) => e.id)).toEqual(['base', 'deploy']);
  });
});

describe('writeDelivery', () => {
  function setUp() {
    const temp = realpathSync(mkdtempSync(join(tmpdir(), 'keyless-temp-')));
    const state = join(temp, '..', `${temp.split(/[\\/]/).pop() ?? ''}-state`);
    writeFileSync(state, '');
    const runner = createRunner({ RUNNER_TEMP: temp, GITHUB_STATE: state, HOME: temp }, () => undefined);
    return { runner, cleanup: new CleanupLog(runner) };
  }
  const minted = (id: string, env: Record<string, string>): Minted => ({
    entry: { index: 0, id, provider: providers.vault as CredentialEntry['provider'], config: {}, exports: new Set(['env']) },
    credential: { env, secretOutputs: {}, publicOutputs: {}, info: { principal: id, endpoint: 'https://vault.example.com', attempts: 1, fingerprint: '0'.repeat(16) } },
  });

  it('refuses a variable two entries set (secret names only the answers gave), naming both and no value', () => {
    const { runner, cleanup } = setUp();
    const attempt = () => writeDelivery([minted('db', { DB_PASSWORD: 'first-secret-value' }), minted('cache', { db_password: 'second-secret-value' })], runner, cleanup);
    expect(attempt).toThrow(KeylessError);
    expect(attempt).toThrow('entries "db" and "cache" both set db_password, so the later would silently replace the earlier; nothing was handed out');
    try {
      attempt();
    } catch (error) {
      expect(JSON.stringify({ message: (error as Error).message, hint: (error as KeylessError).hint })).not.toMatch(/secret-value/);
    }
  });

  it('refuses a variable one entry sets that would take precedence over another (keys over AWS_PROFILE)', () => {
    const { runner, cleanup } = setUp();
    const aws: Minted = { ...minted('deploy', {}), credential: { ...minted('deploy', {}).credential, publicEnv: { AWS_PROFILE: 'deploy' }, shadowedBy: ['AWS_ACCESS_KEY_ID', 'AWS_SESSION_TOKEN'] } };
    expect(() => writeDelivery([aws, minted('legacy', { AWS_ACCESS_KEY_ID: 'AKIAFROMVAULT0000000' })], runner, cleanup)).toThrow(
      'entry "legacy" sets AWS_ACCESS_KEY_ID, which would take precedence over what "deploy" hands out; nothing was handed out',
    );
  });

  it('refuses two logins to one registry host in the docker config', () => {
    const { runner, cleanup } = setUp();
    const login = (id: string, host: string): Minted => ({
      ...minted(id, {}),
      credential: { ...minted(id, {}).credential, files: [{ env: 'DOCKER_CONFIG', name: 'docker/config.json', format: 'docker-config', content: JSON.stringify({ auths: { [host]: { auth: Buffer.from(`${id}:pw-${id}-value`).toString('base64') } } }) }] },
    });
    expect(() => writeDelivery([login('a', 'ghcr.io'), login('b', 'GHCR.io')], runner, cleanup)).toThrow('two entries log in to GHCR.io; the later login would silently replace the earlier');
    expect(writeDelivery([login('a', 'ghcr.io'), login('b', 'us-docker.pkg.dev')], runner, cleanup).env.map(([name]) => name)).toEqual(['DOCKER_CONFIG', 'REGISTRY_AUTH_FILE', 'BUILDX_CONFIG']);
  });

  it('hands out distinct variables of several entries', () => {
    const { runner, cleanup } = setUp();
    const delivery = writeDelivery([minted('db', { DB_PASSWORD: 'first-secret-value' }), minted('cache', { CACHE_PASSWORD: 'second-secret-value' })], runner, cleanup);
    expect(delivery.env.map(([name]) => name)).toEqual(['DB_PASSWORD', 'CACHE_PASSWORD']);
  });
});

describe('keyless secrets: one step per job', () => {
  const load = (replacements: string[]) => {
    const step = keylessStep(replacements.map((replacement) => ({ replacement }) as SecretFinding)) ?? '';
    const [parsed] = parse(step) as [{ with: { credentials: string } }];
    return loadConfig({ credentials: parsed.with.credentials }, workspace).credentials;
  };

  it.each([
    ['jfrog platforms', (n: string) => `- provider: jfrog\n  url: https://${n}.jfrog.io\n  provider-name: github\n`],
    ['aws roles', (n: string) => `- provider: aws\n  role: arn:aws:iam::123456789012:role/${n}\n  region: eu-west-1\n`],
    ['github scopes', (n: string) => `- provider: github\n  scope: acme/${n}\n  identity: deploy\n`],
  ])('gives the second of two %s a variable of its own', (_what, entry) => {
    expect(load([entry('one'), entry('two')])).toHaveLength(2);
  });

  it('gives two registry logins whose cloud entries differ a cloud entry each, and each login its own', () => {
    const ecr = (account: string, region: string) =>
      `- provider: aws\n  id: aws\n  role: arn:aws:iam::${account}:role/ci\n  region: ${region}\n  export: none\n- provider: registry\n  kind: ecr\n  host: ${account}.dkr.ecr.${region}.amazonaws.com\n  from: aws\n`;
    // Each login step yields two findings (its username and its password), each with the same entries.
    const entries = load([ecr('111111111111', 'us-east-1'), ecr('111111111111', 'us-east-1'), ecr('222222222222', 'eu-west-1'), ecr('222222222222', 'eu-west-1')]);
    const logins = entries.filter((entry) => entry.provider.name === 'registry');
    const roleOf = (id: string | undefined) => (entries.find((entry) => entry.id === id)?.config as { role?: string } | undefined)?.role;
    expect(logins.map((login) => [(login.config as { hosts: string[] }).hosts[0]?.split('.')[0], roleOf(login.from)?.split(':')[4]])).toEqual([
      ['111111111111', '111111111111'],
      ['222222222222', '222222222222'],
    ]);
  });

  it('folds a registry login\'s cloud entry into the job\'s own entry of that provider, and keeps a second apart', () => {
    const plain = '- provider: aws\n  role: arn:aws:iam::111111111111:role/deploy\n  region: us-east-1\n';
    const ecr = (account: string) => `- provider: aws\n  id: aws\n  role: arn:aws:iam::${account}:role/ci\n  region: us-east-1\n  export: none\n- provider: registry\n  kind: ecr\n  host: ${account}.dkr.ecr.us-east-1.amazonaws.com\n  from: aws\n`;
    const entries = load([plain, ecr('111111111111'), ecr('222222222222')]);
    expect(entries.map((entry) => `${entry.provider.name} ${entry.id}${entry.from ? ` from ${entry.from}` : ''}`)).toEqual([
      'aws aws',
      'registry registry from aws',
      'aws aws-2',
      'registry registry-2 from aws-2',
    ]);
  });
});
