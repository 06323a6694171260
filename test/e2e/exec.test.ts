import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExecRecord } from '../../src/audit/record.js';
import { holdOpen } from '../fakes/http-fake.js';
import { baseEnv, runStep } from '../fakes/runner-harness.js';
import { startRunnerOidc } from '../fakes/runner-oidc.js';
import { awsWorld } from './aws-world.js';
import { dist, oidcAudiences, world } from './setup.js';

const cli = join(dist, 'cli.js');
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

// COMMAND, as a program the user runs: it reports what it sees as digests (a credential it printed would be a
// leak), and the paths of the files it was given, so the test can check they are gone afterwards.
const PROBE = `
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const sha = (t) => createHash('sha256').update(t).digest('hex');
const e = process.env;
const files = Object.fromEntries(['AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONFIG_FILE'].filter((n) => e[n]).map((n) => [n, { path: e[n], exists: existsSync(e[n]) }]));
const keyLine = e.AWS_SHARED_CREDENTIALS_FILE ? readFileSync(e.AWS_SHARED_CREDENTIALS_FILE, 'utf8').split('\\n').find((l) => l.startsWith('aws_access_key_id')) : undefined;
const seen = { token: (e.DEPLOY_TOKEN ?? e.KEYLESS_TOKEN) ? sha(e.DEPLOY_TOKEN ?? e.KEYLESS_TOKEN) : null, awsKey: keyLine ? sha(keyLine.split('=')[1].trim()) : null, files, profile: e.AWS_PROFILE ?? null };
writeFileSync(process.argv[1], JSON.stringify(seen));
if (process.argv[2] === 'wait') setInterval(() => {}, 1000);
else process.exit(Number(process.argv[2] ?? 0));
`;
interface Seen {
  token: string | null;
  awsKey: string | null;
  files: Record<string, { path: string; exists: boolean }>;
}
const probe = (report: string, how = '0') => ['--', process.execPath, '-e', PROBE, report, how];
const seenBy = (report: string) => JSON.parse(readFileSync(report, 'utf8')) as Seen;

/** A process of the job started before keyless exec: it reports the variable only when told, after exec returned. */
function sibling(env: Record<string, string>, variable = 'DEPLOY_TOKEN'): { child: ChildProcess; report: () => Promise<string> } {
  const child = spawn(process.execPath, ['-e', `process.stdin.once("data", () => { console.log(JSON.stringify(process.env.${variable} ?? null)); process.exit(0); })`], { env: { ...baseEnv(), ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return {
    child,
    report: async () => {
      child.stdin.write('go\n');
      await new Promise((resolve) => child.on('close', resolve));
      return out.trim();
    },
  };
}

describe('keyless exec', () => {
  it('an export: exec entry: checked at the step, minted for the command alone, revoked and gone when it returns', async () => {
    const w = await world({ issuerPath: '/realms/ci' });
    const credentials = `- provider: rfc8693\n  id: deploy\n  issuer: ${w.server.issuer}\n  export: exec`;
    const main = await w.main({ credentials });
    expect(main.code).toBe(0);
    // Checked (its runner token's claims), never minted by the step, and nothing of it in the job's variables.
    expect(w.runner.issued).toHaveLength(1);
    expect(w.server.issued).toEqual([]);
    expect(main.env.DEPLOY_TOKEN).toBeUndefined();
    expect(main.env.KEYLESS_EXEC_CONFIG).toMatch(/keyless-exec-[^/\\]+[/\\]exec\.json$/);
    expect(main.env.KEYLESS_CLI).toBeDefined();
    expect(main.summary).toContain('Checked for `keyless exec`');

    const later = { ...main.env };
    const before = sibling(later);
    const report = join(w.job.root, 'seen.json');
    const exec = await cliRun(w, ['exec', '--id', 'deploy', ...probe(report)], undefined, later);
    expect(exec.stderr).toBe('');
    expect(exec.code).toBe(0);
    expect(w.server.issued).toHaveLength(1);
    const token = w.server.issued[0] ?? '';
    // The command saw it (as DEPLOY_TOKEN, the entry's variable) ...
    expect(seenBy(report).token).toBe(sha(token));
    expect(exec.lines.findIndex((line) => line.startsWith('::add-mask::'))).toBeLessThan(exec.lines.findIndex((line) => line.startsWith('✓ rfc8693')));
    // ... and it was revoked before keyless exec returned.
    expect([...w.server.revoked]).toEqual([token]);
    // Nothing for the job: no variable, no output; a sibling started before and a later step see nothing.
    expect(exec.files.env).toBe('');
    expect(exec.files.outputs).toBe('');
    expect(await before.report()).toBe('null');
    // A later step: the job's variables as the runner hands them on, those the exec step exported included.
    const next = spawnSync(process.execPath, ['-e', 'console.log(JSON.stringify(process.env.DEPLOY_TOKEN ?? null))'], { env: { ...baseEnv(), ...later, ...exec.env }, encoding: 'utf8' });
    expect(next.stdout.trim()).toBe('null');

    expect(exec.summary).toMatch(/### Keyless exec/);
    expect(exec.summary).toMatch(/\| [^|]*node[^|]* \| deploy \| \d{4}-[^|]+ \| \d{4}-[^|]+ \| 0 \|/);
    expect(exec.summary).not.toContain(PROBE.slice(0, 30));
    const auditPath = /Audit record of this exec: (.+)$/m.exec(exec.stdout)?.[1] ?? '';
    const audit = JSON.parse(readFileSync(auditPath, 'utf8')) as ExecRecord;
    expect(audit).toMatchObject({ command: process.execPath, entries: ['deploy'], exitStatus: 0, cleanup: [{ id: 'deploy', status: 'revoked' }] });
    expect(JSON.stringify(audit)).not.toContain(report);

    const post = await w.post({ credentials }, main);
    expect(post.code).toBe(0);
    expect(existsSync(main.env.KEYLESS_EXEC_CONFIG ?? '')).toBe(false);
    expect(w.server.unexpected).toEqual([]);
    w.expectNoLeaks([main, exec, post]);
  });

  it('a step with env and exec entries mints the env one; exec mints the other; a planted copy elsewhere is refused', async () => {
    const w = await world();
    const credentials = `${entry(w)}\n  id: build\n${entry(w)}\n  id: deploy\n  export: exec`;
    const main = await w.main({ credentials });
    expect(main.code).toBe(0);
    expect(main.env.BUILD_TOKEN).toBe(w.server.issued[0]);
    expect(w.server.issued).toHaveLength(1);
    const report = join(w.job.root, 'seen.json');
    const exec = await cliRun(w, ['exec', ...probe(report)], undefined, main.env);
    expect(exec.code).toBe(0);
    expect(w.server.issued).toHaveLength(2);
    expect(seenBy(report).token).toBe(sha(w.server.issued[1] ?? ''));

    // An earlier step points the variable at a file of its own, outside Keyless's folders: nothing starts.
    const planted = join(w.job.root, 'keyless-exec-x', 'exec.json');
    mkdirSync(join(planted, '..'));
    writeFileSync(planted, readFileSync(main.env.KEYLESS_EXEC_CONFIG ?? ''));
    const refused = await cliRun(w, ['exec', ...probe(join(w.job.root, 'never.json'))], undefined, { ...main.env, KEYLESS_EXEC_CONFIG: planted });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('[INPUT_INVALID] KEYLESS_EXEC_CONFIG does not name settings a Keyless step wrote');
    expect(existsSync(join(w.job.root, 'never.json'))).toBe(false);
    expect(w.server.issued).toHaveLength(2);
    w.expectNoLeaks([main, exec, refused]);
  });

  it('an aws entry with a profile: the command reads the files, which are gone when keyless exec returns', async () => {
    const w = await awsWorld();
    const report = join(w.job.root, 'seen.json');
    const before = sibling({}, 'AWS_SHARED_CREDENTIALS_FILE');
    const exec = await cliRun(w, ['exec', '--credentials', w.entry('\n  profile: deploy'), ...probe(report)]);
    expect(exec.stderr).toBe('');
    expect(exec.code).toBe(0);
    const seen = seenBy(report);
    expect(seen.awsKey).toBe(sha(w.sts.issued[0] ?? ''));
    const files = Object.values(seen.files);
    expect(files.map((f) => f.exists)).toEqual([true, true]);
    for (const { path } of files) expect(existsSync(path)).toBe(false);
    expect(exec.files.env).toBe('');
    expect(await before.report()).toBe('null');
    const next = spawnSync(process.execPath, ['-e', 'console.log(JSON.stringify(process.env.AWS_SHARED_CREDENTIALS_FILE ?? null))'], { env: { ...baseEnv(), ...exec.env }, encoding: 'utf8' });
    expect(next.stdout.trim()).toBe('null');
    // STS sessions cannot be revoked: the summary says so, and that they expire.
    expect(exec.stdout).toContain('not revocable aws "aws"');
    expect(exec.stdout).toContain('Deleted 1 file(s) and folder(s) Keyless wrote.');
    w.expectNoLeaks([exec], {});
  });

  // Windows has no signals to pass on: a kill there ends keyless exec outright.
  it.skipIf(process.platform === 'win32')('stopped with SIGTERM while the command runs: passes it on, revokes, deletes, and exits 143', async () => {
    const w = await world({ issuerPath: '/realms/ci' });
    const report = join(w.job.root, 'seen.json');
    const credentials = `- provider: rfc8693\n  issuer: ${w.server.issuer}\n  export: file`;
    const exec = await cliRun(w, ['exec', '--credentials', credentials, ...probe(report, 'wait')], (child) => {
      const poll = setInterval(() => {
        if (existsSync(report)) {
          clearInterval(poll);
          child.kill('SIGTERM');
        }
      }, 20);
    });
    expect(exec.code).toBe(143);
    expect([...w.server.revoked]).toEqual(w.server.issued);
    expect(w.server.issued).toHaveLength(1);
    expect(exec.stdout).toContain('Deleted 1 file(s) and folder(s) Keyless wrote.');
    expect(exec.summary).toMatch(/\| 143 \(SIGTERM\) \|/);
    w.expectNoLeaks([exec], {});
  });

  it.skipIf(process.platform === 'win32')('a command that ignores SIGTERM is killed on the second signal, and what it held is revoked all the same', async () => {
    const w = await world({ issuerPath: '/realms/ci' });
    const started = join(w.job.root, 'started');
    const credentials = `- provider: rfc8693\n  issuer: ${w.server.issuer}\n  export: file`;
    const stubborn = `process.on('SIGTERM', () => {}); require('node:fs').writeFileSync(${JSON.stringify(started)}, ''); setInterval(() => {}, 1000);`;
    const exec = await cliRun(w, ['exec', '--credentials', credentials, '--', process.execPath, '-e', stubborn], (child) => {
      const poll = setInterval(() => {
        if (!existsSync(started)) return;
        clearInterval(poll);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGTERM'), 300);
      }, 20);
    });
    expect(exec.code).toBe(137);
    expect([...w.server.revoked]).toEqual(w.server.issued);
    expect(w.server.issued).toHaveLength(1);
    expect(exec.stdout).toContain('Deleted 1 file(s) and folder(s) Keyless wrote.');
    expect(exec.summary).toMatch(/\| 137 \(SIGKILL\) \|/);
    w.expectNoLeaks([exec], {});
  });

  // `keyless exec … | head -1`: the reader is gone before Keyless has said everything, so its writes fail
  // (EPIPE) once it has minted. Nothing more reaches the log, COMMAND's output included (it shares the pipe);
  // what was minted is revoked all the same.
  it.skipIf(process.platform === 'win32')('its stdout closed while it mints: runs the command as a shell would, then revokes and deletes', async () => {
    const w = await world({ issuerPath: '/realms/ci' });
    const hold = holdOpen();
    w.server.faults.push(hold.fault);
    const credentials = `- provider: rfc8693\n  issuer: ${w.server.issuer}\n  export: file`;
    const report = join(w.job.root, 'seen.json');
    const exec = await cliRun(w, ['exec', '--credentials', credentials, ...probe(report)], (child) => {
      void hold.held.then(() => {
        child.stdout?.destroy();
        setTimeout(() => { hold.release(); }, 100);
      });
    });
    expect(exec.code).toBe(0);
    expect(existsSync(report)).toBe(true);
    expect(w.server.issued).toHaveLength(1);
    expect([...w.server.revoked]).toEqual(w.server.issued);
    expect(readdirSync(w.job.temp).filter((name) => /^keyless-(?!exec-audit)/.test(name))).toEqual([]);
  });

  it.each([
    ['0', 0],
    ['3', 3],
  ])('exits with the command’s status (%s)', async (how, status) => {
    const w = await world();
    const exec = await cliRun(w, ['exec', '--credentials', entry(w), ...probe(join(w.job.root, 'seen.json'), how)]);
    expect(exec.code).toBe(status);
    w.expectNoLeaks([exec], {});
  });

  it.skipIf(process.platform === 'win32')('a command ended by a signal: 128 + its number', async () => {
    const w = await world();
    const exec = await cliRun(w, ['exec', '--credentials', entry(w), '--', process.execPath, '-e', 'process.kill(process.pid, "SIGTERM")']);
    expect(exec.code).toBe(143);
  });

  it('a failed exchange never starts the command, and exits 1', async () => {
    const w = await world({ allowedSubjects: ['repo:someone/else:ref:refs/heads/main'] });
    const report = join(w.job.root, 'seen.json');
    const exec = await cliRun(w, ['exec', '--credentials', entry(w), ...probe(report)]);
    expect(exec.code).toBe(1);
    expect(existsSync(report)).toBe(false);
    expect(exec.stdout).toMatch(/^::error::\[EXCHANGE_DENIED\]|^::error::\[EXCHANGE_FAILED\]/m);
    expect(exec.summary).toMatch(/\| not started \|/);
    w.expectNoLeaks([exec], {});
  });

  it.each([
    [['exec', '--credentials', 'x', 'node'], /the command must follow --/],
    [['exec', '--credentials', 'x', '--'], /no command after --/],
    [['exec', '--credentials', 'x', '--policy-file', 'y', '--', 'true'], /alternatives/],
  ])('usage errors exit 2: %j', async (args, message) => {
    const w = await world();
    const exec = await cliRun(w, args);
    expect(exec.code).toBe(2);
    expect(exec.stderr).toMatch(message);
    expect(exec.stderr).toContain('usage: keyless exec');
  });

  it('an --id that names no entry exits 2, with the likely one', async () => {
    const w = await world();
    const credentials = `${entry(w)}\n  id: deploy\n${entry(w)}\n  id: publish`;
    const exec = await cliRun(w, ['exec', '--credentials', credentials, '--id', 'deplyo', '--', 'true']);
    expect(exec.code).toBe(2);
    expect(exec.stderr).toContain('--id "deplyo" names no entry (did you mean "deploy"?)');
    expect(w.runner.issued).toEqual([]);
  });

  it('two aws entries for one command exit 2 before anything is minted: each would replace the other', async () => {
    const w = await world();
    const aws = (id: string) => `- provider: aws\n  id: ${id}\n  role: arn:aws:iam::123456789012:role/${id}\n  region: us-east-1\n  export: exec`;
    const exec = await cliRun(w, ['exec', '--credentials', `${aws('prod')}\n${aws('staging')}`, '--', 'true']);
    expect(exec.code).toBe(2);
    expect(exec.stderr).toContain('entries "prod" and "staging" both take the AWS variables of the environment');
    expect(exec.stderr).toContain('name one of them with --id in each keyless exec, or give each its own profile');
    expect(w.runner.issued).toEqual([]);
  });

  it('--help exits 0 and the top-level help lists exec', async () => {
    const w = await world();
    const help = await cliRun(w, ['exec', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('usage: keyless exec [--credentials YAML | --policy-file FILE] [--id ENTRY]... -- COMMAND [ARGS...]');
    expect((await cliRun(w, ['--help'])).stdout).toMatch(/^ {2}exec {5}mint credentials for one command alone/m);
  });

  it('outside GitHub Actions without a runner token source: says what to set, starts nothing', async () => {
    const w = await world();
    const report = join(w.job.root, 'seen.json');
    const exec = await cliRun(w, ['exec', '--credentials', entry(w), ...probe(report)], undefined, { ...NOT_ACTIONS, ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined });
    expect(exec.code).toBe(1);
    expect(existsSync(report)).toBe(false);
    expect(exec.stdout).toBe('');
    expect(exec.stderr).toMatch(/\[OIDC_PERMISSION_MISSING\] no subject token: keyless exec runs outside GitHub Actions/);
    expect(exec.stderr).toContain('subject-token-source');
    expect(exec.stderr).toContain('ACTIONS_ID_TOKEN_REQUEST_URL');
  });

  it('outside GitHub Actions with a projected token file (a pod): the same policy, no runner asked', async () => {
    const w = await world();
    const k8s = w.adoptIssuer(await startRunnerOidc({ sub: 'system:serviceaccount:ci:deploy' }));
    const sts = await w.addServer({ trustedIssuer: k8s.issuer });
    const url = new URL(k8s.requestUrl);
    url.searchParams.set('audience', sts.issuer);
    const token = ((await (await fetch(url, { headers: { authorization: `Bearer ${k8s.requestToken}` } })).json()) as { value: string }).value;
    const file = join(w.job.root, 'projected-token');
    writeFileSync(file, token);
    const report = join(w.job.root, 'seen.json');
    const credentials = `- provider: rfc8693\n  token-endpoint: ${sts.tokenEndpoint}\n  subject-token-source: file\n  subject-token-file: ${file}`;
    const exec = await cliRun(w, ['exec', '--credentials', credentials, ...probe(report)], undefined, { ...NOT_ACTIONS, ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined });
    expect(exec.stderr).not.toContain('::error');
    expect(exec.code).toBe(0);
    expect(seenBy(report).token).toBe(sha(sts.issued[0] ?? ''));
    expect(oidcAudiences(w.runner)).toEqual([]);
    expect(exec.stdout).toBe('');
    w.expectNoLeaks([exec]);
  });

  it('outside GitHub Actions with a token service: no add-mask line (it would print the secret), its lines on stderr', async () => {
    const w = await world();
    const report = join(w.job.root, 'seen.json');
    const exec = await cliRun(w, ['exec', '--credentials', entry(w), ...probe(report)], undefined, NOT_ACTIONS);
    expect(exec.code).toBe(0);
    expect(seenBy(report).token).toBe(sha(w.server.issued[0] ?? ''));
    expect(exec.stdout).toBe('');
    expect(exec.stderr).toMatch(/^keyless exec: .*node.*: rfc8693 minted .* → cleaned up .*; exit 0$/m);
    for (const secret of [...w.server.issued, ...w.runner.issued]) expect(exec.stderr).not.toContain(secret);
  });
});

/** The variables GitHub Actions sets that keyless exec looks at, unset: a developer's shell or another CI. */
const NOT_ACTIONS = { GITHUB_ACTIONS: undefined, GITHUB_ENV: undefined, GITHUB_OUTPUT: undefined, GITHUB_STATE: undefined, GITHUB_STEP_SUMMARY: undefined, GITHUB_PATH: undefined };

/** An rfc8693 entry for the world's server, addressed by its token endpoint (no discovery, so not revocable). */
const entry = (w: Awaited<ReturnType<typeof world>>) => `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}\n  oidc-audience: ${w.server.issuer}`;

/** dist/cli.js in a step of the world's job, as a `run:` line starts it. */
function cliRun(w: Awaited<ReturnType<typeof world>>, args: string[], onSpawn?: (child: ChildProcess) => void, env: Record<string, string | undefined> = {}) {
  return runStep(cli, { ...w.options({}, env), actionYml: w.options({}).actionYml, args, ...(onSpawn ? { onSpawn } : {}) });
}
