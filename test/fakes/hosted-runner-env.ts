import { join } from 'node:path';
import type { Job } from './runner-harness.js';

// What the runner gives every step of a job on a GitHub-hosted runner, before the step's own inputs and files.

/** The workflow the hosted-runner environment says is running (GITHUB_WORKFLOW_REF, the OIDC fake's claims). */
export const RUNNING_WORKFLOW = '.github/workflows/release.yml';

/** `${{ github.token }}` as the runner evaluates it: the job's token, a secret every leak scan looks for. */
export const JOB_GITHUB_TOKEN = 'ghs_jobTokenFromTheRunner0123456789abcd';
/** The runner's own credentials in every step's environment: Keyless must never show them. */
export const RUNTIME_TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.runtime-token-for-tests.signature';

/**
 * The variables a GitHub-hosted Ubuntu runner sets for every step (docs: "Default environment variables").
 * The API URLs point at a closed loopback port: a test that forgets its fake fails fast, never on the network.
 */
export function hostedRunnerEnv(job: Job): Record<string, string> {
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: '__acme_keyless',
    GITHUB_ACTION_REPOSITORY: 'acme/keyless',
    GITHUB_ACTION_REF: 'v1.0.0',
    GITHUB_ACTOR: 'octocat',
    GITHUB_ACTOR_ID: '583231',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_GRAPHQL_URL: 'http://127.0.0.1:9/graphql',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_BASE_REF: '',
    GITHUB_HEAD_REF: '',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: join(job.root, 'event.json'),
    GITHUB_JOB: 'release',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_PROTECTED: 'true',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_REPOSITORY: 'acme/widget',
    GITHUB_REPOSITORY_ID: '123456',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_REPOSITORY_OWNER_ID: '654321',
    GITHUB_RETENTION_DAYS: '90',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RUN_ID: '9876543210',
    GITHUB_RUN_NUMBER: '42',
    GITHUB_SHA: '3f786850e387550fdab836ed7e6dc881de23001b',
    GITHUB_TRIGGERING_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'release',
    GITHUB_WORKFLOW_REF: `acme/widget/${RUNNING_WORKFLOW}@refs/heads/main`,
    GITHUB_WORKFLOW_SHA: '3f786850e387550fdab836ed7e6dc881de23001b',
    GITHUB_WORKSPACE: job.workspace,
    RUNNER_ARCH: 'X64',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_NAME: 'GitHub Actions 1000000001',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: job.temp,
    RUNNER_TOOL_CACHE: join(job.root, 'hostedtoolcache'),
    RUNNER_WORKSPACE: job.root,
    ImageOS: 'ubuntu24',
    ImageVersion: '20261124.1.0',
    ACTIONS_RUNTIME_URL: 'http://127.0.0.1:9/runtime/',
    ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN,
    ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/results/',
  };
}
