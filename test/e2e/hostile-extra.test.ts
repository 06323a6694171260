import { describe, expect, it } from 'vitest';
import { providers } from '../../src/providers/catalog.js';
import type { ResponseFilter } from '../fakes/http-fake.js';
import { answerWithError, COMBINED, hostileClaims, poisonAnswers, poisons, poisonXml } from '../fakes/hostile.js';
import { startPublishing } from '../fakes/platforms.js';
import type { StepRun } from '../fakes/runner-harness.js';
import { githubClaims } from '../fakes/runner-oidc.js';
import { errorCodesOf, fileCommandFindings, fileFindings, foreignCommands, uncoded } from './hostile-checks.js';
import { type HostileWorld, hostileWorlds, type World } from './hostile-worlds.js';
import { oidcAudiences, world } from './setup.js';

// The attacker beyond the issue's list: answers of the wrong JSON type (or XML text), absurd numbers, duplicate and
// __proto__ keys, a hostile runner token service, and an index that names another service's audience.

/** Every value of a JSON document replaced where `swap` says so (keys kept). */
function mapJson(value: unknown, swap: (value: unknown) => unknown): unknown {
  const swapped = swap(value);
  if (swapped !== value) return swapped;
  if (Array.isArray(value)) return value.map((item) => mapJson(item, swap));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapJson(v, swap)]));
  return value;
}

/**
 * The same in an XML answer (AWS's query API), which has no types: each element's text is taken as a
 * number when it reads as one, and a swapped value is written back as text.
 */
function mapXml(text: string, swap: (value: unknown) => unknown): string {
  return poisonXml(text, (inner) => {
    const value = /^-?\d+(\.\d+)?$/.test(inner) ? Number(inner) : inner;
    const swapped = swap(value);
    return swapped === value ? inner : String(swapped);
  });
}

const rewriteJson = (swap: (value: unknown) => unknown): ResponseFilter => (answer) => {
  const type = String(answer.headers['content-type']);
  if (answer.body === '') return answer;
  if (/json/.test(type)) return { ...answer, body: JSON.stringify(mapJson(JSON.parse(answer.body), swap)) };
  return /xml/.test(type) ? { ...answer, body: mapXml(answer.body, swap) } : answer;
};

/** The outcome of a main step against a hostile answer: either a clean success or a clean, coded refusal. */
async function cleanOutcome(w: World, h: HostileWorld, main: StepRun): Promise<string[]> {
  const findings = [...uncoded(main), ...foreignCommands(main, 'main')];
  if (main.code !== 0) {
    w.expectNoLeaks([main]);
    return [...findings, ...fileCommandFindings(main, 'main', { env: [], outputs: [] }), ...fileFindings(w.job.temp, 'main', {})];
  }
  const outputs = h.outputs.filter((name) => !name.endsWith('expires-at') || name in main.outputs);
  findings.push(...fileCommandFindings(main, 'main', { env: h.env, outputs }), ...fileFindings(w.job.temp, 'main', h.files ?? {}));
  // Whatever expiry was exported must be a real date.
  for (const [name, value] of Object.entries(main.outputs)) if (name.endsWith('expires-at') && Number.isNaN(Date.parse(value))) findings.push(`output ${name} = ${JSON.stringify(value)}`);
  const post = await w.post({ credentials: h.credentials }, main, h.stepEnv);
  if (post.code !== 0) findings.push(`post exited ${String(post.code)}: ${uncoded(post).join(' ')}`);
  w.expectNoLeaks([main, post]);
  return findings;
}

const worlds = Object.keys(providers).flatMap((name) => (hostileWorlds[name] ?? []).map((setup, i) => ({ title: `${name} ${i + 1}`, setup })));

describe('hostile servers beyond the payload list, every provider', () => {
  it.each(worlds)('$title: a number where a string is expected (and an array where an object is) is refused with a code', async ({ setup }) => {
    const w = await world();
    const h = await setup(w, w.runner.claims);
    // Strings become numbers; arrays stay arrays of numbers; the credential can no longer be a string.
    h.target.filters.push(rewriteJson((value) => (typeof value === 'string' ? 12345 : value)));
    const main = await w.main({ credentials: h.credentials }, h.stepEnv);
    expect({ code: main.code, findings: await cleanOutcome(w, h, main) }).toEqual({ code: 1, findings: [] });
  });

  it.each(worlds)('$title: every number 1e300 (an expiry, a lifetime) never crashes the step', async ({ setup }) => {
    const w = await world();
    const h = await setup(w, w.runner.claims);
    h.target.filters.push(rewriteJson((value) => (typeof value === 'number' ? 1e300 : value)));
    const main = await w.main({ credentials: h.credentials }, h.stepEnv);
    expect(await cleanOutcome(w, h, main)).toEqual([]);
  });
});

describe('hostile token endpoint (rfc8693)', () => {
  async function rfc(filter: (body: Record<string, unknown>) => string) {
    const w = await world();
    w.server.filters.push((answer, req) => (req.path === '/token' && answer.status === 200 ? { ...answer, body: filter(JSON.parse(answer.body) as Record<string, unknown>) } : answer));
    const main = await w.main({ credentials: `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}\n  oidc-audience: ${w.server.issuer}` });
    return { w, main };
  }

  it('reads a duplicated access_token as JSON.parse does (the last), and refuses it when that one is poisoned', async () => {
    const { w, main } = await rfc((body) => `{"access_token":${JSON.stringify(body.access_token)},${JSON.stringify(body).slice(1, -1)},"access_token":${JSON.stringify(`${String(body.access_token)}${COMBINED}`)}}`);
    expect({ code: main.code, codes: errorCodesOf(main), env: main.env }).toEqual({ code: 1, codes: ['HTTP_BAD_RESPONSE'], env: {} });
    w.expectNoLeaks([main]);
  });

  it('does not take an access_token from a __proto__ key', async () => {
    const { w, main } = await rfc((body) => JSON.stringify({ ...body, access_token: undefined }).replace(/^\{/, `{"__proto__":{"access_token":"at-from-proto"},`));
    expect({ code: main.code, codes: errorCodesOf(main), env: main.env }).toEqual({ code: 1, codes: ['HTTP_BAD_RESPONSE'], env: {} });
    w.expectNoLeaks([main]);
  });

  it.each([
    ['an object', { value: 'at-object' }],
    ['an array', ['at-array']],
    ['a number', 42],
  ])('refuses an access_token that is %s', async (_what, token) => {
    const { w, main } = await rfc((body) => JSON.stringify({ ...body, access_token: token }));
    expect({ code: main.code, codes: errorCodesOf(main), env: main.env }).toEqual({ code: 1, codes: ['HTTP_BAD_RESPONSE'], env: {} });
    w.expectNoLeaks([main]);
  });
});

describe('hostile runner OIDC token service', () => {
  const credentials = (w: World) => `- provider: rfc8693\n  token-endpoint: ${w.server.tokenEndpoint}\n  oidc-audience: ${w.server.issuer}`;

  it('refuses a token value that carries a payload, before any exchange', async () => {
    const w = await world();
    w.runner.filters.push(poisonAnswers({ route: /^GET \/_apis\/idtoken$/, poison: poisons.combined, accept: (key) => key === 'value' }));
    const main = await w.main({ credentials: credentials(w) });
    const findings = [...foreignCommands(main, 'main'), ...fileCommandFindings(main, 'main', { env: [], outputs: [] })];
    expect({ code: main.code, codes: errorCodesOf(main), findings, exchanges: w.server.requests.length }).toEqual({ code: 1, codes: ['OIDC_REQUEST_FAILED'], findings: [], exchanges: 0 });
    w.expectNoLeaks([main]);
  });

  it.each([401, 403, 500])('fails cleanly on HTTP %i with a poisoned message and headers', async (status) => {
    const w = await world();
    w.runner.filters.push(answerWithError({ route: /^GET \/_apis\/idtoken$/, status, body: { message: 'Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable' }, poison: poisons.display }));
    const main = await w.main({ credentials: credentials(w) });
    const findings = [...uncoded(main), ...foreignCommands(main, 'main'), ...fileCommandFindings(main, 'main', { env: [], outputs: [] })];
    expect({ code: main.code, codes: errorCodesOf(main), findings }).toEqual({ code: 1, codes: ['OIDC_REQUEST_FAILED'], findings: [] });
    w.expectNoLeaks([main]);
  });

  it('prints claims that are numbers, arrays and objects where strings are expected without breaking', async () => {
    const w = await world();
    const odd: Record<string, unknown> = { sub: [`repo:${COMBINED}`], job_workflow_ref: { ref: COMBINED }, repository: 42 };
    w.runner.claims = { ...hostileClaims(githubClaims(), poisons.combined), ...odd };
    const main = await w.main({ credentials: credentials(w) });
    expect({ uncoded: uncoded(main), findings: foreignCommands(main, 'main') }).toEqual({ uncoded: [], findings: [] });
    w.expectNoLeaks([main]);
  });
});

describe('a private index that publishes another service\'s audience', () => {
  it('never sends the index a runner token addressed to AWS STS: the entry must name the audience', async () => {
    const w = await world();
    const index = w.adopt(await startPublishing({ trustedIssuer: w.runner.issuer, repositories: ['acme/widget'], pypiAudience: 'sts.amazonaws.com' }));
    const main = await w.main({ credentials: `- provider: pypi\n  index: ${index.url}` });
    expect({ audiences: oidcAudiences(w.runner), code: main.code, requests: index.requests.length }).toEqual({ audiences: [], code: 1, requests: 0 });
    expect(errorCodesOf(main)).toEqual(['INPUT_INVALID']);
    w.expectNoLeaks([main]);
  });
});
