import { afterEach, describe, expect, it } from 'vitest';
import { KeylessError } from '../../../src/errors.js';
import { createHttpClient } from '../../../src/http/client.js';
import { requestIdToken } from '../../../src/runner/oidc.js';
import { createRunner } from '../../../src/runner/runner.js';
import { type RunnerOidcFake, startRunnerOidc } from '../../fakes/runner-oidc.js';

// The runner's OIDC token is a bearer credential for every relying party that trusts the repository: it is
// registered with the runner's masking before requestIdToken returns, so no caller can print it first.

let fake: RunnerOidcFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setUp() {
  fake = await startRunnerOidc();
  const written: string[] = [];
  const runner = createRunner({ ACTIONS_ID_TOKEN_REQUEST_URL: fake.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: fake.requestToken }, (text) => written.push(text));
  return { oidc: fake, runner, written, http: createHttpClient({ maxAttempts: 1 }) };
}

describe('requestIdToken', () => {
  it('masks the request bearer before the request, and the token before it returns, once per audience', async () => {
    const { oidc, runner, written, http } = await setUp();
    const first = await requestIdToken(runner, http, 'https://sts.example.com');
    const afterFirst = [...written];
    const second = await requestIdToken(runner, http, 'https://vault.example.com');
    expect(oidc.issued).toEqual([first.jwt, second.jwt]);
    expect(afterFirst).toEqual([`::add-mask::${oidc.requestToken}\n`, `::add-mask::${first.jwt}\n`]);
    expect(written.slice(afterFirst.length)).toEqual([`::add-mask::${second.jwt}\n`]);
    expect(runner.redact(`${first.jwt} ${second.jwt}`)).toBe('*** ***');
    expect(first.claims.aud).toBe('https://sts.example.com');
  });

  it('refuses a value that is not a JWT without masking or returning it', async () => {
    const { oidc, runner, written, http } = await setUp();
    oidc.faults.push({ kind: 'status', status: 200, body: { value: 'not a jwt at all, but long' } });
    const error = await requestIdToken(runner, http, 'aud').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeylessError);
    expect((error as KeylessError).code).toBe('OIDC_REQUEST_FAILED');
    expect(written).toEqual([`::add-mask::${oidc.requestToken}\n`]);
  });

  it('says what permission is missing when the runner offers no token, before any request', async () => {
    const written: string[] = [];
    const error = await requestIdToken(createRunner({}, (text) => written.push(text)), createHttpClient(), 'aud').catch((e: unknown) => e);
    expect((error as KeylessError).code).toBe('OIDC_PERMISSION_MISSING');
    expect((error as KeylessError).message).toContain('offered no OIDC token');
    expect(written).toEqual([]);
  });
});
