import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dockerConfig } from '../../../src/sinks/docker-config.js';

const auth = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');
const part = (host: string, value: string) => JSON.stringify({ auths: { [host]: { auth: value } } });

describe('docker config', () => {
  it('keeps the job\'s earlier config but its credential store, and reaches its cli-plugins', () => {
    const home = mkdtempSync(join(tmpdir(), 'keyless-home-'));
    mkdirSync(join(home, '.docker'));
    writeFileSync(join(home, '.docker', 'config.json'), JSON.stringify({
      auths: { 'docker.io': { auth: 'b2xkOm9sZA==' } },
      credsStore: 'desktop',
      credHelpers: { 'us-docker.pkg.dev': 'gcloud', 'europe-docker.pkg.dev': 'gcloud' },
      cliPluginsExtraDirs: ['/opt/plugins'],
      detachKeys: 'ctrl-x',
    }));
    const gar = part('us-docker.pkg.dev', auth('oauth2accesstoken', 'ya29.x'));
    const ghcr = part('ghcr.io', auth('x-access-token', 'ghs_y'));
    const merged = JSON.parse(dockerConfig([gar, ghcr], { HOME: home, USERPROFILE: home })) as Record<string, unknown>;
    expect(merged.auths).toEqual({
      'docker.io': { auth: 'b2xkOm9sZA==' },
      'us-docker.pkg.dev': { auth: auth('oauth2accesstoken', 'ya29.x') },
      'ghcr.io': { auth: auth('x-access-token', 'ghs_y') },
    });
    expect(merged).not.toHaveProperty('credsStore');
    // The helper for the host logged in to would win over auths; the other host keeps its helper.
    expect(merged.credHelpers).toEqual({ 'europe-docker.pkg.dev': 'gcloud' });
    expect(merged.cliPluginsExtraDirs).toEqual(['/opt/plugins', join(home, '.docker', 'cli-plugins')]);
    expect(merged.detachKeys).toBe('ctrl-x');
  });

  // An earlier step sets REGISTRY_AUTH_FILE (or DOCKER_CONFIG) to a regular file of size 0 that never ends:
  // read whole, it froze the step, and its signal handlers with it.
  it.runIf(existsSync('/proc/self/pagemap'))('starts from nothing when an earlier config never ends, without reading it whole', () => {
    const home = mkdtempSync(join(tmpdir(), 'keyless-home-'));
    const merged = JSON.parse(dockerConfig([part('ghcr.io', auth('x-access-token', 'ghs_y'))], { HOME: home, REGISTRY_AUTH_FILE: '/proc/self/pagemap' })) as Record<string, unknown>;
    expect(merged.auths).toEqual({ 'ghcr.io': { auth: auth('x-access-token', 'ghs_y') } });
  });

  it('finds the earlier config where the Docker CLI does: USERPROFILE on Windows, HOME elsewhere', () => {
    const homes = Object.fromEntries(['unix', 'windows'].map((name) => {
      const home = mkdtempSync(join(tmpdir(), `keyless-home-${name}-`));
      mkdirSync(join(home, '.docker'));
      writeFileSync(join(home, '.docker', 'config.json'), JSON.stringify({ auths: { [`${name}.example`]: { auth: 'b2xkOm9sZA==' } } }));
      return [name, home];
    }));
    const env = { HOME: homes.unix, USERPROFILE: homes.windows };
    const hosts = (platform: NodeJS.Platform) => Object.keys((JSON.parse(dockerConfig([part('ghcr.io', 'eDp5')], env, platform)) as { auths: object }).auths);
    expect(hosts('win32')).toEqual(['windows.example', 'ghcr.io']);
    expect(hosts('linux')).toEqual(['unix.example', 'ghcr.io']);
    expect(hosts('darwin')).toEqual(['unix.example', 'ghcr.io']);
  });

  it('carries over the logins of an earlier REGISTRY_AUTH_FILE, which it replaces for podman', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyless-podman-'));
    writeFileSync(join(dir, 'auth.json'), JSON.stringify({ auths: { 'quay.io': { auth: 'cTpx' } } }));
    const merged = JSON.parse(dockerConfig([part('ghcr.io', 'eDp5')], { DOCKER_CONFIG: dir, REGISTRY_AUTH_FILE: join(dir, 'auth.json') })) as { auths: unknown };
    expect(merged.auths).toEqual({ 'quay.io': { auth: 'cTpx' }, 'ghcr.io': { auth: 'eDp5' } });
  });

  it('starts empty without an earlier config, or with an unreadable one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyless-docker-'));
    const login = part('ghcr.io', 'eDp5');
    expect(JSON.parse(dockerConfig([login], { DOCKER_CONFIG: dir }))).toEqual({ auths: { 'ghcr.io': { auth: 'eDp5' } }, cliPluginsExtraDirs: [join(dir, 'cli-plugins')] });
    writeFileSync(join(dir, 'config.json'), '{not json');
    expect((JSON.parse(dockerConfig([login], { DOCKER_CONFIG: dir })) as { auths: unknown }).auths).toEqual({ 'ghcr.io': { auth: 'eDp5' } });
  });
});

describe('docker config from a hostile earlier step', () => {
  const write = (config: unknown) => {
    const dir = mkdtempSync(join(tmpdir(), 'keyless-hostile-'));
    writeFileSync(join(dir, 'config.json'), typeof config === 'string' ? config : JSON.stringify(config));
    return dir;
  };

  it('drops every spelling of auths, credsStore and credHelpers that Go would read after ours', () => {
    const dir = write({
      Auths: { 'ghcr.io': { auth: 'ZXZpbDpldmls' } },
      AUTHS: { 'ghcr.io': { auth: 'ZXZpbDpldmls' } },
      CredsStore: 'evil',
      'CREDS\u017FTORE': 'evil',
      credsſtore: 'evil',
      CREDHELPERS: { 'ghcr.io': 'evil' },
      'AUTH\u017F': { 'ghcr.io': { auth: 'ZXZpbDpldmls' } },
      detachKeys: 'ctrl-x',
    });
    const merged = JSON.parse(dockerConfig([part('ghcr.io', 'eDp5')], { DOCKER_CONFIG: dir })) as Record<string, unknown>;
    expect(Object.keys(merged).sort()).toEqual(['auths', 'cliPluginsExtraDirs', 'detachKeys']);
    expect(merged.auths).toEqual({ 'ghcr.io': { auth: 'eDp5' } });
  });

  it('drops a helper or an old login for a host Keyless logs in to, however the host is written', () => {
    const dir = write({
      auths: { 'https://GHCR.io/v2/': { auth: 'ZXZpbDpldmls' }, 'quay.io': { auth: 'cTpx' } },
      credHelpers: { 'GHCR.IO': 'evil', 'https://ghcr.io': 'evil', 'quay.io': '../../tmp/evil', 'gcr.io': 'gcloud' },
    });
    const merged = JSON.parse(dockerConfig([part('ghcr.io', 'eDp5')], { DOCKER_CONFIG: dir })) as Record<string, unknown>;
    expect(merged.auths).toEqual({ 'quay.io': { auth: 'cTpx' }, 'ghcr.io': { auth: 'eDp5' } });
    expect(merged.credHelpers).toEqual({ 'gcr.io': 'gcloud' });
  });

  it('ignores values of the wrong type instead of spreading them', () => {
    const dir = write({ auths: 'abc', credHelpers: ['x'], cliPluginsExtraDirs: [1, '/opt/p', { a: 1 }] });
    const merged = JSON.parse(dockerConfig([part('ghcr.io', 'eDp5')], { DOCKER_CONFIG: dir })) as Record<string, unknown>;
    expect(merged).toEqual({ auths: { 'ghcr.io': { auth: 'eDp5' } }, cliPluginsExtraDirs: ['/opt/p', join(dir, 'cli-plugins')] });
  });

  it('starts empty from a config nested too deep to write back, or too large to be one', () => {
    const deep = write(`{"a":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    expect(JSON.parse(dockerConfig([part('ghcr.io', 'eDp5')], { DOCKER_CONFIG: deep }))).toEqual({ auths: { 'ghcr.io': { auth: 'eDp5' } }, cliPluginsExtraDirs: [join(deep, 'cli-plugins')] });
    const large = write({ detachKeys: 'x'.repeat(2 << 20) });
    expect(JSON.parse(dockerConfig([part('ghcr.io', 'eDp5')], { DOCKER_CONFIG: large }))).not.toHaveProperty('detachKeys');
  });
});
