import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

// The post step's reports and refusals in detail (cleanup-order.test.ts has the order of its work).

let fake: Fake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const TOKEN = 'at-details-token-00000000001';

function recorded(temp: string, items: CleanupItem[]): Record<string, string> {
  const state = join(mkdtempSync(join(tmpdir(), 'keyless-state-')), 'state');
  writeFileSync(state, '');
  const log = new CleanupLog(createRunner({ GITHUB_STATE: state }, () => undefined));
  for (const item of items) log.record(item);
  const saved = readRunnerFileValues(readFileSync(state, 'utf8'));
  return { RUNNER_TEMP: temp, ...Object.fromEntries(Object.entries(saved).map(([name, value]) => [`STATE_${name}`, value])) };
}

async function post(env: Record<string, string>) {
  const written: string[] = [];
  const runner = createRunner(env, (text) => written.push(text));
  const error = await cleanup({ runner, http: createHttpClient({ maxAttempts: 1 }) }).then(() => undefined, (e: unknown) => e);
  return { error: error as KeylessError | undefined, lines: written.join('').split('\n').filter((line) => line !== ''), written };
}

const temp = () => realpathSync(mkdtempSync(join(tmpdir(), 'keyless-temp-')));

async function failingEndpoint(): Promise<string> {
  fake = await startFake({ 'POST /revoke': (_req, res) => { json(res, 400, { error: 'invalid_request' }); } });
  return `${fake.url}/revoke`;
}

const revoke = (endpoint: string, extra: Partial<Extract<CleanupItem, { kind: 'revoke' }>> = {}): CleanupItem => ({ kind: 'revoke', provider: 'rfc8693', id: 'sts', handle: { endpoint, token: TOKEN }, ...extra });

describe('cleanup, in detail', () => {
  it('counts ignored entries in the plural', async () => {
    const env = recorded(temp(), []);
    env.STATE_keyless_900 = 'x';
    env.STATE_keyless_901 = 'y';
    const { lines } = await post(env);
    expect(lines[0]).toBe('::warning::ignored 2 STATE_keyless_* entries that this action\'s main step did not write — an earlier step exported them through GITHUB_ENV; check the job\'s earlier steps');
  });

  it('says nothing about ignored entries when there are none', async () => {
    const { lines } = await post(recorded(temp(), []));
    expect(lines).toEqual(['Deleted 0 file(s) and folder(s) Keyless wrote.']);
  });

  it('masks the lines of a handle\'s TLS client key, and its refresh token, before anything else', async () => {
    const key = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nshort\n-----END PRIVATE KEY-----\n';
    const { written } = await post(recorded(temp(), [revoke('https://127.0.0.1:1/revoke', { provider: 'retired', handle: { endpoint: 'https://127.0.0.1:1/revoke', token: TOKEN, refresh: 'refresh-000000001', tls: { key } } })]));
    expect(written.slice(0, 3)).toEqual([`::add-mask::${TOKEN}\n`, '::add-mask::refresh-000000001\n', '::add-mask::MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n']);
    expect(written.join('')).not.toContain('::add-mask::short');
  });

  it('without strict-cleanup, a failed revocation is a warning, not a failure', async () => {
    const endpoint = await failingEndpoint();
    const { error, lines } = await post(recorded(temp(), [{ kind: 'settings', strictCleanup: false }, revoke(endpoint)]));
    expect(error).toBeUndefined();
    expect(lines.some((line) => line.startsWith('::warning::rfc8693 "sts": '))).toBe(true);
  });

  it('under strict-cleanup, names how many failed and what to do', async () => {
    const endpoint = await failingEndpoint();
    const { error } = await post(recorded(temp(), [{ kind: 'settings', strictCleanup: true }, revoke(endpoint), revoke(endpoint, { id: 'sts2' })]));
    expect(error?.code).toBe('REVOKE_FAILED');
    expect(error?.message).toBe('2 credential(s) or file(s) could not be cleaned up');
    expect(error?.hint).toBe('see the warnings above; strict-cleanup makes this fail the job');
  });

  it('under strict-cleanup, succeeds when everything was cleaned up', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'keyless-a'));
    // A credential that cannot be revoked is no failure: it expires on its own.
    const { error, lines } = await post(recorded(dir, [{ kind: 'settings', strictCleanup: true }, { kind: 'path', path: join(dir, 'keyless-a') }, { kind: 'revoke-none', provider: 'crates', id: 'crates' }]));
    expect(error).toBeUndefined();
    expect(lines).toContain('Deleted 1 file(s) and folder(s) Keyless wrote.');
  });

  it('reports a revocation that succeeded with its detail, and a recorded path outside its folders that is gone as nothing', async () => {
    fake = await startFake({ 'POST /revoke': (_req, res) => { res.writeHead(200).end(); } });
    const dir = temp();
    const { lines, error } = await post(recorded(dir, [revoke(`${fake.url}/revoke`), { kind: 'path', path: join(dir, 'not-ours-and-gone') }]));
    expect(error).toBeUndefined();
    expect(lines).toContain('✓ revoked rfc8693 "sts"');
    expect(lines.filter((line) => line.startsWith('::warning::'))).toEqual([]);
  });

  it('writes the summary of what it did', async () => {
    const dir = temp();
    const summary = join(dir, 'summary');
    writeFileSync(summary, '');
    await post({ ...recorded(dir, [{ kind: 'revoke-none', provider: 'crates', id: 'crates', reason: 'it expires in 30 minutes' }]), GITHUB_STEP_SUMMARY: summary });
    expect(readFileSync(summary, 'utf8')).toContain('| crates | crates | not revocable: it expires in 30 minutes |');
    expect(readFileSync(summary, 'utf8')).toContain('0 file(s) and folder(s) deleted.');
  });

  it('leaves an audit file alone unless it is main\'s keyless-audit-* regular file', async () => {
    const dir = temp();
    const base: AuditRecord = { version: 1, identity: {}, tools: [], pins: [], exchanges: [], credentials: [] };
    const other = join(dir, 'keyless-other.json');
    const otherDigest = writeAudit(other, base, (t) => t);
    const folder = join(dir, 'keyless-audit-dir');
    mkdirSync(folder);
    const broken = join(dir, 'keyless-audit-broken.json');
    writeFileSync(broken, '{not json');
    const item: CleanupItem = { kind: 'revoke-none', provider: 'crates', id: 'crates' };
    await post(recorded(dir, [item, { kind: 'audit', path: other, sha256: otherDigest }]));
    expect((JSON.parse(readFileSync(other, 'utf8')) as AuditRecord).cleanup).toBeUndefined();
    const { error } = await post(recorded(dir, [item, { kind: 'audit', path: folder, sha256: otherDigest }]));
    expect(error).toBeUndefined();
    expect(existsSync(folder)).toBe(true);
    const brokenDigest = createHash('sha256').update('{not json').digest('hex');
    expect((await post(recorded(dir, [item, { kind: 'audit', path: broken, sha256: brokenDigest }]))).error).toBeUndefined();
    expect(readFileSync(broken, 'utf8')).toBe('{not json');
    const main = join(dir, 'keyless-audit-1.json');
    const sha256 = writeAudit(main, base, (t) => t);
    await post(recorded(dir, [item, { kind: 'audit', path: main, sha256 }]));
    expect((JSON.parse(readFileSync(main, 'utf8')) as AuditRecord).cleanup).toEqual([{ id: 'crates', provider: 'crates', status: 'not-revocable', detail: 'the issuer offers no revocation; it expires on its own' }]);
  });

  // A later step that moves a credential file out of Keyless's folder keeps a copy post cannot delete: the log says which.
  it('names a recorded file a later step moved away, but not one that went with a folder deleted before it', async () => {
    const dir = temp();
    const folder = join(dir, 'keyless-sts');
    mkdirSync(folder);
    writeFileSync(join(folder, 'token'), 'x');
    mkdirSync(join(dir, 'keyless-adc'));
    const moved = join(dir, 'keyless-adc', 'credentials.json');
    const summary = join(dir, 'summary');
    writeFileSync(summary, '');
    // In main's order: each folder, then the files in it.
    const items: CleanupItem[] = [{ kind: 'path', path: folder }, { kind: 'path', path: join(folder, 'token') }, { kind: 'path', path: join(dir, 'keyless-adc') }, { kind: 'path', path: moved }];
    const { lines } = await post({ ...recorded(dir, items), GITHUB_STEP_SUMMARY: summary });
    expect(lines).toEqual([`· already gone: ${moved} (moved or deleted after Keyless wrote it; a copy moved elsewhere is not deleted)`, 'Deleted 2 file(s) and folder(s) Keyless wrote.']);
    expect(existsSync(folder)).toBe(false);
    expect(readFileSync(summary, 'utf8')).toContain('2 file(s) and folder(s) deleted. 1 was already gone: moved or deleted after Keyless wrote it (the step log names it).');
  });

  // A later step can rewrite the record in RUNNER_TEMP: post adding its cleanup would vouch for that step's text.
  it("adds the cleanup only while the audit file holds main's bytes, and says so when it does not", async () => {
    const dir = temp();
    const main = join(dir, 'keyless-audit-2.json');
    const sha256 = writeAudit(main, { version: 1, identity: { sub: 'repo:acme/widget' }, tools: [], pins: [], exchanges: [], credentials: [] }, (t) => t);
    const forged = readFileSync(main, 'utf8').replace('repo:acme/widget', 'repo:acme/other');
    writeFileSync(main, forged);
    const item: CleanupItem = { kind: 'revoke-none', provider: 'crates', id: 'crates' };
    const { lines, error } = await post(recorded(dir, [item, { kind: 'audit', path: main, sha256 }]));
    expect(error).toBeUndefined();
    expect(readFileSync(main, 'utf8')).toBe(forged);
    expect(lines).toContain(`::warning::the audit record ${main} is not the file the main step wrote (a later step changed, replaced or deleted it): the cleanup was not added to it; the job summary holds it`);
    // A link to a forged record is refused the same way, and said.
    const forgedElsewhere = join(dir, 'forged.json');
    writeFileSync(forgedElsewhere, forged);
    rmSync(main);
    symlinkSync(forgedElsewhere, main);
    const linked = await post(recorded(dir, [item, { kind: 'audit', path: main, sha256 }]));
    expect(linked.lines.some((line) => line.startsWith(`::warning::the audit record ${main} is not the file the main step wrote`))).toBe(true);
    expect(readFileSync(forgedElsewhere, 'utf8')).toBe(forged);
  });

  it('ends the CLI sessions main started, alone or among other items, and only those', async () => {
    // No pwsh on PATH: the Az PowerShell session is reported as not cleared, which shows it was looked at.
    const session: CleanupItem = { kind: 'session', tool: 'azps', id: 'azure' };
    const notCleared = '::warning::Az PowerShell "azure": pwsh is not on PATH, so the context saved under ~/.Azure was not cleared';
    const alone = await post({ ...recorded(temp(), [session]), PATH: '' });
    expect(alone.lines).toContain(notCleared);
    const folder = temp();
    const mixed = await post({ ...recorded(folder, [{ kind: 'path', path: join(folder, 'keyless-x') }, session]), PATH: '' });
    expect(mixed.lines).toContain(notCleared);
  });
});
