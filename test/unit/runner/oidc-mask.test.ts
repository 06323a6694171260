import { afterEach, describe, expect, it } from 'vitest';
import { KeylessError } from '../../../src/errors.js';
import { createHttpClient } from '../../../src/http/client.js';
import { debugPrintsRequests, requestIdToken } from '../../../src/runner/oidc.js';
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

// An earlier step can export NODE_DEBUG through GITHUB_ENV. Node reads it at start-up, so net, tls or http
// debugging prints every request's options, the bearer header among them, to stderr: nothing is sent.
describe('NODE_DEBUG', () => {
  it.each([
    ['net', true],
    ['HTTP', true],
    ['fs,tls', true],
    ['*', true],
    ['ht*', true],
    ['worker,module', false],
    ['', false],
    [' net', false],
    ['netx', false],
  ])('%j prints requests: %s (matched as Node matches it)', (value, prints) => {
    expect(debugPrintsRequests(value)).toBe(prints);
  });

  it('refuses to request a token, before masking or sending anything, and says how to unset it', async () => {
    const { oidc, written, http } = await setUp();
    const runner = createRunner({ ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken, NODE_DEBUG: 'http,net' }, (text) => written.push(text));
    const error = await requestIdToken(runner, http, 'aud').catch((e: unknown) => e);
    expect((error as KeylessError).code).toBe('INPUT_INVALID');
    expect((error as KeylessError).message).toBe("NODE_DEBUG (http,net) makes Node print every request's headers to the log, this job's OIDC request token among them, so none was sent");
    expect((error as KeylessError).hint).toContain("env: NODE_DEBUG: ''");
    expect(oidc.requests).toEqual([]);
    expect(written).toEqual([]);
  });
});

