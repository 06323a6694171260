import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { runStep } from '../fakes/runner-harness.js';
import { type RunnerOidcFake, startRunnerOidc } from '../fakes/runner-oidc.js';
import { startSpiffeWorkloadApi, WORKLOAD_ID } from '../fakes/spiffe-workload-api.js';
import { actionYml, dist, errorCodes, oidcAudiences, tokenRequests, world } from './setup.js';

// Subject tokens that do not come from the GitHub runner: a projected Kubernetes service-account token in a
// file, a CI system's token in a variable, a JWT-SVID from a SPIRE agent. The STS fake verifies each against
// its own issuer's JWKS, so a token that reached it unchanged is the one the source gave.

const K8S_CLAIMS = { sub: 'system:serviceaccount:ci:deploy', 'kubernetes.io': { namespace: 'ci', serviceaccount: { name: 'deploy' } } };

/** A token from an issuer that is not the runner (the fake's own request API stands in for the kubelet or GitLab). */
async function mint(issuer: RunnerOidcFake, audience: string): Promise<string> {
  const url = new URL(issuer.requestUrl);
  url.searchParams.set('audience', audience);
  const response = await fetch(url, { headers: { authorization: `Bearer ${issuer.requestToken}` } });
  return ((await response.json()) as { value: string }).value;
}

async function kubernetesWorld() {
  const w = await world();
  const k8s = w.adoptIssuer(await startRunnerOidc(K8S_CLAIMS));
  const sts = await w.addServer({ trustedIssuer: k8s.issuer });
  return { w, k8s, sts };
}

const entry = (endpoint: string, keys: string) => `- provider: rfc8693\n  token-endpoint: ${endpoint}\n${keys}`;

describe('subject-token-source: file', () => {
  it('exchanges the token in the file, asks the runner for nothing, and reads the file again on the next run (rotation)', async () => {
    const { w, k8s, sts } = await kubernetesWorld();
    const file = join(w.job.root, 'projected-token');
    writeFileSync(file, await mint(k8s, sts.issuer));
    const credentials = entry(sts.tokenEndpoint, `  subject-token-source: file\n  subject-token-file: ${file}`);
    const first = await w.main({ credentials });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.env.KEYLESS_TOKEN).toBe(sts.issued[0]);
    expect(oidcAudiences(w.runner)).toEqual([]);
    expect(first.stdout).toContain(`Subject token from file ${file} for audience "${sts.issuer}" from ${k8s.issuer}: sub=system:serviceaccount:ci:deploy`);
    expect(new URLSearchParams(tokenRequests(sts)[0]?.body).get('subject_token')).toBe(k8s.issued[0]);

    // The kubelet rotated the token: the next exchange presents the new one.
    writeFileSync(file, await mint(k8s, sts.issuer));
    const second = await w.main({ credentials });
    expect(second.code).toBe(0);
    expect(new URLSearchParams(tokenRequests(sts)[1]?.body).get('subject_token')).toBe(k8s.issued[1]);
    w.expectNoLeaks([first, second]);
  });

  it('refuses a file token meant for another audience before any exchange', async () => {
    const { w, k8s, sts } = await kubernetesWorld();
    const file = join(w.job.root, 'token');
    writeFileSync(file, await mint(k8s, 'https://vault.example.com'));
    const main = await w.main({ credentials: entry(sts.tokenEndpoint, `  subject-token-source: file\n  subject-token-file: ${file}`) });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['OIDC_REQUEST_FAILED']);
    expect(main.stdout).toContain(`is not meant for audience "${sts.issuer}" (it has aud "https://vault.example.com")`);
    expect(tokenRequests(sts)).toEqual([]);
    w.expectNoLeaks([main]);
  });

  it('require-claims judges the file token, and shows that token\'s claims', async () => {
    const { w, k8s, sts } = await kubernetesWorld();
    const file = join(w.job.root, 'token');
    writeFileSync(file, await mint(k8s, sts.issuer));
    const main = await w.main({
      credentials: entry(sts.tokenEndpoint, `  subject-token-source: file\n  subject-token-file: ${file}`),
      'require-claims': 'sub: system:serviceaccount:prod:*',
    });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['CLAIMS_REFUSED']);
    expect(main.stdout).toContain(`the subject token from file ${file} does not meet require-claims: sub is "system:serviceaccount:ci:deploy", allowed: "system:serviceaccount:prod:*"`);
    expect(tokenRequests(sts)).toEqual([]);
    w.expectNoLeaks([main]);
  });

  // A link planted where the entry looks (a workspace path an earlier step or a pull request controls) to a
  // regular file of size 0 whose end lies 256 GiB away: read whole, it froze the step, and its signal handlers.
  it.runIf(existsSync('/proc/self/pagemap'))('refuses a file that never ends without reading it whole', async () => {
    const { w, sts } = await kubernetesWorld();
    const file = join(w.job.root, 'token');
    symlinkSync('/proc/self/pagemap', file);
    const main = await w.main({ credentials: entry(sts.tokenEndpoint, `  subject-token-source: file\n  subject-token-file: ${file}`) }, {}, (child) => {
      setTimeout(() => child.kill('SIGKILL'), 30_000).unref();
    });
    expect(main.signal).toBeNull();
    expect(main.code).toBe(1);
    // Linux refuses a read of pagemap that is not a multiple of 8 bytes (EINVAL): either refusal is quick.
    expect(errorCodes(main)).toEqual([expect.stringMatching(/^INPUT_(TOO_LARGE|INVALID)$/)]);
    expect(main.elapsedMs).toBeLessThan(20_000);
    expect(tokenRequests(sts)).toEqual([]);
    w.expectNoLeaks([main]);
  });
});

describe('keyless refresh from another source', () => {
  it('renews a token file from the rotated projected token, not from the runner', async () => {
    const { w, k8s } = await kubernetesWorld();
    const source = join(w.job.root, 'projected-token');
    const target = join(w.job.root, 'sdk-token');
    writeFileSync(source, await mint(k8s, 'sts.amazonaws.com'));
    writeFileSync(target, readFileSync(source));
    writeFileSync(source, await mint(k8s, 'sts.amazonaws.com'));
    const cli = join(dist, 'cli.js');
    const refreshed = await runStep(cli, { ...w.options({}), args: ['refresh', '--file', target, '--subject-token-source', 'file', '--subject-token-file', source], actionYml });
    expect(refreshed.stderr).toBe('');
    expect(refreshed.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(k8s.issued[1]);
    expect(oidcAudiences(w.runner)).toEqual([]);

    const misused = await runStep(cli, { ...w.options({}), args: ['refresh', '--file', target, '--subject-token-file', source], actionYml });
    expect(misused.code).toBe(2);
    expect(misused.stdout + misused.stderr).toContain('--subject-token-file is only read with subject-token-source: file');
    w.expectNoLeaks([refreshed, misused]);
  });
});

describe('subject-token-source: env', () => {
  it('exchanges the JWT a CI system put in a variable (GitLab id_tokens), masked first', async () => {
    const w = await world();
    const gitlab = w.adoptIssuer(await startRunnerOidc({ sub: 'project_path:acme/widget:ref_type:branch:ref:main', project_path: 'acme/widget' }));
    const sts = await w.addServer({ trustedIssuer: gitlab.issuer });
    const token = await mint(gitlab, sts.issuer);
    const main = await w.main(
      { credentials: entry(sts.tokenEndpoint, '  subject-token-source: env\n  subject-token-env: KEYLESS_ID_TOKEN'), 'require-claims': 'project_path: acme/widget' },
      { KEYLESS_ID_TOKEN: token },
    );
    expect(main.stderr).toBe('');
    expect(main.code).toBe(0);
    expect(main.env.KEYLESS_TOKEN).toBe(sts.issued[0]);
    expect(main.lines.findIndex((line) => line.includes(token))).toBe(main.lines.indexOf(`::add-mask::${token}`));
    expect(oidcAudiences(w.runner)).toEqual([]);
    w.expectNoLeaks([main]);
  });

  it('require-claims refuses on the variable\'s token, naming the variable', async () => {
    const w = await world();
    const circle = w.adoptIssuer(await startRunnerOidc({ sub: 'org/1/project/2/user/3', 'oidc.circleci.com/project-id': '2' }));
    const sts = await w.addServer({ trustedIssuer: circle.issuer });
    const main = await w.main(
      { credentials: entry(sts.tokenEndpoint, '  subject-token-source: env\n  subject-token-env: CIRCLE_OIDC_TOKEN'), 'require-claims': 'oidc.circleci.com/project-id: "9"' },
      { CIRCLE_OIDC_TOKEN: await mint(circle, sts.issuer) },
    );
    expect(errorCodes(main)).toEqual(['CLAIMS_REFUSED']);
    expect(main.stdout).toContain('the subject token from variable CIRCLE_OIDC_TOKEN does not meet require-claims: oidc.circleci.com/project-id is "2", allowed: "9"');
    w.expectNoLeaks([main]);
  });
});

describe('subject-token-source: spiffe', () => {
  async function spiffeWorld() {
    const w = await world();
    const spire = w.adoptIssuer(await startSpiffeWorkloadApi());
    const sts = await w.addServer({ trustedIssuer: spire.issuer });
    const credentials = entry(sts.tokenEndpoint, '  subject-token-source: spiffe');
    return { w, spire, sts, credentials, env: { SPIFFE_ENDPOINT_SOCKET: spire.endpoint } };
  }

  it('exchanges a JWT-SVID for the entry\'s audience, fetched over the Workload API with its security header', async () => {
    const { w, spire, sts, credentials, env } = await spiffeWorld();
    const main = await w.main({ credentials, 'require-claims': `sub: ${WORKLOAD_ID}` }, env);
    expect(main.stderr).toBe('');
    expect(main.code).toBe(0);
    expect(main.env.KEYLESS_TOKEN).toBe(sts.issued[0]);
    expect(spire.requests).toEqual([{ audience: [sts.issuer], spiffeId: '', securityHeader: ['true'] }]);
    // The audit record says who the workload was, from the SVID, and where that token came from.
    const audit = JSON.parse(readFileSync(main.outputs['audit-file'] ?? '', 'utf8')) as { identity: Record<string, string>; exchanges: Record<string, string>[] };
    expect(audit.identity).toEqual({ iss: spire.issuer, sub: WORKLOAD_ID });
    expect(audit.exchanges[0]).toMatchObject({ id: 'rfc8693', subjectToken: 'the SPIFFE Workload API', outcome: 'issued' });
    expect(new URLSearchParams(tokenRequests(sts)[0]?.body).get('subject_token')).toBe(spire.issued[0]);
    expect(oidcAudiences(w.runner)).toEqual([]);
    w.expectNoLeaks([main]);
  });

  it('refuses an SVID the agent signed for another audience, before any exchange', async () => {
    const { w, spire, sts, credentials, env } = await spiffeWorld();
    spire.faults.push({ kind: 'audience', audience: 'https://other.example.com' });
    const main = await w.main({ credentials }, env);
    expect(errorCodes(main)).toEqual(['OIDC_REQUEST_FAILED']);
    expect(main.stdout).toContain(`is not meant for audience "${sts.issuer}"`);
    expect(tokenRequests(sts)).toEqual([]);
    w.expectNoLeaks([main]);
  });

  it('an entry whose audience the STS does not accept is refused by the STS, with the SVID\'s claims shown', async () => {
    const { w, sts, env } = await spiffeWorld();
    const main = await w.main({ credentials: entry(sts.tokenEndpoint, '  subject-token-source: spiffe\n  oidc-audience: https://wrong.example.com') }, env);
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain(`sub="${WORKLOAD_ID}" aud=["https://wrong.example.com"]`);
    w.expectNoLeaks([main]);
  });

  it('PermissionDenied from the Workload API says the workload has no registration entry', async () => {
    const { w, spire, sts, credentials, env } = await spiffeWorld();
    spire.faults.push({ kind: 'status', code: status.PERMISSION_DENIED, message: 'no identity issued' });
    const main = await w.main({ credentials }, env);
    expect(errorCodes(main)).toEqual(['OIDC_PERMISSION_MISSING']);
    expect(main.stdout).toContain('refused the JWT-SVID request (gRPC status 7: no identity issued)');
    expect(main.stdout).toContain('registration entry');
    expect(tokenRequests(sts)).toEqual([]);
    w.expectNoLeaks([main]);
  });

  it('says so when no agent listens at SPIFFE_ENDPOINT_SOCKET, or it is unset', async () => {
    const { w, spire, credentials } = await spiffeWorld();
    const absent = await w.main({ credentials }, { SPIFFE_ENDPOINT_SOCKET: `${spire.endpoint}.absent` });
    expect(errorCodes(absent)).toEqual(['HTTP_NETWORK']);
    expect(absent.stdout).toContain(`the SPIFFE Workload API at ${spire.endpoint}.absent cannot be reached (ENOENT)`);
    const unset = await w.main({ credentials });
    expect(errorCodes(unset)).toEqual(['OIDC_REQUEST_FAILED']);
    expect(unset.stdout).toContain('SPIFFE_ENDPOINT_SOCKET is not set');
    w.expectNoLeaks([absent, unset]);
  });
});
