import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startAzureCli } from '../fakes/azure-cli.js';
import { startEntra } from '../fakes/entra.js';
import { runStep } from '../fakes/runner-harness.js';
import { actionYml, world } from './setup.js';

// az follows links and rewrites the profile it finds in AZURE_CONFIG_DIR. A step after Keyless's can swap
// the az folder Keyless made for a link to the machine's own profile (~/.azure on a self-hosted runner,
// signed in with the runner's long-lived identity): neither the post step's az logout nor keyless
// refresh's az login may then run there.

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d';
const PROFILE = '{"subscriptions":[{"id":"machine-identity"}]}';
// POSIX only: a folder link on Windows is a junction, or needs a privilege: another world to model.
const posix = process.platform !== 'win32';

async function swappedWorld() {
  const w = await world();
  const entra = w.adopt(await startEntra({ trustedIssuer: w.runner.issuer, tenantId: TENANT, clientId: CLIENT, subjects: ['repo:acme/widget:ref:refs/heads/main'] }));
  const cli = startAzureCli();
  const env = { PATH: cli.path };
  const credentials = `- provider: azure\n  client-id: ${CLIENT}\n  tenant-id: ${TENANT}\n  authority-host: ${entra.url}/`;
  const main = await w.main({ credentials }, env);
  expect(main.code, main.stdout).toBe(0);
  const dir = main.env.AZURE_CONFIG_DIR ?? '';
  const machine = join(w.job.root, '.azure');
  mkdirSync(machine);
  writeFileSync(join(machine, 'azureProfile.json'), PROFILE);
  renameSync(dir, `${dir}-moved`);
  symlinkSync(machine, dir);
  return { ...w, cli, env, credentials, started: main, dir, machine, calls: () => cli.calls().filter((c) => c.tool === 'az').length };
}

describe.runIf(posix)('az session, hostile folder', () => {
  it('post runs no az logout in an az folder a later step swapped for a link to the machine\'s own profile, and says so', async () => {
    const w = await swappedWorld();
    const before = w.calls();

    const post = await w.post({ credentials: w.credentials }, w.started, w.env);
    expect(w.calls()).toBe(before);
    expect(readFileSync(join(w.machine, 'azureProfile.json'), 'utf8')).toBe(PROFILE);
    expect(post.stdout).toMatch(/::warning::az "azure": az logout was not run: its folder is not the one Keyless made \(it, or a folder on the way to it, is a link/);
    // The folder Keyless made is deleted; the link in it is removed, never followed.
    expect(existsSync(dirname(w.dir))).toBe(false);
    expect(readdirSync(w.machine)).toEqual(['azureProfile.json']);
    w.expectNoLeaks([w.started, post]);
  });

  it('keyless refresh runs no az login there either, and says to run the Keyless step again', async () => {
    const w = await swappedWorld();
    const before = w.calls();

    const refreshed = await runStep(w.started.env.KEYLESS_CLI ?? '', { ...w.options({}, { ...w.started.env, ...w.env }), args: ['refresh'], actionYml });
    expect(refreshed.code).toBe(1);
    expect(refreshed.stderr).toContain(`[INPUT_INVALID] the az session cannot be refreshed: its folder ${w.dir} is not the one Keyless made (it, or a folder on the way to it, is a link`);
    expect(refreshed.stderr).toContain('run the Keyless step again');
    expect(w.calls()).toBe(before);
    expect(readFileSync(join(w.machine, 'azureProfile.json'), 'utf8')).toBe(PROFILE);
    const post = await w.post({ credentials: w.credentials }, w.started, w.env);
    w.expectNoLeaks([w.started, refreshed, post]);
  });
});
