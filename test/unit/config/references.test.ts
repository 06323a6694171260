import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { KeylessError } from '../../../src/errors.js';

const workspace = mkdtempSync(join(tmpdir(), 'keyless-ws-'));
const gcp = '- provider: gcp\n  id: gcp\n  workload-identity-provider: projects/123456/locations/global/workloadIdentityPools/github/providers/acme';
const aws = '- provider: aws\n  id: aws\n  role: arn:aws:iam::123456789012:role/deploy\n  region: eu-west-1';
const github = '- provider: github\n  id: github\n  sts-url: https://sts.example.com\n  scope: acme/app\n  identity: deploy';

function messageOf(credentials: string): string {
  try {
    loadConfig({ credentials }, workspace);
  } catch (error) {
    expect(error).toBeInstanceOf(KeylessError);
    return (error as KeylessError).message;
  }
  throw new Error('expected a configuration error');
}

describe('registry entries and from:', () => {
  it('takes no OIDC audience and records the entry it builds on', () => {
    const config = loadConfig({ credentials: `${gcp}\n  export: none\n- provider: registry\n  kind: gar\n  host: us-docker.pkg.dev\n  from: gcp` }, workspace);
    const [cloud, registry] = config.credentials;
    expect(registry).toMatchObject({ id: 'registry', from: 'gcp' });
    expect(registry?.oidcAudience).toBeUndefined();
    expect(cloud?.exports.size).toBe(0);
  });

  it('names an unknown id with the closest one', () => {
    expect(messageOf(`${gcp}\n- provider: registry\n  kind: gar\n  host: us-docker.pkg.dev\n  from: gpc`)).toContain('credentials[1].from (line 7): is not the id of any entry (did you mean "gcp"?)');
  });

  it('refuses an entry of the wrong provider', () => {
    expect(messageOf(`${aws}\n- provider: registry\n  kind: gar\n  host: us-docker.pkg.dev\n  from: aws`)).toContain('"aws" is an aws entry; this registry entry builds on gcp');
  });

  it('refuses a cycle', () => {
    const message = messageOf('- provider: registry\n  id: a\n  kind: gar\n  host: gcr.io\n  from: b\n- provider: registry\n  id: b\n  kind: gar\n  host: gcr.io\n  from: a');
    expect(message).toContain('forms a cycle: a → b → a');
    expect(message).toContain('forms a cycle: b → a → b');
  });

  it('refuses an OIDC audience, a missing or misshapen host, and an endpoint where nothing is exchanged', () => {
    const message = messageOf(`${gcp}\n- provider: registry\n  kind: gar\n  from: gcp\n  oidc-audience: x\n  endpoint: https://x.example\n- provider: registry\n  id: acr\n  kind: acr\n  host: https://foo.azurecr.io\n  from: gcp`);
    expect(message).toContain('a registry entry with from: takes no OIDC token');
    expect(message).toContain('host: is required for kind gar');
    expect(message).toContain('endpoint (line 8): applies to acr and ecr only');
    expect(message).toContain('credentials[2].host (line 12): item 1 is not a registry host');
  });

  it('checks the host against the kind', () => {
    expect(messageOf(`${github}\n- provider: registry\n  kind: ghcr\n  host: [ghcr.io, docker.io]\n  from: github`)).toContain(
      'item 2 is Docker Hub, which takes no GitHub token: name the registry that issued it, and log in to Docker Hub with docker/login-action',
    );
    expect(messageOf(`${aws}\n- provider: registry\n  kind: ecr\n  host: 123.dkr.ecr.example.com\n  from: aws`)).toContain('is not ACCOUNT.dkr.ecr.REGION.amazonaws.com or public.ecr.aws');
  });

  it('refuses export: none beside another target', () => {
    expect(messageOf(`${gcp}\n  export: [none, env]`)).toContain('export (line 4): has an item not one of env, outputs, file, exec (or none, alone)');
  });
});
