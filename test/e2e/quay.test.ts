import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectMode } from '../fakes/host.js';
import { type QuayOptions, startQuay } from '../fakes/quay.js';
import type { StepRun } from '../fakes/runner-harness.js';
import { errorCodes, oidcAudiences, world } from './setup.js';

const ROBOT = 'acme+github_ci';
const SUBJECT = 'repo:acme/widget:ref:refs/heads/main';

async function quayWorld(options: Partial<QuayOptions> = {}) {
  const w = await world();
  const robots = { [ROBOT]: [{ issuer: w.runner.issuer, subject: SUBJECT }] };
  const quay = w.adopt(await startQuay({ trustedIssuer: w.runner.issuer, robots, ...options }));
  const entry = (extra = '') => `- provider: quay\n  url: ${quay.url}\n  robot: ${ROBOT}${extra}`;
  return { ...w, quay, host: new URL(quay.url).host, entry };
}

function masked(run: StepRun): string[] {
  return run.lines.filter((line) => line.startsWith('::add-mask::')).map((line) => line.slice('::add-mask::'.length));
}

function errorLines(run: StepRun): string[] {
  return run.lines.filter((line) => line.startsWith('::error::'));
}

describe('provider: quay', () => {
  it('signs the robot in with the runner token, logs in to the registry in the docker config, and deletes it at post', async () => {
    const w = await quayWorld();
    const credentials = w.entry('\n  export: [env, outputs]');
    const main = await w.main({ credentials });
    expect(main.code, main.stdout).toBe(0);
    // The instance's origin: Quay checks no audience, so the token is good for nothing that does.
    expect(oidcAudiences(w.runner)).toEqual([w.quay.url]);
    expect(w.quay.authorizations).toEqual([`Basic ${Buffer.from(`${ROBOT}:${w.runner.issued[0] ?? ''}`).toString('base64')}`]);
    const [token] = w.quay.issued;
    const path = join(main.env.DOCKER_CONFIG ?? '', 'config.json');
    expectMode(path, 0o600);
    const auth = Buffer.from(`${ROBOT}:${token ?? ''}`).toString('base64');
    expect((JSON.parse(readFileSync(path, 'utf8')) as { auths: unknown }).auths).toEqual({ [w.host]: { auth } });
    expect(main.env.REGISTRY_AUTH_FILE).toBe(path);
    // The token, its docker form and the Basic form of the runner token it was bought with.
    expect(masked(main)).toEqual(expect.arrayContaining([token, auth, Buffer.from(`${ROBOT}:${w.runner.issued[0] ?? ''}`).toString('base64')]));
    expect(masked(main)).not.toContain(ROBOT);
    expect(main.outputs['quay-username']).toBe(ROBOT);
    expect(main.outputs['quay-host']).toBe(w.host);
    expect(main.outputs['quay-password']).toBe(token);
    expect(main.outputs['quay-principal']).toBe(`${ROBOT} at ${w.host}`);
    const lifetime = Date.parse(main.outputs['quay-expires-at'] ?? '') - Date.now();
    expect(lifetime).toBeGreaterThan(55 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(3600_000);
    const post = await w.post({ credentials }, main);
    expect(post.code).toBe(0);
    expect(existsSync(path)).toBe(false);
    expect(post.stdout).toContain('· not revocable quay "quay": Quay offers no revocation of a federated robot token');
    w.expectNoLeaks([main, post], { env: true, outputs: true });
  });

  it('names the issuer and subject to add to the robot when its federation does not list them', async () => {
    const w = await quayWorld({ robots: { [ROBOT]: [{ issuer: 'https://token.actions.githubusercontent.com', subject: 'repo:acme/widget:environment:prod' }] } });
    const main = await w.main({ credentials: w.entry() });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    const [error] = errorLines(main);
    expect(error).toContain(`HTTP 401: issuer ${w.runner.issuer} not configured for this robot`);
    expect(error).toContain(`sub="${SUBJECT}"`);
    expect(error).toContain(`open the robot account ${ROBOT} → Set robot federation, and add an entry with issuer "${w.runner.issuer}" and subject "${SUBJECT}"`);
    expect(w.quay.requests).toHaveLength(1);
    expect(main.env).toEqual({});
    w.expectNoLeaks([main]);
  });

  it('refuses an answer whose token is missing, not a JWT, or would break the docker config', async () => {
    const runs: StepRun[] = [];
    for (const [answer, said] of [
      [{ error: null }, 'answered without a token'],
      [{ token: 'not a jwt' }, 'answered a token in a form that is not a compact JWT'],
      [{ token: 'a.b.c\n{"auths":{}}' }, 'answered a token in a form that is not a compact JWT'],
    ] as const) {
      const w = await quayWorld({ answer });
      const main = await w.main({ credentials: w.entry() });
      runs.push(main);
      expect(errorCodes(main)).toEqual(['HTTP_BAD_RESPONSE']);
      expect(errorLines(main)[0]).toContain(`Quay at ${w.quay.url} ${said}`);
      expect(main.env).toEqual({});
      w.expectNoLeaks([main]);
    }
    expect(runs).toHaveLength(3);
  });

  it('refuses a robot name Quay cannot have, and a URL with a path, before any request', async () => {
    const w = await quayWorld();
    const main = await w.main({ credentials: `- provider: quay\n  url: ${w.quay.url}/api/v1\n  robot: github_ci` });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toContain('credentials[0].robot (line 3): is not a robot account as Quay names it, NAMESPACE+ROBOT (e.g. acme+github_ci)');
    expect(main.stdout).toContain('credentials[0].url (line 2): has a path, query or fragment: give the Quay origin alone');
    expect(w.runner.issued).toHaveLength(0);
    w.expectNoLeaks([main]);
  });
});
