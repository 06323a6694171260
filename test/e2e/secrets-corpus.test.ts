import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dist, root } from './setup.js';

// The shared workflow corpus (../shared/corpus/workflows, never copied here): every `${{ … secrets.X … }}` a
// plain text search finds must be listed by keyless secrets.
const corpus = join(root, '..', 'shared', 'corpus', 'workflows');
const present = existsSync(corpus);
if (!present) console.log(`workflow corpus not found at ${corpus}: skipping the secrets corpus suite`);

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** `file:line secret` for each secrets.X inside ${{ }} on a line that is not a comment, by regex alone. */
function byRegex(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((text, i) => (/^\s*#/.test(text) ? [] : [...text.matchAll(/\$\{\{[^}]*?\bsecrets\.([\w-]+)/gi)].map((m) => `${relative(corpus, file)}:${String(i + 1)} ${(m[1] ?? '').toLowerCase()}`)))
    .filter((key) => !key.endsWith(' github_token'));
}

describe.runIf(present)('keyless secrets on the shared workflow corpus', () => {
  it('lists every stored secret a plain regex pass finds', () => {
    const files = present ? yamlFiles(corpus).map((f) => relative(corpus, f)) : [];
    const run = spawnSync(process.execPath, [join(dist, 'cli.js'), 'secrets', '--format', 'json', '--fail-on', 'none', ...files], { cwd: corpus, encoding: 'utf8' });
    const report = JSON.parse(run.stdout) as { findings: { file: string; line: number; secret: string }[]; errors?: { file: string }[] };
    const unread = new Set((report.errors ?? []).map((e) => e.file));
    const found = new Set(report.findings.map((f) => `${f.file}:${String(f.line)} ${f.secret.toLowerCase()}`));
    const wanted = files.filter((f) => !unread.has(f)).flatMap((f) => byRegex(join(corpus, f)));
    console.log(`keyless secrets on ${String(files.length)} corpus files (${String(unread.size)} not YAML): ${String(wanted.length)} secrets.X by regex, ${String(found.size)} listed`);
    expect(wanted.length).toBeGreaterThan(0);
    expect(wanted.filter((key) => !found.has(key))).toEqual([]);
    expect(run.status).toBe(unread.size > 0 ? 1 : 0);
  });
});
