import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFiles } from '../../../../src/policy/pins/files.js';
import { classify } from '../../../../src/policy/secrets/classify.js';
import { inventory } from '../../../../src/policy/secrets/inventory.js';
import { type Rule, RULES } from '../../../../src/policy/secrets/rules.js';
import { scanSecrets } from '../../../../src/policy/secrets/scan.js';

// Real-world-shaped workflows with hand-written expected findings (test/fixtures/secrets/expected.json).
const folder = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'secrets');
// Workflows sit at the top of the folder rather than in .github/workflows, so findFiles lists only the actions.
const files = [...findFiles(folder), ...readdirSync(folder).filter((f) => f.endsWith('.yml')).map((f) => join(folder, f))].sort();
const expected = (JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as { findings: Row[] }).findings;

interface Row {
  file: string;
  line: number;
  secret: string;
  kind: string;
}

const key = (r: Row) => `${r.file}:${String(r.line)} ${r.secret} ${r.kind}`;

describe('the fixture set', () => {
  const found: Row[] = files.flatMap((path) => inventory(relative(folder, path), readFileSync(path, 'utf8')).map(({ file, line, secret, kind }) => ({ file, line, secret, kind })));

  it('holds at least 30 workflow and action files', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  it('scores precision and recall of at least 0.95 against the hand-written findings', () => {
    const want = new Set(expected.map(key));
    const got = new Set(found.map(key));
    const hits = [...got].filter((k) => want.has(k)).length;
    const precision = hits / got.size;
    const recall = hits / want.size;
    console.log(`keyless secrets on ${String(files.length)} fixture files: ${String(want.size)} expected, ${String(got.size)} found, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    console.log(`  missed: ${[...want].filter((k) => !got.has(k)).join(', ') || 'none'}`);
    console.log(`  extra:  ${[...got].filter((k) => !want.has(k)).join(', ') || 'none'}`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('exercises every rule of the classification table', () => {
    const used = new Set<Rule>();
    for (const path of files) {
      for (const use of scanSecrets(relative(folder, path), readFileSync(path, 'utf8'))) {
        const { rule } = classify(use);
        if (rule) used.add(rule);
      }
    }
    const unused = RULES.filter((rule) => !used.has(rule)).map((rule) => JSON.stringify(rule, (_k, v: unknown) => (v instanceof RegExp ? v.source : v)));
    expect(unused).toEqual([]);
  });

  it('covers secrets: inherit, reusable workflows, env at all three levels, run scripts and composite actions', () => {
    const consumers = new Set(files.flatMap((path) => scanSecrets(path, readFileSync(path, 'utf8')).map((u) => (u.consumer.type === 'env' ? `env:${u.consumer.level}` : u.consumer.type))));
    for (const kind of ['inherit', 'reusable', 'env:workflow', 'env:job', 'env:step', 'run', 'input', 'container']) expect(consumers, kind).toContain(kind);
    expect(files.some((f) => f.endsWith('action.yml'))).toBe(true);
  });
});
