import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter } from 'node:path';
import { decodeJwt } from 'jose/jwt/decode';
import { KeylessError } from '../errors.js';
import { createHttpClient } from '../http/client.js';
import { retryBusy } from '../os/fs-retry.js';
import { privateFileProblem } from '../os/private-file.js';
import { readRegularFile } from '../os/regular-file.js';
import { subjectTokenFromFlags } from '../config/subject-token.js';
import { fetchSubjectToken } from '../oidc/subject-token.js';
import type { IdToken } from '../runner/oidc.js';
import { exactOwnedPath, ownedPath, ownedRoots } from '../runner/owned-path.js';
import type { Runner } from '../runner/runner.js';
import { parseFlags } from './args.js';

/** The same source keys as a credential entry's, as flags: a file the kubelet rotates, a variable, a SPIRE agent. */
const SOURCE_FLAGS = {
  'subject-token-source': { type: 'string' },
  'subject-token-file': { type: 'string' },
  'subject-token-env': { type: 'string' },
  'spiffe-socket': { type: 'string' },
  'spiffe-id': { type: 'string' },
} as const;

/** A session file names what az and Az PowerShell sign in with (src/sessions/azure-session.ts); by name, so its code loads only then. */
function isSessionFile(file: string): boolean {
  return basename(file) === 'azure-session.json';
}

/**
 * Rewrites the OIDC token files Keyless wrote (Azure's federated token file, GCP's ADC token file, AWS's
 * web identity token file) with fresh subject tokens (the runner's, or from the source the flags name), for a later step of a long job: SDKs re-read the
 * file, so they keep working after the first token expired. Each file keeps its audience, read from the token it holds. Only files that
 * exist are replaced, atomically and 0600. A session file (an azure entry's az or Az PowerShell session)
 * is not rewritten: the sessions it names sign in again with a fresh runner token.
 */
export async function refresh(args: readonly string[], runner: Runner): Promise<number> {
  const { values: options } = parseFlags(args, { file: { type: 'string' }, audience: { type: 'string' }, ...SOURCE_FLAGS });
  const source = subjectTokenFromFlags(
    Object.fromEntries(Object.keys(SOURCE_FLAGS).map((flag) => [flag, (options as Record<string, string | undefined>)[flag]])),
    runner.env.GITHUB_WORKSPACE ?? process.cwd(),
  );
  const temp = runner.env.RUNNER_TEMP || tmpdir();
  const { kept: listed, refused } = usable(filesToRefresh(options.file, runner, temp), options.file !== undefined, runner, temp);
  const http = createHttpClient();
  const tokens = new Map<string, Promise<IdToken>>();
  const sessions = listed.some(isSessionFile) ? await import('../sessions/azure-session.js') : undefined;
  for (const file of listed) {
    const session = sessions !== undefined && isSessionFile(file) ? sessions : undefined;
    const audience = options.audience ?? (session ? session.sessionAudience(file, temp) : audienceIn(file, options.file === undefined));
    let token = tokens.get(audience);
    if (token === undefined) {
      token = fetchSubjectToken(source, audience, { runner, http, now: Date.now });
      tokens.set(audience, token);
    }
    const { jwt, claims } = await token;
    const expires = typeof claims.exp === 'number' ? `, valid until ${new Date(claims.exp * 1000).toISOString()}` : '';
    if (session) {
      const done = await session.refreshAzureSession(file, jwt, runner);
      runner.info(`Signed in again: ${done.join(' and ') || 'nothing'} (audience ${audience})${expires}.`);
      continue;
    }
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, jwt, { mode: 0o600, flag: 'wx' });
    // On Windows an SDK reading the old token holds the file for a moment.
    retryBusy(() => renameSync(temporary, file));
    runner.info(`Refreshed ${file} (audience ${audience})${expires}.`);
  }
  return refused > 0 ? 1 : 0;
}

/**
 * The files named by a variable that are exactly as main left them (src/os/private-file.ts); each other
 * one is skipped with a warning, and refresh then exits 1. A path given with --file is the caller's own
 * choice. This stops a planted or mistaken file in a folder merely named keyless-* from getting a live
 * token; it does not stop a step of the same user, which can forge all of it (and, while it holds
 * ACTIONS_ID_TOKEN_REQUEST_*, ask the runner for tokens itself).
 */
function usable(files: string[], given: boolean, runner: Runner, temp: string): { kept: string[]; refused: number } {
  if (given) return { kept: files, refused: 0 };
  const roots = ownedRoots(runner.env, temp);
  const kept: string[] = [];
  for (const file of files) {
    const problem = exactOwnedPath(file, roots) === undefined ? 'it, or a folder on the way to it, is a link' : privateFileProblem(file);
    if (problem === undefined) {
      kept.push(file);
      continue;
    }
    runner.warning(`skipped ${file}: it is not a file as Keyless writes one (${problem}), so it gets no token; a step since the Keyless step changed it, or created it: run the Keyless step again, or pass a file of your own with --file`);
  }
  if (kept.length === 0) {
    throw new KeylessError('INPUT_INVALID', 'no token file to refresh: every file named was skipped', { hint: 'run the Keyless step again, or pass a file of your own with --file' });
  }
  return { kept, refused: files.length - kept.length };
}

/** The files to refresh: --file, else KEYLESS_REFRESH's, which must lie in Keyless's own folders and exist. */
function filesToRefresh(given: string | undefined, runner: Runner, temp: string): string[] {
  const listed = given ? [given] : (runner.env.KEYLESS_REFRESH || runner.env.AZURE_FEDERATED_TOKEN_FILE || '').split(delimiter).filter(Boolean);
  // Any earlier step can export these variables: without --file, only a file in Keyless's own folders gets
  // a live token. A path given with --file is the caller's own choice.
  const roots = ownedRoots(runner.env, temp);
  const foreign = given ? [] : listed.filter((file) => ownedPath(file, roots) === undefined);
  if (foreign.length > 0) {
    const source = runner.env.KEYLESS_REFRESH ? 'KEYLESS_REFRESH' : 'AZURE_FEDERATED_TOKEN_FILE';
    throw new KeylessError('INPUT_INVALID', `${source} names ${foreign.length} file(s) outside Keyless's own folders (keyless-* under RUNNER_TEMP, .keyless-* in the workspace), so they get no token`, {
      hint: `an earlier step may have changed ${source}; pass a file of your own with --file`,
    });
  }
  const missing = listed.filter((file) => !existsSync(file));
  if (listed.length === 0 || missing.length > 0) {
    throw new KeylessError('INPUT_INVALID', `no token file to refresh${missing.length > 0 ? ` at ${missing.join(', ')}` : ''}`, {
      hint: 'run it in the job where Keyless wrote the file (an azure entry with mode: sdk or an az session, a gcp entry exported to env (its credentials file is the default), an aws entry with mode: web-identity), or pass --file',
    });
  }
  return listed;
}

function audienceIn(file: string, noFollow: boolean): string {
  // Non-blocking and capped: a FIFO swapped in for the file is refused, never waited on.
  const text = readRegularFile(file, { maxBytes: 64 * 1024, noFollow, hint: 'pass a token file Keyless wrote, or --audience', unreadableHint: 'pass a token file Keyless wrote, or --file' }).toString('utf8');
  try {
    const { aud } = decodeJwt(text.trim());
    const audience = Array.isArray(aud) ? aud[0] : aud;
    if (audience) return audience;
  } catch {
    // Reported below: the file was not written by Keyless, or was overwritten.
  }
  throw new KeylessError('INPUT_INVALID', `${file} holds no OIDC token to read the audience from`, { hint: 'pass --audience' });
}
