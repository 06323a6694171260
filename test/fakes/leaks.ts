import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readRunnerLog } from './runner-log.js';
import { markScanned, type StepRun } from './runner-harness.js';

export interface LeakPolicy {
  /** Secrets that must appear nowhere but their own add-mask line (OIDC tokens, the request bearer). */
  never: readonly string[];
  /** Credentials the run hands out: allowed only where they are meant to go, and only once masked. */
  credentials: readonly string[];
  /** Where credentials may go. GITHUB_STATE holds revocation handles, so it is always allowed. */
  allow?: { env?: boolean; outputs?: boolean; files?: readonly string[] };
  /** RUNNER_TEMP, to scan every file the run left there. */
  tempDir?: string;
}

/** Shorter forms would match ordinary text by chance; no issuer mints secrets this short. */
const MIN_FORM = 8;

/**
 * base64 (and base64url) of `secret` at each of the three byte alignments, cut to the characters that
 * depend on its bytes alone: what shows inside base64 of `user:secret`, of a docker `auth`, of a JSON file.
 */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret);
  return [0, 1, 2].flatMap((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const form = encoded.slice(offset === 0 ? 0 : offset + 1, Math.floor(((offset + bytes.length) * 8) / 6));
    return [form, form.replaceAll('+', '-').replaceAll('/', '_')];
  });
}

/** Every form a secret takes where it is written: itself, URL-encoded, JSON-escaped, and base64 of it or of anything holding it. */
export function secretForms(secret: string): string[] {
  const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1), ...base64Forms(secret)];
  return [...new Set(forms)].filter((form) => form.length >= MIN_FORM);
}

/**
 * Every place a secret showed up where it must not: in any form, in a line the runner prints (an
 * `::add-mask::` line the runner does not process, after `::stop-commands::`, is printed), stderr, the
 * summary, the env, output and state files, and any file under RUNNER_TEMP; and any credential handed to
 * the job (GITHUB_ENV, GITHUB_OUTPUT) that no processed `::add-mask::` of this or an earlier step masked.
 */
export function findLeaks(runs: readonly StepRun[], policy: LeakPolicy): string[] {
  markScanned(runs);
  const leaks: string[] = [];
  const check = (where: string, text: string, secret: string) => {
    if (secretForms(secret).some((form) => text.includes(form))) leaks.push(`${where} contains ${secret.slice(0, 6)}…`);
  };
  const all = [...policy.never, ...policy.credentials];
  const masked = new Set<string>();
  runs.forEach((run, i) => {
    const step = `step ${i}`;
    const log = readRunnerLog(run.lines);
    for (const { value } of log.masks) masked.add(value);
    const printed = log.printed.map((line) => line.text).join('\n');
    for (const secret of all) {
      check(`${step} stdout`, printed, secret);
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
      const handed = [run.files.env, run.files.outputs].some((text) => text.includes(secret));
      if (handed && !masked.has(secret)) leaks.push(`${step} hands ${secret.slice(0, 6)}… to the job without a processed ::add-mask:: of it`);
    }
  });
  if (policy.tempDir) {
    for (const file of walk(policy.tempDir)) {
      const allowed = policy.allow?.files?.includes(file) ?? false;
      const text = readFileSync(file, 'utf8');
      for (const secret of allowed ? policy.never : all) check(`file ${file}`, text, secret);
      if (runs.length > 0) leaks.push(...unmaskedEncodings(`file ${file}`, text, policy.credentials, masked));
    }
  }
  return leaks;
}

/**
 * The base64 strings in `text` that encode a credential (a docker `auth` of `user:password`) yet no
 * processed `::add-mask::` masked whole: a later step that prints the file shows them, and a mask of the
 * credential alone does not cover its encoding.
 */
function unmaskedEncodings(where: string, text: string, credentials: readonly string[], masked: ReadonlySet<string>): string[] {
  const encoded = [...text.matchAll(/[A-Za-z0-9+/]{12,}={0,2}/g)].map(([token]) => token);
  return credentials.flatMap((secret) => {
    const forms = base64Forms(secret).filter((form) => form.length >= MIN_FORM && form !== secret);
    const shown = encoded.filter((token) => token !== secret && !masked.has(token) && forms.some((form) => token.includes(form)));
    return shown.length > 0 ? [`${where} holds base64 of ${secret.slice(0, 6)}… that no ::add-mask:: masked`] : [];
  });
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
