import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

// Mutation testing of the security-critical modules: `npm run mutate` (see README "Development"). Slow, so
// kept out of `npm test`. `MUTATE_MODULE=claims npm run mutate` mutates one module, with its own
// incremental file and report, to iterate on its tests.

/** The modules whose invariants users rely on; scripts/mutation-score.mjs reports each and gates at 90%. */
export const modules = {
  'runner-port': ['src/runner/commands.ts', 'src/runner/inert.ts', 'src/runner/mask.ts', 'src/runner/runner.ts', 'src/runner/state.ts'],
  'http-client': ['src/http/client.ts', 'src/http/network-error.ts', 'src/http/retry.ts', 'src/http/url.ts'],
  cleanup: ['src/cleanup.ts'],
  claims: ['src/policy/claims.ts'],
  'sigstore-policy': ['src/policy/sigstore/verify.ts', 'src/policy/sigstore/extensions.ts', 'src/policy/sigstore/intoto.ts', 'src/policy/sigstore/prehashed.ts', 'src/policy/sigstore/trust.ts'],
  'tool-gate-policy': ['src/policy/tools/gate.ts', 'src/policy/tools/config.ts', 'src/policy/tools/provenance.ts'],
  'pin-refs-allowlist': ['src/policy/pins/refs.ts', 'src/policy/pins/policy.ts'],
};

const only = process.env.MUTATE_MODULE;
if (only !== undefined && !Object.hasOwn(modules, only)) {
  throw new Error(`MUTATE_MODULE=${only} is not one of: ${Object.keys(modules).join(', ')}`);
}

/** Where a run's JSON report goes: one file for the whole set, one per module for a MUTATE_MODULE run. */
export const reportFile = `reports/mutation/${only ?? 'all'}.json`;

// The Sigstore suites sign their fixtures once per run instead of once per mutant (test/fakes/sigstore-fixtures.ts).
mkdirSync('reports', { recursive: true });
process.env.KEYLESS_SIGSTORE_FIXTURES = resolve('reports/sigstore-fixtures.json');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  // Unit and property tests only: the end-to-end tests run the built dist/, which no mutant of src/ reaches.
  vitest: { configFile: 'vitest.unit.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  coverageAnalysis: 'perTest',
  mutate: only ? modules[only] : Object.values(modules).flat(),
  // The machine that runs it is usually shared: two test processes at most.
  concurrency: 2,
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${only ?? 'all'}.json`,
  reporters: ['clear-text', 'json', 'progress'],
  jsonReporter: { fileName: reportFile },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  timeoutMS: 20_000,
  ignorePatterns: ['dist', 'coverage', '.bench', 'reports', 'test/e2e'],
};
