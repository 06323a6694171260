import { describe, expect, it } from 'vitest';
import type { StepRun } from '../fakes/runner-harness.js';
import { errorCodes, oidcAudiences, world } from './setup.js';

// Two invariants a runner's own masking would hide: Keyless redacts every line it prints itself (the raw
// stdout must not carry a secret outside its add-mask line, whatever the runner would do with it), and it
// registers every runner OIDC token it receives with `::add-mask::` before printing anything about it.

/** The lines of the step's stdout that show `secret` other than as its own `::add-mask::` line. */
function showing(run: StepRun, secret: string): string[] {
  return run.lines.filter((line) => line.includes(secret) && line !== `::add-mask::${secret}`);
}

describe('Keyless redacts what a server echoes back', () => {
  it('an error line quoting the OIDC request token shows *** in its place', async () => {
    const w = await world();
    w.runner.faults.push({ kind: 'status', status: 403, body: { message: `bearer ${w.runner.requestToken} may not request an id token` } });
    const main = await w.main({ credentials: `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}` });
    expect(errorCodes(main)).toEqual(['OIDC_REQUEST_FAILED']);
    expect(main.lines).toContain(`::add-mask::${w.runner.requestToken}`);
    expect(main.stdout).toContain('failed with HTTP 403: bearer *** may not request an id token');
    expect(showing(main, w.runner.requestToken)).toEqual([]);
    w.expectNoLeaks([main]);
  });

  it('an info line quoting a claim that carries the OIDC request token shows *** in its place', async () => {
    const w = await world();
    w.runner.claims.sub = `repo:acme/widget:${w.runner.requestToken}`;
    const main = await w.main({ credentials: `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}` });
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/^Runner OIDC token for audience .*: sub=repo:acme\/widget:\*\*\*, job_workflow_ref=/m);
    expect(showing(main, w.runner.requestToken)).toEqual([]);
  });

  it('a warning line of the post step quoting the credential it failed to revoke shows *** in its place', async () => {
    const w = await world();
    const credentials = `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}\n  revocation-endpoint: ${w.server.url}/revoke`;
    const main = await w.main({ credentials });
    expect(main.code).toBe(0);
    const [token = ''] = w.server.issued;
    w.server.faults.push({ kind: 'status', status: 400, body: { error: 'invalid_request', error_description: `token ${token} is not one of ours` } });
    const post = await w.post({ credentials }, main);
    expect(post.code).toBe(0);
    expect(post.lines).toContain(`::add-mask::${token}`);
    expect(post.stdout).toMatch(/^::warning::rfc8693 "rfc8693": revocation endpoint .* answered HTTP 400: invalid_request "token \*\*\* is not one of ours"/m);
    expect(showing(post, token)).toEqual([]);
    w.expectNoLeaks([main, post]);
  });
});

describe('every runner OIDC token is masked before anything is printed about it', () => {
  /** Index of the first line matching `pattern`; fails when there is none. */
  const first = (run: StepRun, pattern: RegExp) => {
    const index = run.lines.findIndex((line) => pattern.test(line));
    expect(index, `no line matches ${String(pattern)}`).toBeGreaterThanOrEqual(0);
    return index;
  };

  it('registers each audience\'s token with ::add-mask:: before the first line about any token', async () => {
    const w = await world();
    const other = await w.addServer();
    const credentials = `
- provider: rfc8693
  id: one
  token-endpoint: ${w.server.tokenEndpoint}
  oidc-audience: ${w.server.issuer}
- provider: rfc8693
  id: two
  token-endpoint: ${other.tokenEndpoint}
  oidc-audience: ${other.issuer}`;
    const main = await w.main({ credentials });
    expect(main.code).toBe(0);
    expect(oidcAudiences(w.runner).sort()).toEqual([w.server.issuer, other.issuer].sort());
    expect(w.runner.issued).toHaveLength(2);
    const firstAboutTokens = first(main, /^Runner OIDC token for audience /);
    for (const jwt of w.runner.issued) {
      expect(first(main, new RegExp(`^::add-mask::${jwt.replace(/\./g, '\\.')}$`))).toBeLessThan(firstAboutTokens);
      expect(showing(main, jwt)).toEqual([]);
    }
    w.expectNoLeaks([main]);
  });

  it('registers the token before the error of an exchange refused on it, and before a require-claims refusal', async () => {
    const w = await world({ allowedSubjects: ['repo:acme/other:ref:refs/heads/main'] });
    const credentials = `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}`;
    const denied = await w.main({ credentials });
    expect(errorCodes(denied)).toEqual(['EXCHANGE_DENIED']);
    const refused = await w.main({ credentials, 'require-claims': 'ref: refs/heads/release' });
    expect(errorCodes(refused)).toEqual(['CLAIMS_REFUSED']);
    expect(w.runner.issued).toHaveLength(2);
    for (const [run, jwt] of [[denied, w.runner.issued[0]], [refused, w.runner.issued[1]]] as const) {
      expect(first(run, new RegExp(`^::add-mask::${(jwt ?? '').replace(/\./g, '\\.')}$`))).toBeLessThan(first(run, /^::error::/));
    }
  });
});

// Node reads NODE_DEBUG at start-up: net, tls or http debugging prints every request's options, bearer
// headers among them, to stderr, where no mask registered on stdout is sure to be in place first.
describe('NODE_DEBUG exported by an earlier step', () => {
  it('stops the step before any token is requested; DEBUG (which Keyless\'s code never reads) does not', async () => {
    const w = await world();
    const credentials = `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}\n  oidc-audience: ${w.server.issuer}`;
    const { main, post } = await w.job2({ credentials }, { NODE_DEBUG: 'http,net,tls' });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toContain("NODE_DEBUG (http,net,tls) makes Node print every request's headers to the log");
    expect(w.runner.issued).toEqual([]);
    const debug = await w.job2({ credentials }, { DEBUG: '*' });
    expect(debug.main.code, debug.main.stdout).toBe(0);
    w.expectNoLeaks([main, post, debug.main, debug.post]);
  });
});

