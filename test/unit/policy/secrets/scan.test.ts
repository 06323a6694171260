import { describe, expect, it } from 'vitest';
import { KeylessError } from '../../../../src/errors.js';
import { secretRefs } from '../../../../src/policy/secrets/refs.js';
import { InvalidYaml, scanSecrets } from '../../../../src/policy/secrets/scan.js';

const job = (steps: string, extra = '') => `on: push\n${extra}jobs:\n  a:\n    runs-on: x\n    steps:\n${steps}`;
const brief = (text: string) => scanSecrets('w.yml', text).map(({ line, secret, consumer }) => ({ line, secret, consumer }));

describe('secretRefs', () => {
  it('finds secrets.X and secrets[\'X\'] in any case, inside longer expressions only', () => {
    expect(secretRefs("${{ SECRETS.a || secrets['B-c'] }} secrets.C ${{ format('{0}', Secrets.D) }}").map((r) => r.name)).toEqual(['a', 'B-c', 'D']);
  });

  it('ignores contexts that merely end in "secrets" and text outside ${{ }}', () => {
    expect(secretRefs('${{ inputs.secrets.X }} ${{ needs.a.outputs.secrets }} echo secrets.Y ${ secrets.Z }')).toEqual([]);
  });

  it('reports the whole secrets context read at once as *, but not the word in a string literal', () => {
    expect(secretRefs("${{ toJSON(secrets) }} ${{ secrets[matrix.name] }} ${{ format('no secrets here') }}").map((r) => r.name)).toEqual(['*', '*']);
    expect(secretRefs("contains(x, 'secrets')", true)).toEqual([]);
  });

  it('reads a condition as an expression without ${{ }}', () => {
    expect(secretRefs("secrets.X != ''", true).map((r) => r.name)).toEqual(['X']);
    expect(secretRefs("secrets.X != ''")).toEqual([]);
  });
});

describe('scanSecrets', () => {
  it('reports the line inside a block scalar run: script', () => {
    const found = brief(job('      - run: |\n          echo one\n\n          echo ${{ secrets.TOKEN }}\n'));
    expect(found).toEqual([{ line: 9, secret: 'TOKEN', consumer: { type: 'run' } }]);
  });

  it('reports the line inside a folded scalar and a multi-line quoted one', () => {
    expect(brief(job('      - run: >\n          curl\n          -H "${{ secrets.A }}"\n      - run: "echo\n          ${{ secrets.B }}"\n')).map((f) => f.line)).toEqual([8, 10]);
  });

  it('lists one finding per line and secret name, names compared as GitHub does (case-insensitively)', () => {
    const found = brief(job('      - run: echo ${{ secrets.X }} ${{ secrets.x }} ${{ secrets.Y }}\n'));
    expect(found.map((f) => f.secret)).toEqual(['X', 'Y']);
  });

  it('never lists secrets.GITHUB_TOKEN, in any case', () => {
    expect(brief(job('      - run: echo ${{ secrets.GITHUB_TOKEN }} ${{ secrets.github_token }} ${{ secrets[\'GitHub_Token\'] }}\n'))).toEqual([]);
  });

  it('names the consumer: action input, env at each level, reusable workflow and secrets: inherit', () => {
    const text = [
      'on: push',
      'env:',
      '  W: ${{ secrets.W }}',
      'jobs:',
      '  a:',
      '    runs-on: x',
      '    env:',
      '      J: ${{ secrets.J }}',
      '    steps:',
      '      - uses: acme/act@v1',
      '        with:',
      '          key: ${{ secrets.I }}',
      '        env:',
      '          S: ${{ secrets.S }}',
      '  b:',
      '    uses: acme/wf/.github/workflows/r.yml@v1',
      '    secrets:',
      '      token: ${{ secrets.R }}',
      '  c:',
      '    uses: acme/wf/.github/workflows/r.yml@v1',
      '    secrets: inherit',
      '',
    ].join('\n');
    expect(brief(text)).toEqual([
      { line: 3, secret: 'W', consumer: { type: 'env', level: 'workflow', name: 'W' } },
      { line: 8, secret: 'J', consumer: { type: 'env', level: 'job', name: 'J' } },
      { line: 12, secret: 'I', consumer: { type: 'input', action: 'acme/act@v1', input: 'key' } },
      { line: 14, secret: 'S', consumer: { type: 'env', level: 'step', name: 'S', action: 'acme/act@v1' } },
      { line: 18, secret: 'R', consumer: { type: 'reusable', workflow: 'acme/wf/.github/workflows/r.yml@v1', name: 'token' } },
      { line: 21, secret: '*', consumer: { type: 'inherit', workflow: 'acme/wf/.github/workflows/r.yml@v1' } },
    ]);
  });

  it('reads the steps of a composite action', () => {
    const found = brief('name: x\nruns:\n  using: composite\n  steps:\n    - uses: acme/act@v1\n      with:\n        token: ${{ secrets.T }}\n    - run: echo ${{ secrets.U }}\n      shell: bash\n');
    expect(found).toEqual([
      { line: 7, secret: 'T', consumer: { type: 'input', action: 'acme/act@v1', input: 'token' } },
      { line: 8, secret: 'U', consumer: { type: 'run' } },
    ]);
    expect(scanSecrets('action.yml', 'runs:\n  using: composite\n  steps:\n    - run: echo ${{ secrets.U }}\n')[0]?.id_token_write).toBeNull();
  });

  it('reads an action.yml with an extra top-level jobs: key as the action it is', () => {
    const found = scanSecrets('.github/actions/a/action.yml', 'jobs: {}\nruns:\n  using: composite\n  steps:\n    - run: echo ${{ secrets.U }}\n      shell: bash\n');
    expect(found.map(({ line, consumer }) => ({ line, consumer }))).toEqual([{ line: 5, consumer: { type: 'run' } }]);
  });

  it('says whether id-token: write is granted, a job\'s permissions replacing the workflow\'s', () => {
    const text = [
      'on: push',
      'permissions:',
      '  id-token: write',
      'jobs:',
      '  inherits:',
      '    steps: [{run: "${{ secrets.A }}"}]',
      '  overrides:',
      '    permissions: {contents: read}',
      '    steps: [{run: "${{ secrets.B }}"}]',
      '  all:',
      '    permissions: write-all',
      '    steps: [{run: "${{ secrets.C }}"}]',
      '',
    ].join('\n');
    expect(scanSecrets('w.yml', text).map((u) => [u.secret, u.id_token_write])).toEqual([['A', true], ['B', false], ['C', true]]);
    expect(scanSecrets('w.yml', job('      - run: echo ${{ secrets.D }}\n'))[0]?.id_token_write).toBe(false);
  });

  it('reports a secret in an anchored step once, at the anchor', () => {
    const found = brief('on: push\njobs:\n  a:\n    steps:\n      - &s\n        run: echo ${{ secrets.A }}\n  b:\n    steps:\n      - *s\n');
    expect(found).toEqual([{ line: 6, secret: 'A', consumer: { type: 'run' } }]);
  });

  it('refuses a file that multiplies itself through aliases', () => {
    const bomb = ['a: &a ["${{ secrets.X }}", "${{ secrets.X }}", "${{ secrets.X }}", "${{ secrets.X }}", "${{ secrets.X }}", "${{ secrets.X }}", "${{ secrets.X }}", "${{ secrets.X }}", "${{ secrets.X }}", "${{ secrets.X }}"]'];
    for (const name of ['b', 'c', 'd', 'e', 'f', 'g', 'h']) bomb.push(`${name}: &${name} [${Array(10).fill(`*${String.fromCharCode(name.charCodeAt(0) - 1)}`).join(', ')}]`);
    bomb.push('jobs: {}');
    let error: unknown;
    try {
      scanSecrets('w.yml', bomb.join('\n'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KeylessError);
    expect((error as KeylessError).code).toBe('INPUT_TOO_LARGE');
  });

  it('refuses a file that is not YAML, naming the line', () => {
    expect(() => scanSecrets('w.yml', 'on: push\njobs:\n  a: [\n')).toThrow(InvalidYaml);
  });

  it('reads nothing in comments', () => {
    expect(brief(job('      # ${{ secrets.A }}\n      - run: echo # ${{ secrets.B }}\n'))).toEqual([]);
  });
});
