import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CredentialEntry } from '../../src/config/config.js';
import { KeylessError } from '../../src/errors.js';
import { mintAll } from '../../src/exchange.js';
import { createHttpClient } from '../../src/http/client.js';
import type { ClaimRule } from '../../src/policy/claims.js';
import { readClaimRules } from '../../src/policy/claims.js';
import type { AnyProvider, Credential, DerivedProvider, Provider } from '../../src/providers/types.js';
import { createRunner, type Runner } from '../../src/runner/runner.js';
import { CleanupLog, type CleanupItem, readCleanupItems } from '../../src/runner/state.js';
import { Problems } from '../../src/config/problems.js';
import { loadYaml } from '../../src/config/yaml.js';
import { readRunnerFileValues } from '../fakes/runner-files.js';
import { type RunnerOidcFake, startRunnerOidc } from '../fakes/runner-oidc.js';

// mintAll against the runner OIDC fake, with providers written for the test: what it asks for, in what
// order, what it records for the post step and when, and how one entry's failure reaches the others.

let oidc: RunnerOidcFake | undefined;
afterEach(async () => {
  await oidc?.close();
  oidc = undefined;
});

/** A credential of one token, revocable at a loopback endpoint. */
function credential(token: string, extra: Partial<Credential> = {}): Credential {
  return {
    env: { TOKEN: token },
    secretOutputs: {},
    publicOutputs: {},
    info: { principal: 'someone', endpoint: 'http://127.0.0.1:9/token', attempts: 1, fingerprint: '0'.repeat(16) },
    revoke: { endpoint: 'http://127.0.0.1:9/revoke', token },
    ...extra,
  };
}

/** A provider whose exchange the test writes; it records the audience of the token it was given. */
function provider(name: string, exchange: Provider['exchange']): Provider {
  return { name, outputs: { public: [], secret: [] }, read: () => ({}), defaultAudience: () => 'unused', exchange };
}

function entry(id: string, p: AnyProvider, extra: Partial<CredentialEntry> = {}): CredentialEntry {
  return { index: 0, id, provider: p, config: {}, oidcAudience: 'https://sts.example.com', exports: new Set(['env']), ...extra };
}

async function setUp() {
  oidc = await startRunnerOidc();
  const dir = mkdtempSync(join(tmpdir(), 'keyless-exchange-'));
  const state = join(dir, 'state');
  writeFileSync(state, '');
  const written: string[] = [];
  const runner: Runner = createRunner(
    { GITHUB_STATE: state, ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken },
    (text) => written.push(text),
  );
  const cleanup = new CleanupLog(runner);
  /** What main has recorded for post so far, as post would read it. */
  const recorded = (): CleanupItem[] => {
    const saved = readRunnerFileValues(readFileSync(state, 'utf8'));
    return readCleanupItems(Object.fromEntries(Object.entries(saved).map(([k, v]) => [`STATE_${k}`, v]))).items;
  };
  const deps = { runner, http: createHttpClient({ maxAttempts: 1 }), cleanup, now: () => Date.parse('2026-01-01T00:00:00Z') };
  return { oidc, runner, written, recorded, deps };
}

const rules = (yaml: string): ClaimRule[] => {
  const problems = new Problems();
  const parsed = readClaimRules(loadYaml(yaml, 'require-claims'), 'require-claims', problems);
  problems.throwIfAny();
  return [...parsed];
};

describe('mintAll', () => {
  it('records each revocation the moment its credential exists, while another exchange is still open', async () => {
    const { recorded, deps } = await setUp();
    let recordedWhileHeld: CleanupItem[] = [];
    const fast = provider('fast', () => Promise.resolve(credential('fast-token-0001')));
    const slow = provider('slow', async () => {
      // A macrotask later every microtask of the fast exchange has run: what post would see now, this exchange still open.
      await new Promise((resolve) => setImmediate(resolve));
      recordedWhileHeld = recorded();
      return credential('slow-token-0002');
    });
    const outcome = await mintAll([entry('slow', slow), entry('fast', fast)], [], deps);
    expect(recordedWhileHeld).toEqual([{ kind: 'revoke', provider: 'fast', id: 'fast', handle: { endpoint: 'http://127.0.0.1:9/revoke', token: 'fast-token-0001' } }]);
    expect(outcome.minted.map((m) => m.entry.id)).toEqual(['slow', 'fast']);
    expect(recorded().map((item) => item.kind === 'revoke' && item.id)).toEqual(['fast', 'slow']);
  });

  it('asks the runner once per distinct audience, and gives each entry its own audience\'s token', async () => {
    const { oidc, deps } = await setUp();
    const seen: Record<string, unknown> = {};
    const p = provider('p', (_config, ctx) => {
      seen[ctx.subject] = ctx.idToken.claims.aud;
      return Promise.resolve(credential(`token-of-${ctx.subject.length}-chars`));
    });
    const outcome = await mintAll(
      [entry('a', p, { oidcAudience: 'aud-1' }), entry('b', p, { oidcAudience: 'aud-2' }), entry('c', p, { oidcAudience: 'aud-1' })],
      [],
      deps,
    );
    expect(oidc.requests.filter((r) => r.path === '/_apis/idtoken').map((r) => r.query.get('audience')).sort()).toEqual(['aud-1', 'aud-2']);
    expect(seen).toEqual({ 'p "a"': 'aud-1', 'p "b"': 'aud-2', 'p "c"': 'aud-1' });
    expect([...outcome.audiences]).toEqual([['a', 'aud-1'], ['b', 'aud-2'], ['c', 'aud-1']]);
  });

  it('keeps a token per source and audience: the runner is asked only for runner entries, a file is read once for two entries', async () => {
    const { oidc, deps, written } = await setUp();
    const k8s = await startRunnerOidc({ sub: 'system:serviceaccount:ci:deploy' });
    try {
      const url = new URL(k8s.requestUrl);
      url.searchParams.set('audience', 'https://sts.example.com');
      const jwt = ((await (await fetch(url, { headers: { authorization: `Bearer ${k8s.requestToken}` } })).json()) as { value: string }).value;
      const file = join(mkdtempSync(join(tmpdir(), 'keyless-exchange-')), 'token');
      writeFileSync(file, jwt);
      const seen: Record<string, unknown> = {};
      const p = provider('p', (_config, ctx) => {
        seen[ctx.subject] = ctx.idToken.claims.sub;
        return Promise.resolve(credential(`token-of-${ctx.subject}-0001`));
      });
      const fromFile = { subjectToken: { kind: 'file', path: file } } as const;
      const outcome = await mintAll([entry('a', p), entry('b', p, fromFile), entry('c', p, fromFile)], rules('sub: ["repo:acme/widget:*", "system:serviceaccount:ci:*"]'), deps);
      expect(outcome.failed).toEqual([]);
      expect(oidc.requests.filter((r) => r.path === '/_apis/idtoken')).toHaveLength(1);
      expect(seen).toEqual({ 'p "a"': 'repo:acme/widget:ref:refs/heads/main', 'p "b"': 'system:serviceaccount:ci:deploy', 'p "c"': 'system:serviceaccount:ci:deploy' });
      expect(outcome.tokens.size).toBe(2);
      expect(written.filter((line) => line === `::add-mask::${jwt}\n`)).toHaveLength(1);
      expect(written.join('')).toContain(`Subject token from file ${file} for audience "https://sts.example.com"`);

      const refused = (await mintAll([entry('a', p), entry('b', p, fromFile)], rules('sub: "repo:acme/widget:*"'), deps).catch((e: unknown) => e)) as KeylessError;
      expect(refused.code).toBe('CLAIMS_REFUSED');
      expect(refused.message).toBe(`the subject token from file ${file} does not meet require-claims: sub is "system:serviceaccount:ci:deploy", allowed: "repo:acme/widget:*"`);
    } finally {
      await k8s.close();
    }
  });

  it('checks require-claims on the token before any exchange, and exchanges nothing when it fails', async () => {
    const { deps, recorded } = await setUp();
    let exchanged = 0;
    const p = provider('p', () => {
      exchanged++;
      return Promise.resolve(credential('never-minted-0001'));
    });
    const error = await mintAll([entry('a', p)], rules('ref: refs/heads/release'), deps).catch((e: unknown) => e);
    expect((error as KeylessError).code).toBe('CLAIMS_REFUSED');
    expect(exchanged).toBe(0);
    expect(recorded()).toEqual([]);
  });

  it('reports a failed entry with its subject, and still mints and records the others', async () => {
    const { deps, recorded } = await setUp();
    const failing = provider('bad', () => Promise.reject(new KeylessError('EXCHANGE_DENIED', 'no')));
    const good = provider('good', () => Promise.resolve(credential('good-token-0001')));
    const outcome = await mintAll([entry('x', failing), entry('y', good)], [], deps);
    expect(outcome.failed.map((f) => [f.entry.id, f.error.code, f.error.subject])).toEqual([['x', 'EXCHANGE_DENIED', 'bad "x"']]);
    expect(outcome.minted.map((m) => m.entry.id)).toEqual(['y']);
    expect(recorded()).toHaveLength(1);
  });

  it('turns a value Node refuses (RangeError) into HTTP_BAD_RESPONSE, but lets a bug through', async () => {
    const { deps } = await setUp();
    const range = provider('r', () => Promise.reject(new RangeError('Invalid time value')));
    const outcome = await mintAll([entry('a', range)], [], deps);
    expect(outcome.failed[0]?.error.code).toBe('HTTP_BAD_RESPONSE');
    expect(outcome.failed[0]?.error.message).toContain('Invalid time value');
    const bug = provider('b', () => Promise.reject(new TypeError('x is undefined')));
    await expect(mintAll([entry('a', bug)], [], deps)).rejects.toThrow(TypeError);
  });

  it('records the revocation of a credential it then refuses to hand out (a value too short to mask)', async () => {
    const { deps, recorded } = await setUp();
    const short = provider('s', () => Promise.resolve(credential('long-enough-token', { env: { TOKEN: 'abc' } })));
    const outcome = await mintAll([entry('a', short)], [], deps);
    expect(outcome.failed[0]?.error.code).toBe('HTTP_BAD_RESPONSE');
    expect(recorded()).toEqual([expect.objectContaining({ kind: 'revoke', id: 'a' })]);
  });

  // Providers mask what they read on arrival; a value a provider builds (a header, a connection string) is
  // masked here, before anything hands it out.
  it('masks every value handed out, even one its provider built and did not mask', async () => {
    const { deps, written } = await setUp();
    const built = provider('b', () => Promise.resolve(credential('revocation-token-1', { env: { TOKEN: 'Bearer built-by-the-provider' }, secretOutputs: { header: 'x-token: built-output-value' } })));
    const outcome = await mintAll([entry('a', built)], [], deps);
    expect(outcome.minted).toHaveLength(1);
    expect(written).toContain('::add-mask::Bearer built-by-the-provider\n');
    expect(written).toContain('::add-mask::x-token: built-output-value\n');
  });

  it('records a credential without a revocation handle as revoke-none, with its reason', async () => {
    const { deps, recorded } = await setUp();
    const { env, info } = credential('crates-token-0001');
    const rest: Credential = { env, info, secretOutputs: {}, publicOutputs: {} };
    const p = provider('crates', () => Promise.resolve({ ...rest, irrevocable: 'crates.io tokens expire after 30 minutes', info: { ...rest.info, expiresAt: '2026-01-01T00:30:00.000Z' } }));
    await mintAll([entry('a', p)], [], deps);
    expect(recorded()).toEqual([{ kind: 'revoke-none', provider: 'crates', id: 'a', expiresAt: '2026-01-01T00:30:00.000Z', reason: 'crates.io tokens expire after 30 minutes' }]);
  });

  it('makes what a credential shows displayable: one line, no command', async () => {
    const { deps } = await setUp();
    const p = provider('p', () => Promise.resolve(credential('token-0000000001', { info: { ...credential('x').info, principal: 'a\n::warning::b', scope: 'read\r\nwrite' } })));
    const outcome = await mintAll([entry('a', p)], [], deps);
    expect(outcome.minted[0]?.credential.info.principal).toBe('a ::warning::b');
    expect(outcome.minted[0]?.credential.info.scope).toBe('read write');
  });
});

describe('mintAll with an entry built on another (from:)', () => {
  const derived = (name: string, exchange: DerivedProvider['exchange']): DerivedProvider => ({
    name,
    derived: true,
    outputs: { public: [], secret: [] },
    read: () => ({}),
    upstream: () => ({ id: 'up', providers: ['up'] }),
    exchange,
  });

  it('starts the derived exchange only after its upstream is minted and recorded, with its handoff', async () => {
    const { deps, recorded } = await setUp();
    let recordedAtStart: CleanupItem[] = [];
    const up = provider('up', () => Promise.resolve(credential('upstream-token-01', { handoff: { kind: 'bearer', provider: 'github', token: 'upstream-token-01' } })));
    const down = derived('down', (_config, ctx) => {
      recordedAtStart = recorded();
      expect(ctx.upstream).toEqual({ kind: 'bearer', provider: 'github', token: 'upstream-token-01' });
      return Promise.resolve(credential('derived-token-02'));
    });
    const noAudience: CredentialEntry = { index: 1, id: 'down', provider: down, config: {}, from: 'up', exports: new Set(['env']) };
    const outcome = await mintAll([noAudience, entry('up', up)], [], deps);
    expect(outcome.failed).toEqual([]);
    expect(recordedAtStart.map((item) => item.kind === 'revoke' && item.id)).toEqual(['up']);
  });

  it('does not attempt it when its upstream failed, and says which', async () => {
    const { deps } = await setUp();
    let attempted = false;
    const up = provider('up', () => Promise.reject(new KeylessError('EXCHANGE_DENIED', 'denied')));
    const down = derived('down', () => {
      attempted = true;
      return Promise.resolve(credential('never-0000000001'));
    });
    const noAudience: CredentialEntry = { index: 1, id: 'down', provider: down, config: {}, from: 'up', exports: new Set(['env']) };
    const outcome = await mintAll([entry('up', up), noAudience], [], deps);
    expect(attempted).toBe(false);
    expect(outcome.failed.map((f) => [f.entry.id, f.error.code, f.error.message])).toEqual([
      ['up', 'EXCHANGE_DENIED', 'denied'],
      ['down', 'EXCHANGE_FAILED', 'not attempted: it builds on "up", which failed'],
    ]);
  });
});
