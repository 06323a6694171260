import { describe, expect, it } from 'vitest';
import { providers } from '../../src/providers/catalog.js';
import { answerWithError, hostileClaims, type Poison, poisonAnswers, poisons } from '../fakes/hostile.js';
import type { StepRun } from '../fakes/runner-harness.js';
import { githubClaims } from '../fakes/runner-oidc.js';
import { errorCodesOf, fileCommandFindings, fileFindings, foreignCommands, uncoded } from './hostile-checks.js';
import { type HostileSetup, type HostileWorld, hostileWorlds, type World } from './hostile-worlds.js';
import { world } from './setup.js';

// Issue 10: every provider in the catalog, against a server that puts injection payloads in every string
// of its success and error answers, and a runner whose token claims carry them too. Each run must leave
// no workflow command but Keyless's own, exactly the expected names in the environment files, files that
// parse to exactly their keys, and no secret anywhere it should not be.

/** Error-body keys a client classifies by: kept intact in the 401/403 runs so the "denied" path runs too. */
const CODE_KEYS = new Set(['Code', 'Type', 'code', 'error', '__type', 'status']);
/** A log line longer than this is a flood, whatever its content. */
const MAX_LINE = 4096;
/** The claims Keyless prints, records or builds names from (all of them would overflow an HTTP header as a bearer). */
const PRINTED_CLAIMS = ['sub', 'repository', 'repository_owner_id', 'ref', 'workflow', 'job_workflow_ref', 'actor', 'event_name', 'run_attempt', 'environment'];

async function stage(setup: HostileSetup): Promise<{ w: World; h: HostileWorld }> {
  const w = await world();
  const claims = hostileClaims(githubClaims(), poisons.combined, PRINTED_CLAIMS);
  w.runner.claims = claims;
  return { w, h: await setup(w, claims) };
}

const inputs = (h: HostileWorld) => ({ credentials: h.credentials });

/** Everything a failed main step must not have done: export, write a credential file, issue a foreign command. */
function failedStepFindings(w: World, main: StepRun): string[] {
  return [...foreignCommands(main, 'main'), ...fileCommandFindings(main, 'main', { env: [], outputs: [] }), ...fileFindings(w.job.temp, 'main', {})];
}

/**
 * A main step that succeeded: exactly the expected names and files (an expiry Keyless could not read may
 * be absent); then its post step, which must exit 0, issue no command, export nothing and delete every file.
 */
async function succeeded(w: World, h: HostileWorld, main: StepRun): Promise<{ findings: string[]; runs: StepRun[] }> {
  const outputs = h.outputs.filter((name) => !name.endsWith('expires-at') || name in main.outputs);
  const findings = [...foreignCommands(main, 'main'), ...fileCommandFindings(main, 'main', { env: h.env, outputs }), ...fileFindings(w.job.temp, 'main', h.files ?? {})];
  const post = await w.post(inputs(h), main, h.stepEnv);
  findings.push(...foreignCommands(post, 'post'), ...fileCommandFindings(post, 'post', { env: [], outputs: [] }), ...fileFindings(w.job.temp, 'post', {}, true));
  if (post.code !== 0) findings.push(`post exited ${String(post.code)}`);
  return { findings, runs: [main, post] };
}

function floods(run: StepRun, step: string): string[] {
  return `${run.stdout}\n${run.stderr}`
    .split(/\r\n|\r|\n/)
    .filter((line) => line.length > MAX_LINE && !line.startsWith('::add-mask::'))
    .map((line) => `${step}: a ${line.length}-character log line: ${JSON.stringify(line.slice(0, 100))}…`);
}

/** Display fields poisoned; the revocation (if any) answered with a poisoned error. */
async function displayRun(setup: HostileSetup, poison: Poison) {
  const { w, h } = await stage(setup);
  const strict = new Set([...h.secretKeys, ...(h.structuredKeys ?? [])]);
  h.target.filters.push(poisonAnswers({ poison, accept: (key) => !strict.has(key) }));
  const [revokeError] = h.errors;
  if (h.revoke && revokeError) h.target.filters.push(answerWithError({ route: h.revoke, status: 403, body: revokeError.body, poison }));
  const main = await w.main(inputs(h), h.stepEnv);
  return { w, main, ...(await succeeded(w, h, main)) };
}

const catalog = Object.keys(providers);
const worlds = catalog.flatMap((name) => {
  const setups = hostileWorlds[name] ?? [];
  return setups.map((setup, variant) => ({ title: setups.length > 1 ? `${name} (world ${variant + 1})` : name, setup }));
});
/** A denial (error codes intact, so it is classified as one) and a failure per world; the catalog covers all four. */
const ERROR_STATUSES = [[401, 500], [403, 400]];

describe('hostile servers: every provider in the catalog', () => {
  it('has a hostile world for every provider, so a provider added later is covered', () => {
    expect(catalog.filter((name) => (hostileWorlds[name] ?? []).length === 0)).toEqual([]);
  });

  worlds.forEach(({ title, setup }, position) => {
    describe(`provider ${title}`, () => {
      it('renders poisoned, 60 kB display fields and claims inert, and still hands out exactly its credential', async () => {
        const { w, main, runs, findings } = await displayRun(setup, poisons.display);
        findings.push(...runs.flatMap((run, i) => floods(run, i === 0 ? 'main' : 'post')));
        expect({ code: main.code, errors: errorCodesOf(main), findings }).toEqual({ code: 0, errors: [], findings: [] });
        // The claims are always printed: proof that the poison reached the log, made inert.
        expect(main.stdout).toContain('hostile-lead');
        w.expectNoLeaks(runs);
      });

      it('refuses a credential that carries a payload, and exports nothing', async () => {
        const { w, h } = await stage(setup);
        const secret = (key: string) => h.secretKeys.includes(key);
        h.target.filters.push(poisonAnswers({ poison: poisons.combined, accept: secret, secrets: { accept: secret, found: (value) => h.target.issued.push(value) } }));
        const main = await w.main(inputs(h), h.stepEnv);
        // Accepted today: say also what the poisoned credential did to the files it went into.
        const { findings, runs } = main.code === 0 ? await succeeded(w, h, main) : { findings: failedStepFindings(w, main), runs: [main] };
        const codes = [...new Set(errorCodesOf(main))];
        expect({ code: main.code, codes, uncoded: uncoded(main), findings }).toEqual({ code: 1, codes: ['HTTP_BAD_RESPONSE'], uncoded: [], findings: [] });
        w.expectNoLeaks(runs);
      });

      it('parses poisoned structured fields (dates, URLs, audiences) or refuses them with a code', async () => {
        const { w, h } = await stage(setup);
        const structured = new Set(h.structuredKeys ?? []);
        // The display run above already covers a world whose answers hold no structured field.
        if (structured.size === 0) return;
        h.target.filters.push(poisonAnswers({ poison: poisons.combined, accept: (key) => structured.has(key) }));
        const main = await w.main(inputs(h), h.stepEnv);
        const { findings, runs } = main.code === 0 ? await succeeded(w, h, main) : { findings: failedStepFindings(w, main), runs: [main] };
        expect({ uncoded: uncoded(main), findings }).toEqual({ uncoded: [], findings: [] });
        w.expectNoLeaks(runs);
      });

      it.each(ERROR_STATUSES[position % 2] ?? [])('fails cleanly on HTTP %i with a poisoned error body and headers', async (status) => {
        const { w, h } = await stage(setup);
        const error = h.errors[status % h.errors.length] ?? { body: {} };
        const denied = status === 401 || status === 403;
        h.target.filters.push(
          answerWithError({ route: error.route ?? h.exchange, status, body: error.body, poison: denied ? poisons.trailing : poisons.combined, ...(denied ? { keep: (key: string) => CODE_KEYS.has(key) } : {}) }),
        );
        const main = await w.main(inputs(h), h.stepEnv);
        expect({ code: main.code, uncoded: uncoded(main), findings: failedStepFindings(w, main) }).toEqual({ code: 1, uncoded: [], findings: [] });
        expect(errorCodesOf(main).length).toBeGreaterThan(0);
        w.expectNoLeaks([main]);
      });
    });
  });
});
