import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { providers } from '../../src/providers/catalog.js';
import type { StepRun } from '../fakes/runner-harness.js';
import { codeSpans, readmeSections, section } from '../readme.js';
import { hostileWorlds } from './hostile-worlds.js';
import { actionYml, world } from './setup.js';

// What each provider declares it sets (`outputs` in src/providers/types.ts, which the README's Outputs
// table is checked against in test/unit/docs.test.ts) is what a run sets: every declared output in a run
// that can have it, no other, and secret ones only with `export: outputs`. The variables a run sets are
// each in the README's table for the providers that ran. One working world per provider, from
// test/e2e/hostile-worlds.ts, which must cover the catalog.

/** Keys that make the world's own entry set every output its provider declares. */
const EVERY_OUTPUT: Partial<Record<string, string>> = { gcp: '\n  id-token-audience: https://run.example.com' };
/** Other modes of an entry that set fewer outputs, for the provider's first world: each must stay within the declared ones. */
const VARIANTS: Partial<Record<string, string[]>> = { azure: ['\n  mode: sdk'], aws: ['\n  mode: web-identity'] };

const stepOutputs = Object.keys((parse(readFileSync(actionYml, 'utf8')) as { outputs: Record<string, unknown> }).outputs);
const variablesTable = section(readmeSections(), 'Outputs').tables.find((t) => t.header[0] === 'provider' && t.header[1]?.startsWith('variables'));

/** The variables the README's Outputs section says a provider may set. */
function documentedVariables(provider: string): string[] {
  const row = variablesTable?.rows.find((r) => codeSpans(r[0]).includes(provider));
  return (row ?? []).slice(1).flatMap(codeSpans).filter((span) => /^[A-Z][A-Z0-9_]*$/.test(span));
}

/** The world's credentials with its own entry (the last) given these keys, and `export` replaced. */
function withKeys(credentials: string, keys: string, exports: string): string {
  return `${credentials.replace(/\n {2}export: [^\n]*$/, '')}${keys}\n  export: ${exports}`;
}

/** Each entry of a successful run, by its `credentials` output, with the `<id>-` outputs it set (names after the prefix). */
function entryOutputs(run: StepRun): { id: string; provider: string; names: string[] }[] {
  const entries = JSON.parse(run.outputs.credentials ?? '[]') as { id: string; provider: string }[];
  const ids = entries.map((e) => e.id);
  // These worlds' ids are no prefix of one another, so `<id>-` attributes each output to one entry.
  expect(ids.filter((id) => ids.some((other) => other !== id && other.startsWith(`${id}-`)))).toEqual([]);
  const attributed = new Set(stepOutputs);
  const result = entries.map(({ id, provider }) => {
    const names = Object.keys(run.outputs).filter((name) => name.startsWith(`${id}-`));
    for (const name of names) attributed.add(name);
    return { id, provider, names: names.map((name) => name.slice(id.length + 1)).sort() };
  });
  expect(Object.keys(run.outputs).filter((name) => !attributed.has(name)), 'outputs of no entry and no step output').toEqual([]);
  return result;
}

function declared(provider: string, secret: boolean): string[] {
  const outputs = providers[provider]?.outputs;
  if (outputs === undefined) throw new Error(`no provider ${provider}`);
  return ['principal', ...outputs.public, ...(secret ? outputs.secret : [])].sort();
}

/** Every entry set only outputs its provider declares, and every variable is in the README for the providers that ran. */
function checkWithinDeclared(run: StepRun, secret: boolean): void {
  expect(run.code, run.stdout).toBe(0);
  const entries = entryOutputs(run);
  for (const { id, provider, names } of entries) {
    expect(names.filter((name) => !declared(provider, secret).includes(name)), `${provider} "${id}": outputs it does not declare`).toEqual([]);
  }
  const documented = entries.flatMap(({ provider }) => documentedVariables(provider));
  expect(Object.keys(run.env).filter((name) => !documented.includes(name)), 'variables missing from the README Outputs section').toEqual([]);
}

describe('declared outputs', () => {
  it.each(Object.keys(providers))('%s: a run sets exactly the outputs the provider declares, secret ones only with export: outputs', async (name) => {
    const setups = hostileWorlds[name] ?? [];
    expect(setups.length, `test/e2e/hostile-worlds.ts has no world for ${name}`).toBeGreaterThan(0);
    for (const setup of setups) {
      const w = await world();
      const h = await setup(w, w.runner.claims);
      /** One main step and its post step, the main step's outputs checked; every secret masked, and cleaned up. */
      const run = async (keys: string, exports: string) => {
        const credentials = withKeys(h.credentials, keys, exports);
        const main = await w.main({ credentials }, h.stepEnv);
        const secret = exports.includes('outputs');
        checkWithinDeclared(main, secret);
        w.expectNoLeaks([main, await w.post({ credentials }, main, h.stepEnv)], { env: true, outputs: secret });
        return entryOutputs(main).at(-1);
      };
      expect(await run(EVERY_OUTPUT[name] ?? '', '[env, outputs]')).toMatchObject({ provider: name, names: declared(name, true) });
      expect(await run(EVERY_OUTPUT[name] ?? '', 'env')).toMatchObject({ provider: name, names: declared(name, false) });
      if (setup !== setups[0]) continue;
      for (const keys of VARIANTS[name] ?? []) for (const exports of ['env', '[env, outputs]']) await run(keys, exports);
    }
    // Up to a dozen main and post steps, each a child process: on a loaded two-core machine that is minutes.
  }, 180_000);
});
