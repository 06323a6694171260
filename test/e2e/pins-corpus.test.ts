import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dist, root } from './setup.js';

// zizmor's integration inputs with expected findings, from ../shared/corpus (never copied here).
const corpus = join(root, '..', 'shared', 'corpus', 'workflows');
const present = existsSync(join(corpus, 'expected.json'));
if (!present) console.log(`workflow corpus not found at ${corpus}: skipping the pins corpus suite`);

interface Expected {
  file: string;
  line: number;
  kind: string;
  ref: string;
}
interface Corpus {
  files: Record<string, { expected_strict: Expected[] }>;
  policy_variants: Record<string, { input: string; expected?: Expected[]; expected_error?: string }>;
}
const expected: Corpus = present ? (JSON.parse(readFileSync(join(corpus, 'expected.json'), 'utf8')) as Corpus) : { files: {}, policy_variants: {} };

function pins(...args: string[]) {
  const run = spawnSync(process.execPath, [join(dist, 'cli.js'), 'pins', ...args], { cwd: corpus, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const key = (f: Expected) => `${f.file}:${String(f.line)} ${f.kind} ${f.ref}`;

describe.runIf(present)('keyless pins --policy strict on the zizmor corpus', () => {
  for (const [file, { expected_strict: wanted }] of Object.entries(expected.files)) {
    it(`${file}: exactly ${String(wanted.length)} finding(s)`, () => {
      const run = pins('--policy', 'strict', '--format', 'json', file);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(wanted.length > 0 ? 1 : 0);
      const found = (JSON.parse(run.stdout) as { findings: Expected[] }).findings;
      expect(found.map(key).sort()).toEqual(wanted.map(key).sort());
    });
  }
});

describe.runIf(present)('pin-allow expresses zizmor policy configs', () => {
  for (const [config, variant] of Object.entries(expected.policy_variants)) {
    it(config, () => {
      const document = parse(readFileSync(join(corpus, config), 'utf8')) as { rules: { 'unpinned-uses': { config: { policies: unknown } } } };
      const policies = document.rules['unpinned-uses'].config.policies;
      // A policies value that is not a mapping has no flag form; it arrives as a pattern that is refused.
      const allow = policies !== null && typeof policies === 'object' && !Array.isArray(policies) ? Object.entries(policies).map(([p, v]) => `${p}=${String(v)}`) : [JSON.stringify(policies)];
      const run = pins('--format', 'json', ...allow.flatMap((rule) => ['--allow', rule]), variant.input);
      if (variant.expected_error !== undefined) {
        expect(run.code).toBe(2);
        // zizmor's wording where Keyless makes the same point; its serde messages map onto ours.
        const said = /^(invalid pattern|cannot use exact ref)/.test(variant.expected_error)
          ? variant.expected_error
          : variant.expected_error.startsWith('unknown variant')
            ? 'unknown pin policy "does not exist"'
            : 'invalid pattern';
        expect(run.stderr).toContain(said);
        return;
      }
      const found = (JSON.parse(run.stdout) as { findings: Expected[] }).findings;
      expect(found.map(key).sort()).toEqual((variant.expected ?? []).map(key).sort());
    });
  }
});
