import { describe, expect, it } from 'vitest';
import { Problems } from '../../../src/config/problems.js';
import { loadYaml } from '../../../src/config/yaml.js';
import { KeylessError } from '../../../src/errors.js';
import { checkClaims, globToRegExp, readClaimRules } from '../../../src/policy/claims.js';

// How require-claims is read and how a refusal reads: the cases the first suite leaves open (found by
// mutation testing, `npm run mutate`).

function read(text: string) {
  const problems = new Problems();
  const rules = readClaimRules(loadYaml(text, 'require-claims'), 'require-claims', problems);
  return { rules, problems: problems.items.map((p) => `${p.at}${p.line === undefined ? '' : ` (line ${p.line})`}: ${p.message}`) };
}

function refusal(text: string, claims: Record<string, unknown>, source?: string): KeylessError {
  const { rules, problems } = read(text);
  expect(problems).toEqual([]);
  try {
    checkClaims(rules, claims, source);
  } catch (error) {
    expect(error).toBeInstanceOf(KeylessError);
    return error as KeylessError;
  }
  throw new Error('the claims were accepted');
}

describe('require-claims, reading the rules', () => {
  it('takes an empty value as no rules, without a problem', () => {
    expect(read('')).toEqual({ rules: [], problems: [] });
    expect(read('~')).toEqual({ rules: [], problems: [] });
    const problems = new Problems();
    expect(readClaimRules({ ...loadYaml('', 'require-claims'), value: undefined }, 'require-claims', problems)).toEqual([]);
    expect(problems.items).toEqual([]);
  });

  it.each([
    ['- ref', 'a list'],
    ['refs/heads/main', 'a string'],
    ['42', 'a number'],
  ])('refuses %j: the rules are a mapping', (text, what) => {
    expect(read(text)).toEqual({ rules: [], problems: [`require-claims: must be a mapping of claim: allowed value(s), not ${what}`] });
  });

  it('takes numbers and booleans as their text', () => {
    const { rules, problems } = read('run_attempt: 1\nrunner_environment_ok: true\nref: [refs/heads/main, 2]');
    expect(problems).toEqual([]);
    expect(rules.map((rule) => [rule.claim, rule.allowed])).toEqual([
      ['run_attempt', ['1']],
      ['runner_environment_ok', ['true']],
      ['ref', ['refs/heads/main', '2']],
    ]);
  });

  it.each([
    ['an empty list', 'ref: []'],
    ['a list holding a mapping', 'ref: [refs/heads/main, {a: 1}]'],
    ['null', 'ref: ~'],
  ])('refuses %s as a claim\'s allowed values, naming the claim and its line', (_name, text) => {
    expect(read(`environment: prod\n${text}`)).toEqual({
      rules: [expect.objectContaining({ claim: 'environment' }) as unknown],
      problems: ['require-claims.ref (line 2): must be a value or a list of values (strings, numbers or booleans)'],
    });
  });
});

describe('require-claims, checking a token', () => {
  it('lets * match across a line break in the claim too (the whole value is matched)', () => {
    expect(globToRegExp('refs/heads/*').test('refs/heads/a\nb')).toBe(true);
    expect(globToRegExp('a*').test('a\n')).toBe(true);
  });

  it('compares a number or boolean claim by its text', () => {
    const { rules } = read('run_attempt: 1\nfork: false');
    expect(() => { checkClaims(rules, { run_attempt: 1, fork: false }); }).not.toThrow();
    expect(refusal('run_attempt: 1', { run_attempt: 2 }).message).toContain('run_attempt is "2", allowed: "1"');
    expect(refusal('fork: false', { fork: true }).message).toContain('fork is "true", allowed: "false"');
  });

  it('says a claim is not a scalar when it is an object or a list, and absent when it is missing', () => {
    expect(refusal('ref: refs/heads/main', { ref: { nested: 'refs/heads/main' } }).message).toContain('ref is not a scalar, allowed: "refs/heads/main"');
    expect(refusal('ref: refs/heads/main', { ref: ['refs/heads/main'] }).message).toContain('ref is not a scalar');
    expect(refusal('ref: refs/heads/main', {}).message).toContain('ref is absent');
  });

  it('lists every allowed value and every refused claim, and says what to do', () => {
    const error = refusal('ref: [refs/heads/main, refs/tags/v*]\nenvironment: prod', { ref: 'refs/heads/dev', environment: 'staging' });
    expect(error.code).toBe('CLAIMS_REFUSED');
    expect(error.message).toBe(
      'the job\'s OIDC token does not meet require-claims: ref is "refs/heads/dev", allowed: "refs/heads/main", "refs/tags/v*"; environment is "staging", allowed: "prod"',
    );
    expect(error.hint).toBe('no credential was requested; run from an allowed ref/workflow/environment or widen require-claims');
  });

  it('names a subject token from elsewhere as such, and points at its issuer and subject', () => {
    const error = refusal('sub: repo:acme/*', { sub: 'system:serviceaccount:ci:deployer' }, 'the file /var/run/secrets/token');
    expect(error.message).toBe('the subject token from the file /var/run/secrets/token does not meet require-claims: sub is "system:serviceaccount:ci:deployer", allowed: "repo:acme/*"');
    expect(error.hint).toBe('no credential was requested; the claims shown are that token\'s: check its issuer and subject, or widen require-claims');
  });
});
