// npm run bench: start-up and round trips of the built action against the loopback fakes, as ratios.
// Medians of BENCH_RUNS (default 25) sequential runs, interleaved so drift hits every variant alike.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { actionRuns } from '../test/fakes/action-manifest.js';
import { startAwsSts } from '../test/fakes/aws-sts.js';
import { startEcr } from '../test/fakes/container-registries.js';
import { startEntra } from '../test/fakes/entra.js';
import { startGoogle } from '../test/fakes/google.js';
import { startOAuthServer } from '../test/fakes/oauth-server.js';
import { newJob, runMain, runPost, runStep, type StepOptions, type StepRun } from '../test/fakes/runner-harness.js';
import { benchExec } from './exec.js';
import { FLOOR_RFC8693, type FloorVariant, floorVariants, NODE_E0, printFloorRatios } from './floor.js';
import { printLoadCpu } from './load-cpu.js';
import { benchOrg } from './org.js';
import { benchFix, benchPins } from './pins.js';
import { benchVerification } from './verification.js';
import { startRunnerOidc } from '../test/fakes/runner-oidc.js';
import { delayAnswers } from '../test/fakes/http-fake.js';

// The root comes in on the command line: ncc would otherwise relocate every literal path it can resolve.
const root = process.argv[2] ?? '.';
const at = (path: string) => `${root}/${path}`;
const runs = Number(process.env.BENCH_RUNS ?? 25);
// BENCH_LATENCY_MS=N: every fake holds each request N ms before answering, a network's round trip.
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 0);
if (!(latencyMs >= 0)) throw new Error(`BENCH_LATENCY_MS must be a number of milliseconds, not ${process.env.BENCH_LATENCY_MS}`);
const actionYmlPath = at('action.yml');
// The entries action.yml names, as the runner starts them.
const entries = actionRuns(actionYmlPath);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** `step`: how the variant runs, when not as `runStep(script)` (the post step runs after its main step). */
type Variant = FloorVariant & { step?: (options: StepOptions) => Promise<StepRun> };
const POST_STEP = 'keyless post step, after 1 credential';

/** Runs every variant `runs` times, interleaved; returns wall times and the round trips of the last run. */
async function measure(variants: Record<string, Variant>, env: Record<string, string>, fakes: { requests: { path: string }[] }[]) {
  // The action's own round trips: runner token requests and exchanges, not the fake STS fetching its JWKS.
  const seen = () => fakes.reduce((sum, fake) => sum + fake.requests.filter((r) => r.path !== '/.well-known/jwks').length, 0);
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  const trips: Record<string, number> = {};
  for (let i = 0; i < runs + 2; i++) {
    for (const [name, variant] of Object.entries(variants)) {
      const before = seen();
      // BENCH_PROFILE=DIR writes a CPU profile of each 1-credential main step there, to see where time goes.
      const profile = process.env.BENCH_PROFILE && name === (process.env.BENCH_PROFILE_VARIANT ?? 'keyless, 1 credential') ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_PROFILE}` } : {};
      const options = { job: newJob(), actionYml: actionYmlPath, inputs: variant.inputs, env: { ...env, ...profile }, ...(variant.args ? { args: variant.args } : {}) };
      const run = await (variant.step ?? ((o: StepOptions) => runStep(variant.script, o)))(options);
      if (variant.credentials > 0 && run.code !== 0) throw new Error(`${name} failed:\n${run.stdout}${run.stderr}`);
      // The first two rounds warm the file cache and the fakes; they are not counted.
      if (i >= 2) times[name]?.push(run.elapsedMs);
      trips[name] = seen() - before;
    }
  }
  return { times, trips };
}

async function main(): Promise<void> {
  delayAnswers(latencyMs);
  const runner = await startRunnerOidc();
  const sts = await startOAuthServer({ trustedIssuer: runner.issuer });
  const env = { ACTIONS_ID_TOKEN_REQUEST_URL: runner.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: runner.requestToken };
  const wip = 'projects/1/locations/global/workloadIdentityPools/github/providers/acme';
  const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  const client = '0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d';
  const aws = await startAwsSts({ trustedIssuer: runner.issuer });
  const google = await startGoogle({ trustedIssuer: runner.issuer, provider: wip });
  const entra = await startEntra({ trustedIssuer: runner.issuer, tenantId: tenant, clientId: client, subjects: [String(runner.claims.sub)] });
  const ecr = await startEcr({ sts: aws, region: 'us-east-1' });
  const awsEntry = `- provider: aws\n  role: arn:aws:iam::123456789012:role/deploy\n  region: us-east-1\n  sts-endpoint: ${aws.url}/`;
  const clouds = [
    awsEntry,
    `- provider: gcp\n  workload-identity-provider: ${wip}\n  sts-endpoint: ${google.url}/v1/token\n  revoke-endpoint: ${google.url}/revoke`,
    `- provider: azure\n  client-id: ${client}\n  tenant-id: ${tenant}\n  authority-host: ${entra.url}/`,
  ].join('\n');
  const entry = (id: string) => `- provider: rfc8693\n  id: ${id}\n  token-endpoint: ${sts.tokenEndpoint}\n  oidc-audience: ${sts.issuer}`;
  const floors = floorVariants(at('bench/floor.cjs'), {
    audience: sts.issuer,
    tokenEndpoint: sts.tokenEndpoint,
    role: 'arn:aws:iam::123456789012:role/deploy',
    region: 'us-east-1',
    stsEndpoint: `${aws.url}/`,
  });

  const variants: Record<string, Variant> = {
    ...floors,
    'keyless, 1 credential': { script: entries.main, inputs: { credentials: entry('one') }, credentials: 1 },
    [POST_STEP]: {
      script: entries.post ?? '',
      inputs: { credentials: entry('one') },
      credentials: 0,
      // Main as the runner runs it (untimed), then post with its state and env: the post step of a real job.
      step: async (options) => runPost(options, await runMain(options)),
    },
    'keyless, 5 credentials': {
      script: entries.main,
      inputs: { credentials: ['a', 'b', 'c', 'd', 'e'].map(entry).join('\n') },
      credentials: 5,
    },
    'keyless, 1 cloud (aws)': { script: entries.main, inputs: { credentials: awsEntry }, credentials: 1 },
    'keyless, 3 clouds (aws, gcp, azure)': { script: entries.main, inputs: { credentials: clouds }, credentials: 3 },
    'keyless, aws + ECR login (from: aws)': {
      script: entries.main,
      inputs: { credentials: `${awsEntry}\n  id: aws\n- provider: registry\n  kind: ecr\n  from: aws\n  endpoint: ${ecr.url}/` },
      credentials: 2,
    },
    'keyless, aws → aws role chain → ECR': {
      script: entries.main,
      inputs: {
        credentials: `${awsEntry}\n  id: aws\n  export: none\n- provider: aws\n  id: deploy\n  from: aws\n  role: arn:aws:iam::123456789012:role/release\n  sts-endpoint: ${aws.url}/\n- provider: registry\n  kind: ecr\n  from: deploy\n  endpoint: ${ecr.url}/`,
      },
      credentials: 3,
    },
    ...(existsSync(at('../shared/corpus/sigstore-conformance/bundle-verify/a.txt'))
      ? {
          'keyless, 1 credential + 1 verified tool': {
            script: entries.main,
            inputs: {
              credentials: entry('one'),
              tools: `- name: t\n  path: ${at('../shared/corpus/sigstore-conformance/bundle-verify/a.txt')}\n  sha256: a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf\n  bundle: ${at('../shared/corpus/sigstore-conformance/bundle-verify/happy-path-v0.3/bundle.sigstore.json')}\n  identity: https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main\n  issuer: https://token.actions.githubusercontent.com`,
            },
            credentials: 1,
          },
        }
      : {}),
    'keyless, config error (start-up only)': { script: entries.main, inputs: { credentials: '- provider: none' }, credentials: 0 },
    'peer-style: @actions/core + http-client': {
      script: at('.bench/peer-core/index.js'),
      inputs: { audience: sts.issuer, 'token-endpoint': sts.tokenEndpoint },
      credentials: 1,
    },
    'peer-style: zero-dep fetch': {
      script: at('bench/peer-fetch.mjs'),
      inputs: { audience: sts.issuer, 'token-endpoint': sts.tokenEndpoint },
      credentials: 1,
    },
  };
  // BENCH_BASELINE=DIR (a checkout with its own built dist/) runs the same two steps from that build,
  // interleaved with this one's, so a change's start-up cost is measured under the same load.
  const baseline = process.env.BENCH_BASELINE;
  if (baseline) {
    const { main: baselineMain } = actionRuns(join(baseline, 'action.yml'));
    variants['baseline build, 1 credential'] = { script: baselineMain, inputs: { credentials: entry('one') }, credentials: 1 };
    variants['baseline build, 1 cloud (aws)'] = { script: baselineMain, inputs: { credentials: awsEntry }, credentials: 1 };
  }
  // BENCH_VARIANTS=REGEX: only the variants whose names match, beside the floors, for iterating on one of them.
  const only = process.env.BENCH_VARIANTS === undefined ? undefined : new RegExp(process.env.BENCH_VARIANTS);
  const chosen = Object.fromEntries(Object.entries(variants).filter(([name]) => !only || only.test(name) || name in floors));
  const { times, trips } = await measure(chosen, env, [runner, sts, aws, google, entra, ecr]);
  const exec = await benchExec(root, runs, entry('one'), env);
  await Promise.all([runner, sts, aws, google, entra, ecr].map((fake) => fake.close()));

  const m = Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
  const network = latencyMs > 0 ? `, every answer ${latencyMs} ms late (BENCH_LATENCY_MS)` : ', loopback answers';
  console.log(`Keyless bench — Node ${process.version}, ${runs} runs each${network}, medians (ms) and ratios\n`);
  printStartups(m, variants, trips);
  console.log(`  keyless exec -- true / main step, 1 credential  ${(exec.exec / exec.main).toFixed(2)}×  (budget ≤ 1.20×; ${exec.exec.toFixed(1)} vs ${exec.main.toFixed(1)} ms)`);
  printLoadCpu(at('dist/main.js'), at('.bench/yaml/index.js'), runs);
  // BENCH_ONLY=startup: the main and post steps only, for iterating on start-up.
  if (process.env.BENCH_ONLY === 'startup') return;
  const verification = benchVerification(at('../shared/corpus/sigstore-conformance'), runs);
  if (verification) {
    console.log(`  verifyBundle / @sigstore/verify direct          ${(verification.keyless / verification.direct).toFixed(2)}×  (budget ≤ 1.10×; ${verification.keyless.toFixed(2)} vs ${verification.direct.toFixed(2)} ms per bundle)`);
  }
  const pins = benchPins(at('../shared/corpus/workflows'), at('.bench'), at('dist/cli.js'));
  if (pins) {
    console.log(`  pin scan, corpus × 5,000 files, one core        ${Math.round(pins.inProcess)} files/s in-process, ${Math.round(pins.viaCli)} files/s via keyless pins  (budget ≥ 2,000/s)`);
    const fixRate = await benchFix(at('../shared/corpus/workflows'));
    if (fixRate) console.log(`  pin fix, same 5,000 files (resolution stubbed)  ${Math.round(fixRate)} files/s, ${(5000 / fixRate).toFixed(2)} s for the set`);
  }
  for (const org of await benchOrg(at('dist/cli.js'))) {
    console.log(`  org scan, ${String(org.size).padStart(5)} repositories (fake GitHub API)  ${Math.round(org.perSecond)} repositories/s, peak RSS ${org.rssMb.toFixed(0)} MB  (budget ≥ 200/s, RSS flat)`);
  }
  console.log('\n  dist entries (bytes loaded at start | lazy chunks):');
  for (const entry of ['main', 'post', 'cli']) {
    const dir = join(root, 'dist', entry);
    const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
    const eager = statSync(join(dir, 'index.js')).size;
    const lazy = files.filter((f) => f !== 'index.js').reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
    console.log(`    dist/${entry}.js  ${String(eager).padStart(8)} | ${lazy}`);
  }
}

await main();

/** The main-step figures: each variant against bare node, then the ratios the design budgets. */
function printStartups(m: Record<string, number>, variants: Record<string, Variant>, trips: Record<string, number>): void {
  const at = (name: string) => m[name] ?? Number.NaN;
  const node = at(NODE_E0);
  const one = at('keyless, 1 credential');
  const fastestPeer = Math.min(at('peer-style: @actions/core + http-client'), at('peer-style: zero-dep fetch'));
  const floor = at(FLOOR_RFC8693);
  for (const [name, value] of Object.entries(m)) {
    const credentials = variants[name]?.credentials ?? 0;
    const perCredential = credentials > 0 ? ` | round trips/credential ${(trips[name] ?? 0) / credentials}` : '';
    console.log(`  ${name.padEnd(44)} ${value.toFixed(1).padStart(7)} ms  ${(value / node).toFixed(2)}× node${perCredential}`);
  }
  console.log('');
  printFloorRatios(at, { rfc8693: 'keyless, 1 credential', aws: 'keyless, 1 cloud (aws)', post: POST_STEP });
  console.log(`  main step, 1 credential / node -e 0             ${(one / node).toFixed(2)}×`);
  console.log(`  main step, 1 credential / fastest peer-style    ${(one / fastestPeer).toFixed(2)}×  (budget ≤ 0.60×)`);
  console.log(`  floor / fastest peer-style                      ${(floor / fastestPeer).toFixed(2)}×  (no main step can go below this)`);
  console.log(`  main step, 1 credential − floor                 ${(one - floor).toFixed(1)} ms  (YAML, validation, pin check, files, audit)`);
  console.log(`  5 credentials / 1 credential                    ${(at('keyless, 5 credentials') / one).toFixed(2)}×  (budget ≤ 1.50×)`);
  console.log(`  3 clouds / 1 cloud                              ${(at('keyless, 3 clouds (aws, gcp, azure)') / at('keyless, 1 cloud (aws)')).toFixed(2)}×  (budget ≤ 1.50×)`);
  if (m['baseline build, 1 credential'] !== undefined) {
    console.log(`  this build / baseline build, 1 credential      ${(one / at('baseline build, 1 credential')).toFixed(3)}×  (BENCH_BASELINE)`);
    console.log(`  this build / baseline build, 1 cloud (aws)     ${(at('keyless, 1 cloud (aws)') / at('baseline build, 1 cloud (aws)')).toFixed(3)}×`);
  }
  console.log(`  aws + ECR login / aws alone                     ${(at('keyless, aws + ECR login (from: aws)') / at('keyless, 1 cloud (aws)')).toFixed(2)}×  (one dependent round trip, SigV4 signer loaded lazily)`);
  console.log(`  aws → role chain → ECR / aws alone              ${(at('keyless, aws → aws role chain → ECR') / at('keyless, 1 cloud (aws)')).toFixed(2)}×  (budget ≤ 1.30×; two dependent round trips)`);
}
