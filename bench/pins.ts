// Pin-scan throughput: the workflow corpus replicated to 5,000 files, scanned in-process (one core) and
// through `keyless pins` on a directory, as CI would run it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpClient } from '../src/http/client.js';
import { fixText } from '../src/policy/pins/fix.js';
import { parseAllowList } from '../src/policy/pins/policy.js';
import { scanText } from '../src/policy/pins/scan.js';

const COPIES = 5_000;

/** Answers every git ref with a commit and every manifest with a digest: the fixer's own cost, no API latency. */
const resolver: HttpClient = {
  request: (req) => {
    const manifest = req.url.pathname.includes('/manifests/');
    const body = manifest ? '{}' : JSON.stringify({ object: { sha: 'a'.repeat(40), type: 'commit' } });
    const headers = { 'content-type': 'application/json', ...(manifest ? { 'docker-content-digest': `sha256:${createHash('sha256').update(body).digest('hex')}` } : {}) };
    return Promise.resolve({ status: 200, headers, body, bytes: Buffer.from(body), attempts: 1 });
  },
};

export async function benchFix(corpus: string): Promise<number | undefined> {
  if (!existsSync(join(corpus, 'expected.json'))) return undefined;
  const names = Object.keys((JSON.parse(readFileSync(join(corpus, 'expected.json'), 'utf8')) as { files: Record<string, unknown> }).files);
  const texts = names.map((name) => readFileSync(join(corpus, name), 'utf8'));
  const allow = parseAllowList([]);
  const deps = { http: resolver, api: new URL('https://api.github.com') };
  const start = performance.now();
  for (let i = 0; i < COPIES; i++) {
    const text = texts[i % texts.length] ?? '';
    await fixText(text, scanText(`f${i}.yml`, text, allow), deps);
  }
  return COPIES / ((performance.now() - start) / 1000);
}

export function benchPins(corpus: string, scratch: string, cli: string): { inProcess: number; viaCli: number } | undefined {
  if (!existsSync(join(corpus, 'expected.json'))) return undefined;
  const names = Object.keys((JSON.parse(readFileSync(join(corpus, 'expected.json'), 'utf8')) as { files: Record<string, unknown> }).files);
  const texts = names.map((name) => readFileSync(join(corpus, name), 'utf8'));
  const allow = parseAllowList([]);
  const start = performance.now();
  for (let i = 0; i < COPIES; i++) scanText(`f${i}.yml`, texts[i % texts.length] ?? '', allow);
  const inProcess = COPIES / ((performance.now() - start) / 1000);

  const dir = join(scratch, 'pins', '.github', 'workflows');
  rmSync(join(scratch, 'pins'), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < COPIES; i++) writeFileSync(join(dir, `w${i}.yml`), texts[i % texts.length] ?? '');
  const cliStart = performance.now();
  spawnSync(process.execPath, [cli, 'pins', '--format', 'json', join(scratch, 'pins')], { stdio: 'ignore' });
  const viaCli = COPIES / ((performance.now() - cliStart) / 1000);
  return { inProcess, viaCli };
}
