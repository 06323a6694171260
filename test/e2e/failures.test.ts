import { describe, expect, it } from 'vitest';
import { repeat } from '../fakes/http-fake.js';
import { errorCodes, oidcAudiences, tokenRequests, world } from './setup.js';

type World = Awaited<ReturnType<typeof world>>;
const entry = (w: World, extra = '') => `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}\n  oidc-audience: ${w.server.issuer}${extra}`;

describe('bad input fails before any network call, naming the key', () => {
  const cases: [string, (w: World) => string, RegExp][] = [
    ['an unknown provider', () => '- provider: rfc8963\n  token-endpoint: https://sts.example.com/token', /provider \(line 1\): is not a known provider \(did you mean "rfc8693"\?\)/],
    ['an unknown key', (w) => entry(w, '\n  scpoe: read'), /credentials\[0\]\.scpoe \(line 4\): unknown key \(did you mean "scope"\?\)/],
    ['malformed YAML', () => '- provider: rfc8693\n  token-endpoint: [unclosed', /input credentials \(line \d\): malformed YAML/],
    ['a bad URL', () => '- provider: rfc8693\n  token-endpoint: not a url', /token-endpoint \(line 2\): is not an absolute URL/],
    ['http:// to a non-loopback host', () => '- provider: rfc8693\n  token-endpoint: http://sts.example.com/token', /token-endpoint \(line 2\): is not https/],
    ['neither token-endpoint nor issuer', () => '- provider: rfc8693\n  scope: read', /set exactly one of token-endpoint or issuer/],
    ['a list that is not a list', () => 'provider: rfc8693', /must be a non-empty YAML list of entries, not a mapping/],
  ];
  for (const [name, credentials, message] of cases) {
    it(`rejects ${name}`, async () => {
      const w = await world();
      const main = await w.main({ credentials: credentials(w) });
      expect(main.code).toBe(1);
      expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
      expect(main.stdout).toMatch(message);
      expect(w.runner.requests).toEqual([]);
      expect(main.files.env).toBe('');
      w.expectNoLeaks([main]);
    });
  }

  it('rejects a bad duration', async () => {
    const w = await world();
    const main = await w.main({ credentials: entry(w), 'http-timeout': 'abc' });
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(main.stdout).toContain('http-timeout: is not a duration');
  });

  it('reports every problem at once', async () => {
    const w = await world();
    const main = await w.main({ credentials: `- provider: rfc8693\n  issuer: ftp://x\n  bogus: 1\n- id: Bad_Id`, 'strict-cleanup': 'maybe' });
    const line = main.lines.find((l) => l.startsWith('::error::')) ?? '';
    for (const part of ['credentials[0].issuer', 'credentials[0].bogus', 'credentials[1].provider', 'credentials[1].id', 'strict-cleanup']) {
      expect(line).toContain(part);
    }
  });
});

describe('the runner token', () => {
  it('explains the missing id-token permission with the YAML to add', async () => {
    const w = await world();
    const main = await w.main({ credentials: entry(w) }, { ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['OIDC_PERMISSION_MISSING']);
    expect(main.stdout).toContain('permissions: { id-token: write, contents: read }');
    expect(tokenRequests(w.server)).toEqual([]);
  });

  it('fails, never ends green, when the OIDC response is cut off mid-body', async () => {
    const w = await world();
    w.runner.faults.push({ kind: 'truncate' }, { kind: 'truncate' }, { kind: 'truncate' }, { kind: 'truncate' });
    const main = await w.main({ credentials: entry(w) });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['HTTP_NETWORK']);
    expect(main.stdout).toContain('closed the connection mid-response (after 4 attempts)');
    expect(tokenRequests(w.server)).toEqual([]);
  });

  it('reports a failing runner token service with its status, after retrying', async () => {
    const w = await world();
    w.runner.faults.push(...repeat(4, { kind: 'status', status: 500, body: { message: 'internal error' } }));
    const main = await w.main({ credentials: entry(w) });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['OIDC_REQUEST_FAILED']);
    expect(main.stdout).toContain('failed with HTTP 500: internal error');
    expect(oidcAudiences(w.runner)).toHaveLength(4);
    expect(tokenRequests(w.server)).toEqual([]);
  });

  it('refuses claims that do not meet require-claims, before any exchange', async () => {
    const w = await world();
    const main = await w.main({ credentials: entry(w), 'require-claims': 'ref: [refs/heads/release, refs/tags/v*]\nrepository: acme/widget' });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['CLAIMS_REFUSED']);
    expect(main.stdout).toContain('ref is \\"refs/heads/main\\", allowed: \\"refs/heads/release\\", \\"refs/tags/v*\\"'.replace(/\\/g, ''));
    expect(tokenRequests(w.server)).toEqual([]);
    w.expectNoLeaks([main]);
  });
});

describe('token endpoint failures', () => {
  const cases: [string, (w: World) => void, string, RegExp][] = [
    ['a non-JSON answer', (w) => w.server.faults.push({ kind: 'html' }), 'HTTP_BAD_RESPONSE', /with text\/html, not JSON/],
    ['malformed JSON', (w) => w.server.faults.push({ kind: 'malformed-json' }), 'HTTP_BAD_RESPONSE', /malformed JSON/],
    ['a 200 without access_token', (w) => w.server.faults.push({ kind: 'status', status: 200, body: { token_type: 'Bearer' } }), 'HTTP_BAD_RESPONSE', /without an access_token/],
    ['an oversized body', (w) => w.server.faults.push({ kind: 'oversize', bytes: 2 * 1024 * 1024 }), 'HTTP_TOO_LARGE', /larger than 1048576 bytes/],
    [
      'an error body',
      (w) => w.server.faults.push({ kind: 'status', status: 400, body: { error: 'invalid_target', error_description: 'audience not served', error_uri: 'https://sts.example.com/e' } }),
      'EXCHANGE_DENIED',
      /HTTP 400: invalid_target "audience not served" \(https:\/\/sts\.example\.com\/e\)\. The token carried iss="http:\/\/127\.0\.0\.1:\d+" sub="repo:acme\/widget:ref:refs\/heads\/main" aud=/,
    ],
    ['retries exhausted', (w) => w.server.faults.push(...repeat(4, { kind: 'status', status: 503, body: { error: 'temporarily_unavailable' } })), 'EXCHANGE_FAILED', /HTTP 503: temporarily_unavailable/],
  ];
  for (const [name, arrange, code, message] of cases) {
    it(`fails clearly on ${name}`, async () => {
      const w = await world();
      arrange(w);
      const { main, post } = await w.job2({ credentials: entry(w) });
      expect(main.code).toBe(1);
      expect(errorCodes(main)).toEqual([code]);
      expect(main.stdout).toMatch(message);
      expect(main.stdout).toContain('rfc8693 "rfc8693": ');
      expect(main.files.env).toBe('');
      expect(post.code).toBe(0);
      w.expectNoLeaks([main, post]);
    });
  }

  it('denies with the claims when the trust policy refuses the subject', async () => {
    const w = await world({ allowedSubjects: ['repo:acme/widget:environment:prod'] });
    const main = await w.main({ credentials: entry(w) });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(main.stdout).toContain('job_workflow_ref=\\"acme/widget/.github/workflows/release.yml@refs/heads/main\\"'.replace(/\\/g, ''));
    expect(tokenRequests(w.server)).toHaveLength(1);
  });

  it('retries 500, a cut-off body and 429 with Retry-After, then succeeds', async () => {
    const w = await world();
    w.server.faults.push({ kind: 'status', status: 500 }, { kind: 'truncate' }, { kind: 'status', status: 429, headers: { 'retry-after': '1' } });
    const started = Date.now();
    const { main, post } = await w.job2({ credentials: entry(w) });
    expect(main.code).toBe(0);
    expect(tokenRequests(w.server)).toHaveLength(4);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(main.env.KEYLESS_TOKEN).toBe(w.server.issued[0]);
    w.expectNoLeaks([main, post]);
  });

  it('times out a stalled endpoint and fails after bounded retries', async () => {
    const w = await world();
    w.server.faults.push(...repeat(4, { kind: 'hang' }));
    const main = await w.main({ credentials: entry(w), 'http-timeout': '1s' });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['HTTP_TIMEOUT']);
    expect(main.stdout).toMatch(/did not answer within 1000 ms \(after 4 attempts\)/);
    expect(tokenRequests(w.server)).toHaveLength(4);
  });

  it('fails discovery clearly when the issuer publishes no metadata', async () => {
    const w = await world({ discovery: 'none' });
    const main = await w.main({ credentials: `- provider: rfc8693\n  issuer: ${w.server.issuer}` });
    expect(errorCodes(main)).toEqual(['DISCOVERY_FAILED']);
    expect(main.stdout).toMatch(/no metadata found for issuer .*oauth-authorization-server → HTTP 404; .*openid-configuration → HTTP 404/);
    expect(tokenRequests(w.server)).toEqual([]);
  });

  it('refuses metadata that names a different issuer (RFC 8414 §3.3)', async () => {
    const w = await world({ issuerPath: '/realms/ci' });
    // The same server reached as localhost: its metadata names 127.0.0.1, so it is not this issuer.
    const issuer = w.server.issuer.replace('127.0.0.1', 'localhost');
    const main = await w.main({ credentials: `- provider: rfc8693\n  issuer: ${issuer}` });
    expect(errorCodes(main)).toEqual(['DISCOVERY_FAILED']);
    expect(main.stdout).toContain(`names issuer "${w.server.issuer}", not ${issuer}`);
    expect(tokenRequests(w.server)).toEqual([]);
  });

  it('does not retry a denial', async () => {
    const w = await world();
    w.server.faults.push({ kind: 'status', status: 403, body: { error: 'access_denied' } });
    const main = await w.main({ credentials: entry(w) });
    expect(errorCodes(main)).toEqual(['EXCHANGE_DENIED']);
    expect(tokenRequests(w.server)).toHaveLength(1);
    expect(oidcAudiences(w.runner)).toHaveLength(1);
  });
});
