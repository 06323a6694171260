import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authField, mergeConfigs, startingConfig, withLogins } from '../../../src/providers/docker-config.js';

describe('docker config', () => {
  it('keeps the job\'s earlier config but its credential store, and reaches its cli-plugins', () => {
    const home = mkdtempSync(join(tmpdir(), 'keyless-home-'));
    mkdirSync(join(home, '.docker'));
    writeFileSync(join(home, '.docker', 'config.json'), JSON.stringify({
      auths: { 'docker.io': { auth: 'b2xkOm9sZA==' } },
      credsStore: 'desktop',
      credHelpers: { 'us-docker.pkg.dev': 'gcloud', 'europe-docker.pkg.dev': 'gcloud' },
      cliPluginsExtraDirs: ['/opt/plugins'],
    }));
    const base = startingConfig({ HOME: home });
    expect(base.credsStore).toBeUndefined();
    expect(base.cliPluginsExtraDirs).toEqual(['/opt/plugins', join(home, '.docker', 'cli-plugins')]);
    const gar = withLogins(base, { 'us-docker.pkg.dev': authField('oauth2accesstoken', 'ya29.x') });
    const ghcr = withLogins(base, { 'ghcr.io': authField('x-access-token', 'ghs_y') });
    const merged = JSON.parse(mergeConfigs([gar, ghcr])) as Record<string, Record<string, unknown>>;
    expect(merged.auths).toEqual({
      'docker.io': { auth: 'b2xkOm9sZA==' },
      'us-docker.pkg.dev': { auth: Buffer.from('oauth2accesstoken:ya29.x').toString('base64') },
      'ghcr.io': { auth: Buffer.from('x-access-token:ghs_y').toString('base64') },
    });
    // The helper for the host logged in to would win over auths; the other host keeps its helper.
    expect(merged.credHelpers).toEqual({ 'europe-docker.pkg.dev': 'gcloud' });
  });

  it('starts empty without an earlier config, or with an unreadable one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyless-docker-'));
    expect(startingConfig({ DOCKER_CONFIG: dir })).toEqual({ cliPluginsExtraDirs: [join(dir, 'cli-plugins')] });
    writeFileSync(join(dir, 'config.json'), '{not json');
    expect(startingConfig({ DOCKER_CONFIG: dir }).auths).toBeUndefined();
  });
});
