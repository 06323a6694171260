import { describe, expect, it } from 'vitest';
import { KeylessError } from '../../../src/errors.js';
import { MAX_EXPANDED_NODES } from '../../../src/policy/pins/budget.js';
import { parseAllowList } from '../../../src/policy/pins/policy.js';
import { MAX_FINDINGS_PER_FILE, scanText, scanWithPins } from '../../../src/policy/pins/scan.js';

const allow = parseAllowList([]);

function jobsSharingSteps(steps: number, jobs: number): string {
  const lines = ['jobs:', '  a:', '    steps: &s'];
  for (let i = 0; i < steps; i++) lines.push(`      - uses: acme/tool-${i}@v1`);
  for (let j = 0; j < jobs; j++) lines.push(`  j${j}: { steps: *s }`);
  return `${lines.join('\n')}\n`;
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof KeylessError ? error.code : 'not a KeylessError';
  }
  return undefined;
}

describe('the pin scanner on aliases and expansion', () => {
  it('scans a step list reused by 20 jobs, once per source position', () => {
    const { findings, omitted } = scanWithPins('w.yml', jobsSharingSteps(100, 20), allow);
    expect(findings.map((f) => f.line)).toEqual(Array.from({ length: 100 }, (_, i) => 4 + i));
    expect(omitted).toBe(0);
  });

  it('refuses a file whose aliases expand past the limit with INPUT_TOO_LARGE', () => {
    // 300 steps of 3 nodes each, named 300 times: 270,000 nodes from a file of 10,000 bytes.
    expect(codeOf(() => scanText('w.yml', jobsSharingSteps(300, 300), allow))).toBe('INPUT_TOO_LARGE');
  });

  it('charges matrix values an expression expands to, without any alias', () => {
    const values = Array.from({ length: 2_000 }, (_, i) => `i${i}`).join(', ');
    const services = Array.from({ length: 60 }, (_, i) => `      s${i}: { image: "\${{ matrix.image }}" }`).join('\n');
    const text = `jobs:\n  a:\n    strategy: { matrix: { image: [${values}] } }\n    services:\n${services}\n`;
    expect(2_000 * 60).toBeGreaterThan(MAX_EXPANDED_NODES);
    expect(codeOf(() => scanText('w.yml', text, allow))).toBe('INPUT_TOO_LARGE');
  });

  it('expands a repeated matrix leaf of one expression once', () => {
    const text = 'jobs:\n  a:\n    strategy: { matrix: { image: [a, b] } }\n    container: ${{ matrix.image || matrix.image || matrix.image }}\n';
    expect(scanText('w.yml', text, allow).map((f) => f.ref)).toEqual(['a', 'b']);
  });

  it('resolves an alias to the last anchor of its name before it, as YAML does', () => {
    const text = 'jobs:\n  a:\n    steps:\n      - uses: &u a/b@v1\n      - uses: *u\n      - uses: &u c/d@v2\n      - uses: *u\n';
    expect(scanText('w.yml', text, allow).map((f) => [f.line, f.ref])).toEqual([
      [4, 'a/b@v1'],
      [5, 'a/b@v1'],
      [6, 'c/d@v2'],
      [7, 'c/d@v2'],
    ]);
  });

  it('lists at most MAX_FINDINGS_PER_FILE findings and counts the rest; scanText (the fixer) keeps all', () => {
    const steps = Array.from({ length: MAX_FINDINGS_PER_FILE + 5 }, (_, i) => `      - uses: acme/t${i}@v1`).join('\n');
    const text = `jobs:\n  a:\n    steps:\n${steps}\n`;
    const { findings, omitted } = scanWithPins('w.yml', text, allow);
    expect([findings.length, omitted]).toEqual([MAX_FINDINGS_PER_FILE, 5]);
    expect(scanText('w.yml', text, allow)).toHaveLength(MAX_FINDINGS_PER_FILE + 5);
  });
});
