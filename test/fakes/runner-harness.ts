import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

/** What one step left behind, as the runner would see it. */
export interface StepRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
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
  mkdirSync(job.workspace);
  return job;
}

/** Parses GITHUB_ENV/OUTPUT/STATE: `name<<delimiter` heredoc records, and legacy `name=value` lines. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
      if (i >= lines.length) throw new Error(`unterminated record ${name}`);
      out[name] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

/** The defaults action.yml declares: the runner sets INPUT_* for every input, given or not. */
export function actionDefaults(actionYml: string): Record<string, string> {
  const action = parse(readFileSync(actionYml, 'utf8')) as { inputs: Record<string, { default?: unknown }> };
  return Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, typeof spec.default === 'string' || typeof spec.default === 'number' || typeof spec.default === 'boolean' ? String(spec.default) : '']));
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

/** Runs one built entry (`dist/main.js`, `dist/post.js`) exactly as the runner does. */
export async function runStep(script: string, options: StepOptions): Promise<StepRun> {
  const { job } = options;
  const step = mkdtempSync(join(job.root, 'step-'));
  const paths = { env: join(step, 'env'), outputs: join(step, 'output'), state: join(step, 'state'), summary: join(step, 'summary'), path: join(step, 'path') };
  for (const path of Object.values(paths)) writeFileSync(path, '');
  const inputs = { ...actionDefaults(options.actionYml), ...options.inputs };
  const env: Record<string, string | undefined> = {
    ...baseEnv(),
    // The home folder tools read their configuration from: HOME, and USERPROFILE on Windows.
    HOME: job.root,
    USERPROFILE: job.root,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_TEMP: job.temp,
    GITHUB_WORKSPACE: job.workspace,
    GITHUB_RUN_ID: '9876543210',
    GITHUB_REPOSITORY: 'acme/widget',
    GITHUB_ENV: paths.env,
    GITHUB_OUTPUT: paths.outputs,
    GITHUB_STATE: paths.state,
    GITHUB_STEP_SUMMARY: paths.summary,
    GITHUB_PATH: paths.path,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  for (const [name, value] of Object.entries(options.env ?? {})) env[name] = value;
  // An env value of undefined means "the runner does not set this variable".
  const childEnv = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
  const started = performance.now();
  const child = spawn(process.execPath, [script, ...(options.args ?? [])], { env: childEnv, cwd: job.workspace, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  options.onSpawn?.(child, paths.state);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => { resolve([c, s]); }));
  const elapsedMs = performance.now() - started;
  const files = {
    env: readFileSync(paths.env, 'utf8'),
    outputs: readFileSync(paths.outputs, 'utf8'),
    state: readFileSync(paths.state, 'utf8'),
    summary: readFileSync(paths.summary, 'utf8'),
    path: readFileSync(paths.path, 'utf8'),
  };
  return {
    code,
    signal,
    stdout,
    stderr,
    env: parseFileCommands(files.env),
    outputs: parseFileCommands(files.outputs),
    state: parseFileCommands(files.state),
    summary: files.summary,
    elapsedMs,
    files,
  };
}

/** The cleanup items main saved, as JSON: each state record but the key is `<hmac>.<json>` (src/runner/state.ts). */
export function stateItems(run: StepRun): { kind: string; path?: string }[] {
  return Object.entries(run.state)
    .filter(([name]) => name !== 'keyless_key')
    .map(([, value]) => JSON.parse(value.slice(value.indexOf('.') + 1)) as { kind: string; path?: string });
}

/** main, then post with main's saved state and exported env, as the runner sequences them. */
export async function runJob(dist: string, options: Omit<StepOptions, 'onSpawn'> & { onMainSpawn?: (child: ChildProcess, stateFile: string) => void }) {
  const main = await runStep(join(dist, 'main.js'), { ...options, ...(options.onMainSpawn ? { onSpawn: options.onMainSpawn } : {}) });
  const post = await runPost(dist, options, main);
  return { main, post };
}

export function runPost(dist: string, options: StepOptions, main: StepRun): Promise<StepRun> {
  const stateEnv = Object.fromEntries(Object.entries(main.state).map(([name, value]) => [`STATE_${name}`, value]));
  return runStep(join(dist, 'post.js'), { ...options, env: { ...options.env, ...main.env, ...stateEnv } });
}
