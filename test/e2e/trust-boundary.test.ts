import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/audit/record.js';
import { json, startFake } from '../fakes/http-fake.js';
import type { StepRun } from '../fakes/runner-harness.js';
import { errorCodes, world } from './setup.js';
import { expectMode } from '../fakes/host.js';

/** Lines as the runner reads a step's output (CR, LF or CRLF end one), and the commands among them. */
export function workflowCommands(run: StepRun): string[] {
  return [run.stdout, run.stderr]
    .flatMap((text) => text.split(/\r\n|\r|\n/))
    .filter((line) => line.trim().startsWith('::') || line.includes('##['))
    .map((line) => /^::([\w-]+)/.exec(line.trim())?.[1] ?? line);
}

const OWN_COMMANDS = new Set(['add-mask', 'error', 'warning', 'notice', 'debug', 'group', 'endgroup']);
const INJECTED = '\n::save-state name=keyless_999::{}\n::set-output name=x::y\r::error ::injected\u2028::warning::z ##[add-mask]w';

describe('text from outside never becomes a workflow command', () => {
  it('prints a hostile RFC 8693 answer and hostile OIDC claims as text', async () => {
    const w = await world();
    w.runner.claims.sub = `repo:acme/widget${INJECTED}`;
    w.runner.claims.job_workflow_ref = `acme/widget/.github/workflows/x.yml@refs/heads/main${INJECTED}`;
    w.server.faults.push({
      kind: 'status',
      status: 200,
      body: { access_token: 'at-a-token-of-decent-length', issued_token_type: `urn:x${INJECTED}`, token_type: 'Bearer', expires_in: 600, scope: `read${INJECTED}` },
    });
    const credentials = `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}`;
    const { main, post } = await w.job2({ credentials });
    expect(main.code).toBe(0);
    expect(workflowCommands(main).filter((name) => !OWN_COMMANDS.has(name))).toEqual([]);
    expect(workflowCommands(post).filter((name) => !OWN_COMMANDS.has(name))).toEqual([]);
    expect(main.stdout).toContain('✓ rfc8693 "rfc8693": urn:x ::save-state name=keyless_999::{} ::set-output');
    expect(Object.keys(main.state).every((name) => /^keyless_(key|\d{3})$/.test(name))).toBe(true);
    expect(Object.keys(main.env)).toEqual(['KEYLESS_TOKEN']);
    // A later step reads outputs through `${{ }}`, where a line break would be script: display values are one inert line.
    expect(main.outputs['rfc8693-issued-token-type']).toBe('urn:x ::save-state name=keyless_999::{} ::set-output name=x::y ::error ::injected ::warning::z #·#[add-mask]w');
    expect(main.summary).not.toMatch(/\n::/);
    w.expectNoLeaks([main, post]);
  });
});

describe('a credential that cannot be masked is refused', () => {
  it('refuses a token too short to mask, exporting nothing', async () => {
    const w = await world();
    w.server.faults.push({ kind: 'status', status: 200, body: { access_token: 'abc', issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer' } });
    const main = await w.main({ credentials: `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}` });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['HTTP_BAD_RESPONSE']);
    expect(main.stdout).toMatch(/cannot be masked/);
    expect(main.files.env).toBe('');
  });
});

describe('the commit phase cannot fail half way', () => {
  it('warns, and still succeeds with everything exported, when the summary cannot be written', async () => {
    const w = await world();
    const summaryDir = mkdtempSync(join(tmpdir(), 'summary-is-a-folder-'));
    const main = await w.main({ credentials: `- provider: rfc8693\n  issuer: ${w.server.issuer}` }, { GITHUB_STEP_SUMMARY: summaryDir });
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/::warning::the job summary could not be written/);
    expect(Object.keys(main.env)).toEqual(['KEYLESS_TOKEN']);
    expect(existsSync(main.outputs['audit-file'] ?? '')).toBe(true);
    w.expectNoLeaks([main]);
  });

  it('checks the runner files before minting anything', async () => {
    const w = await world();
    const main = await w.main({ credentials: `- provider: rfc8693\n  issuer: ${w.server.issuer}` }, { GITHUB_OUTPUT: undefined });
    expect(main.code).toBe(1);
    expect(errorCodes(main)).toEqual(['INPUT_INVALID']);
    expect(w.server.requests.filter((r) => r.path === '/token')).toHaveLength(0);
  });
});

describe('the audit record', () => {
  it('is 0600, and holds no token a revocation endpoint quoted back', async () => {
    const w = await world();
    const credentials = `- provider: rfc8693\n  issuer: ${w.server.issuer}`;
    const main = await w.main({ credentials });
    const token = w.server.issued[0] ?? '';
    w.server.faults.push({ kind: 'status', status: 400, body: { error: 'invalid_request', error_description: `cannot revoke token ${token}` } });
    const post = await w.post({ credentials }, main);
    const path = main.outputs['audit-file'] ?? '';
    expectMode(path, 0o600);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('cannot revoke token ***');
    expect(text).not.toContain(token);
    expect((JSON.parse(text) as AuditRecord).cleanup?.[0]?.status).toBe('failed');
    // The endpoint is not a secret: the warning says where the revocation went.
    expect(post.stdout).toContain(`revocation endpoint ${new URL(w.server.issuer).origin}/revoke`);
    w.expectNoLeaks([main, post]);
  });
});

describe('the post step trusts only what main wrote', () => {
  it('ignores STATE_keyless_* entries an earlier step exported: no deletion, revocation or rewrite outside its own', async () => {
    const w = await world();
    const credentials = `- provider: rfc8693\n  issuer: ${w.server.issuer}`;
    const main = await w.main({ credentials });
    expect(main.code).toBe(0);

    const victim = mkdtempSync(join(tmpdir(), 'victim-'));
    writeFileSync(join(victim, 'keep.txt'), 'precious');
    const victimJson = join(victim, 'settings.json');
    writeFileSync(victimJson, '{"a":1}');
    const keylessLookalike = join(w.job.temp, 'keyless-planted');
    mkdirSync(keylessLookalike);
    const evil = await startFake({ 'POST /v1/auth/token/revoke-self': (_req, res) => { json(res, 204, {}); } });
    const forged = {
      STATE_keyless_900: JSON.stringify({ kind: 'path', path: victim }),
      STATE_keyless_901: `${'a'.repeat(64)}.${JSON.stringify({ kind: 'path', path: keylessLookalike })}`,
      STATE_keyless_902: JSON.stringify({ kind: 'revoke', provider: 'vault', id: 'x', handle: { endpoint: evil.url, token: 'attacker-token-1234' } }),
      STATE_keyless_903: JSON.stringify({ kind: 'audit', path: victimJson }),
    };
    const post = await w.post({ credentials }, main, forged);
    await evil.close();
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(/::warning::ignored 4 STATE_keyless_\* entries that this action's main step did not write/);
    expect(readFileSync(join(victim, 'keep.txt'), 'utf8')).toBe('precious');
    expect(readFileSync(victimJson, 'utf8')).toBe('{"a":1}');
    expect(existsSync(keylessLookalike)).toBe(true);
    expect(evil.requests).toEqual([]);
    // What main did write is still cleaned up.
    expect(w.server.revoked.size).toBe(1);
    w.expectNoLeaks([main, post]);
  });
});

describe('discovery', () => {
  it('refuses a metadata document that sends the token to another origin, unless the entry lists it', async () => {
    const w = await world();
    const elsewhere = await w.addServer();
    const metadata = { issuer: '', token_endpoint: elsewhere.tokenEndpoint };
    const issuerFake = await startFake({
      'GET /.well-known/oauth-authorization-server': (_req, res) => { json(res, 200, metadata); },
    });
    metadata.issuer = issuerFake.url;
    const credentials = `- provider: rfc8693\n  issuer: ${issuerFake.url}\n  audience: ${elsewhere.issuer}`;
    const refused = await w.main({ credentials });
    expect(refused.code).toBe(1);
    expect(errorCodes(refused)).toEqual(['DISCOVERY_FAILED']);
    expect(refused.stdout).toContain(`endpoint-origins: [${new URL(elsewhere.tokenEndpoint).origin}]`);
    expect(elsewhere.requests).toEqual([]);

    const allowed = await w.main({ credentials: `${credentials}\n  endpoint-origins: [${new URL(elsewhere.tokenEndpoint).origin}]\n  oidc-audience: ${elsewhere.issuer}` });
    await issuerFake.close();
    expect(allowed.code).toBe(0);
    expect(elsewhere.issued).toHaveLength(1);
    w.expectNoLeaks([refused, allowed]);
  });
});

describe('a token service that echoes its secret into a public field', () => {
  it('writes the public output redacted: GITHUB_OUTPUT has no mask', async () => {
    const w = await world();
    w.server.filters.push((answer, req) => {
      if (req.path !== '/token' || answer.status !== 200) return answer;
      const body = JSON.parse(answer.body) as { access_token: string };
      return { ...answer, body: JSON.stringify({ ...body, issued_token_type: `urn:x:${body.access_token}` }) };
    });
    const main = await w.main({ credentials: `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}` });
    expect(main.code).toBe(0);
    expect(main.outputs['rfc8693-issued-token-type']).toBe('urn:x:***');
    expect(main.files.outputs).not.toContain(w.server.issued[0]);
    expect(main.summary).not.toContain(w.server.issued[0]);
    w.expectNoLeaks([main]);
  });
});
