import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/audit/record.js';
import { oidcAudiences, tokenRequests, world } from './setup.js';
import { expectMode } from '../fakes/host.js';

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';

describe('main + post against an RFC 8693 server', () => {
  it('exchanges the runner token with every RFC 8693 field and exports the credential', async () => {
    const w = await world({ audience: 'https://sts.example.com' });
    const credentials = `
- provider: rfc8693
  token-endpoint: ${w.server.tokenEndpoint}
  oidc-audience: https://sts.example.com
  audience: https://api.example.com
  resource: [https://api.example.com/a, https://api.example.com/b]
  scope: [read, write]
  requested-token-type: urn:ietf:params:oauth:token-type:access_token
  client-id: ci-public`;
    const { main, post } = await w.job2({ credentials });

    expect(main.code).toBe(0);
    const [request] = tokenRequests(w.server);
    const form = new URLSearchParams(request?.body);
    expect(form.get('grant_type')).toBe(TOKEN_EXCHANGE);
    expect(form.get('subject_token')).toBe(w.runner.issued[0]);
    expect(form.get('subject_token_type')).toBe('urn:ietf:params:oauth:token-type:jwt');
    expect(form.get('audience')).toBe('https://api.example.com');
    expect(form.getAll('resource')).toEqual(['https://api.example.com/a', 'https://api.example.com/b']);
    expect(form.get('scope')).toBe('read write');
    expect(form.get('requested_token_type')).toBe('urn:ietf:params:oauth:token-type:access_token');
    expect(form.get('client_id')).toBe('ci-public');
    expect(oidcAudiences(w.runner)).toEqual(['https://sts.example.com']);

    expect(main.env.KEYLESS_TOKEN).toBe(w.server.issued[0]);
    expect(main.outputs['rfc8693-issued-token-type']).toBe('urn:ietf:params:oauth:token-type:access_token');
    expect(Date.parse(main.outputs['expires-at'] ?? '')).toBeGreaterThan(Date.now());
    expect(main.outputs['rfc8693-token']).toBeUndefined();
    expect(main.summary).toContain('| rfc8693 | rfc8693 | https\\://api.example.com | read write |');
    // No revocation endpoint is known without discovery: post reports the expiry instead.
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('not revocable rfc8693 "rfc8693"');
    expect(w.server.unexpected).toEqual([]);
    w.expectNoLeaks([main, post]);
  });

  it('discovers endpoints through RFC 8414 and revokes through RFC 7009 at post', async () => {
    const w = await world({ issuerPath: '/realms/ci', refreshTokens: true });
    const credentials = `- provider: rfc8693\n  issuer: ${w.server.issuer}`;
    const { main, post } = await w.job2({ credentials });

    expect(main.code).toBe(0);
    expect(w.server.requests[0]?.path).toBe('/.well-known/oauth-authorization-server/realms/ci');
    // The runner token is addressed to the issuer by default.
    expect(oidcAudiences(w.runner)[0]).toBe(w.server.issuer);
    expect(post.code).toBe(0);
    const revocations = w.server.requests.filter((r) => r.path === '/revoke').map((r) => new URLSearchParams(r.body));
    expect(revocations.map((f) => f.get('token_type_hint'))).toEqual(['refresh_token', 'access_token']);
    expect([...w.server.revoked].sort()).toEqual([...w.server.issued].sort());
    expect(post.stdout).toContain('✓ revoked rfc8693 "rfc8693"');
    expect(post.summary).toMatch(/\| rfc8693 \| rfc8693 \| revoked \|/);
    const audit = JSON.parse(readFileSync(main.outputs['audit-file'] ?? '', 'utf8')) as AuditRecord;
    expect(audit.identity.repository).toBe('acme/widget');
    expect(audit.cleanup?.[0]?.status).toBe('revoked');
    expect(w.server.unexpected).toEqual([]);
    w.expectNoLeaks([main, post]);
  });

  it('falls back to OpenID discovery when the RFC 8414 document is absent', async () => {
    const w = await world({ discovery: 'openid', issuerPath: '/tenant' });
    const { main, post } = await w.job2({ credentials: `- provider: rfc8693\n  issuer: ${w.server.issuer}` });

    expect(main.code).toBe(0);
    expect(w.server.requests.map((r) => `${r.method} ${r.path}`).slice(0, 3)).toEqual([
      'GET /.well-known/oauth-authorization-server/tenant',
      'GET /tenant/.well-known/openid-configuration',
      'POST /token',
    ]);
    expect(w.server.revoked.size).toBe(1);
    w.expectNoLeaks([main, post]);
  });

  it('writes export: file as a 0600 file outside the workspace and deletes it at post', async () => {
    const w = await world();
    const credentials = `- provider: rfc8693\n  id: vault\n  token-endpoint: ${w.server.tokenEndpoint}\n  oidc-audience: ${w.server.issuer}\n  export: file`;
    const main = await w.main({ credentials });

    expect(main.code).toBe(0);
    const path = main.env.VAULT_TOKEN_FILE ?? '';
    expect(path.startsWith(w.job.temp)).toBe(true);
    expectMode(path, 0o600);
    expect(readFileSync(path, 'utf8')).toBe(w.server.issued[0]);
    expect(main.env.VAULT_TOKEN).toBeUndefined();
    const post = await w.post({ credentials }, main);
    expect(post.code).toBe(0);
    expect(existsSync(path)).toBe(false);
    w.expectNoLeaks([main, post]);
  });

  it('sets the token as a step output only with export: outputs', async () => {
    const w = await world();
    const credentials = `- provider: rfc8693\n  id: api\n  token-endpoint: ${w.server.tokenEndpoint}\n  oidc-audience: ${w.server.issuer}\n  export: outputs`;
    const { main } = await w.job2({ credentials });

    expect(main.code).toBe(0);
    expect(main.outputs['api-token']).toBe(w.server.issued[0]);
    expect(main.env.API_TOKEN).toBeUndefined();
    w.expectNoLeaks([main], { outputs: true });
  });

  it('requests one runner token per distinct audience and runs the exchanges concurrently', async () => {
    const w = await world();
    const slow = await w.addServer();
    w.server.faults.push({ kind: 'delay', ms: 300 });
    slow.faults.push({ kind: 'delay', ms: 300 });
    const credentials = `
- provider: rfc8693
  id: one
  token-endpoint: ${w.server.tokenEndpoint}
  oidc-audience: ${w.server.issuer}
- provider: rfc8693
  id: two
  issuer: ${slow.issuer}
- provider: rfc8693
  id: three
  token-endpoint: ${slow.tokenEndpoint}
  oidc-audience: ${slow.issuer}`;
    const { main, post } = await w.job2({ credentials });

    expect(main.code).toBe(0);
    expect(oidcAudiences(w.runner).sort()).toEqual([w.server.issuer, slow.issuer].sort());
    const exchanges = [...tokenRequests(w.server), ...tokenRequests(slow)];
    expect(exchanges).toHaveLength(3);
    // Every exchange started before any of them answered: they overlapped.
    const firstEnd = Math.min(...exchanges.map((r) => r.endedAt ?? Number.POSITIVE_INFINITY));
    expect(exchanges.every((r) => r.startedAt < firstEnd)).toBe(true);
    expect(Object.keys(main.env).sort()).toEqual(['ONE_TOKEN', 'THREE_TOKEN', 'TWO_TOKEN']);
    expect(post.code).toBe(0);
    w.expectNoLeaks([main, post]);
  });
});
