import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { actionDefaults as manifestDefaults, actionRuns, postRuns } from './action-manifest.js';
import { readRunnerFileValues } from './runner-files.js';
import { hostedRunnerEnv, JOB_GITHUB_TOKEN, RUNNING_WORKFLOW } from './hosted-runner-env.js';
import { readRunnerLog } from './runner-log.js';
import { AUDIT_RECORD, leftovers, type TempChange, tempTree } from './temp-tree.js';

export { JOB_GITHUB_TOKEN, RUNNING_WORKFLOW, RUNTIME_TOKEN } from './hosted-runner-env.js';

/** What one step left behind, as the runner would see it. */
export interface StepRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** stdout as the runner reads it for workflow commands: CR, LF and CRLF each end a line. */
  lines: string[];
  stderr: string;
  env: Record<string, string>;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  /** Wall time from spawn to exit, in milliseconds. */
  elapsedMs: number;
  /** Raw text of each file command, for leak scanning. */
  files: Record<'env' | 'outputs' | 'state' | 'summary' | 'path', string>;
}

export interface Job {
  root: string;
  temp: string;
  workspace: string;
}


/** What actions/checkout leaves: the running workflow, every reference pinned, as most jobs that mint credentials have. */
const CHECKED_OUT_WORKFLOW = `on: push
permissions:
  contents: read
  id-token: write
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - uses: acme/keyless@3f786850e387550fdab836ed7e6dc881de23001b # v1.0.0
`;

/**
 * The environment a child process needs from this one beyond what a test sets: PATH, and on Windows
 * SYSTEMROOT, without which Winsock cannot start and no socket opens. The runner passes its whole environment.
 */
export function baseEnv(): Record<string, string> {
  return { PATH: process.env.PATH ?? '', ...(process.platform === 'win32' ? { SYSTEMROOT: process.env.SYSTEMROOT ?? 'C:\\Windows' } : {}) };
}

export function newJob(): Job {
  const root = mkdtempSync(join(tmpdir(), 'keyless-job-'));
  const job = { root, temp: join(root, 'runner-temp'), workspace: join(root, 'workspace') };
  mkdirSync(job.temp);
  mkdirSync(join(job.workspace, dirname(RUNNING_WORKFLOW)), { recursive: true });
  writeFileSync(join(job.workspace, RUNNING_WORKFLOW), CHECKED_OUT_WORKFLOW);
  writeFileSync(join(root, 'event.json'), '{}');
  return job;
}


/**
 * GITHUB_ENV/OUTPUT/STATE as the runner of this OS reads them (runner-files.ts, ported from actions/runner):
 * throws where the runner would fail the step on a malformed file.
 */
export function parseFileCommands(text: string): Record<string, string> {
  return readRunnerFileValues(text);
}

/**
 * The inputs as the runner passes them when the workflow gives none: every declared input, its default
 * evaluated (`${{ github.token }}` becomes the job token), '' where it declares none.
 */
export function actionDefaults(actionYml: string): Record<string, string> {
  return manifestDefaults(actionYml, JOB_GITHUB_TOKEN);
}

export interface StepOptions {
  job: Job;
  inputs?: Record<string, string>;
  env?: Record<string, string | undefined>;
  /** Called with the child once it runs, and its state file; may kill it to simulate a crashed step. */
  onSpawn?: (child: ChildProcess, stateFile: string) => void;
  actionYml: string;
  /** Arguments after the script (a CLI command). */
  args?: string[];
}

/** The runner's limit on GITHUB_STEP_SUMMARY (CreateStepSummaryCommand). */
const SUMMARY_LIMIT = 128 * 1024;

/** The option objects runPost built: the only runs given STATE_*, as the runner gives them only to a post step. */
const stateFromMain = new WeakSet<StepOptions>();

/** Every step run not yet scanned for secrets, and its job: setup.ts scans what a test left unscanned. */
const unscanned = new Map<StepRun, Job>();

/** Marks runs as scanned (findLeaks does). */
export function markScanned(runs: readonly StepRun[]): void {
  for (const run of runs) unscanned.delete(run);
}

/** The runs since the last call that no scan saw, with their job; forgets them. */
export function takeUnscanned(): [StepRun, Job][] {
  const runs = [...unscanned];
  unscanned.clear();
  return runs;
}

/**
 * Runs one script with node as the runner runs a JavaScript action's entry: the inputs, the hosted runner's
 * variables and fresh file-command files. runMain and runPost take the entry from action.yml; this runs any
 * script (the CLI, a copy of dist/).
 */
export async function runStep(script: string, options: StepOptions): Promise<StepRun> {
  const { job } = options;
  const step = mkdtempSync(join(job.root, 'step-'));
  const paths = { env: join(step, 'env'), outputs: join(step, 'output'), state: join(step, 'state'), summary: join(step, 'summary'), path: join(step, 'path') };
  for (const path of Object.values(paths)) writeFileSync(path, '');
  const declared = actionDefaults(options.actionYml);
  // The runner only warns of an input action.yml does not declare; a test that sets one (a typo) tests nothing.
  const unknown = Object.keys(options.inputs ?? {}).filter((name) => !Object.hasOwn(declared, name));
  if (unknown.length > 0) throw new Error(`${options.actionYml} declares no input ${unknown.join(', ')}: the step would never read it`);
  const inputs = { ...declared, ...options.inputs };
  const env: Record<string, string | undefined> = {
    ...baseEnv(),
    // The home folder tools read their configuration from: HOME, and USERPROFILE on Windows.
    HOME: job.root,
    USERPROFILE: job.root,
    ...hostedRunnerEnv(job),
    GITHUB_ENV: paths.env,
    GITHUB_OUTPUT: paths.outputs,
    GITHUB_STATE: paths.state,
    GITHUB_STEP_SUMMARY: paths.summary,
    GITHUB_PATH: paths.path,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replaceAll(' ', '_').toUpperCase()}`] = value;
  for (const [name, value] of Object.entries(options.env ?? {})) {
    // The runner gives STATE_* only to a post step, from what main wrote to GITHUB_STATE (runPost passes it).
    if (name.startsWith('STATE_') && !stateFromMain.has(options)) throw new Error(`${name}: a test may not set STATE_* itself; runPost passes what main wrote to GITHUB_STATE, and an earlier step's export goes in through GITHUB_ENV`);
    env[name] = value;
  }
  // An env value of undefined means "the runner does not set this variable".
  const childEnv = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
  const started = performance.now();
  const child = spawn(process.execPath, [script, ...(options.args ?? [])], { env: childEnv, cwd: job.workspace, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  // Decoded as one stream, as the runner decodes it: a character split across two reads stays whole.
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  options.onSpawn?.(child, paths.state);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => { resolve([c, s]); }));
  const elapsedMs = performance.now() - started;
  const lines = runnerLines(stdout);
  const files = {
    env: readFileSync(paths.env, 'utf8'),
    outputs: readFileSync(paths.outputs, 'utf8'),
    state: readFileSync(paths.state, 'utf8'),
    summary: readFileSync(paths.summary, 'utf8'),
    path: readFileSync(paths.path, 'utf8'),
  };
  // The runner does not show a summary over 128 KiB, and reports an error in the step instead.
  if (Buffer.byteLength(files.summary) > SUMMARY_LIMIT) throw new Error(`${script} wrote a job summary of ${Buffer.byteLength(files.summary)} bytes; the runner refuses more than ${SUMMARY_LIMIT}`);
  const run: StepRun = {
    code,
    signal,
    stdout,
    lines,
    stderr,
    env: parseFileCommands(files.env),
    outputs: parseFileCommands(files.outputs),
    // The runner saves state from `::save-state::` lines as well as from GITHUB_STATE, which it reads last.
    state: { ...readRunnerLog(lines).state, ...parseFileCommands(files.state) },
    summary: files.summary,
    elapsedMs,
    files,
  };
  unscanned.set(run, job);
  return run;
}

/** Lines as the runner's process reader splits a step's output (.NET ReadLine: CR, LF or CRLF). */
export function runnerLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The cleanup items main saved, as JSON: each state record but the key is `<hmac>.<json>` (src/runner/state.ts). */
export function stateItems(run: StepRun): { kind: string; path?: string }[] {
  return Object.entries(run.state)
    .filter(([name]) => name !== 'keyless_key')
    .map(([, value]) => JSON.parse(value.slice(value.indexOf('.') + 1)) as { kind: string; path?: string });
}

/** RUNNER_TEMP around each main step run by runMain, for its post step's check. */
const tempChanges = new WeakMap<StepRun, TempChange>();

/** The action's main step, `runs.main` of action.yml, as the runner starts it. */
export async function runMain(options: StepOptions): Promise<StepRun> {
  const before = tempTree(options.job.temp);
  const main = await runStep(actionRuns(options.actionYml).main, options);
  tempChanges.set(main, { before, after: tempTree(options.job.temp) });
  return main;
}

export interface PostOptions extends StepOptions {
  /**
   * RUNNER_TEMP entries (relative, `/`-separated, folders ending in `/`) the post step may leave of what main
   * created; the audit record always may. Anything else main created still being there fails the run.
   */
  mayRemain?: readonly RegExp[];
}

/**
 * The post step (`runs.post`) with main's saved state and exported env, as the runner sequences them.
 * Throws when post leaves in RUNNER_TEMP anything main created, files and folders alike (or anything of
 * its own), so every job the tests run holds Keyless to leaving RUNNER_TEMP as it found it.
 */
export async function runPost(options: PostOptions, main: StepRun): Promise<StepRun> {
  const { post: script } = actionRuns(options.actionYml);
  const change = tempChanges.get(main);
  if (script === undefined) throw new Error(`${options.actionYml} declares no post step`);
  if (change === undefined) throw new Error('runPost needs the main step as runMain ran it (it records RUNNER_TEMP around main)');
  const stateEnv = Object.fromEntries(Object.entries(main.state).map(([name, value]) => [`STATE_${name}`, value]));
  const before = tempTree(options.job.temp);
  // A test's own STATE_* here stands for an earlier step's GITHUB_ENV export: main's saved names win over it.
  const env = { ...options.env, ...main.env, ...stateEnv };
  // What main added to GITHUB_PATH comes first on PATH, the last added first, as the runner prepends it.
  const added = main.files.path.split(/\r\n|\r|\n/).filter((dir) => dir !== '').reverse();
  if (added.length > 0) env.PATH = [...new Set(added), env.PATH ?? baseEnv().PATH].join(delimiter);
  const postOptions: StepOptions = { ...options, env };
  stateFromMain.add(postOptions);
  const post = await runStep(script, postOptions);
  const left = leftovers(change, before, tempTree(options.job.temp), [AUDIT_RECORD, ...(options.mayRemain ?? [])]);
  if (left.length > 0) {
    throw new Error(`the post step left in RUNNER_TEMP what the main step created: ${left.join(', ')}\n--- post stdout ---\n${post.stdout}`);
  }
  return post;
}

/** main, then post when `runs.post-if` says so (`always()`: even after a failed or killed main), as the runner sequences them. */
export async function runJob(options: Omit<PostOptions, 'onSpawn'> & { onMainSpawn?: (child: ChildProcess, stateFile: string) => void }): Promise<{ main: StepRun; post: StepRun | undefined }> {
  const { onMainSpawn, ...rest } = options;
  const main = await runMain({ ...rest, ...(onMainSpawn ? { onSpawn: onMainSpawn } : {}) });
  const runs = actionRuns(options.actionYml);
  const post = runs.post !== undefined && postRuns(runs.postIf, main.code === 0) ? await runPost(rest, main) : undefined;
  return { main, post };
}
