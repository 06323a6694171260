import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionRuns, postRuns } from '../fakes/action-manifest.js';
import { newJob, runJob, runMain, runPost } from '../fakes/runner-harness.js';
import { leftovers } from '../fakes/temp-tree.js';
import { actionYml, dist } from './setup.js';

// The harness is what every e2e test trusts to run the action as a runner would: it takes the entry points
// and post-if from action.yml, and holds post to leaving RUNNER_TEMP as main found it. Checked here on
// throwaway actions, so a harness that quietly stopped doing either would fail.

/** A JavaScript action in a fresh folder: action.yml's `runs` plus the two scripts. */
function action(runs: string, main: string, post: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'keyless-action-'));
  mkdirSync(join(dir, 'lib'));
  writeFileSync(join(dir, 'lib', 'start.js'), main);
  writeFileSync(join(dir, 'lib', 'stop.js'), post);
  writeFileSync(join(dir, 'action.yml'), `name: t\ninputs:\n  who:\n    default: world\nruns:\n${runs}`);
  return join(dir, 'action.yml');
}

const MAKES_FOLDER = `const { mkdirSync, writeFileSync } = require('node:fs');
const dir = require('node:path').join(process.env.RUNNER_TEMP, 'keyless-x');
mkdirSync(dir);
writeFileSync(dir + '/secret', 'x');
console.log('hello ' + process.env.INPUT_WHO);
process.exitCode = Number(process.env.MAIN_EXIT ?? 0);`;
const DELETES_FILES_ONLY = `require('node:fs').rmSync(require('node:path').join(process.env.RUNNER_TEMP, 'keyless-x', 'secret'));
console.log('post ran');`;
const DELETES_ALL = `require('node:fs').rmSync(require('node:path').join(process.env.RUNNER_TEMP, 'keyless-x'), { recursive: true });
console.log('post ran');`;

describe('the runner harness', () => {
  it("reads this repository's action.yml: node24, dist/main.js and dist/post.js, post-if always()", () => {
    expect(actionRuns(actionYml)).toEqual({ node: 24, main: join(dist, 'main.js'), post: join(dist, 'post.js'), postIf: 'always()' });
  });

  it('runs the entries action.yml names, relative to its folder, with its input defaults', async () => {
    const yml = action('  using: node24\n  main: lib/start.js\n  post: lib/stop.js\n', MAKES_FOLDER, DELETES_ALL);
    const { main, post } = await runJob({ job: newJob(), actionYml: yml });
    expect(main.stdout).toBe('hello world\n');
    expect(post?.stdout).toBe('post ran\n');
  });

  it('runs post after a failed main under post-if: always(), and skips it under success()', async () => {
    const always = action('  using: node24\n  main: lib/start.js\n  post: lib/stop.js\n  post-if: always()\n', MAKES_FOLDER, DELETES_ALL);
    const failed = await runJob({ job: newJob(), actionYml: always, env: { MAIN_EXIT: '1' } });
    expect(failed.main.code).toBe(1);
    expect(failed.post?.code).toBe(0);
    const success = action('  using: node24\n  main: lib/start.js\n  post: lib/stop.js\n  post-if: success()\n', MAKES_FOLDER, DELETES_ALL);
    const job = newJob();
    expect((await runJob({ job, actionYml: success, env: { MAIN_EXIT: '1' } })).post).toBeUndefined();
    expect(readdirSync(job.temp)).toEqual(['keyless-x']);
  });

  it('fails a post step that deletes the files main wrote but not the folder', async () => {
    const yml = action('  using: node24\n  main: lib/start.js\n  post: lib/stop.js\n', MAKES_FOLDER, DELETES_FILES_ONLY);
    const options = { job: newJob(), actionYml: yml };
    const main = await runMain(options);
    await expect(runPost(options, main)).rejects.toThrow(/left in RUNNER_TEMP what the main step created: keyless-x\//);
    const again = { job: newJob(), actionYml: yml };
    await expect(runPost({ ...again, mayRemain: [/^keyless-x\/$/] }, await runMain(again))).resolves.toMatchObject({ code: 0 });
  });

  it("puts what main added to GITHUB_PATH first on post's PATH, the last added first", async () => {
    const main = `require('node:fs').appendFileSync(process.env.GITHUB_PATH, '/opt/a\\n/opt/b\\n/opt/a\\n');`;
    const yml = action('  using: node24\n  main: lib/start.js\n  post: lib/stop.js\n', main, "console.log(process.env.PATH.split(require('node:path').delimiter).slice(0, 2).join(' '));");
    const { post } = await runJob({ job: newJob(), actionYml: yml });
    expect(post?.stdout).toBe('/opt/a /opt/b\n');
  });

  it('fails a step whose job summary the runner would refuse (over 128 KiB)', async () => {
    const yml = action('  using: node24\n  main: lib/start.js\n', `require('node:fs').appendFileSync(process.env.GITHUB_STEP_SUMMARY, 'x'.repeat(128 * 1024 + 1));`, '');
    await expect(runMain({ job: newJob(), actionYml: yml })).rejects.toThrow(/job summary of 131073 bytes/);
  });

  it('refuses an action it cannot run as the runner would', () => {
    expect(() => actionRuns(action('  using: docker\n  image: Dockerfile\n', '', ''))).toThrow(/JavaScript actions only/);
    expect(() => actionRuns(action('  using: node24\n', '', ''))).toThrow(/runs.main is required/);
    expect(() => postRuns('github.event_name == push', true)).toThrow(/cannot evaluate post-if/);
    expect(postRuns('${{ failure() }}', false)).toBe(true);
  });
});

describe('leftovers', () => {
  const set = (...entries: string[]) => new Set(entries);
  it("names what main created and post left, and what post created, but not another step's entries", () => {
    const main = { before: set('mine/'), after: set('mine/', 'keyless-a/', 'keyless-a/f', 'keyless-audit-1.json') };
    const beforePost = set('mine/', 'keyless-a/', 'keyless-a/f', 'keyless-audit-1.json', 'later-step/');
    const afterPost = set('mine/', 'keyless-a/', 'keyless-audit-1.json', 'later-step/', 'post-made');
    expect(leftovers(main, beforePost, afterPost, [/^keyless-audit-[^/]+\.json$/])).toEqual(['keyless-a/', 'post-made']);
  });
});
