import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { findLeaks, type LeakPolicy } from '../fakes/leaks.js';
import type { Fake } from '../fakes/http-fake.js';
import { type OAuthServerFake, type OAuthServerOptions, startOAuthServer } from '../fakes/oauth-server.js';
import { type Job, JOB_GITHUB_TOKEN, newJob, RUNTIME_TOKEN, runJob, runPost, runStep, type StepRun } from '../fakes/runner-harness.js';
import { type RunnerOidcFake, startRunnerOidc } from '../fakes/runner-oidc.js';

export const root = join(import.meta.dirname, '..', '..');
export const dist = join(root, 'dist');
export const actionYml = join(root, 'action.yml');

const open: { close(): Promise<void> }[] = [];
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
  return {
    runner,
    server,
    addServer,
    adopt,
    job,
    main: (inputs: Record<string, string>, env?: Record<string, string | undefined>, onSpawn?: (child: ChildProcess, stateFile: string) => void) =>
      runStep(join(dist, 'main.js'), { ...options(inputs, env), ...(onSpawn ? { onSpawn } : {}) }),
    post: (inputs: Record<string, string>, main: StepRun, env?: Record<string, string | undefined>) => runPost(dist, options(inputs, env), main),
    job2: (inputs: Record<string, string>, env?: Record<string, string | undefined>) => runJob(dist, options(inputs, env)),
    options,
    /** Fails the test on any secret the fakes issued showing up where it must not. */
    expectNoLeaks(runs: StepRun[], allow: LeakPolicy['allow'] = { env: true }) {
      const leaks = findLeaks(runs, {
        never: [...runner.issued, runner.requestToken, JOB_GITHUB_TOKEN, RUNTIME_TOKEN],
        credentials: issuers.flatMap((s) => s.issued),
        allow,
        tempDir: job.temp,
      });
      expect(leaks).toEqual([]);
    },
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
