import { describe, expect, it } from 'vitest';
import { placedRefs, secretRefs } from '../../../../src/policy/secrets/refs.js';
import { scanSecrets } from '../../../../src/policy/secrets/scan.js';

const job = (steps: string) => `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n${steps}`;
const brief = (text: string) => scanSecrets('w.yml', text).map(({ line, secret }) => ({ line, secret }));

describe('secretRefs: where an expression ends', () => {
  it('does not end an expression at a }} inside a string literal, only at the first one outside', () => {
    expect(secretRefs("echo ${{ format('}}{0}', secrets.NPM_TOKEN) }} | npm login").map((r) => r.name)).toEqual(['NPM_TOKEN']);
    expect(secretRefs("${{ 'a}}' }} secrets.B ${{ secrets.C }}").map((r) => r.name)).toEqual(['C']);
  });

  it("keeps an escaped quote ('') inside its literal, and reads nothing after a quote never closed (GitHub refuses it)", () => {
    expect(secretRefs("${{ format('it''s }}', secrets.A) }}").map((r) => r.name)).toEqual(['A']);
    expect(secretRefs("${{ format('}}, secrets.A) }}")).toEqual([]);
  });
});

describe('placedRefs', () => {
  it('places a reference seen in the source at its offset there', () => {
    expect(placedRefs('"x ${{ secrets.A }}"', 'x ${{ secrets.A }}', false)).toEqual([{ name: 'A', offset: 7 }]);
  });

  it('places a reference only the parsed value shows at the scalar start', () => {
    expect(placedRefs('"\\x24{{ secrets.A }}"', '${{ secrets.A }}', false)).toEqual([{ name: 'A', offset: 0 }]);
  });

  it('does not report a reference only the source shows: GitHub reads the value', () => {
    expect(placedRefs('"${{ \'\\x27 }} secrets.A \'}}"', "${{ '' }} secrets.A '}}", false)).toEqual([]);
  });
});

describe('scanSecrets on values spelled with YAML escapes', () => {
  const env = (value: string) => job(`      - run: echo "$K"\n        env:\n          K: ${value}\n`);

  it.each([
    ['an escaped $', '"\\x24{{ secrets.AWS_SECRET_ACCESS_KEY }}"'],
    ['an escaped letter of secrets', '"${{ secr\\u0065ts.AWS_SECRET_ACCESS_KEY }}"'],
    ['an escaped closing brace', '"${{ secrets.AWS_SECRET_ACCESS_KEY \\x7d}"'],
    ['a single-quoted scalar hiding }} in a literal', "'${{ format(''}}'', secrets.AWS_SECRET_ACCESS_KEY) }}'"],
  ])('finds a reference written with %s, on the scalar line', (_name, value) => {
    expect(brief(env(value))).toEqual([{ line: 8, secret: 'AWS_SECRET_ACCESS_KEY' }]);
  });

  it('places an escaped reference in a multi-line scalar on its first line, and a plain one on its own', () => {
    const found = brief(job('      - run: "echo\n          \\x24{{ secrets.A }}\n          ${{ secrets.B }}"\n'));
    expect(found).toEqual([{ line: 6, secret: 'A' }, { line: 8, secret: 'B' }]);
  });

  it('reads an escaped condition', () => {
    expect(brief(job('      - if: "secr\\u0065ts.A != \'\'"\n        run: echo\n'))).toEqual([{ line: 6, secret: 'A' }]);
  });

  it('finds the secret after format(\'}}\', …) in a run script, on its line', () => {
    expect(brief(job("      - run: |\n          echo one\n          echo ${{ format('}}{0}', secrets.NPM_TOKEN) }} | npm login\n"))).toEqual([{ line: 8, secret: 'NPM_TOKEN' }]);
  });
});
