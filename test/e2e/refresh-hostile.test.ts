import { spawnSync } from 'node:child_process';
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEntra } from '../fakes/entra.js';
import { runStep } from '../fakes/runner-harness.js';
import type { StepRun } from '../fakes/runner-harness.js';
import { actionYml, dist, oidcAudiences, world } from './setup.js';

// `keyless refresh` puts a live runner token in each file KEYLESS_REFRESH (or AZURE_FEDERATED_TOKEN_FILE)
// names, and any step can set those. Only a file exactly as main writes one gets it: 0600, one name, the
// user's, in a 0700 folder of the user's inside Keyless's own folders, no link on the way. A step of the
// same user can still forge all that; these are the plantings and slips it stops. And nothing it reads
// may hang it: a FIFO in place of a file it wrote is refused, not waited on.

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const planted = `${b64({ alg: 'RS256' })}.${b64({ aud: 'sts.amazonaws.com' })}.c2ln`;
// Modes, owners and FIFOs are POSIX things: on Windows those checks are off.
const posix = process.platform !== 'win32';

/** An azure entry with mode: sdk: main writes the federated token file refresh renews. */
async function sdkWorld() {
  const w = await world();
  const entra = w.adopt(await startEntra({ trustedIssuer: w.runner.issuer, tenantId: TENANT, clientId: CLIENT, subjects: ['repo:acme/widget:ref:refs/heads/main'] }));
  const credentials = `- provider: azure\n  client-id: ${CLIENT}\n  tenant-id: ${TENANT}\n  authority-host: ${entra.url}/\n  az-login: false\n  mode: sdk`;
  const main = await w.main({ credentials });
  expect(main.code, main.stdout).toBe(0);
  return { ...w, credentials, started: main, file: main.env.AZURE_FEDERATED_TOKEN_FILE ?? '' };
}

type World = Awaited<ReturnType<typeof world>>;

/** `keyless refresh`, killed if it hangs. */
function refresh(w: World, env: Record<string, string | undefined>, args: string[] = []): Promise<StepRun> {
  return runStep(join(dist, 'cli.js'), { ...w.options({}, env), args: ['refresh', ...args], actionYml, onSpawn: (child) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 8_000);
    child.on('exit', () => { clearTimeout(timer); });
  } });
}

/** Plants a token-looking file at `folder`/token, the folder and file of the given modes. */
function plant(folder: string, folderMode: number, fileMode: number): string {
  mkdirSync(folder, { recursive: true });
  chmodSync(folder, folderMode);
  const file = join(folder, 'token');
  writeFileSync(file, planted);
  chmodSync(file, fileMode);
  return file;
}

describe.runIf(posix)('keyless refresh, hostile targets', () => {
  it.each([
    ['a .keyless-* folder an earlier step made in the workspace', (w: World) => plant(join(w.job.workspace, '.keyless-bait'), 0o755, 0o644), 'its mode is 0644, not 0600'],
    ['a keyless-* folder an earlier step made under RUNNER_TEMP', (w: World) => plant(join(w.job.temp, 'keyless-bait'), 0o755, 0o644), 'its mode is 0644, not 0600'],
    // Near misses: one property off from what main writes.
    ['a 0755 keyless-* folder holding a 0600 file', (w: World) => plant(join(w.job.temp, 'keyless-bait'), 0o755, 0o600), "its folder's mode is 0755, not 0700"],
    ['a 0600 file with a second name', (w: World) => {
      const file = plant(join(w.job.temp, 'keyless-bait'), 0o700, 0o600);
      linkSync(file, join(w.job.workspace, 'notes.txt'));
      return file;
    }, 'it has another name (a hard link)'],
    ['a private folder reached through a keyless-* link', (w: World) => {
      plant(join(w.job.temp, 'keyless-real'), 0o700, 0o600);
      symlinkSync(join(w.job.temp, 'keyless-real'), join(w.job.temp, 'keyless-bait'));
      return join(w.job.temp, 'keyless-bait', 'token');
    }, 'it, or a folder on the way to it, is a link'],
  ])('gives no live token to %s, and says what to do', async (_name, plantIn, why) => {
    const w = await world();
    const bait = plantIn(w);
    const run = await refresh(w, { KEYLESS_REFRESH: bait });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`::warning::skipped ${bait}: it is not a file as Keyless writes one (${why}), so it gets no token`);
    expect(run.stdout).toContain('run the Keyless step again, or pass a file of your own with --file');
    expect(run.stderr).toContain('[INPUT_INVALID] no token file to refresh: every file named was skipped');
    expect(readFileSync(bait, 'utf8')).toBe(planted);
    expect(oidcAudiences(w.runner)).toEqual([]);
    w.expectNoLeaks([run]);
  });

  it('still refreshes the file main wrote beside a planted one, and exits 1 for the one it skipped', async () => {
    const w = await sdkWorld();
    const bait = plant(join(w.job.workspace, '.keyless-bait'), 0o755, 0o644);
    const run = await refresh(w, { ...w.started.env, KEYLESS_REFRESH: [w.file, bait].join(delimiter) });
    expect(run.code).toBe(1);
    expect(readFileSync(w.file, 'utf8')).toBe(w.runner.issued[1]);
    expect(readFileSync(bait, 'utf8')).toBe(planted);
    expect(oidcAudiences(w.runner)).toEqual(['api://AzureADTokenExchange', 'api://AzureADTokenExchange']);
    expect(run.stdout).toContain(`::warning::skipped ${bait}`);
    w.expectNoLeaks([w.started, run, await w.post({ credentials: w.credentials }, w.started)]);
  });

  it('gives no token to the file main wrote once it is readable by others', async () => {
    const w = await sdkWorld();
    chmodSync(w.file, 0o644);
    const run = await refresh(w, w.started.env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('(its mode is 0644, not 0600)');
    expect(readFileSync(w.file, 'utf8')).toBe(w.runner.issued[0]);
    w.expectNoLeaks([w.started, run, await w.post({ credentials: w.credentials }, w.started)]);
  });
});

describe.runIf(posix)('keyless refresh, hostile file type', () => {
  it('does not hang on a FIFO swapped in for the token file main wrote', async () => {
    const w = await sdkWorld();
    rmSync(w.file);
    expect(spawnSync('mkfifo', [w.file]).status).toBe(0);
    const run = await refresh(w, w.started.env);
    expect(run.signal, 'keyless refresh hung on the FIFO and had to be killed').toBeNull();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('(it is not a regular file)');
    rmSync(w.file);
    w.expectNoLeaks([w.started, run, await w.post({ credentials: w.credentials }, w.started)]);
  }, 20_000);

  // --file skips the checks above (the path is the caller's own), so this is the read itself.
  it.each(['azure-federated-token', 'azure-session.json'])('does not hang on a FIFO named with --file (%s)', async (name) => {
    const w = await world();
    const fifo = join(w.job.temp, name);
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const run = await refresh(w, {}, ['--file', fifo]);
    expect(run.signal, 'keyless refresh hung on the FIFO and had to be killed').toBeNull();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`[INPUT_INVALID] ${fifo} is not a regular file`);
    expect(oidcAudiences(w.runner)).toEqual([]);
    rmSync(fifo);
    w.expectNoLeaks([run]);
  }, 20_000);
});
