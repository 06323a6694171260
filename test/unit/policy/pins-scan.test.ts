import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllowList } from '../../../src/policy/pins/policy.js';
import { toSarif } from '../../../src/policy/pins/sarif.js';
import { scanText, scanWithPins } from '../../../src/policy/pins/scan.js';

const scan = (text: string, allow: string[] = []) => scanText('w.yml', text, parseAllowList(allow)).map((finding) => {
    const { file, offset, ...rest } = finding;
    expect(file).toBe('w.yml');
    if (offset) expect(offset[0]).toBeLessThan(offset[1]);
    return rest;
  });

describe('scanText', () => {
  it('reads flow-style workflows', () => {
    const found = scan('{on: push, jobs: {a: {runs-on: x, container: {image: "alpine:3"}, steps: [{uses: "actions/checkout@v4"}]}}}');
    expect(found.map((f) => f.ref)).toEqual(['alpine:3', 'actions/checkout@v4']);
    expect(found.every((f) => f.line === 1)).toBe(true);
  });

  it('reports an aliased step where it is anchored, once per use', () => {
    const found = scan('jobs:\n  a:\n    steps:\n      - &co\n        uses: x/y@v1\n      - *co\n');
    expect(found).toEqual([
      { line: 5, kind: 'unpinned-uses', ref: 'x/y@v1' },
      { line: 5, kind: 'unpinned-uses', ref: 'x/y@v1', alias_line: 6 },
    ]);
  });

  it('follows an aliased job and an aliased matrix', () => {
    const text = 'x-matrix: &m\n  image: [a:1]\njobs:\n  base: &job\n    strategy: {matrix: *m}\n    container: ${{ matrix.image }}\n  copy: *job\n';
    // Reached twice, through the aliased job: one finding per source position.
    expect(scan(text).map((f) => [f.line, f.ref])).toEqual([[6, 'a:1']]);
  });

  it('scans every document of a multi-document file', () => {
    expect(scan('jobs: {a: {steps: [{uses: a/b@v1}]}}\n---\njobs: {a: {steps: [{uses: c/d@v2}]}}\n').map((f) => [f.line, f.ref])).toEqual([[1, 'a/b@v1'], [3, 'c/d@v2']]);
  });

  it('counts lines the same with CRLF line endings', () => {
    const text = 'jobs:\n  a:\n    steps:\n      - run: x\n      - uses: "a/b@v1"\n';
    expect(scan(text.replace(/\n/g, '\r\n'))).toEqual(scan(text));
    expect(scan(text)[0]?.line).toBe(5);
  });

  it('accepts only a full commit and a real digest', () => {
    const text = `jobs:\n  a:\n    container: redis@8.0\n    services:\n      db: {image: "postgres@sha256:${'a'.repeat(64)}"}\n    steps:\n      - uses: a/b@${'f'.repeat(40)}\n      - uses: a/b@${'f'.repeat(39)}\n      - uses: ./local\n      - uses: $/self/action\n`;
    expect(scan(text).map((f) => [f.line, f.ref, f.note])).toEqual([[3, 'redis@8.0', 'malformed digest (not @sha256: and 64 hex)'], [8, `a/b@${'f'.repeat(39)}`, undefined]]);
  });

  it('reports malformed YAML as a finding with its line, not a crash', () => {
    expect(scan('jobs:\n  a:\n    steps: [\n')).toEqual([expect.objectContaining({ kind: 'invalid-yaml', line: 4 })]);
  });

  it('scans a 10,000-step workflow', () => {
    const steps = Array.from({ length: 10_000 }, (_, i) => `      - uses: o/r${i % 7}@${i % 2 === 0 ? 'v1' : 'a'.repeat(40)}`).join('\n');
    const found = scan(`jobs:\n  a:\n    steps:\n${steps}\n`);
    expect(found).toHaveLength(5_000);
    expect(found.at(-1)?.line).toBe(3 + 9_999);
  });

  it('scans an action with an extra top-level jobs: key (GitHub ignores it) as an action too', () => {
    const composite = scanText('action.yml', 'name: x\njobs: {}\nruns:\n  using: composite\n  steps:\n    - uses: evil/x@main\n', []);
    expect(composite.map((f) => f.ref)).toEqual(['evil/x@main']);
    const docker = scanText('action.yml', 'name: x\njobs: x\nruns:\n  using: docker\n  image: docker://alpine:3\n', []);
    expect(docker.map((f) => f.ref)).toEqual(['docker://alpine:3']);
  });

  it('lists the local actions and reusable workflows a file uses, from the parsed values, once each', () => {
    const text = [
      'jobs:',
      '  a:',
      '    uses: ./.github/workflows/r.yml',
      '  b:',
      '    steps:',
      '      - "uses": ./',
      '      - uses: >-',
      '          ./x',
      '      - uses: "\\x2E/y"',
      '      - name: &z ./z',
      '        uses: *z',
      '      - uses : ./x',
      '      - uses: $/elsewhere',
      '',
    ].join('\n');
    expect(scanWithPins('w.yml', text, []).locals).toEqual([
      { kind: 'workflow', path: '.github/workflows/r.yml' },
      { kind: 'action', path: '' },
      { kind: 'action', path: 'x' },
      { kind: 'action', path: 'y' },
      { kind: 'action', path: 'z' },
    ]);
  });

  it('lets the most specific allow rule win', () => {
    const text = 'jobs: {a: {steps: [{uses: github/codeql-action/init@v3}, {uses: github/codeql-action/analyze@v3}]}}';
    expect(scan(text, ['github/codeql-action/*=ref-pin', 'github/codeql-action/init=hash-pin']).map((f) => f.ref)).toEqual(['github/codeql-action/init@v3']);
  });
});

describe('toSarif', () => {
  it('is SARIF 2.1.0 with one rule per kind and a region per finding', () => {
    const sarif = toSarif(scanText('.github/workflows/w.yml', 'jobs: {a: {steps: [{uses: a/b@v1}]}}', [])) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.tool.driver.rules.map((r) => r.id)).toEqual(['unpinned-uses', 'unpinned-image', 'invalid-yaml', 'impostor-commit', 'ref-version-mismatch']);
    expect(sarif.runs[0]?.results[0]).toMatchObject({ ruleId: 'unpinned-uses', locations: [{ physicalLocation: { artifactLocation: { uri: '.github/workflows/w.yml' }, region: { startLine: 1 } } }] });
  });

  it("names the project's home from package.json as the rules' information page", () => {
    const { homepage } = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8')) as { homepage: string };
    const sarif = toSarif([]) as { runs: { tool: { driver: { informationUri: string } } }[] };
    expect(homepage).toMatch(/^https:\/\//);
    expect(sarif.runs[0]?.tool.driver.informationUri).toBe(homepage);
  });
});
