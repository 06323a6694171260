// The floors the action's start-up is measured against: bench/floor.cjs doing the same job as one Keyless
// entry (rfc8693, aws), and `node -e 0` for the post step. Each is started as the runner starts an action
// (runner-harness: the hosted runner's environment, every INPUT_* default), so only the work differs.

/** What the bench runs, as the runner would start it. */
export interface FloorVariant {
  script: string;
  args?: string[];
  inputs: Record<string, string>;
  credentials: number;
}

export const FLOOR_RFC8693 = 'floor: rfc8693 job, CommonJS on node:http';
export const FLOOR_AWS = 'floor: aws job, CommonJS on node:http';
export const NODE_E0 = 'node -e 0';

/** The floor variants for the fakes the bench started; `script` is bench/floor.cjs. */
export function floorVariants(script: string, jobs: { audience: string; tokenEndpoint: string; role: string; region: string; stsEndpoint: string }): Record<string, FloorVariant> {
  return {
    // runner-harness runs node with `[script, ...args]`: `-e 0` is node doing nothing, under the runner's environment.
    [NODE_E0]: { script: '-e', args: ['0'], inputs: {}, credentials: 0 },
    [FLOOR_RFC8693]: { script, inputs: { audience: jobs.audience, 'token-endpoint': jobs.tokenEndpoint }, credentials: 1 },
    [FLOOR_AWS]: { script, inputs: { role: jobs.role, region: jobs.region, 'sts-endpoint': jobs.stsEndpoint }, credentials: 1 },
  };
}

/** Keyless against each floor, the ratios the design budgets. `names`: the Keyless variants for each job. */
export function printFloorRatios(median: (name: string) => number, names: { rfc8693: string; aws: string; post: string }): void {
  const line = (label: string, keyless: number, floor: number, budget: string) =>
    console.log(`  ${label.padEnd(46)} ${(keyless / floor).toFixed(2)}×  (${keyless.toFixed(1)} vs ${floor.toFixed(1)} ms${budget})`);
  line('main step, 1 rfc8693 entry / floor', median(names.rfc8693), median(FLOOR_RFC8693), '; budget ≤ 1.10×');
  line('main step, 1 aws entry / floor', median(names.aws), median(FLOOR_AWS), '; budget ≤ 1.10×');
  line('post step (after 1 rfc8693 entry) / node -e 0', median(names.post), median(NODE_E0), '');
}
