import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type AuditRecord, writeAudit } from '../../src/audit/record.js';
import { cleanup } from '../../src/cleanup.js';
import { KeylessError } from '../../src/errors.js';
import { createHttpClient } from '../../src/http/client.js';
import { createRunner } from '../../src/runner/runner.js';
import { type CleanupItem, CleanupLog } from '../../src/runner/state.js';
import { type Fake, json, startFake } from '../fakes/http-fake.js';
import { readRunnerFileValues } from '../fakes/runner-files.js';

// The post step from state alone: a main step's CleanupLog written to GITHUB_STATE, handed to cleanup()
// as the runner hands it (STATE_<name>), against an RFC 7009 revocation endpoint on loopback.

let fake: Fake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const TOKEN = 'at-cleanup-token-000000000001';
const REFRESH = 'rt-cleanup-refresh-00000000001';

interface Revocations {
  /** Each revocation request: the token, and how many lines post had written when it arrived. */
  seen: { token: string; linesBefore: number }[];
}

/** A revocation endpoint answering `status` (and an RFC 6749 error body) for every request. */
async function revocationEndpoint(written: string[], status = 200, description = ''): Promise<Revocations & { url: string }> {
  const seen: Revocations['seen'] = [];
  fake = await startFake({
    'POST /revoke': (req, res) => {
      const token = new URLSearchParams(req.body).get('token') ?? '';
      seen.push({ token, linesBefore: written.join('').split('\n').length - 1 });
      if (status === 200) res.writeHead(200).end();
      else json(res, status, { error: 'invalid_request', error_description: description.replace('$TOKEN', token) });
    },
  });
  return { url: `${fake.url}/revoke`, seen };
}

/** A job's RUNNER_TEMP, and what main recorded there, as post's environment. */
function mainRecorded(temp: string, record: (log: CleanupLog) => void): Record<string, string> {
  const state = join(mkdtempSync(join(tmpdir(), 'keyless-state-')), 'state');
  writeFileSync(state, '');
  record(new CleanupLog(createRunner({ GITHUB_STATE: state }, () => undefined)));
  const saved = readRunnerFileValues(readFileSync(state, 'utf8'));
  return { RUNNER_TEMP: temp, ...Object.fromEntries(Object.entries(saved).map(([name, value]) => [`STATE_${name}`, value])) };
}

async function post(env: Record<string, string>) {
  const written: string[] = [];
  const runner = createRunner(env, (text) => written.push(text));
  const error = await cleanup({ runner, http: createHttpClient({ maxAttempts: 1 }) }).then(() => undefined, (e: unknown) => e);
  const lines = written.join('').split('\n').filter((line) => line !== '');
  return { error, lines, written };
}

const revoke = (endpoint: string, extra: Partial<Extract<CleanupItem, { kind: 'revoke' }>> = {}): CleanupItem => ({
  kind: 'revoke',
  provider: 'rfc8693',
  id: 'sts',
  handle: { endpoint, token: TOKEN, refresh: REFRESH },
  expiresAt: '2026-01-01T00:15:00.000Z',
  ...extra,
});

describe('cleanup', () => {
  it('masks every token it will revoke before it prints a line or sends a request', async () => {
    const temp = realpathSync(mkdtempSync(join(tmpdir(), 'keyless-temp-')));
    const written: string[] = [];
    const endpoint = await revocationEndpoint(written);
    const env = mainRecorded(temp, (log) => { log.record(revoke(endpoint.url)); });
    const runner = createRunner(env, (text) => written.push(text));
    await cleanup({ runner, http: createHttpClient({ maxAttempts: 1 }) });
    const lines = written.join('').split('\n');
    expect(lines.slice(0, 2)).toEqual([`::add-mask::${TOKEN}`, `::add-mask::${REFRESH}`]);
    // RFC 7009: the refresh token first (revoking it may revoke its access tokens), then the access token.
    expect(endpoint.seen).toEqual([{ token: REFRESH, linesBefore: 2 }, { token: TOKEN, linesBefore: 2 }]);
    expect(lines).toContain('✓ revoked rfc8693 "sts" (expires 2026-01-01T00:15:00.000Z)');
  });

  it('deletes what main recorded inside its keyless-* folders, files and folders alike, and nothing outside them', async () => {
    const temp = realpathSync(mkdtempSync(join(tmpdir(), 'keyless-temp-')));
    const dir = join(temp, 'keyless-abc');
    mkdirSync(join(dir, 'docker'), { recursive: true });
    writeFileSync(join(dir, 'docker', 'config.json'), '{}');
    writeFileSync(join(dir, 'token'), 'x');
    const outside = join(temp, 'not-ours');
    writeFileSync(outside, 'keep me');
    const victim = join(mkdtempSync(join(tmpdir(), 'keyless-victim-')), 'precious');
    writeFileSync(victim, 'keep me too');
    symlinkSync(victim, join(temp, 'keyless-link'));
    const env = mainRecorded(temp, (log) => {
      for (const path of [dir, join(dir, 'token'), join(dir, 'docker'), outside, join(temp, 'keyless-link'), join(temp, 'keyless-gone')]) log.record({ kind: 'path', path });
    });
    const { error, lines } = await post(env);
    expect(error).toBeUndefined();
    expect(readdirSync(temp)).toEqual(['not-ours']);
    expect(readFileSync(victim, 'utf8')).toBe('keep me too');
    expect(lines).toContain(`::warning::file "${outside}": not deleted: it is not inside a keyless-* folder under RUNNER_TEMP or a .keyless-* folder in the workspace`);
    // The folder went first (and its contents with it); the entries inside it were then absent, so not counted.
    expect(lines).toContain('Deleted 2 file(s) and folder(s) Keyless wrote.');
  });

  it('deletes the files before it revokes, so a revocation server that hangs cannot keep them on disk; a session\'s folder stays for its sign-out', async () => {
    const temp = realpathSync(mkdtempSync(join(tmpdir(), 'keyless-temp-')));
    const token = join(temp, 'keyless-abc');
    writeFileSync(token, 'x');
    const session = join(temp, 'keyless-azure-1');
    mkdirSync(join(session, 'az'), { recursive: true });
    const presentAtRevocation: boolean[] = [];
    fake = await startFake({
      'POST /revoke': (_req, res) => {
        presentAtRevocation.push(existsSync(token), existsSync(join(session, 'az')));
        res.writeHead(200).end();
      },
    });
    const url = `${fake.url}/revoke`;
    const env = mainRecorded(temp, (log) => {
      log.record({ kind: 'path', path: token });
      log.record({ kind: 'path', path: session });
      log.record({ kind: 'session', tool: 'az', id: 'azure', path: join(session, 'az') });
      log.record(revoke(url, { handle: { endpoint: url, token: TOKEN } }));
    });
    const { lines } = await post({ ...env, PATH: mkdtempSync(join(tmpdir(), 'keyless-no-az-')) });
    expect(presentAtRevocation).toEqual([false, true]);
    // Sign-out found the folder still there (it says why it could not run az), and only then was it deleted.
    expect(lines).toContain('· not revocable az "azure": az is not on PATH to sign out; its folder is deleted, which removes the session');
    expect(readdirSync(temp)).toEqual([]);
  });

  it('warns on a failed revocation, with the token redacted from the server\'s words, and still deletes', async () => {
    const temp = realpathSync(mkdtempSync(join(tmpdir(), 'keyless-temp-')));
    const endpoint = await revocationEndpoint([], 400, 'token $TOKEN is unknown');
    mkdirSync(join(temp, 'keyless-x'));
    const env = mainRecorded(temp, (log) => {
      log.record(revoke(endpoint.url));
      log.record({ kind: 'path', path: join(temp, 'keyless-x') });
    });
    const { error, lines } = await post(env);
    expect(error).toBeUndefined();
    expect(lines.find((line) => line.startsWith('::warning::'))).toMatch(/^::warning::rfc8693 "sts": revocation endpoint .* answered HTTP 400: invalid_request "token \*\*\* is unknown" \(expires 2026-01-01T00:15:00.000Z\)$/);
    expect(lines.filter((line) => !line.startsWith('::add-mask::')).join('\n')).not.toMatch(/at-cleanup|rt-cleanup/);
    expect(existsSync(join(temp, 'keyless-x'))).toBe(false);
  });

  it('under strict-cleanup, fails with REVOKE_FAILED only after deleting and recording everything', async () => {
    const temp = realpathSync(mkdtempSync(join(tmpdir(), 'keyless-temp-')));
    const endpoint = await revocationEndpoint([], 400, 'nope');
    const audit = join(temp, 'keyless-audit-1-abc.json');
    const sha256 = writeAudit(audit, { version: 1, identity: {}, tools: [], pins: [], exchanges: [], credentials: [] }, (t) => t);
    mkdirSync(join(temp, 'keyless-x'));
    const env = mainRecorded(temp, (log) => {
      log.record({ kind: 'settings', strictCleanup: true });
      log.record(revoke(endpoint.url));
      log.record({ kind: 'path', path: join(temp, 'keyless-x') });
      log.record({ kind: 'audit', path: audit, sha256 });
    });
    const { error } = await post(env);
    expect((error as KeylessError).code).toBe('REVOKE_FAILED');
    expect(existsSync(join(temp, 'keyless-x'))).toBe(false);
    const record = JSON.parse(readFileSync(audit, 'utf8')) as AuditRecord;
    expect(record.cleanup).toEqual([expect.objectContaining({ id: 'sts', status: 'failed' })]);
  });

  it('adds the cleanup to the audit record with every secret redacted', async () => {
    const temp = realpathSync(mkdtempSync(join(tmpdir(), 'keyless-temp-')));
    const endpoint = await revocationEndpoint([], 400, 'token $TOKEN is unknown');
    const audit = join(temp, 'keyless-audit-1-abc.json');
    const sha256 = writeAudit(audit, { version: 1, identity: { sub: 'repo:acme/widget' }, tools: [], pins: [], exchanges: [], credentials: [] }, (t) => t);
    const env = mainRecorded(temp, (log) => {
      log.record(revoke(endpoint.url));
      log.record({ kind: 'audit', path: audit, sha256 });
    });
    await post(env);
    const text = readFileSync(audit, 'utf8');
    expect(text).not.toContain(TOKEN);
    const record = JSON.parse(text) as AuditRecord;
    expect(record.identity).toEqual({ sub: 'repo:acme/widget' });
    expect(record.cleanup?.[0]?.detail).toContain('token *** is unknown');
  });

  it('reports what cannot be revoked, with the reason main recorded, and a provider it does not know as not revocable', async () => {
    const temp = realpathSync(mkdtempSync(join(tmpdir(), 'keyless-temp-')));
    const env = mainRecorded(temp, (log) => {
      log.record({ kind: 'revoke-none', provider: 'crates', id: 'crates', reason: 'it expires in 30 minutes' });
      log.record(revoke('https://sts.example.com/revoke', { provider: 'retired', id: 'old' }));
    });
    const { lines } = await post(env);
    expect(lines).toContain('· not revocable crates "crates": it expires in 30 minutes');
    expect(lines).toContain('· not revocable retired "old": the issuer offers no revocation; it expires on its own (expires 2026-01-01T00:15:00.000Z)');
  });

  it('ignores, with a warning, state entries main did not sign', async () => {
    const temp = realpathSync(mkdtempSync(join(tmpdir(), 'keyless-temp-')));
    mkdirSync(join(temp, 'keyless-planted'));
    const env = mainRecorded(temp, () => undefined);
    env.STATE_keyless_900 = `${'0'.repeat(64)}.${JSON.stringify({ kind: 'path', path: join(temp, 'keyless-planted') })}`;
    const { lines } = await post(env);
    expect(lines[0]).toMatch(/^::warning::ignored 1 STATE_keyless_\* entry that this action's main step did not write/);
    expect(existsSync(join(temp, 'keyless-planted'))).toBe(true);
  });

  it('writes a summary only when there was something to clean up', async () => {
    const temp = realpathSync(mkdtempSync(join(tmpdir(), 'keyless-temp-')));
    const summary = join(temp, 'summary');
    writeFileSync(summary, '');
    const { lines } = await post({ ...mainRecorded(temp, (log) => { log.record({ kind: 'settings', strictCleanup: false }); }), GITHUB_STEP_SUMMARY: summary });
    expect(lines).toEqual(['Deleted 0 file(s) and folder(s) Keyless wrote.']);
    expect(readFileSync(summary, 'utf8')).toBe('');
    mkdirSync(join(temp, 'keyless-y'));
    await post({ ...mainRecorded(temp, (log) => { log.record({ kind: 'path', path: join(temp, 'keyless-y') }); }), GITHUB_STEP_SUMMARY: summary });
    expect(readFileSync(summary, 'utf8')).toContain('1 file(s) and folder(s) deleted.');
  });
});
