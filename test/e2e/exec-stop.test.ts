import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AzControl, startAzureCli } from '../fakes/azure-cli.js';
import { startEntra } from '../fakes/entra.js';
import { holdOpen } from '../fakes/http-fake.js';
import { runStep } from '../fakes/runner-harness.js';
import { dist, world } from './setup.js';

const cli = join(dist, 'cli.js');

function cliRun(w: Awaited<ReturnType<typeof world>>, args: string[], onSpawn?: (child: ChildProcess) => void, env: Record<string, string> = {}) {
  return runStep(cli, { ...w.options({}, env), actionYml: w.options({}).actionYml, args, ...(onSpawn ? { onSpawn } : {}) });
}

/**
 * `keyless exec -- node ARGS` of an azure entry that signs az in, the fake az behaving as `control` says;
 * keyless exec gets SIGTERM once az is asked to `step` (login or logout).
 */
async function azureExec(w: Awaited<ReturnType<typeof world>>, control: AzControl, step: 'login' | 'logout', args: string[]) {
  const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  const client = '0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d';
  const entra = w.adopt(await startEntra({ trustedIssuer: w.runner.issuer, tenantId: tenant, clientId: client, subjects: ['repo:acme/widget:ref:refs/heads/main'] }));
  const az = startAzureCli({ pwsh: false });
  az.control(control);
  const credentials = `- provider: azure\n  client-id: ${client}\n  tenant-id: ${tenant}\n  authority-host: ${entra.url}/\n  az-login: true`;
  const stopWhenAsked = (child: ChildProcess) => {
    void (async () => {
      while (!az.calls().some((call) => call.argv[0] === step)) await new Promise((resolve) => setTimeout(resolve, 10));
      child.kill('SIGTERM');
    })();
  };
  return cliRun(w, ['exec', '--credentials', credentials, '--', process.execPath, ...args], stopWhenAsked, { PATH: az.path });
}

// Windows has no signals to pass on: a kill there ends keyless exec outright.
describe.skipIf(process.platform === 'win32')('keyless exec told to stop while it mints', () => {
  // The runner cancels with SIGINT, then SIGTERM, then kills: a stop must not wait out a hung server. With
  // http-timeout: 5m, waiting would outlast the test's own timeout; the held request is released only after.
  it('gives up the hung exchange after a short grace, not its 5-minute http-timeout; revokes what was minted, never starts the command, exits 143', async () => {
    const w = await world();
    const hold = holdOpen();
    w.server.faults.push(hold.fault);
    const started = join(w.job.root, 'started');
    const entry = (id: string) => `    - provider: rfc8693\n      id: ${id}\n      token-endpoint: ${w.server.tokenEndpoint}\n      revocation-endpoint: ${w.server.url}/revoke\n      export: file`;
    mkdirSync(join(w.job.workspace, '.github'), { recursive: true });
    writeFileSync(join(w.job.workspace, '.github', 'keyless.yml'), `http-timeout: 5m\ncredentials: |\n${entry('held')}\n${entry('minted')}\n`);
    const exec = await cliRun(w, ['exec', '--', process.execPath, '-e', `require('node:fs').writeFileSync(${JSON.stringify(started)}, '')`], (child) => {
      // The other entry's answer is in (Keyless masked its token) before the signal: a credential to revoke.
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
      void hold.held.then(async () => {
        while (!w.server.issued.some((token) => out.includes(`::add-mask::${token}`))) await new Promise((resolve) => setTimeout(resolve, 10));
        child.kill('SIGTERM');
      });
    });
    hold.release();
    expect(exec.code).toBe(143);
    expect(existsSync(started)).toBe(false);
    expect(w.server.issued).toHaveLength(1);
    expect([...w.server.revoked]).toEqual(w.server.issued);
    expect(exec.stdout).toContain('told to stop (SIGTERM) before');
    // The abandoned request is the stop's doing, not an error of its own.
    expect(exec.stdout).not.toContain('::error::');
    expect(exec.summary).toMatch(/\| not started \(SIGTERM\) \|/);
    w.expectNoLeaks([exec], {});
  });

  // A revocation server that hangs would hold keyless exec for the whole http-timeout after COMMAND, past the
  // runner's kill: the files go first, a stop ends the wait, and what was not revoked is said with its expiry.
  it('a stop while it revokes gives up the hung revocation after a short grace; the files are already gone', async () => {
    const w = await world();
    const hold = holdOpen();
    mkdirSync(join(w.job.workspace, '.github'), { recursive: true });
    writeFileSync(join(w.job.workspace, '.github', 'keyless.yml'), `http-timeout: 5m\ncredentials: |\n    - provider: rfc8693\n      id: sts\n      token-endpoint: ${w.server.tokenEndpoint}\n      revocation-endpoint: ${w.server.url}/revoke\n      export: file\n`);
    const seen = join(w.job.root, 'token-file');
    // COMMAND records where its token file was, so the test can see it deleted.
    const command = `require('node:fs').writeFileSync(${JSON.stringify(seen)}, process.env.STS_TOKEN_FILE)`;
    let presentAtRevocation: boolean | undefined;
    const exec = await cliRun(w, ['exec', '--', process.execPath, '-e', command], (child) => {
      // The exchange is answered; the revocation that follows is held until keyless exec has exited.
      void (async () => {
        while (w.server.issued.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
        w.server.faults.push(hold.fault);
        await hold.held;
        const { readFileSync } = await import('node:fs');
        presentAtRevocation = existsSync(readFileSync(seen, 'utf8'));
        child.kill('SIGTERM');
      })();
    });
    hold.release();
    expect(presentAtRevocation).toBe(false);
    expect(exec.code).toBe(0);
    expect(w.server.revoked.size).toBe(0);
    expect(exec.stdout).toMatch(/::warning::rfc8693 "sts": \[REVOKE_FAILED\] given up: keyless exec was told to stop \(SIGTERM\) before it was done — .* \(expires /);
    expect(exec.stdout).not.toContain('INTERNAL');
    w.expectNoLeaks([exec], {});
  });

  // az login that never returns (a network that does not answer) would hold the stop for az's own timeout.
  it('a stop while az signs in kills the sign-in instead of waiting for it; the session folder goes, the command never starts', async () => {
    const w = await world();
    const started = join(w.job.root, 'started');
    const exec = await azureExec(w, { loginHangs: true }, 'login', ['-e', `require('node:fs').writeFileSync(${JSON.stringify(started)}, '')`]);
    expect(exec.code).toBe(143);
    expect(existsSync(started)).toBe(false);
    expect(exec.stdout).toContain('told to stop (SIGTERM) before');
    expect(exec.stdout).not.toContain('::error::');
    expect(readdirSync(w.job.temp).filter((name) => name.startsWith('keyless-azure-'))).toEqual([]);
    w.expectNoLeaks([exec], {});
  });

  it('a stop while az signs out in its cleanup kills the sign-out after a short grace, and still deletes the session folder', async () => {
    const w = await world();
    const exec = await azureExec(w, { logoutHangs: true }, 'logout', ['-e', '0']);
    expect(exec.code).toBe(0);
    expect(exec.stdout).toMatch(/::warning::az "azure": \[REVOKE_FAILED\] given up: keyless exec was told to stop \(SIGTERM\) before it was done/);
    expect(readdirSync(w.job.temp).filter((name) => name.startsWith('keyless-azure-'))).toEqual([]);
    w.expectNoLeaks([exec], {});
  });
});

