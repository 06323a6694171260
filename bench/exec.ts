// keyless exec against the action's main step: the same entry, the same fakes, interleaved runs.
import { newJob, runStep } from '../test/fakes/runner-harness.js';

/** The command exec starts: a program that does nothing, so what is measured is Keyless's own cost. */
const NOTHING = process.platform === 'win32' ? [process.execPath, '-e', '0'] : ['true'];

/**
 * Medians (ms) of `keyless exec --credentials ENTRY -- true` and of the main step minting ENTRY, each run
 * as a step of a fresh job. exec mints, starts the command, waits for it and cleans up; the main step
 * mints and exports, and leaves cleanup to its post step.
 */
export async function benchExec(root: string, runs: number, entry: string, env: Record<string, string>): Promise<{ exec: number; main: number }> {
  const actionYml = `${root}/action.yml`;
  const times = { exec: [] as number[], main: [] as number[] };
  for (let i = 0; i < runs + 2; i++) {
    const exec = await runStep(`${root}/dist/cli.js`, { job: newJob(), actionYml, env, args: ['exec', '--credentials', entry, '--', ...NOTHING] });
    const main = await runStep(`${root}/dist/main.js`, { job: newJob(), actionYml, inputs: { credentials: entry }, env });
    if (exec.code !== 0 || main.code !== 0) throw new Error(`keyless exec or the main step failed:\n${exec.stdout}${exec.stderr}${main.stdout}${main.stderr}`);
    // The first two rounds warm the file cache and the fakes.
    if (i >= 2) {
      times.exec.push(exec.elapsedMs);
      times.main.push(main.elapsedMs);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  return { exec: median(times.exec), main: median(times.main) };
}
