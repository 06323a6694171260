import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLeaks } from '../fakes/leaks.js';
import { newJob, runnerLines, runStep, type StepRun, takeUnscanned } from '../fakes/runner-harness.js';
import { faultSecrets } from '../fakes/http-fake.js';
import { readRunnerLog } from '../fakes/runner-log.js';
import { actionYml, world } from './setup.js';

// The leak scan and the harness must be no kinder than the runner: each case here is one the scan used to
// pass while the runner would have shown the secret, or one where the harness handed a step what the
// runner never would.

const SECRET = 'tok_0123456789abcdefSECRET';

function run(stdout: string, files: Partial<StepRun['files']> = {}): StepRun {
  const all = { env: '', outputs: '', state: '', summary: '', path: '', ...files };
  return { code: 0, signal: null, stdout, lines: runnerLines(stdout), stderr: '', env: {}, outputs: {}, state: {}, summary: all.summary, elapsedMs: 0, files: all };
}

const scan = (runs: StepRun[], allow = { env: true }, tempDir?: string) => findLeaks(runs, { never: [], credentials: [SECRET], allow, ...(tempDir ? { tempDir } : {}) });

describe('the leak scan reads stdout as the runner does', () => {
  it('counts an ::add-mask:: after ::stop-commands:: as a printed line: the runner shows it and masks nothing', () => {
    expect(scan([run(`::add-mask::${SECRET}\n`)])).toEqual([]);
    expect(scan([run(`::stop-commands::pause\n::add-mask::${SECRET}\n::pause::\n`)])).toEqual([`step 0 stdout contains ${SECRET.slice(0, 6)}…`]);
  });

  it('takes an ::add-mask:: after leading white space, and unescapes its data, as TryParseV2 does', () => {
    expect(readRunnerLog(['  ::add-mask::a%250Ab%0Ac'])).toMatchObject({ printed: [], masks: [{ index: 0, value: 'a%0Ab\nc' }] });
  });

  it('fails a credential handed to the job through GITHUB_ENV that no processed ::add-mask:: masked', () => {
    const env = `TOKEN<<EOF\n${SECRET}\nEOF\n`;
    expect(scan([run(`::add-mask::${SECRET}\n`, { env })])).toEqual([]);
    expect(scan([run('', { env })])).toEqual([`step 0 hands ${SECRET.slice(0, 6)}… to the job without a processed ::add-mask:: of it`]);
    expect(scan([run(`::add-mask::${SECRET}\n`), run('', { env })])).toEqual([]);
  });
});

describe('the leak scan finds derived forms', () => {
  it('base64 of user:secret, at any alignment, in a summary', () => {
    for (const user of ['AWS', 'AWS:', 'oauth2accesstoken']) {
      const summary = Buffer.from(`${user}:${SECRET}`).toString('base64');
      expect(scan([run('', { summary })]), user).toEqual([`step 0 summary contains ${SECRET.slice(0, 6)}…`]);
    }
  });

  it('the JSON-escaped form of a multi-line secret in a file left in RUNNER_TEMP', () => {
    const job = newJob();
    const pem = '-----BEGIN KEY-----\nMIIBVwIBADANBgkqhkiG\n-----END KEY-----';
    mkdirSync(join(job.temp, 'keyless-x'));
    writeFileSync(join(job.temp, 'keyless-x', 'creds.json'), JSON.stringify({ key: pem }));
    expect(findLeaks([], { never: [pem], credentials: [], tempDir: job.temp })).toHaveLength(1);
  });
});

describe('the leak scan holds encodings in files to their own mask', () => {
  it('fails a docker auth of user:credential in RUNNER_TEMP that only the credential was masked for', () => {
    const job = newJob();
    const auth = Buffer.from(`AWS:${SECRET}`).toString('base64');
    mkdirSync(join(job.temp, 'keyless-docker'));
    writeFileSync(join(job.temp, 'keyless-docker', 'config.json'), JSON.stringify({ auths: { 'registry.example': { auth } } }));
    const files = [join(job.temp, 'keyless-docker', 'config.json')];
    const policy = { never: [], credentials: [SECRET], allow: { env: true, files }, tempDir: job.temp };
    expect(findLeaks([run(`::add-mask::${SECRET}\n`)], policy)).toEqual([`file ${files[0] ?? ''} holds base64 of ${SECRET.slice(0, 6)}… that no ::add-mask:: masked`]);
    expect(findLeaks([run(`::add-mask::${SECRET}\n::add-mask::${auth}\n`)], policy)).toEqual([]);
  });
});

describe('the harness hands a step only what the runner would', () => {
  it('refuses STATE_* on a step it was not given by runPost', async () => {
    await expect(runStep(join(import.meta.dirname, 'missing.js'), { job: newJob(), actionYml, env: { STATE_keyless_key: 'a'.repeat(64) } })).rejects.toThrow(/may not set STATE_\*/);
  });

  it("adds ::save-state:: lines to the step's state, GITHUB_STATE winning", async () => {
    const job = newJob();
    const script = join(job.root, 'save.js');
    writeFileSync(script, `console.log('::save-state name=a::from-stdout'); console.log('::save-state name=b::from-stdout'); require('node:fs').appendFileSync(process.env.GITHUB_STATE, 'b=from-file\\n');`);
    const saved = await runStep(script, { job, actionYml });
    expect(saved.state).toEqual({ a: 'from-stdout', b: 'from-file' });
  });

  it('refuses an input action.yml does not declare, which the step would never read', async () => {
    await expect(runStep(join(import.meta.dirname, 'missing.js'), { job: newJob(), actionYml, inputs: { credential: 'x' } })).rejects.toThrow(/declares no input credential/);
  });

  it('reads a character split across two writes whole', async () => {
    const job = newJob();
    const script = join(job.root, 'split.js');
    writeFileSync(script, 'process.stdout.write(Buffer.from([0xe2, 0x82])); setTimeout(() => process.stdout.write(Buffer.from([0xac, 0x0a])), 50);');
    expect((await runStep(script, { job, actionYml })).stdout).toBe('\u20ac\n');
  });

  it("scans for a token a test's fault answer handed out, which no fake's issued list holds", async () => {
    const w = await world();
    w.server.faults.push({ kind: 'status', status: 200, body: { access_token: 'at-a-token-the-test-chose', issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer' } });
    const main = await w.main({ credentials: `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}` });
    expect(main.env.KEYLESS_TOKEN).toBe('at-a-token-the-test-chose');
    expect(faultSecrets).toEqual(['at-a-token-the-test-chose']);
    w.expectNoLeaks([main]);
  });

  it('keeps every step run for the scan after the test until a scan has seen it', async () => {
    const job = newJob();
    const script = join(job.root, 'quiet.js');
    writeFileSync(script, '');
    takeUnscanned();
    const first = await runStep(script, { job, actionYml });
    const second = await runStep(script, { job, actionYml });
    expect(findLeaks([first], { never: [], credentials: [] })).toEqual([]);
    expect(takeUnscanned().map(([step]) => step)).toEqual([second]);
  });
});
