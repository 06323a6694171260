import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { StepRun } from './runner-harness.js';

export interface LeakPolicy {
  /** Secrets that must appear nowhere but their own add-mask line (OIDC tokens, the request bearer). */
  never: readonly string[];
  /** Credentials the run hands out: allowed only where they are meant to go. */
  credentials: readonly string[];
  /** Where credentials may go. GITHUB_STATE holds revocation handles, so it is always allowed. */
  allow?: { env?: boolean; outputs?: boolean; files?: readonly string[] };
  /** RUNNER_TEMP, to scan every file the run left there. */
  tempDir?: string;
}

function forms(secret: string): string[] {
  return [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')];
}

/**
 * Every place a secret showed up where it must not: stdout outside its `::add-mask::` lines (or before
 * them), stderr, the summary, outputs, env and state files, and any file under RUNNER_TEMP.
 */
export function findLeaks(runs: readonly StepRun[], policy: LeakPolicy): string[] {
  const leaks: string[] = [];
  const check = (where: string, text: string, secret: string) => {
    for (const form of forms(secret)) if (text.includes(form)) leaks.push(`${where} contains ${secret.slice(0, 6)}…`);
  };
  const all = [...policy.never, ...policy.credentials];
  runs.forEach((run, i) => {
    const step = `step ${i}`;
    for (const secret of all) {
      const lines = run.lines;
      const first = lines.findIndex((line) => line.includes(secret));
      if (first >= 0 && !lines[first]?.startsWith('::add-mask::')) leaks.push(`${step} stdout shows ${secret.slice(0, 6)}… before masking it`);
      const unmasked = lines.filter((line) => !line.startsWith('::add-mask::')).join('\n');
      check(`${step} stdout`, unmasked, secret);
      check(`${step} stderr`, run.stderr, secret);
      check(`${step} summary`, run.summary, secret);
    }
    for (const secret of policy.never) {
      check(`${step} GITHUB_ENV`, run.files.env, secret);
      check(`${step} GITHUB_OUTPUT`, run.files.outputs, secret);
      check(`${step} GITHUB_STATE`, run.files.state, secret);
    }
    for (const secret of policy.credentials) {
      if (!policy.allow?.env) check(`${step} GITHUB_ENV`, run.files.env, secret);
      if (!policy.allow?.outputs) check(`${step} GITHUB_OUTPUT`, run.files.outputs, secret);
    }
  });
  if (policy.tempDir) {
    for (const file of walk(policy.tempDir)) {
      const allowed = policy.allow?.files?.includes(file) ?? false;
      const text = readFileSync(file, 'utf8');
      for (const secret of allowed ? policy.never : all) check(`file ${file}`, text, secret);
    }
  }
  return leaks;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
