import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { KeylessError } from '../errors.js';
import { createHttpClient } from '../http/client.js';
import { requestIdToken } from '../runner/oidc.js';
import type { Runner } from '../runner/runner.js';

export const REFRESH_USAGE = 'keyless refresh [--file PATH] [--audience AUD]   (defaults: $AZURE_FEDERATED_TOKEN_FILE, api://AzureADTokenExchange)';

/**
 * Rewrites a federated token file with a fresh runner OIDC token, for a later step of a long job: the
 * Azure SDKs re-read the file, so they keep working after the first token expired. Only a file Keyless
 * wrote (one that exists) is replaced, atomically and 0600.
 */
export async function refresh(args: readonly string[], runner: Runner): Promise<number> {
  const options = parseFlags(args);
  if (options === undefined) return 2;
  const file = options.file ?? runner.env.AZURE_FEDERATED_TOKEN_FILE;
  if (!file || !existsSync(file)) {
    throw new KeylessError('INPUT_INVALID', `no federated token file to refresh${file ? ` at ${file}` : ''}`, {
      hint: 'run it in the job where Keyless wrote the file (an azure entry with mode: sdk), or pass --file',
    });
  }
  const { jwt, claims } = await requestIdToken(runner, createHttpClient(), options.audience ?? 'api://AzureADTokenExchange');
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, jwt, { mode: 0o600, flag: 'wx' });
  renameSync(temporary, file);
  const expires = typeof claims.exp === 'number' ? `, valid until ${new Date(claims.exp * 1000).toISOString()}` : '';
  runner.info(`Refreshed ${file}${expires}.`);
  return 0;
}

function parseFlags(args: readonly string[]): { file?: string; audience?: string } | undefined {
  const out: { file?: string; audience?: string } = {};
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if ((flag !== '--file' && flag !== '--audience') || value === undefined) {
      process.stderr.write(`keyless refresh: unexpected ${flag ?? 'end of arguments'}\nusage: ${REFRESH_USAGE}\n`);
      return undefined;
    }
    out[flag === '--file' ? 'file' : 'audience'] = value;
  }
  return out;
}
