import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';

// What the runner takes from action.yml to run a JavaScript action (actions/runner,
// src/Runner.Worker/ActionManifestManager.cs): `runs.using` picks the node it runs with, `runs.main` and
// `runs.post` are paths relative to the action's folder, `runs.post-if` (default `always()`) decides whether
// the post step runs, and each input's `default` is what the step gets when the workflow sets none.

/** The JavaScript runtimes the runner knows. */
const NODE_RUNTIMES = new Set(['node12', 'node16', 'node20', 'node24']);

export interface ActionRuns {
  /** The node major the runner runs the action with (24 for `node24`). */
  node: number;
  main: string;
  post?: string;
  /** `runs.post-if`, `always()` when absent, as the runner defaults it. */
  postIf: string;
}

interface Manifest {
  inputs?: Record<string, { default?: unknown } | null>;
  runs?: Record<string, unknown>;
}

function manifest(actionYml: string): Manifest {
  return parse(readFileSync(actionYml, 'utf8')) as Manifest;
}

/** `runs` of a JavaScript action, its entry points as absolute paths. */
export function actionRuns(actionYml: string): ActionRuns {
  const runs = manifest(actionYml).runs ?? {};
  const using = typeof runs.using === 'string' ? runs.using.toLowerCase() : '';
  if (!NODE_RUNTIMES.has(using)) throw new Error(`${actionYml}: runs.using is ${JSON.stringify(runs.using)}; the harness runs JavaScript actions only`);
  const entry = (key: string) => {
    const value = runs[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value === '') throw new Error(`${actionYml}: runs.${key} is not a path`);
    return resolve(dirname(actionYml), value);
  };
  const main = entry('main');
  if (main === undefined) throw new Error(`${actionYml}: runs.main is required for ${using}`);
  const post = entry('post');
  const postIf = runs['post-if'] ?? 'always()';
  if (typeof postIf !== 'string') throw new Error(`${actionYml}: runs.post-if is not a string`);
  return { node: Number(using.slice('node'.length)), main, ...(post === undefined ? {} : { post }), postIf };
}

/**
 * Whether the runner runs the post step, given how main ended. Only the status functions, alone, are
 * understood; any other condition is refused rather than guessed at. The job status the runner asks about
 * is taken to be main's: in these tests main is the job's only step that can fail.
 */
export function postRuns(postIf: string, mainSucceeded: boolean): boolean {
  switch (postIf.replace(/^\$\{\{\s*|\s*\}\}$/g, '').trim()) {
    case 'always()':
      return true;
    case 'success()':
      return mainSucceeded;
    case 'failure()':
      return !mainSucceeded;
    default:
      throw new Error(`the harness cannot evaluate post-if: ${postIf}`);
  }
}

/**
 * The inputs as the runner passes them when the workflow gives none: every declared input, its default
 * evaluated (`${{ github.token }}` becomes the job token), '' where it declares none.
 */
export function actionDefaults(actionYml: string, githubToken: string): Record<string, string> {
  const inputs = manifest(actionYml).inputs ?? {};
  return Object.fromEntries(Object.entries(inputs).map(([name, spec]) => [name, evaluateDefault(name, spec?.default, githubToken)]));
}

function evaluateDefault(name: string, value: unknown, githubToken: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw new Error(`input ${name} has a default that is no scalar`);
  const text = String(value);
  if (!text.includes('${{')) return text;
  if (/^\$\{\{\s*github\.token\s*\}\}$/.test(text)) return githubToken;
  throw new Error(`the harness cannot evaluate the default of input ${name}: ${text}`);
}
