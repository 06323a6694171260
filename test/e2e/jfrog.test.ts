import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type JfrogOptions, startJfrog } from '../fakes/jfrog.js';
import { LONG, PAYLOADS } from '../fakes/hostile.js';
import { expectMode } from '../fakes/host.js';
import type { StepRun } from '../fakes/runner-harness.js';
import { foreignCommands } from './hostile-checks.js';
import { errorCodes, oidcAudiences, world } from './setup.js';

const MAPPING = { claims: { repository: 'acme/widget', ref: 'refs/heads/main' }, username: 'github-ci' };

async function jfrogWorld(options: Partial<JfrogOptions> = {}) {
  const w = await world();
  const jfrog = w.adopt(await startJfrog({ trustedIssuer: w.runner.issuer, providerName: 'github', mapping: MAPPING, ...options }));
  const entry = (extra = '') => `- provider: jfrog\n  url: ${jfrog.url}\n  provider-name: github${extra}`;
  return { ...w, jfrog, entry };
}

function masked(run: StepRun): string[] {
  return run.lines.filter((line) => line.startsWith('::add-mask::')).map((line) => line.slice('::add-mask::'.length));
}

/** The `::error::` lines: what the user reads when the step fails. */
function errorLines(run: StepRun): string[] {
  return run.lines.filter((line) => line.startsWith('::error::'));
}

describe('provider: jfrog', () => {
  it('exchanges the runner token for an access token, exports JF_URL and JF_ACCESS_TOKEN, and revokes it at post', async () => {
    const w = await jfrogWorld({ mapping: { ...MAPPING, expiresIn: 7 * 3600 } });
    const { main, post } = await w.job2({ credentials: w.entry('\n  project: acme-app') });
    expect(main.code, main.stdout).toBe(0);
    // The platform's origin, not GitHub's default audience shared by every relying party that takes it.
    expect(oidcAudiences(w.runner)).toEqual([w.jfrog.url]);
    // Exactly Access's fields: no usage-tracking gh_* fields, nothing about the repository beyond the token.
    expect(w.jfrog.exchanges).toEqual([
      {
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
        subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
        subject_token: w.runner.issued[0],
        provider_name: 'github',
        project_key: 'acme-app',
      },
    ]);
    const [token] = w.jfrog.issued;
    expect(main.env).toEqual({ JF_URL: `${w.jfrog.url}/`, JF_ACCESS_TOKEN: token });
    expect(masked(main)).toContain(token);
    // The username is the identity mapping's, not a secret: never masked (a short one would blank a word in every later line).
    expect(masked(main)).not.toContain('github-ci');
    expect(main.outputs['jfrog-username']).toBe('github-ci');
    expect(Date.parse(main.outputs['jfrog-expires-at'] ?? '') - Date.now()).toBeGreaterThan(6.9 * 3600_000);
    expect(main.outputs['jfrog-principal']).toBe(`github-ci on ${new URL(w.jfrog.url).host} (project acme-app)`);
    expect(main.outputs).not.toHaveProperty('jfrog-access-token');
    expect(post.code).toBe(0);
    expect(w.jfrog.revoked).toEqual(new Set([token]));
    expect(w.jfrog.requests.at(-1)?.headers.authorization).toBe(`Bearer ${token ?? ''}`);
    expect(post.stdout).toContain('✓ revoked jfrog "jfrog"');
    w.expectNoLeaks([main, post]);
  });

  it('says at post why a token shorter-lived than Access\'s revocable threshold cannot be revoked, with its expiry', async () => {
    const w = await jfrogWorld();
    const { main, post } = await w.job2({ credentials: w.entry() });
    expect(main.code, main.stdout).toBe(0);
    expect(post.code).toBe(0);
    expect(w.jfrog.revoked.size).toBe(0);
    expect(post.stdout).toContain('· not revocable jfrog "jfrog": JFrog keeps no revocable record of a token that lives less than');
    expect(post.stdout).toContain(`(expires ${main.outputs['jfrog-expires-at'] ?? '?'})`);
    w.expectNoLeaks([main, post]);
  });

  it('logs in to the docker hosts with the username and the token, in the shared docker config post deletes', async () => {
    const w = await jfrogWorld();
    const host = new URL(w.jfrog.url).host;
    const credentials = w.entry(`\n  docker-hosts: [${host}, acme-docker-local.jfrog.io]\n  export: [env, outputs]`);
    const main = await w.main({ credentials });
    expect(main.code, main.stdout).toBe(0);
    const [token] = w.jfrog.issued;
    const dir = main.env.DOCKER_CONFIG ?? '';
    const path = join(dir, 'config.json');
    expect(main.env.REGISTRY_AUTH_FILE).toBe(path);
    expectMode(path, 0o600);
    const { auths } = JSON.parse(readFileSync(path, 'utf8')) as { auths: Record<string, { auth: string }> };
    const auth = Buffer.from(`github-ci:${token ?? ''}`).toString('base64');
    expect(auths[host]).toEqual({ auth });
    expect(auths['acme-docker-local.jfrog.io']).toEqual({ auth });
    expect(masked(main)).toContain(auth);
    expect(main.outputs['jfrog-access-token']).toBe(token);
    const post = await w.post({ credentials }, main);
    expect(existsSync(path)).toBe(false);
    w.expectNoLeaks([main, post], { env: true, outputs: true });
  });

  it('takes the username from the token\'s sub when Access leaves it out, as setup-jfrog-cli does', async () => {
    const w = await jfrogWorld({ omitUsername: true, mapping: { ...MAPPING, username: 'ci@acme.example' } });
    const main = await w.main({ credentials: w.entry() });
    expect(main.code, main.stdout).toBe(0);
    expect(main.outputs['jfrog-username']).toBe('ci@acme.example');
    w.expectNoLeaks([main]);
  });

  it('prints the claims and points at the identity mappings when none matches, without retrying', async () => {
    const w = await jfrogWorld({ mapping: { ...MAPPING, claims: { repository: 'acme/other' } } });
    const main = await w.main({ credentials: w.entry() });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    const [error] = errorLines(main);
    expect(error).toContain('HTTP 401: UNAUTHORIZED No identity mapping matches the token claims');
    expect(error).toContain('sub="repo:acme/widget:ref:refs/heads/main"');
    expect(error).toContain('repository="acme/widget"');
    expect(error).toContain('no identity mapping of the OIDC integration "github" matches this token');
    expect(w.jfrog.requests).toHaveLength(1);
    expect(main.env).toEqual({});
    w.expectNoLeaks([main]);
  });

  it('says the provider name is unknown (or Access too old) on a 404', async () => {
    const w = await jfrogWorld({ providerName: 'github-actions' });
    const main = await w.main({ credentials: w.entry() });
    expect(errorCodes(main)).toEqual(['EXCHANGE_FAILED']);
    const [error] = errorLines(main);
    expect(error).toContain("HTTP 404: NOT_FOUND OIDC integration 'github' was not found");
    expect(error).toContain('there is no OIDC integration named "github" on');
    expect(error).toContain('older than 7.73');
    w.expectNoLeaks([main]);
  });

  it('says to set oidc-audience when the integration checks another audience', async () => {
    const w = await jfrogWorld({ audience: 'jfrog-github' });
    const refused = await w.main({ credentials: w.entry() });
    expect(errorCodes(refused)).toEqual(['EXCHANGE_FAILED']);
    expect(errorLines(refused)[0]).toContain('HTTP 400: BAD_REQUEST Invalid audience — set oidc-audience to the Audience of the OIDC integration');
    const main = await w.main({ credentials: w.entry('\n  oidc-audience: jfrog-github') });
    expect(main.code, main.stdout).toBe(0);
    w.expectNoLeaks([refused, main]);
  });

  it('refuses an answer without access_token, one that is not JSON, and a username that would break the docker login', async () => {
    const w = await jfrogWorld();
    w.jfrog.faults.push({ kind: 'status', status: 200, body: { token_type: 'Bearer', expires_in: 3600, username: 'github-ci' } });
    const missing = await w.main({ credentials: w.entry() });
    expect(errorCodes(missing)).toEqual(['HTTP_BAD_RESPONSE']);
    expect(errorLines(missing)[0]).toContain('answered without an access_token');

    w.jfrog.faults.push({ kind: 'html' });
    const html = await w.main({ credentials: w.entry() });
    expect(errorCodes(html)).toEqual(['HTTP_BAD_RESPONSE']);

    w.jfrog.filters.push((answer, req) => {
      if (req.method !== 'POST' || answer.status !== 200) return answer;
      return { ...answer, body: JSON.stringify({ ...(JSON.parse(answer.body) as object), username: 'evil:user\n::warning::x' }) };
    });
    const colon = await w.main({ credentials: w.entry('\n  docker-hosts: acme.jfrog.io') });
    expect(errorCodes(colon)).toEqual(['HTTP_BAD_RESPONSE']);
    expect(errorLines(colon)[0]).toContain('answered username in a form that is not printable ASCII without spaces or colons');
    expect(colon.env).toEqual({});
    // The refused answers issued tokens all the same: none of them may show anywhere.
    w.expectNoLeaks([missing, html, colon]);
  });

  it('quotes a huge, ANSI- and newline-laden error inert and bounded', async () => {
    const w = await jfrogWorld();
    const message = `${PAYLOADS.ansi}${PAYLOADS.lf}${PAYLOADS.crlf}${PAYLOADS.stop}${LONG}`;
    w.jfrog.faults.push({ kind: 'status', status: 403, body: { errors: [{ code: 'FORBIDDEN', message }, { code: `X${PAYLOADS.lineSeparator}`, message: PAYLOADS.percent }] } });
    const main = await w.main({ credentials: w.entry() });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(foreignCommands(main, 'main')).toEqual([]);
    expect(main.stdout).not.toContain('\u001b');
    expect(Math.max(...main.lines.map((line) => line.length))).toBeLessThan(4096);
    w.expectNoLeaks([main]);
  });

  it('reports a bad entry before any request: the Artifactory URL, an unknown key, two entries exporting JF_ACCESS_TOKEN', async () => {
    const w = await jfrogWorld();
    const credentials = [
      `- provider: jfrog\n  url: ${w.jfrog.url}/artifactory\n  provider-name: github`,
      `- provider: jfrog\n  id: other\n  url: ${w.jfrog.url}\n  provider-name: github\n  oidc-provider-name: github`,
      `- provider: jfrog\n  id: third\n  url: ${w.jfrog.url}\n  provider-name: github\n  docker-hosts: https://acme.jfrog.io`,
    ].join('\n');
    const main = await w.main({ credentials });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toContain('credentials[0].url (line 2): is the Artifactory URL');
    expect(main.stdout).toContain('credentials[1].oidc-provider-name (line 8): is jfrog/setup-jfrog-cli\'s input; Keyless calls it "provider-name"');
    expect(main.stdout).toContain('credentials[2].docker-hosts (line 13): item 1 is not a registry host');
    expect(w.jfrog.requests).toEqual([]);
    expect(oidcAudiences(w.runner)).toEqual([]);

    const twice = await w.main({ credentials: `${w.entry()}\n${w.entry('\n  id: second')}` });
    expect(errorCodes(twice)).toEqual(['INPUT_INVALID']);
    expect(twice.stdout).toContain('exports JF_URL and JF_ACCESS_TOKEN, as credentials[0] does');
    w.expectNoLeaks([main, twice]);
  });
});
