import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { findLeaks, type LeakPolicy } from '../fakes/leaks.js';
import { type Fake, faultSecrets } from '../fakes/http-fake.js';
import { type OAuthServerFake, type OAuthServerOptions, startOAuthServer } from '../fakes/oauth-server.js';
import { actionRuns } from '../fakes/action-manifest.js';
import { type Job, JOB_GITHUB_TOKEN, newJob, type PostOptions, RUNTIME_TOKEN, runJob, runMain, runPost, type StepRun, takeUnscanned } from '../fakes/runner-harness.js';
import { type RunnerOidcFake, startRunnerOidc } from '../fakes/runner-oidc.js';

export const root = join(import.meta.dirname, '..', '..');
export const dist = join(root, 'dist');
export const actionYml = join(root, 'action.yml');

// The runner runs the action with the node its action.yml names; so must these tests, or a pass says nothing
// about that node. `npm test` and `npm exec vitest` put the node of devDependencies first on PATH.
const declared = actionRuns(actionYml).node;
if (Number(process.versions.node.split('.')[0]) !== declared) {
  throw new Error(`action.yml runs on node${declared}, but these tests run node ${process.versions.node}: run them through npm (npm test, npm exec -- vitest)`);
}

const open: { close(): Promise<void> }[] = [];
/** The worlds of the running test, to scan what it ran with the secrets their fakes issued. */
const worlds: { job: Job; expectNoLeaks(runs: StepRun[]): void }[] = [];

// Every step a test runs is scanned, whether or not the test remembered to: a run the test scanned itself
// (perhaps allowing outputs) is left alone; any other is scanned as expectNoLeaks does by default, with its
// world's secrets, or for the runner's own tokens when it ran outside any world.
afterEach(() => {
  const runs = takeUnscanned();
  const ran = worlds.splice(0);
  for (const w of ran) w.expectNoLeaks(runs.filter(([, job]) => job === w.job).map(([run]) => run));
  const outside = runs.filter(([, job]) => !ran.some((w) => w.job === job));
  for (const [run, job] of outside) expect(findLeaks([run], { never: [JOB_GITHUB_TOKEN, RUNTIME_TOKEN], credentials: [], tempDir: job.temp })).toEqual([]);
  faultSecrets.length = 0;
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((fake) => fake.close()));
});

/** A runner OIDC fake, one RFC 8693 server trusting it, a fresh job, and helpers to run and scan. */
export async function world(sts: Partial<OAuthServerOptions> = {}) {
  const runner = await startRunnerOidc();
  open.push(runner);
  const issuers: { issued: string[] }[] = [];
  /** Closes the fake after the test, and scans every run for the secrets it issued. */
  const adopt = <T extends Fake & { issued: string[] }>(fake: T): T => {
    open.push(fake);
    issuers.push(fake);
    return fake;
  };
  const tokenIssuers: { issued: string[] }[] = [runner];
  /** Closes an issuer of subject tokens (a Kubernetes or SPIFFE fake) after the test; its tokens must never show. */
  const adoptIssuer = <T extends { close(): Promise<void>; issued: string[] }>(fake: T): T => {
    open.push(fake);
    tokenIssuers.push(fake);
    return fake;
  };
  const addServer = async (options: Partial<OAuthServerOptions> = {}) => adopt(await startOAuthServer({ trustedIssuer: runner.issuer, ...options }));
  const server = await addServer(sts);
  const job: Job = newJob();
  const runnerEnv = { ACTIONS_ID_TOKEN_REQUEST_URL: runner.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: runner.requestToken };
  const options = (inputs: Record<string, string>, env: Record<string, string | undefined> = {}) => ({
    job,
    actionYml,
    inputs,
    env: { ...runnerEnv, ...env },
  });
  /** Fails the test on any secret the fakes issued showing up where it must not. */
  const expectNoLeaks = (runs: StepRun[], allow: LeakPolicy['allow'] = { env: true }) => {
    const leaks = findLeaks(runs, {
      never: [...tokenIssuers.flatMap((issuer) => issuer.issued), runner.requestToken, JOB_GITHUB_TOKEN, RUNTIME_TOKEN],
      credentials: [...issuers.flatMap((s) => s.issued), ...faultSecrets],
      allow,
      tempDir: job.temp,
    });
    expect(leaks).toEqual([]);
  };
  worlds.push({ job, expectNoLeaks });
  return {
    runner,
    server,
    addServer,
    adopt,
    adoptIssuer,
    job,
    main: (inputs: Record<string, string>, env?: Record<string, string | undefined>, onSpawn?: (child: ChildProcess, stateFile: string) => void) =>
      runMain({ ...options(inputs, env), ...(onSpawn ? { onSpawn } : {}) }),
    /** The post step; `mayRemain` names what of main's RUNNER_TEMP entries the test expects post to leave. */
    post: (inputs: Record<string, string>, main: StepRun, env?: Record<string, string | undefined>, mayRemain?: PostOptions['mayRemain']) =>
      runPost({ ...options(inputs, env), ...(mayRemain ? { mayRemain } : {}) }, main),
    /** main and post, post run as action.yml's post-if says; this action's is always(), so post always runs. */
    job2: async (inputs: Record<string, string>, env?: Record<string, string | undefined>) => {
      const { main, post } = await runJob(options(inputs, env));
      if (post === undefined) throw new Error("action.yml's post-if skipped the post step");
      return { main, post };
    },
    options,
    expectNoLeaks,
  };
}

/** The `[CODE]` of the step's `::error::` line(s). */
export function errorCodes(run: StepRun): string[] {
  return run.lines.flatMap((line) => /^::error::\[([A-Z_]+)\]/.exec(line)?.[1] ?? []);
}

export function tokenRequests(server: OAuthServerFake) {
  return server.requests.filter((r) => r.path === '/token');
}

/** The audiences the action asked the runner for, one per OIDC token request. */
export function oidcAudiences(runner: RunnerOidcFake): (string | null)[] {
  return runner.requests.filter((r) => r.path === '/_apis/idtoken').map((r) => r.query.get('audience'));
}
