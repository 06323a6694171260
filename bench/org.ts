// Organisation scan: `keyless pins --github-org` against the loopback fake of generated repositories
// (rate limits mixed in), run as a user runs it. The fake answers at loopback speed, so repositories per
// second measure Keyless's own overhead; the peak RSS at two sizes shows whether memory grows with them.
import { spawn } from 'node:child_process';
import { startGitHubOrg } from '../test/fakes/github-org.js';

const TOKEN = 'ghp_benchToken000000000000000000000000000';
// Printed by the child at exit: its own peak resident set, in kB.
const REPORT_RSS = "data:text/javascript,process.on('exit',()=>process.stderr.write('\\nRSS '+process.resourceUsage().maxRSS+'\\n'))";

export async function benchOrg(cli: string): Promise<{ size: number; perSecond: number; rssMb: number }[]> {
  const results = [];
  for (const size of [500, 2000]) {
    const fake = await startGitHubOrg({ org: 'acme', repositories: size, token: TOKEN, rateLimitEvery: 997 });
    const start = performance.now();
    const stderr = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, ['--import', REPORT_RSS, cli, 'pins', '--github-org', 'acme', '--format', 'json', '--concurrency', '16'], {
        env: { PATH: process.env.PATH ?? '', GITHUB_API_URL: fake.url, GITHUB_TOKEN: TOKEN },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let text = '';
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('close', () => resolve(text));
    });
    const seconds = (performance.now() - start) / 1000;
    await fake.close();
    const rss = Number(/RSS (\d+)/.exec(stderr)?.[1] ?? Number.NaN);
    results.push({ size, perSecond: size / seconds, rssMb: rss / 1024 });
  }
  return results;
}
